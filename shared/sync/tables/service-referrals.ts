import { isoDaySchema } from '../../casework/intake.ts';
import {
  SERVICE_CLOSE_REASONS,
  SERVICE_REFERRAL_REASONS,
  SERVICE_REFERRAL_STATUSES,
  SERVICE_TARGET_KINDS,
  mayTransition,
  targetProblem,
  type ServiceReferralStatus,
} from '../../programmes/service-referral-status.ts';
import { ALL_SERVICE_PLAN_STEPS } from '../../casework/service-plan.ts';
import { anyUuid, bool01, col, enumOf, text, timestamp } from './columns.ts';
import type { Problem, TableDecl } from './types.ts';

// Service referrals (서비스 연계, issue 17 item 4), in the jobseeker's scope. What the referral is to (kind,
// catalogue edition, programme, provider, plan step), why, and who made it never change after the
// insert; the steps change the status and their days. A step the machine forbids from the status the
// server holds, or a row whose days do not tell the path to its status, is refused by the flow
// server/sync/service-referral-check.ts (it alone knows whether the status changed concurrently, which
// goes to a review instead). Each step is also an append-only event whose from → to the machine allows.

const parent = { scope: 'parent' } as const;
const never = { update: 'never' } as const;
const day = isoDaySchema;

const invalid = (field: string, table: string): Problem => ({
  code: 'invalidValue',
  values: { field, table },
});

export const serviceReferralTables = {
  service_referrals: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, parent),
      target_kind: col(enumOf(SERVICE_TARGET_KINDS), never),
      catalogue_version: col(text(40, 1), never),
      programme_code: col(text(60).nullable(), never),
      provider_code: col(text(60).nullable(), never),
      provider_name: col(text(200).nullable()),
      course_name: col(text(200).nullable()),
      plan_step: col(enumOf(ALL_SERVICE_PLAN_STEPS as unknown as [string, ...string[]]).nullable(), never),
      reason_code: col(enumOf(SERVICE_REFERRAL_REASONS)),
      reason_text: col(text(1_000).nullable()),
      status: col(enumOf(SERVICE_REFERRAL_STATUSES), { optional: true }),
      referred_on: col(day, never),
      accepted_on: col(day.nullable()),
      declined_on: col(day.nullable()),
      started_on: col(day.nullable()),
      completed_on: col(day.nullable()),
      dropped_on: col(day.nullable()),
      close_reason_code: col(enumOf(SERVICE_CLOSE_REASONS).nullable()),
      close_reason_text: col(text(1_000).nullable()),
      outcome_note: col(text(2_000).nullable()),
      counselor_id: col(anyUuid, { author: 'user', update: 'never' }),
      created_at: col(timestamp, never),
      archived: col(bool01, { optional: true }),
    },
    check: (row) => {
      const table = 'service_referrals';
      const target = targetProblem(
        {
          kind: row['target_kind'] as 'training',
          programmeCode: (row['programme_code'] as string | null) ?? null,
          providerCode: (row['provider_code'] as string | null) ?? null,
          providerName: (row['provider_name'] as string | null) ?? null,
          courseName: (row['course_name'] as string | null) ?? null,
        },
        String(row['catalogue_version']),
      );
      if (target) return invalid(target, table);
      const written = (v: unknown) => typeof v === 'string' && v.trim() !== '';
      if (row['reason_code'] === 'other' && !written(row['reason_text']))
        return invalid('reason_text', table);
      if (row['close_reason_code'] === 'other' && !written(row['close_reason_text']))
        return invalid('close_reason_text', table);
      return null;
    },
  },
  service_referral_events: {
    insert: ['counselor', 'supervisor'],
    columns: {
      service_referral_id: col(anyUuid, parent),
      from_status: col(enumOf(SERVICE_REFERRAL_STATUSES).nullable()),
      to_status: col(enumOf(SERVICE_REFERRAL_STATUSES)),
      happened_on: col(day),
      reason_code: col(
        enumOf([...SERVICE_REFERRAL_REASONS, ...SERVICE_CLOSE_REASONS] as [string, ...string[]]).nullable(),
      ),
      note: col(text(2_000).nullable()),
      counselor_id: col(anyUuid, { author: 'user' }),
      at: col(timestamp),
    },
    // The referral itself (nothing → referred), or a step the machine allows.
    check: (row) => {
      const from = (row['from_status'] as ServiceReferralStatus | null) ?? null;
      const to = row['to_status'] as ServiceReferralStatus;
      const fits = from === null ? to === 'referred' : mayTransition(from, to);
      return fits ? null : invalid('to_status', 'service_referral_events');
    },
  },
} as const satisfies Record<string, TableDecl>;
