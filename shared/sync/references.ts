import type { SyncedTable } from './tables.ts';

// Columns of a synced record naming another record that is not its scope parent (an opening's employer,
// a check-in's jobseeker...). The server checks on every push that the named record exists and is the
// caller's (server/sync/flows.ts); a case merge moves the records naming the merged case to the
// survivor (shared/sync/merge.ts), so a new reference to a case declared here is moved automatically.

export const REFERENCES: Partial<Record<SyncedTable, Record<string, SyncedTable>>> = {
  job_openings: { employer_id: 'employers' },
  referrals: { opening_id: 'job_openings' },
  placements: { employer_id: 'employers', opening_id: 'job_openings' },
  checkins: { jobseeker_id: 'jobseekers', appointment_id: 'appointments' },
  counseling_notes: { revision_of: 'counseling_notes' },
  classification_reviews: { assessment_id: 'assessments', outcome_assessment_id: 'assessments' },
  service_plan_steps: { assessment_id: 'assessments' },
  employer_attachments: { opening_id: 'job_openings' },
  referral_attachments: { attachment_id: 'attachments' },
  obligation_decisions: { corrects: 'obligation_decisions' },
  // Both cases of a dismissed pair: a merge of one of them moves the dismissal to its survivor.
  case_merge_dismissals: { a_id: 'jobseekers', b_id: 'jobseekers' },
  tasks: {
    jobseeker_id: 'jobseekers',
    employer_id: 'employers',
    opening_id: 'job_openings',
    referral_id: 'referrals',
  },
  group_participants: { programme_id: 'group_programmes' },
  group_attendance: { session_id: 'group_sessions' },
};
