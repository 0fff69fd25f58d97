import { z } from 'zod';
import { daySchema } from '../../domain/day.ts';
import { FOLLOW_UP_MONTHS } from '../../domain/follow-ups.ts';
import { REFERRAL_EVENT_KINDS } from '../../referrals/state-machine.ts';
import { anyUuid, bool01, col, enumOf, jsonText, text, timestamp } from './columns.ts';
import type { TableDecl } from './types.ts';

// Referrals (알선, domain.md §6) and placements: a referral's state is the fold of its append-only
// events (the server checks each new event against the state machine: server/sync/derived-checks.ts);
// a placement and its follow-ups record a hire.

const day = daySchema('validation.date');
const parent = { scope: 'parent' } as const;
const never = { update: 'never' } as const;

/** What an event carries besides kind, time and counselor (shared/referrals ReferralEventData). */
const eventData = z
  .object({
    interviewOn: day.optional(),
    months: z.union(FOLLOW_UP_MONTHS.map((m) => z.literal(m))).optional(),
    employed: z.boolean().optional(),
    // The hire's first day (issue 15 item 4); the state machine refuses one before the interview.
    hiredOn: day.optional(),
  })
  .strict();

export const referralTables = {
  referrals: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, parent),
      opening_id: col(anyUuid),
      counselor_id: col(anyUuid, { author: 'user' }),
      created_at: col(timestamp),
      // 1 only when the jobseeker's optional (sharing) consent allows giving the contact to the employer.
      share_contact: col(bool01, { optional: true }),
    },
  },
  referral_events: {
    insert: ['counselor', 'supervisor'],
    columns: {
      referral_id: col(anyUuid, parent),
      kind: col(enumOf(REFERRAL_EVENT_KINDS)),
      at: col(timestamp),
      counselor_id: col(anyUuid, { author: 'user' }),
      note: col(text(2_000).nullable()),
      data: col(jsonText(1_000, eventData), { optional: true }),
    },
  },
  placements: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, parent),
      employer_id: col(anyUuid.nullable(), never),
      employer_name: col(text(100, 1), never),
      opening_id: col(anyUuid.nullable(), never),
      occupation: col(
        z
          .string()
          .regex(/^\d{4}$/)
          .nullable(),
        never,
      ),
      hired_on: col(day, never),
      source: col(text(30, 1), { optional: true, update: 'never' }),
      note: col(text(2_000).nullable(), never),
      counselor_id: col(anyUuid, { author: 'user', update: 'never' }),
      created_at: col(timestamp, never),
      archived: col(bool01, { optional: true }),
    },
  },
  placement_follow_ups: {
    insert: ['counselor', 'supervisor'],
    columns: {
      placement_id: col(anyUuid, parent),
      months: col(z.union(FOLLOW_UP_MONTHS.map((m) => z.literal(m)))),
      employed: col(bool01),
      at: col(timestamp),
      counselor_id: col(anyUuid, { author: 'user' }),
      note: col(text(2_000).nullable()),
    },
  },
} as const satisfies Record<string, TableDecl>;
