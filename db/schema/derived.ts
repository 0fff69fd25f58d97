// Tables the desktop derives from synced records and keeps in step with triggers (never synced, never
// written by code): they answer a question the list asks on every page faster than the records can.

// 0024_derived_lists (issue 16 item 7): the referrals no event has ended, with their case.
export interface ReferralOpenTable {
  referral_id: string;
  jobseeker_id: string;
}

// 0024_derived_lists (issue 16 item 5): how many live cases of a center share each duplicate cue's key.
export interface DuplicateKeyTable {
  center_code: string;
  cue: 'name-birthYear' | 'phone' | 'regNo';
  /** The name, the phone, or the registration number's body. */
  k1: string;
  /** The birth year (as text) for the name cue, '' for the others. */
  k2: string;
  n: number;
}

// 0026_inbox_due_sources (issue 16 item 2): the hires whose follow-up series can still fall due.
export interface FollowUpSeriesTable {
  referral_id: string;
  jobseeker_id: string;
}

export interface DerivedTables {
  referrals_open: ReferralOpenTable;
  duplicate_keys: DuplicateKeyTable;
  follow_up_series: FollowUpSeriesTable;
}
