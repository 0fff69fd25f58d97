// Which desktop tables sync, and how each field merges (sync.md § Conflicts, by kind of field).
//   mutable tables: fields are descriptive (the later HLC wins, the loser is kept in history) unless
//     listed as decisive (concurrent different edits keep the first committed and open a review item);
//   append-only tables: rows are inserted once by client-made id; the same id twice is one row.
// Scope: where a row belongs, so the server knows who may see and write it (sync.md § Scopes).
//   'center'  the row's own center_code (and its owner: `ownerField`, else assigned_counselor_id when
//             it has one);
//   'region'  the region (시도) of employers and openings;
//   'parent'  the scope of the row named by `parent` (a jobseeker, a referral).

export type ScopeRule =
  | { kind: 'center'; field?: string; ownerField?: string }
  | { kind: 'region' }
  | { kind: 'parent'; parentTable: string; parentField: string };

export interface TableSyncRule {
  mode: 'mutable' | 'append-only';
  /** The local key column when it is not `id` (a center is known by its code). */
  key?: string;
  decisive: readonly string[];
  scope: ScopeRule;
}

export const SYNC_TABLES = {
  jobseekers: {
    mode: 'mutable',
    // consent_<group>: the consent in force (sync.md lists consent as decisive); consent_records below is
    // its append-only history (notice version, channel, counselor, time). shared/casework/consent.ts.
    decisive: [
      'assigned_counselor_id',
      'status',
      'current_type',
      'current_track',
      'archived',
      'center_code',
      'consent_required',
      'consent_optional',
      'consent_sensitive',
    ],
    scope: { kind: 'center' },
  },
  consent_records: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  assessments: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  counseling_notes: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  competency_items: {
    mode: 'mutable',
    decisive: ['archived'],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  employers: { mode: 'mutable', decisive: ['current_type', 'archived'], scope: { kind: 'region' } },
  employer_assessments: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'employers', parentField: 'employer_id' },
  },
  job_openings: { mode: 'mutable', decisive: ['status', 'archived'], scope: { kind: 'region' } },
  referrals: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  referral_events: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'referrals', parentField: 'referral_id' },
  },
  checkins: { mode: 'mutable', decisive: ['status', 'jobseeker_id'], scope: { kind: 'center' } },
  checkin_events: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'checkins', parentField: 'checkin_id' },
  },
  // Center settings (kiosk texts, counters, idle time): descriptive, the later edit wins.
  centers: { mode: 'mutable', key: 'code', decisive: [], scope: { kind: 'center', field: 'code' } },
  classification_reviews: {
    mode: 'mutable',
    decisive: ['status', 'outcome', 'outcome_assessment_id'],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  service_plan_steps: {
    mode: 'mutable',
    decisive: ['archived'],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  employer_contacts: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'employers', parentField: 'employer_id' },
  },
  package_steps: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'employers', parentField: 'employer_id' },
  },
  placements: {
    mode: 'mutable',
    decisive: ['archived'],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  placement_follow_ups: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'placements', parentField: 'placement_id' },
  },
  certificates: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  // Issue 16 item 3: every close and reopen of a case, with its reason (jobseekers.status is the decisive
  // status in force; this is its history).
  case_status_events: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  // A jobseeker's signature on a form (issue 18 item 2): inserted once, never changed.
  signatures: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  // Issue 16 item 4 (이관): held by the receiving center (its supervisors answer) and by its requester
  // (who sees the answer after the case has left). Its answer is decisive: two different answers to the
  // same request never both stand. Accepting it moves the case on the server (server/sync/transfer.ts).
  case_transfers: {
    mode: 'mutable',
    decisive: ['status', 'assigned_to'],
    scope: { kind: 'center', field: 'to_center', ownerField: 'requested_by' },
  },
  // Document attachments (issue 18 item 3; shared/sync/tables/attachments.ts): the metadata rows; the bytes
  // go through the blob endpoint. Removing one is decisive (like archiving): a tombstone with its reason.
  attachments: {
    mode: 'mutable',
    decisive: ['removed'],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  employer_attachments: {
    mode: 'mutable',
    decisive: ['removed'],
    scope: { kind: 'parent', parentTable: 'employers', parentField: 'employer_id' },
  },
  referral_attachments: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'referrals', parentField: 'referral_id' },
  },
  // Appointments (issue 16 item 1): the outcome and archiving are decisive (two desktops recording
  // different outcomes open a review item); start, length, place and purpose are descriptive.
  appointments: {
    mode: 'mutable',
    decisive: ['outcome', 'archived'],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  appointment_events: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'appointments', parentField: 'appointment_id' },
  },
  // Service referrals (서비스 연계, issue 17 item 4): where the referral stands and its archiving are
  // decisive (two desktops recording different steps open a review); the course name, reasons and
  // outcome note are descriptive. Each step is also an append-only event.
  service_referrals: {
    mode: 'mutable',
    decisive: ['status', 'archived'],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  service_referral_events: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'service_referrals', parentField: 'service_referral_id' },
  },
  // Group programmes (issue 17 item 3; shared/sync/tables/groups.ts). A run is the center's (all its
  // counselors and supervisors); archiving it is decisive. Its sessions follow it. A participant is the
  // case's, naming the run; the status (enrolled, waiting, withdrawn, completed, not completed) is decisive
  // (two desktops deciding differently open a review item). Capacity cannot be checked offline: two
  // enrolments merged over capacity are both accepted and the run shows itself over capacity (see
  // shared/domain/groups.ts); nobody is dropped by the merge. Attendance marks are append-only, the
  // latest per session wins.
  group_programmes: { mode: 'mutable', decisive: ['archived'], scope: { kind: 'center' } },
  group_sessions: {
    mode: 'mutable',
    decisive: ['archived'],
    scope: { kind: 'parent', parentTable: 'group_programmes', parentField: 'programme_id' },
  },
  group_participants: {
    mode: 'mutable',
    decisive: ['status'],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  group_attendance: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'group_participants', parentField: 'participant_id' },
  },
  // A person's to-do items (issue 16 item 2): the center's, owned by the assignee. Who has it and whether it
  // is deleted are decisive (moving work between people is never silently overwritten); done, snooze, the
  // title and the day are descriptive: a to-do marked done twice, or reopened, loses nothing worth a review.
  tasks: {
    mode: 'mutable',
    decisive: ['assignee_id', 'archived'],
    scope: { kind: 'center', ownerField: 'assignee_id' },
  },
  // Programme enrolments (issue 17 item 2; shared/sync/tables/programmes.ts): the stage, the eligibility
  // decision, the outcome and archiving are decisive (two desktops moving or deciding differently open a
  // review item); dates, the pre-check's inputs and notes are descriptive. The history, the obligation
  // decisions (the first for a period stands; a correction names it) are append-only; the action plan is
  // mutable until agreed, and its agreement is decisive.
  programme_enrolments: {
    mode: 'mutable',
    decisive: ['stage', 'decision', 'outcome', 'archived'],
    scope: { kind: 'parent', parentTable: 'jobseekers', parentField: 'jobseeker_id' },
  },
  enrolment_events: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'programme_enrolments', parentField: 'enrolment_id' },
  },
  action_plans: {
    mode: 'mutable',
    decisive: ['agreed_on', 'archived'],
    scope: { kind: 'parent', parentTable: 'programme_enrolments', parentField: 'enrolment_id' },
  },
  obligation_decisions: {
    mode: 'append-only',
    decisive: [],
    scope: { kind: 'parent', parentTable: 'programme_enrolments', parentField: 'enrolment_id' },
  },
  // A suggested duplicate pair judged to be two people (다른 사람, issue 16 item 5): the center's, seen by
  // all its staff so the pair leaves everyone's list. Taking it back is decisive: a dismissal undone on one
  // desktop while another relies on it is never silently overwritten.
  case_merge_dismissals: {
    mode: 'mutable',
    decisive: ['undone'],
    scope: { kind: 'center' },
  },
  // The audit trail (domain.md §10: synced to the server): inserted once, never changed, each with its
  // own device's hash chain. Owned by its actor (issue #13 item 5): a counselor's desktop gets only
  // their own entries (owner scope); a supervisor's gets the center's (see `centerScopeHolds`).
  audit_entries: { mode: 'append-only', decisive: [], scope: { kind: 'center', ownerField: 'actor_id' } },
} as const satisfies Record<string, TableSyncRule>;

export type SyncedTable = keyof typeof SYNC_TABLES;

export function isSyncedTable(name: string): name is SyncedTable {
  return Object.hasOwn(SYNC_TABLES, name);
}

export function syncRule(table: SyncedTable): TableSyncRule {
  return SYNC_TABLES[table];
}

/** Columns the sync machinery owns; a client may never set them through a mutation. */
export const RESERVED_FIELDS = ['id', 'seq', 'hlc'] as const;

/**
 * Whether a desktop of this role gets this table's rows through its center scope. Audit entries of the
 * center go only to its supervisors; everyone else gets their own through their owner scope. The
 * server (pull, snapshot, checksums) and the desktop (its own checksums) both ask this.
 */
export function centerScopeHolds(table: string, role: string): boolean {
  return table !== 'audit_entries' || role === 'supervisor';
}

/** Tables a center scope does not bring to a desktop of this role. */
export function tablesOutsideCenterScope(role: string): string[] {
  return role === 'supervisor' ? [] : ['audit_entries'];
}
