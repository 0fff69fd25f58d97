import { FOLLOW_UP_MONTHS, followUpDueDate, type FollowUpMonths } from '../domain/follow-ups.ts';
import { rule } from '../contract/messages.ts';

// The referral (알선) lifecycle of domain.md §6 as data: the events, the state each one leads to, and
// the events each state allows. A referral's state is never stored: it is the fold of its append-only
// events, so the history is the record and nothing is overwritten.
//
//   (new) ─proposed→ proposed ─referred→ referred ─interview→ interview ─hired→ hired ─follow-up ×3
//                                          │                    │  ↺ interview (another round)
//                                          ├─hired / not-hired  └─not-hired
//   from proposed, referred, interview: declined (by the jobseeker), no-show, cancelled

export const REFERRAL_EVENT_KINDS = [
  'proposed',
  'referred',
  'interview',
  'hired',
  'not-hired',
  'declined',
  'no-show',
  'cancelled',
  'follow-up',
] as const;
export type ReferralEventKind = (typeof REFERRAL_EVENT_KINDS)[number];

export const REFERRAL_STATES = [
  'proposed',
  'referred',
  'interview',
  'hired',
  'not-hired',
  'declined',
  'no-show',
  'cancelled',
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];
/** Before its first event a referral does not exist yet. */
export type ReferralStateOrNew = ReferralState | 'new';

/** States still moving towards an outcome. */
export const OPEN_STATES = ['proposed', 'referred', 'interview'] as const satisfies readonly ReferralState[];
/** Outcomes that end the referral without a placement. */
export const CLOSED_STATES = ['not-hired', 'declined', 'no-show', 'cancelled'] as const;

/** Every allowed event per state. Anything not listed is refused. */
export const TRANSITIONS: Readonly<Record<ReferralStateOrNew, readonly ReferralEventKind[]>> = {
  new: ['proposed'],
  proposed: ['referred', 'declined', 'no-show', 'cancelled'],
  referred: ['interview', 'hired', 'not-hired', 'declined', 'no-show', 'cancelled'],
  interview: ['interview', 'hired', 'not-hired', 'declined', 'no-show', 'cancelled'],
  hired: ['follow-up'],
  'not-hired': [],
  declined: [],
  'no-show': [],
  cancelled: [],
};

/** The state an event leads to; follow-ups keep the referral in `hired`. */
export function stateAfter(kind: ReferralEventKind): ReferralState {
  return kind === 'follow-up' ? 'hired' : kind;
}

export function isOpenState(state: ReferralStateOrNew): boolean {
  return (OPEN_STATES as readonly string[]).includes(state);
}

export function isReferralEventKind(kind: string): kind is ReferralEventKind {
  return (REFERRAL_EVENT_KINDS as readonly string[]).includes(kind);
}

export interface FollowUpData {
  months: FollowUpMonths;
  employed: boolean;
}

/** What an event carries besides kind, time and counselor. */
export interface ReferralEventData {
  /** interview: the interview date (YYYY-MM-DD) the employer gave. */
  interviewOn?: string | undefined;
  /** follow-up: which check and whether the person is still employed. */
  months?: FollowUpMonths | undefined;
  employed?: boolean | undefined;
  /** hired: the first day of work (YYYY-MM-DD), on or after the interview; the event's time when absent. */
  hiredOn?: string | undefined;
}

export interface ReferralEventLike {
  kind: string;
  at: string;
  data: ReferralEventData;
}

export interface FollowUpRecord {
  months: FollowUpMonths;
  employed: boolean;
  at: string;
}

export interface ReferralStatus {
  state: ReferralStateOrNew;
  /** When the current state was entered. */
  stateAt: string | null;
  /** The hire's first day (the `hired` event's `hiredOn`), or the event's time when it has none. */
  hiredAt: string | null;
  /** The latest interview date given, if any. */
  interviewOn: string | null;
  followUps: FollowUpRecord[];
  /** Events that did not follow from the state before them (only possible in data from elsewhere). */
  anomalies: number;
}

export type Refusal =
  | { reason: 'not-allowed'; state: ReferralStateOrNew; kind: string; allowed: readonly ReferralEventKind[] }
  | { reason: 'follow-up-months'; months: unknown }
  | { reason: 'follow-up-recorded'; months: FollowUpMonths }
  | { reason: 'follow-up-ended' }
  | { reason: 'hired-before-interview'; interviewOn: string };

/** Checks one event against the status it would follow; null when allowed. */
export function refusalFor(
  status: ReferralStatus,
  event: { kind: string; data: ReferralEventData },
): Refusal | null {
  const allowed = TRANSITIONS[status.state];
  if (!isReferralEventKind(event.kind) || !allowed.includes(event.kind)) {
    return { reason: 'not-allowed', state: status.state, kind: event.kind, allowed };
  }
  // A hire starts on or after its interview (issue 15 item 4): checked here so the desk and the server
  // (server/sync/referral-check.ts) refuse the same events.
  const hiredOn = event.data.hiredOn;
  if (event.kind === 'hired' && hiredOn && status.interviewOn && hiredOn < status.interviewOn) {
    return { reason: 'hired-before-interview', interviewOn: status.interviewOn };
  }
  if (event.kind === 'follow-up') {
    const months = event.data.months;
    if (
      !(FOLLOW_UP_MONTHS as readonly unknown[]).includes(months) ||
      typeof event.data.employed !== 'boolean'
    ) {
      return { reason: 'follow-up-months', months };
    }
    const m = months as FollowUpMonths;
    if (status.followUps.some((f) => f.months === m)) return { reason: 'follow-up-recorded', months: m };
    // A check that found the person no longer employed ends the placement: no later check is due.
    if (status.followUps.some((f) => !f.employed)) return { reason: 'follow-up-ended' };
  }
  return null;
}

export const NEW_REFERRAL: ReferralStatus = {
  state: 'new',
  stateAt: null,
  hiredAt: null,
  interviewOn: null,
  followUps: [],
  anomalies: 0,
};

/** Applies one allowed event; call `refusalFor` first. */
export function applyEvent(status: ReferralStatus, event: ReferralEventLike): ReferralStatus {
  const kind = event.kind as ReferralEventKind;
  if (kind === 'follow-up') {
    const record: FollowUpRecord = {
      months: event.data.months as FollowUpMonths,
      employed: event.data.employed === true,
      at: event.at,
    };
    return { ...status, followUps: [...status.followUps, record] };
  }
  return {
    ...status,
    state: stateAfter(kind),
    stateAt: event.at,
    hiredAt: kind === 'hired' ? (event.data.hiredOn ?? event.at) : status.hiredAt,
    interviewOn: kind === 'interview' ? (event.data.interviewOn ?? status.interviewOn) : status.interviewOn,
  };
}

/** The status after a referral's events, oldest first. Events that do not follow are counted, not applied. */
export function foldReferral(events: readonly ReferralEventLike[]): ReferralStatus {
  let status = NEW_REFERRAL;
  for (const event of events) {
    if (refusalFor(status, event)) status = { ...status, anomalies: status.anomalies + 1 };
    else status = applyEvent(status, event);
  }
  return status;
}

export interface DueFollowUp {
  months: FollowUpMonths;
  dueOn: string;
}

/** The next follow-up check still to record after a hire, or null (not hired, all done, or ended). */
export function nextFollowUp(status: Pick<ReferralStatus, 'hiredAt' | 'followUps'>): DueFollowUp | null {
  if (!status.hiredAt) return null;
  if (status.followUps.some((f) => !f.employed)) return null;
  const done = new Set(status.followUps.map((f) => f.months));
  const months = FOLLOW_UP_MONTHS.find((m) => !done.has(m));
  return months === undefined ? null : { months, dueOn: followUpDueDate(status.hiredAt, months) };
}

/** The message key that explains a refusal to the counselor (texts in the renderer's employers.*.json). */
export function refusalMessageKey(refusal: Refusal): string {
  switch (refusal.reason) {
    case 'not-allowed':
      return `referrals.refused.${refusal.state}`;
    case 'follow-up-months':
      return 'referrals.refused.followUpMonths';
    case 'follow-up-recorded':
      return `referrals.refused.followUpRecorded${refusal.months}`;
    case 'follow-up-ended':
      return 'referrals.refused.followUpEnded';
    case 'hired-before-interview':
      return rule('referrals.refused.hiredBeforeInterview', { interviewOn: refusal.interviewOn });
  }
}
