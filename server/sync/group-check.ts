import type { SyncRow } from '../../db/server/repositories/sync.ts';
import type { SyncedTable } from '../../shared/sync/tables.ts';
import { isCaseStaff } from './directory.ts';
import type { PushWork } from './push-work.ts';
import { Refusal } from './rows.ts';

// Group programmes (issue 17 item 3): the rules across records the declarations cannot see
// (shared/sync/tables/groups.ts). A run's facilitator is staff of the run's center; an attendance mark's
// session belongs to the run its participant takes part in (the reference check alone would accept any
// session of the center). Capacity is NOT checked here: two desktops enrolling offline into the last seat
// both stand (sync.md: an append of a person is never dropped by a merge); the run shows itself over
// capacity and the counselor moves someone to the waiting list.

function dataOf(row: SyncRow | undefined): Record<string, unknown> | null {
  return row && !row.deleted_at ? (JSON.parse(row.data) as Record<string, unknown>) : null;
}

export async function checkGroupRecord(
  work: PushWork,
  table: SyncedTable,
  row: Record<string, unknown>,
  changed: Record<string, unknown>,
  centerCode: string | null,
): Promise<void> {
  if (table === 'group_programmes' && 'facilitator_id' in changed) {
    const id = changed['facilitator_id'];
    if (typeof id !== 'string' || !(await isCaseStaff(work, id, centerCode)))
      throw new Refusal('groupFacilitator');
  }
  if (table === 'group_attendance') {
    const participant = dataOf(await work.getRow('group_participants', String(row['participant_id'])));
    const session = dataOf(await work.getRow('group_sessions', String(row['session_id'])));
    if (!participant || !session || participant['programme_id'] !== session['programme_id'])
      throw new Refusal('groupSessionOtherRun');
  }
}
