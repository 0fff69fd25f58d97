import type { Fixture } from '../../../../support/case-fixtures.ts';

// The shape of the audit walk's rules (audit-coverage.test.ts): how each channel of the contract is
// classified, and the state the calls pass on to later ones.

// every channel is classified below (a new channel fails the first test until it is), and every channel
// that touches a person is called for real and must leave an entry naming that person.

export type Who = 'counselor' | 'supervisor' | 'admin';

export interface State {
  f: Fixture;
  person: string;
  latestAssessmentId: string;
  createdJobseekerId: string;
  checkinId: string;
  transferId: string;
  documentHash?: string;
  attachmentId?: string;
  appointmentId: string;
  /** A second live case of counselor1's center, for the merge preview. */
  spareId: string;
  taskId: string;
  serviceReferralId?: string;
  enrolmentId: string;
  groupId: string;
  groupSessionId: string;
  ownParticipantId: string;
  spareParticipantId: string;
  dismissalId?: string;
}

export interface Call {
  as?: Who;
  input: (s: State) => unknown;
  /** Remembers what later calls need from this one's answer. */
  after?: (s: State, output: unknown) => void;
}

export type Rule =
  /** Reads or changes one person's data: an entry naming them (person_id), by the caller. */
  | ({ kind: 'person'; personOf?: (s: State) => string } & Call)
  /** A visitor's ticket: an entry naming the ticket (the person too, once it is linked). */
  | ({ kind: 'record'; subjectOf: (s: State) => string } & Call)
  /** Several people's data at once (a page of a list): one entry of the kind `read`, by the caller. */
  | ({ kind: 'list' } & Call)
  | ({ kind: 'export' } & Call)
  /** Role and permission changes: an `account.*` entry (kept three years). */
  | ({ kind: 'permission' } & Call)
  /** Upkeep of the trail itself: some entry by the caller. */
  | ({ kind: 'logged' } & Call)
  /** Touches nobody's personal data (or only the caller's own sign-in, audited under auth.*). */
  | { kind: 'none'; why: string }
  /** Shows personal data but is not audited per call, for the reason given. */
  | { kind: 'exempt'; why: string }
  /** Audited, but needs what this walk cannot set up (a sync server); the test that covers it is named. */
  | { kind: 'elsewhere'; why: string };

export const own = (s: State) => s.f.own.jobseekerId;
