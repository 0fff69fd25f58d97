import type { Generated } from 'kysely';
import type { Bool, Synced } from './base.ts';

// The tables of programme enrolments (issue 17 item 2, migration 0019): 국민취업지원제도 and other
// programmes with stages. db/schema.ts lists them in the store's Database.

export type EnrolmentStage = 'eligibility' | 'plan' | 'service' | 'follow-up' | 'ended';

export interface ProgrammeEnrolmentTable extends Synced {
  jobseeker_id: string;
  programme_code: string;
  /** The catalogue edition it started on (shared/programmes/catalogue.ts); never changes. */
  catalogue_version: string;
  counselor_id: string;
  stage: EnrolmentStage;
  enrolled_on: string;
  plan_on: string | null;
  service_on: string | null;
  follow_up_on: string | null;
  ended_on: string | null;
  /** The current stage's deadline as given when it started (YYYY-MM-DD). */
  stage_due_on: string | null;
  outcome: string | null;
  /** JSON of only the inputs the programme's eligibility lists. */
  eligibility_inputs: string | null;
  eligibility_meets: Bool | null;
  /** JSON list of the rules not met (shared/programmes/eligibility.ts FailedRule). */
  eligibility_failed: string | null;
  prechecked_on: string | null;
  decision: 'admit' | 'refuse' | null;
  decision_reason_code: string | null;
  decision_reason_text: string | null;
  decided_by: string | null;
  decided_on: string | null;
  created_at: string;
  updated_at: string;
  archived: Generated<Bool>;
  /**
   * The obligation figures in force when it was made (0025), JSON keyed like the center's figures; a later
   * change of the center's value does not re-space its periods. Null only on a row pulled from a desktop
   * older than 0025 (the center's values then apply).
   */
  obligation_figures: string | null;
}

export type EnrolmentEventKind = 'enrolled' | 'prechecked' | 'decided' | 'stage' | 'plan-agreed';
export interface EnrolmentEventTable extends Synced {
  enrolment_id: string;
  kind: EnrolmentEventKind;
  at: string;
  counselor_id: string;
  from_stage: EnrolmentStage | null;
  to_stage: EnrolmentStage | null;
  decision: 'admit' | 'refuse' | null;
  reason_code: string | null;
  outcome: string | null;
  note: string | null;
}

export interface ActionPlanTable extends Synced {
  enrolment_id: string;
  /** JSON list of goal texts. */
  goals: string;
  /** JSON list of items (shared/programmes/action-plan.ts PlanItem). */
  items: string;
  agreed_on: string | null;
  agreed_by: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  archived: Generated<Bool>;
}

export interface ObligationDecisionTable extends Synced {
  enrolment_id: string;
  obligation_code: string;
  period_no: number;
  period_from: string;
  period_to: string;
  decision: 'met' | 'not-met';
  reason_code: string | null;
  reason_text: string | null;
  decided_on: string;
  counselor_id: string;
  /** The decision of the same period this one corrects; null on a first decision. */
  corrects: string | null;
  created_at: string;
}

export interface ProgrammeTables {
  programme_enrolments: ProgrammeEnrolmentTable;
  enrolment_events: EnrolmentEventTable;
  action_plans: ActionPlanTable;
  obligation_decisions: ObligationDecisionTable;
}
