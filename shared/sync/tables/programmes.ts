import { z } from 'zod';
import { planGoalsSchema, planItemsSchema } from '../../programmes/action-plan.ts';
import { CATALOGUES, PROGRAMME_STAGES } from '../../programmes/catalogue.ts';
import {
  DECISION_REASONS,
  ELIGIBILITY_DECISIONS,
  eligibilityInputsSchema,
  reasonFits,
} from '../../programmes/eligibility.ts';
import {
  COMPLIANCE_DECISIONS,
  COMPLIANCE_REASONS,
  complianceReasonFits,
} from '../../programmes/obligations.ts';
import { centerFiguresSchema } from '../../programmes/center-figures.ts';
import { checkEnrolmentRow, enrolmentProgramme } from '../../programmes/stages.ts';
import { daySchema } from '../../domain/day.ts';
import { anyUuid, bool01, col, enumOf, int, jsonText, text, timestamp } from './columns.ts';
import type { Problem, TableDecl } from './types.ts';

// Programme enrolments (issue 17 item 2): a jobseeker's enrolment in a catalogue programme with stages,
// in the jobseeker's scope, with its history, its Individual Action Plan and its obligation decisions.
// The catalogue edition is fixed at insert; the stage machine's rule (shared/programmes/stages.ts) holds
// on every row as it would be after the change, so a desktop cannot push a jump the machine forbids (plan
// → ended without an outcome, service without a plan day). Stage, decision, outcome and archiving are
// decisive (../tables.ts).

const parent = { scope: 'parent' } as const;
const never = { update: 'never' } as const;
const day = daySchema('validation.date');
const code = z.string().regex(/^[a-z0-9-]{1,40}$/);
const bad = (table: string, field: string): Problem => ({ code: 'invalidValue', values: { field, table } });

function checkEnrolment(row: Record<string, unknown>): Problem | null {
  const t = 'programme_enrolments';
  const found = enrolmentProgramme({
    programme_code: String(row['programme_code']),
    catalogue_version: String(row['catalogue_version']),
  });
  // Only an edition this build ships and a programme of it that has stages.
  if (!found) return bad(t, 'catalogue_version');
  if (!found.programme.stageDeadlineDays) return bad(t, 'programme_code');
  const field = checkEnrolmentRow(row);
  if (field) return bad(t, field);
  if (row['outcome'] && !found.catalogue.outcomes.some((o) => o.code === row['outcome']))
    return bad(t, 'outcome');
  if (typeof row['eligibility_inputs'] === 'string') {
    const inputs: unknown = JSON.parse(row['eligibility_inputs']);
    if (!eligibilityInputsSchema(found.programme).safeParse(inputs).success)
      return bad(t, 'eligibility_inputs');
  }
  // A decision says who, when and why, with a reason that fits it.
  const decision = row['decision'];
  if (decision !== null && decision !== undefined) {
    if (!row['decided_by'] || !row['decided_on']) return bad(t, 'decided_on');
    const reason = row['decision_reason_code'];
    if (typeof reason !== 'string' || !reasonFits(decision as 'admit', reason))
      return bad(t, 'decision_reason_code');
  }
  return null;
}

export const programmeTables = {
  programme_enrolments: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, parent),
      programme_code: col(code, never),
      catalogue_version: col(z.string().regex(/^PRG-\d{4}-v\d+$/), never),
      counselor_id: col(anyUuid, { author: 'user', update: 'never' }),
      stage: col(enumOf(PROGRAMME_STAGES)),
      enrolled_on: col(day, never),
      plan_on: col(day.nullable()),
      service_on: col(day.nullable()),
      follow_up_on: col(day.nullable()),
      ended_on: col(day.nullable()),
      stage_due_on: col(day.nullable()),
      outcome: col(code.nullable()),
      eligibility_inputs: col(jsonText(1_000, z.record(z.string(), z.unknown())).nullable()),
      eligibility_meets: col(bool01.nullable()),
      eligibility_failed: col(jsonText(2_000, z.array(z.unknown()).max(20)).nullable()),
      prechecked_on: col(day.nullable()),
      decision: col(enumOf(ELIGIBILITY_DECISIONS).nullable()),
      decision_reason_code: col(enumOf(DECISION_REASONS).nullable()),
      decision_reason_text: col(text(2_000).nullable()),
      decided_by: col(anyUuid.nullable(), { author: 'user' }),
      decided_on: col(day.nullable()),
      created_at: col(timestamp, never),
      updated_at: col(timestamp),
      archived: col(bool01, { optional: true }),
      // The obligation figures in force when it was made (0025): fixed, so the periods never re-space.
      obligation_figures: col(jsonText(2_000, centerFiguresSchema).nullable(), never),
    },
    check: checkEnrolment,
  },
  enrolment_events: {
    insert: ['counselor', 'supervisor'],
    columns: {
      enrolment_id: col(anyUuid, parent),
      kind: col(enumOf(['enrolled', 'prechecked', 'decided', 'stage', 'plan-agreed'])),
      at: col(timestamp),
      counselor_id: col(anyUuid, { author: 'user' }),
      from_stage: col(enumOf(PROGRAMME_STAGES).nullable()),
      to_stage: col(enumOf(PROGRAMME_STAGES).nullable()),
      decision: col(enumOf(ELIGIBILITY_DECISIONS).nullable()),
      reason_code: col(code.nullable()),
      outcome: col(code.nullable()),
      note: col(text(2_000).nullable()),
    },
    // A stage change names both stages; a decision names which.
    check: (row) => {
      if (row['kind'] === 'stage' && (!row['from_stage'] || !row['to_stage']))
        return bad('enrolment_events', 'to_stage');
      if (row['kind'] === 'decided' && !row['decision']) return bad('enrolment_events', 'decision');
      return null;
    },
  },
  action_plans: {
    insert: ['counselor', 'supervisor'],
    columns: {
      enrolment_id: col(anyUuid, parent),
      goals: col(jsonText(4_000, planGoalsSchema)),
      items: col(jsonText(20_000, planItemsSchema)),
      agreed_on: col(day.nullable()),
      agreed_by: col(anyUuid.nullable(), { author: 'user' }),
      created_by: col(anyUuid, { author: 'user', update: 'never' }),
      created_at: col(timestamp, never),
      updated_at: col(timestamp),
      archived: col(bool01, { optional: true }),
    },
    check: (row) => (row['agreed_on'] && !row['agreed_by'] ? bad('action_plans', 'agreed_by') : null),
  },
  obligation_decisions: {
    insert: ['counselor', 'supervisor'],
    columns: {
      enrolment_id: col(anyUuid, parent),
      obligation_code: col(code),
      period_no: col(int(1, 60)),
      period_from: col(day),
      period_to: col(day),
      decision: col(enumOf(COMPLIANCE_DECISIONS)),
      reason_code: col(enumOf(COMPLIANCE_REASONS).nullable()),
      reason_text: col(text(2_000).nullable()),
      decided_on: col(day),
      counselor_id: col(anyUuid, { author: 'user' }),
      corrects: col(anyUuid.nullable()),
      created_at: col(timestamp),
    },
    // Not met needs its reason; a period runs forwards.
    check: (row) => {
      if (!complianceReasonFits(row['decision'] as 'met', (row['reason_code'] as string | null) ?? null))
        return bad('obligation_decisions', 'reason_code');
      if (String(row['period_from']) > String(row['period_to']))
        return bad('obligation_decisions', 'period_to');
      return null;
    },
  },
} as const satisfies Record<string, TableDecl>;

/** Editions the server knows (for its messages); the desktop and server ship the same list. */
export const KNOWN_CATALOGUE_VERSIONS = CATALOGUES.map((c) => c.version);
