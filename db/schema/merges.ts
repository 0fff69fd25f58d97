import type { Generated } from 'kysely';
import type { Bool, Synced } from './base.ts';

// The store's tables of case merges beyond the jobseeker's own column (issue 16 item 5). db/schema.ts
// lists them in the store's Database.

// 0023_merge_dismissals: a suggested pair judged to be two different people (다른 사람), until undone.
export interface MergeDismissalTable extends Synced {
  center_code: string;
  /** The two cases, the smaller id first. */
  a_id: string;
  b_id: string;
  reason: string;
  dismissed_by: string;
  dismissed_at: string;
  /** 1: the dismissal was taken back; the pair is suggested again. */
  undone: Generated<Bool>;
  undone_by: string | null;
  undone_at: string | null;
}

export interface MergeTables {
  case_merge_dismissals: MergeDismissalTable;
}
