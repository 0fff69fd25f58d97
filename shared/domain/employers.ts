import { z } from 'zod';
import { rule } from '../contract/messages.ts';
import type { EmployerClassification, EmployerProfile, EmployerType } from '../profiling/index.ts';
import type { MatchReason, ExpectationGap } from '../matching/score.ts';
import type { FollowUpMonths } from './follow-ups.ts';
import { isValidBusinessNumber } from './business-number.ts';
import { isKoreanPhone, phoneDigits } from './phone.ts';
import type { ReferralEventKind, ReferralStateOrNew } from '../referrals/state-machine.ts';

// Employers (구인기업), openings (구인 일자리), matching, referrals (알선) and placements (취업):
// the records of domain.md §2 and §4–6 as the contract carries them, and the fields counselors type.

export const KSIC_SECTIONS = [
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U',
] as const; // prettier-ignore

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

const BUSINESS_NO_FORMAT = rule('employers.validation.businessNoFormat', { digits: 10 });

export const employerFieldsSchema = z.object({
  businessNo: z
    .string()
    .trim()
    // The digit count first, and only then the check digit: a 5-digit number is told it needs 10 digits.
    .max(12, { message: BUSINESS_NO_FORMAT, abort: true })
    .refine((v) => /^\d{3}-?\d{2}-?\d{5}$/.test(v), { message: BUSINESS_NO_FORMAT, abort: true })
    .refine((v) => isValidBusinessNumber(v), 'employers.validation.businessNoCheckDigit')
    .transform((v) => v.replace(/-/g, '')),
  name: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
  industry: z.enum(KSIC_SECTIONS, { message: 'employers.validation.industry' }),
  employees: z
    .number({ message: 'employers.validation.employees' })
    .int('employers.validation.employees')
    .min(1, 'employers.validation.employees')
    .max(1_000_000, 'employers.validation.employees'),
  sido: z.string().regex(/^\d{2}$/, 'validation.region'),
  sigungu: z
    .string()
    .regex(/^\d{5}$/, 'validation.region')
    .nullable()
    .default(null),
  contactName: optionalText(50),
  contactPhone: z
    .string()
    .trim()
    .max(20, 'validation.phone')
    .refine((v) => v === '' || isKoreanPhone(v), 'validation.phone')
    .transform((v) => (v === '' ? null : phoneDigits(v)))
    .nullable()
    .default(null),
  contactEmail: z
    .string()
    .trim()
    .max(100, 'validation.email')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'validation.email')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
  potentialClient: z.boolean().default(false),
  focusSupport: z.boolean().default(false),
});
export type EmployerFields = z.output<typeof employerFieldsSchema>;
export type EmployerFieldsInput = z.input<typeof employerFieldsSchema>;

export const EMPLOYER_OVERRIDE_REASONS = [
  'site-visit',
  'regional-norm',
  'employer-situation',
  'other',
] as const;
export type EmployerOverrideReason = (typeof EMPLOYER_OVERRIDE_REASONS)[number];

export interface EmployerAssessment {
  id: string;
  ruleSet: string;
  inputs: EmployerProfile;
  result: EmployerClassification;
  decision: 'accepted' | 'overridden';
  finalType: EmployerType;
  overrideReasonCode: EmployerOverrideReason | null;
  overrideReasonText: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface Employer extends EmployerFields {
  id: string;
  seq: number;
  centerCode: string;
  currentType: EmployerType | null;
  createdAt: string;
  updatedAt: string;
}

export interface EmployerListRow {
  id: string;
  businessNo: string;
  name: string;
  industry: string;
  employees: number;
  sido: string;
  sigungu: string | null;
  currentType: EmployerType | null;
  potentialClient: boolean;
  focusSupport: boolean;
  openOpenings: number;
}

export interface EmployerListPage {
  rows: EmployerListRow[];
  total: number;
  offset: number;
}

// ---- Discovery (구인애로 기업 발굴): the call/visit log and work list ----

export const CONTACT_KINDS = ['call', 'visit', 'email', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_OUTCOMES = [
  'opening-registered',
  'interested',
  'callback',
  'no-answer',
  'not-interested',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export interface EmployerContact {
  id: string;
  kind: ContactKind;
  outcome: ContactOutcome;
  note: string | null;
  contactedOn: string;
  nextOn: string | null;
  counselorName: string | null;
  createdAt: string;
}

export interface DiscoveryRow {
  id: string;
  name: string;
  businessNo: string;
  industry: string;
  sido: string;
  sigungu: string | null;
  contactName: string | null;
  contactPhone: string | null;
  potentialClient: boolean;
  focusSupport: boolean;
  currentType: EmployerType | null;
  lastContactOn: string | null;
  lastOutcome: ContactOutcome | null;
  nextOn: string | null;
  /** never-contacted, overdue, due (today), scheduled (later), none (no next date set). */
  urgency: 'never' | 'overdue' | 'today' | 'scheduled' | 'none';
}

// ---- The recruitment-support package (기업채용지원패키지) ----

export const PACKAGE_STAGES = [
  { stage: 'diagnosis', steps: ['hiring-capacity', 'support-path'] },
  {
    stage: 'conditions',
    steps: ['hr-consulting', 'dormitory', 'commuter-bus', 'smart-factory', 'clean-workplace'],
  },
  { stage: 'recruitment', steps: ['tailored-training', 'intensive-referral', 'recruitment-agency'] },
  { stage: 'follow-up', steps: ['retention-check'] },
] as const;
export type PackageStage = (typeof PACKAGE_STAGES)[number]['stage'];
export type PackageStep = (typeof PACKAGE_STAGES)[number]['steps'][number];
export const PACKAGE_STEPS: PackageStep[] = PACKAGE_STAGES.flatMap((s): readonly PackageStep[] => s.steps);
export const PACKAGE_STEP_STATUSES = ['planned', 'in-progress', 'done', 'not-needed'] as const;
export type PackageStepStatus = (typeof PACKAGE_STEP_STATUSES)[number];

export function stageOfStep(step: PackageStep): PackageStage {
  const found = PACKAGE_STAGES.find((s) => (s.steps as readonly string[]).includes(step));
  if (!found) throw new Error(`unknown package step ${step}`);
  return found.stage;
}

export interface PackageStepRecord {
  step: PackageStep;
  stage: PackageStage;
  status: PackageStepStatus | null;
  on: string | null;
  note: string | null;
  counselorName: string | null;
  recordedAt: string | null;
  /** Earlier records of the same step, newest first (history is kept). */
  history: Array<{ status: PackageStepStatus; on: string | null; note: string | null; recordedAt: string }>;
}

export interface PackageProgress {
  steps: PackageStepRecord[];
  /** The first stage with a step neither done nor not-needed; null when all are finished or none started. */
  currentStage: PackageStage | null;
  started: boolean;
  done: number;
  total: number;
}

/** Where the package stands, from the latest record of each step. */
export function packageProgress(steps: PackageStepRecord[]): PackageProgress {
  const finished = (s: PackageStepRecord) => s.status === 'done' || s.status === 'not-needed';
  const started = steps.some((s) => s.status !== null);
  const relevant = steps.filter((s) => s.status !== 'not-needed');
  const current = started ? (steps.find((s) => !finished(s))?.stage ?? null) : null;
  return {
    steps,
    started,
    currentStage: current,
    done: relevant.filter((s) => s.status === 'done').length,
    total: relevant.length,
  };
}

export interface EmployerDetail {
  employer: Employer;
  assessments: EmployerAssessment[];
  contacts: EmployerContact[];
  package: PackageProgress;
  openings: OpeningListRow[];
}

// ---- Openings ----

export const OPENING_STATUSES = ['open', 'filled', 'closed'] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];

export const openingFieldsSchema = z.object({
  title: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
  occupation: z.string().regex(/^\d{4}$/, 'validation.occupation'),
  sido: z.string().regex(/^\d{2}$/, 'validation.region'),
  sigungu: z
    .string()
    .regex(/^\d{5}$/, 'validation.region')
    .nullable()
    .default(null),
  wage: z
    .number({ message: 'openings.validation.wage' })
    .int('openings.validation.wage')
    .min(1, 'openings.validation.wage')
    .max(100_000_000, 'openings.validation.wage'),
  positions: z
    .number({ message: 'openings.validation.positions' })
    .int('openings.validation.positions')
    .min(1, 'openings.validation.positions')
    .max(10_000, 'openings.validation.positions'),
  requiredQualifications: z
    .array(z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong'))
    .max(10, 'openings.validation.tooManyQualifications')
    .default([]),
  public: z.boolean().default(false),
});
export type OpeningFields = z.output<typeof openingFieldsSchema>;
export type OpeningFieldsInput = z.input<typeof openingFieldsSchema>;

export interface Opening extends OpeningFields {
  id: string;
  seq: number;
  employerId: string;
  employerName: string;
  employerType: EmployerType | null;
  status: OpeningStatus;
  /** Hires on this opening (referral hires plus placements recorded against it). */
  filled: number;
  createdAt: string;
  updatedAt: string;
}

export interface OpeningListRow {
  id: string;
  title: string;
  employerId: string;
  employerName: string;
  occupation: string;
  sido: string;
  sigungu: string | null;
  wage: number;
  positions: number;
  filled: number;
  status: OpeningStatus;
  public: boolean;
  createdAt: string;
}

export interface OpeningListPage {
  rows: OpeningListRow[];
  total: number;
  offset: number;
}

// ---- Matching ----

export interface CandidateMatch {
  jobseekerId: string;
  regNo: string;
  name: string;
  birthYear: number;
  type: 'ready' | 'needs-preparation' | null;
  track: string | null;
  desiredOccupation: string | null;
  desiredWage: number | null;
  sido: string;
  sigungu: string | null;
  mobile: boolean;
  score: number;
  pool: 'ready' | 'other';
  reasons: MatchReason[];
  expectationGap: ExpectationGap | null;
  missingQualifications: string[];
}

export interface CandidateList {
  openingId: string;
  /** Every eligible jobseeker; `rows` holds the best `limit` of them. */
  total: number;
  readyTotal: number;
  rows: CandidateMatch[];
  /** Milliseconds the ranking took in main (shown to no one; benchmarks and logs). */
  tookMs: number;
}

export interface OpeningMatch {
  openingId: string;
  title: string;
  employerName: string;
  occupation: string;
  sido: string;
  sigungu: string | null;
  wage: number;
  positions: number;
  filled: number;
  score: number;
  reasons: MatchReason[];
  expectationGap: ExpectationGap | null;
  missingQualifications: string[];
}

export interface OpeningMatchList {
  jobseekerId: string;
  /** Why there can be no suggestions (no desired occupation, not active), or null. */
  blocked: 'no-desired-occupation' | 'not-active' | null;
  total: number;
  rows: OpeningMatch[];
}

// ---- Referrals ----

export interface ReferralEventRecord {
  id: string;
  kind: ReferralEventKind;
  at: string;
  counselorId: string;
  counselorName: string | null;
  note: string | null;
  interviewOn: string | null;
  months: FollowUpMonths | null;
  employed: boolean | null;
}

export interface ReferralSummary {
  id: string;
  jobseekerId: string;
  jobseekerName: string;
  jobseekerRegNo: string;
  openingId: string;
  openingTitle: string;
  employerName: string;
  counselorId: string;
  counselorName: string | null;
  state: ReferralStateOrNew;
  stateAt: string | null;
  interviewOn: string | null;
  hiredAt: string | null;
  createdAt: string;
  allowed: ReferralEventKind[];
  nextFollowUp: { months: FollowUpMonths; dueOn: string } | null;
}

export interface ReferralDetail extends ReferralSummary {
  events: ReferralEventRecord[];
}

export interface ReferralBoard {
  counselorId: string;
  total: number;
  rows: ReferralSummary[];
}

export interface DueFollowUpRow {
  source: 'referral' | 'placement';
  /** The referral or placement id the follow-up is recorded on. */
  id: string;
  jobseekerId: string;
  jobseekerName: string;
  employerName: string;
  hiredAt: string;
  months: FollowUpMonths;
  dueOn: string;
  status: 'overdue' | 'due' | 'upcoming';
}

export interface Placement {
  id: string;
  jobseekerId: string;
  employerName: string;
  employerId: string | null;
  openingId: string | null;
  occupation: string | null;
  hiredOn: string;
  note: string | null;
  counselorName: string | null;
  createdAt: string;
  followUps: Array<{ months: FollowUpMonths; employed: boolean; at: string }>;
  nextFollowUp: { months: FollowUpMonths; dueOn: string } | null;
}

export interface JobseekerReferralHistory {
  referrals: ReferralSummary[];
  placements: Placement[];
}

/** How close a follow-up is, measured in whole days from `today` (YYYY-MM-DD). */
export const FOLLOW_UP_DUE_WINDOW_DAYS = 7;
export function followUpStatus(dueOn: string, today: string): DueFollowUpRow['status'] {
  if (dueOn < today) return 'overdue';
  const days = (Date.parse(dueOn) - Date.parse(today)) / 86_400_000;
  return days <= FOLLOW_UP_DUE_WINDOW_DAYS ? 'due' : 'upcoming';
}
