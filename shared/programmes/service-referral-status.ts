import { catalogueOf, type Catalogue } from './catalogue.ts';

// Service referrals (서비스 연계, issue 17 item 4): a case referred to a training course, a work-experience
// placement, a partner agency or a welfare resource, and what became of it. The status machine is here,
// once, for the desk (which offers only the next steps), the server (which refuses a step the machine
// forbids) and the declaration (a row's dates must tell the path to its status):
//
//   referred → accepted → started → completed
//            ↘ declined (by the provider)  ↘ dropped
//
// Every step is dated (the day it happened, not the day it was typed); a decline and a drop carry a
// reason. Codes are message keys under `services.*` in the renderer.

export const SERVICE_REFERRAL_STATUSES = [
  'referred',
  'accepted',
  'declined',
  'started',
  'completed',
  'dropped',
] as const;
export type ServiceReferralStatus = (typeof SERVICE_REFERRAL_STATUSES)[number];

/** What the case is referred to: a catalogue programme (training, work experience) or provider kind. */
export const SERVICE_TARGET_KINDS = [
  'training',
  'work-experience',
  'partner-agency',
  'welfare-resource',
] as const;
export type ServiceTargetKind = (typeof SERVICE_TARGET_KINDS)[number];

/** Why the counselor refers (the case's need); `other` needs the written reason. */
export const SERVICE_REFERRAL_REASONS = [
  'skills-gap',
  'career-change',
  'motivation',
  'work-experience',
  'welfare-need',
  'finance',
  'childcare',
  'health',
  'other',
] as const;
export type ServiceReferralReason = (typeof SERVICE_REFERRAL_REASONS)[number];

/** Why a provider declined, or why the person left before the end; `other` needs the written reason. */
export const SERVICE_CLOSE_REASONS = [
  'not-eligible',
  'no-place',
  'unreachable',
  'jobseeker-withdrew',
  'employed',
  'health',
  'family',
  'other',
] as const;
export type ServiceCloseReason = (typeof SERVICE_CLOSE_REASONS)[number];

const NEXT: Readonly<Record<ServiceReferralStatus, readonly ServiceReferralStatus[]>> = {
  referred: ['accepted', 'declined'],
  accepted: ['started'],
  declined: [],
  started: ['completed', 'dropped'],
  completed: [],
  dropped: [],
};

/** The column holding the day each status was reached. */
export const STATUS_DAY_COLUMN = {
  referred: 'referred_on',
  accepted: 'accepted_on',
  declined: 'declined_on',
  started: 'started_on',
  completed: 'completed_on',
  dropped: 'dropped_on',
} as const satisfies Record<ServiceReferralStatus, string>;

/** The statuses passed through, in order, to reach `status` (referred first). */
export const PATH: Readonly<Record<ServiceReferralStatus, readonly ServiceReferralStatus[]>> = {
  referred: ['referred'],
  accepted: ['referred', 'accepted'],
  declined: ['referred', 'declined'],
  started: ['referred', 'accepted', 'started'],
  completed: ['referred', 'accepted', 'started', 'completed'],
  dropped: ['referred', 'accepted', 'started', 'dropped'],
};

export function nextStatuses(status: ServiceReferralStatus): readonly ServiceReferralStatus[] {
  return NEXT[status];
}

export function mayTransition(from: ServiceReferralStatus, to: ServiceReferralStatus): boolean {
  return NEXT[from].includes(to);
}

export function isClosed(status: ServiceReferralStatus): boolean {
  return NEXT[status].length === 0;
}

/** A step that ends it early carries a reason (the provider's decline, the person's drop-out). */
export function needsReason(to: ServiceReferralStatus): boolean {
  return to === 'declined' || to === 'dropped';
}

export type TransitionProblem =
  'notAllowed' | 'beforePrevious' | 'inFuture' | 'reasonRequired' | 'reasonTextRequired';

/**
 * Whether a step may be recorded: allowed from where the referral stands, dated on or after the previous
 * step and not after today, with a reason where one is needed (`other` with its words). Null: fine.
 */
export function transitionProblem(t: {
  from: ServiceReferralStatus;
  to: ServiceReferralStatus;
  on: string;
  previousOn: string;
  today: string;
  reasonCode: string | null;
  reasonText: string | null;
}): TransitionProblem | null {
  if (!mayTransition(t.from, t.to)) return 'notAllowed';
  if (t.on < t.previousOn) return 'beforePrevious';
  if (t.on > t.today) return 'inFuture';
  if (needsReason(t.to) && !t.reasonCode) return 'reasonRequired';
  if (t.reasonCode === 'other' && !t.reasonText?.trim()) return 'reasonTextRequired';
  return null;
}

/**
 * Whether a row's days tell the path to its status: every day on the path present and in order, no day
 * off the path. The declaration checks every pushed row with it, so a row cannot claim `completed`
 * without having been accepted and started, nor keep a `declined_on` after starting.
 */
export function pathProblem(row: Record<string, unknown>): string | null {
  const status = row['status'] as ServiceReferralStatus;
  const path = PATH[status];
  if (!path) return 'status';
  let previous = '';
  for (const s of SERVICE_REFERRAL_STATUSES) {
    const column = STATUS_DAY_COLUMN[s];
    const day = row[column];
    const onPath = path.includes(s);
    if (onPath && typeof day !== 'string') return column;
    if (!onPath && day !== null && day !== undefined) return column;
  }
  for (const s of path) {
    const day = row[STATUS_DAY_COLUMN[s]] as string;
    if (day < previous) return STATUS_DAY_COLUMN[s];
    previous = day;
  }
  if ((status === 'declined' || status === 'dropped') && !row['close_reason_code'])
    return 'close_reason_code';
  return null;
}

/** The day the referral reached its current status. */
export function statusDay(row: Record<string, unknown>): string {
  const status = row['status'] as ServiceReferralStatus;
  const day = row[STATUS_DAY_COLUMN[status]] ?? row['referred_on'];
  return typeof day === 'string' ? day : '';
}

export interface ServiceTarget {
  kind: ServiceTargetKind;
  programmeCode: string | null;
  providerCode: string | null;
  providerName: string | null;
  courseName: string | null;
}

/**
 * Whether the target names something real in the catalogue edition: training and work experience name
 * a programme of that kind (training also its course); a partner agency or welfare resource names a
 * catalogue provider of that kind, or a local one by name. Null: fine, else the offending column.
 */
export function targetProblem(t: ServiceTarget, version: string): string | null {
  const catalogue = catalogueOf(version);
  if (!catalogue) return 'catalogue_version';
  if (t.kind === 'training' || t.kind === 'work-experience') {
    const p = catalogue.programmes.find((x) => x.code === t.programmeCode);
    if (!p || p.kind !== t.kind) return 'programme_code';
    if (t.kind === 'training' && !t.courseName?.trim()) return 'course_name';
    if (t.providerCode !== null) {
      const v = catalogue.providers.find((x) => x.code === t.providerCode);
      if (!v || v.kind !== 'training-provider') return 'provider_code';
    }
    return null;
  }
  if (t.programmeCode !== null) return 'programme_code';
  if (t.providerCode === null) return t.providerName?.trim() ? null : 'provider_name';
  const v = catalogue.providers.find((x) => x.code === t.providerCode);
  return v && v.kind === t.kind ? null : 'provider_code';
}

/**
 * The service-plan step a completed referral closes: the programme's completion step (training) or its
 * plan step, else the provider's plan step; a local provider of a kind closes that kind's usual step.
 */
export function planStepOf(t: ServiceTarget, version: string): string | null {
  const catalogue: Catalogue | undefined = catalogueOf(version);
  if (!catalogue) return null;
  if (t.programmeCode) {
    const p = catalogue.programmes.find((x) => x.code === t.programmeCode);
    if (p) return p.completionStep ?? p.planStep;
  }
  if (t.providerCode) {
    const v = catalogue.providers.find((x) => x.code === t.providerCode);
    if (v) return v.planStep;
  }
  return t.kind === 'partner-agency' || t.kind === 'welfare-resource' ? 'welfareLink' : null;
}

/**
 * Days after a partner-agency referral within which a placement counts as linked (연계 취업 실적). The
 * seeds give no figure: a default to confirm by the center, passed to the query, never fixed in SQL.
 */
export const LINKED_PLACEMENT_DAYS = { value: 180, toConfirm: true } as const;
