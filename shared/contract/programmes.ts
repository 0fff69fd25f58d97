import { z } from 'zod';
import { PLAN_ACTORS, planGoalsSchema, planItemsSchema, type PlanItem } from '../programmes/action-plan.ts';
import { PROGRAMME_STAGES, type EligibilityInput, type ProgrammeStage } from '../programmes/catalogue.ts';
import { centerFiguresSchema, type CenterFigures } from '../programmes/center-figures.ts';
import {
  ADMIT_REASONS,
  DECISION_REASONS,
  ELIGIBILITY_DECISIONS,
  ELIGIBILITY_INPUT_SCHEMAS,
  REFUSE_REASONS,
  type EligibilityDecision,
  type FailedRule,
} from '../programmes/eligibility.ts';
import {
  COMPLIANCE_DECISIONS,
  COMPLIANCE_REASONS,
  MET_REASONS,
  NOT_MET_REASONS,
  type ComplianceDecision,
} from '../programmes/obligations.ts';
import type { StageStep } from '../programmes/stages.ts';
import { daySchema } from '../domain/day.ts';
import { channel } from './channel.ts';
import { rule } from './messages.ts';

// Programme enrolments (참여, issue 17 item 2): a case's enrolments in 국민취업지원제도 (and any programme
// with stages), the eligibility pre-check and a person's decision, the stage machine, the Individual
// Action Plan and the obligation periods with their compliance decisions; and the center's own figures
// within the catalogue's limits (admins and supervisors, center settings).

const ROLES = ['counselor', 'supervisor'] as const;
const SETTINGS_ROLES = ['admin', 'supervisor'] as const;
const id = z.string().uuid('validation.id');
const day = daySchema('validation.date');
const code = z.string().regex(/^[a-z0-9-]{1,40}$/, 'programmes.v.code');
const reasonText = z
  .string()
  .max(2_000, rule('validation.tooLongMax', { max: 2_000 }))
  .transform((v) => (v.trim() === '' ? null : v.trim()))
  .nullable()
  .default(null)
  .transform((v) => v ?? null);

export { ADMIT_REASONS, REFUSE_REASONS, MET_REASONS, NOT_MET_REASONS, PLAN_ACTORS };

export interface ProgrammeOption {
  code: string;
  ko: string;
  en: string;
  /** The pre-check's inputs, in the catalogue's order. */
  inputs: EligibilityInput[];
  /** Consent groups the pre-check needs (income and assets: sensitive). */
  consent: Array<'required' | 'sensitive'>;
}

export interface PeriodView {
  obligation: string;
  obligationKo: string;
  obligationEn: string;
  period: number;
  from: string;
  to: string;
  dueOn: string;
  decision: {
    id: string;
    decision: ComplianceDecision;
    reasonCode: string | null;
    reasonText: string | null;
    decidedOn: string;
    counselorName: string | null;
  } | null;
  /** Another desktop's different first decision for the same period, waiting for a person. */
  conflict: boolean;
}

export interface PlanView {
  id: string;
  goals: string[];
  items: PlanItem[];
  agreedOn: string | null;
  agreedByName: string | null;
  updatedAt: string;
}

export interface EnrolmentView {
  id: string;
  jobseekerId: string;
  programmeCode: string;
  programmeKo: string;
  programmeEn: string;
  catalogueVersion: string;
  stage: ProgrammeStage;
  steps: StageStep[];
  nextStages: ProgrammeStage[];
  outcome: { code: string; ko: string; en: string } | null;
  eligibility: {
    inputs: EligibilityInput[];
    recorded: Record<string, unknown> | null;
    meets: boolean | null;
    failed: FailedRule[];
    checkedOn: string | null;
  };
  decision: {
    decision: EligibilityDecision;
    reasonCode: string;
    reasonText: string | null;
    decidedOn: string;
    decidedByName: string | null;
  } | null;
  plan: PlanView | null;
  periods: PeriodView[];
  counselorName: string | null;
  enrolledOn: string;
}

export interface CaseProgrammes {
  enrolments: EnrolmentView[];
  /** Programmes with stages the case may be enrolled in (the current edition). */
  options: ProgrammeOption[];
  outcomes: Array<{ code: string; ko: string; en: string }>;
  today: string;
}

export interface FigureView {
  key: string;
  programme: string;
  programmeKo: string;
  programmeEn: string;
  path: string[];
  catalogueValue: number;
  min: number;
  max: number;
  toConfirm: boolean;
  /** The center's own value, or null when it uses the catalogue's. */
  centerValue: number | null;
}

export interface ProgrammeFiguresView {
  catalogueVersion: string;
  figures: FigureView[];
}

const enrolmentRef = z.object({ enrolmentId: id });

export const programmesChannels = {
  'programmes:ofJobseeker': channel<CaseProgrammes>()({
    surface: 'desk',
    access: ROLES,
    input: z.object({ jobseekerId: id }).strict(),
  }),
  'programmes:enrol': channel<EnrolmentView>()({
    surface: 'desk',
    access: ROLES,
    input: z.object({ jobseekerId: id, programmeCode: code }).strict(),
  }),
  /** Records the pre-check: only the programme's inputs (checked against its edition in main). */
  'programmes:precheck': channel<EnrolmentView>()({
    surface: 'desk',
    access: ROLES,
    input: enrolmentRef
      .extend({
        // Every input any programme may ask for, each bounded; which of them a programme needs (all of
        // its own, nothing else) is checked against its edition in main.
        inputs: z
          .object({
            age: ELIGIBILITY_INPUT_SCHEMAS.age.optional(),
            householdIncomePct: ELIGIBILITY_INPUT_SCHEMAS.householdIncomePct.optional(),
            assetsBand: ELIGIBILITY_INPUT_SCHEMAS.assetsBand.optional(),
            recentWorkDays: ELIGIBILITY_INPUT_SCHEMAS.recentWorkDays.optional(),
            vulnerableGroup: ELIGIBILITY_INPUT_SCHEMAS.vulnerableGroup.optional(),
          })
          .strict(),
      })
      .strict(),
  }),
  'programmes:decide': channel<EnrolmentView>()({
    surface: 'desk',
    access: ROLES,
    input: enrolmentRef
      .extend({
        decision: z.enum(ELIGIBILITY_DECISIONS, 'programmes.v.decision'),
        reasonCode: z.enum(DECISION_REASONS, 'programmes.v.reason'),
        reasonText,
        on: day.optional(),
      })
      .strict(),
  }),
  'programmes:move': channel<EnrolmentView>()({
    surface: 'desk',
    access: ROLES,
    input: enrolmentRef
      .extend({
        to: z.enum(PROGRAMME_STAGES, 'programmes.v.stage'),
        on: day,
        outcome: code.nullable().default(null),
        note: reasonText,
      })
      .strict(),
  }),
  'programmes:savePlan': channel<EnrolmentView>()({
    surface: 'desk',
    access: ROLES,
    input: enrolmentRef.extend({ goals: planGoalsSchema, items: planItemsSchema }).strict(),
  }),
  'programmes:agreePlan': channel<EnrolmentView>()({
    surface: 'desk',
    access: ROLES,
    input: enrolmentRef.extend({ on: day }).strict(),
  }),
  'programmes:decidePeriod': channel<EnrolmentView>()({
    surface: 'desk',
    access: ROLES,
    input: enrolmentRef
      .extend({
        obligation: code,
        period: z.number().int().min(1).max(60),
        decision: z.enum(COMPLIANCE_DECISIONS, 'programmes.v.compliance'),
        reasonCode: z.enum(COMPLIANCE_REASONS, 'programmes.v.reason').nullable().default(null),
        reasonText,
        on: day,
        /** The decision this one corrects (a first decision names none). */
        corrects: id.nullable().default(null),
      })
      .strict(),
  }),
  'programmes:getFigures': channel<ProgrammeFiguresView>()({
    surface: 'desk',
    access: SETTINGS_ROLES,
    input: z.object({}).strict(),
  }),
  'programmes:saveFigures': channel<ProgrammeFiguresView>()({
    surface: 'desk',
    access: SETTINGS_ROLES,
    input: z.object({ figures: centerFiguresSchema }).strict(),
  }),
};

export type { CenterFigures };
