import { recordScopeExit } from '../../db/server/repositories/lifecycle.ts';
import type { SyncRow } from '../../db/server/repositories/sync.ts';
import { caseChildTables, mergeFieldsSchema, parseMergeValues } from '../../shared/sync/merge.ts';
import type { Mutation, MutationResult } from '../../shared/sync/protocol.ts';
import { checkFields } from '../../shared/sync/tables/index.ts';
import type { PushWork } from './push-work.ts';
import { Refusal, forceFields, rescopeChildren, type SyncCaller } from './rows.ts';

// A case merge (issue 16 item 5) as ONE sequenced write: it arrives as a queued write to the pseudo-table
// `case_merges` (shared/sync/merge.ts) and is applied here inside its push's transaction, under the
// sequencer lock: the survivor takes the chosen values (the values they replace go to history), the
// merged case becomes a tombstone pointing at it (`merged_into`, archived), and every record of the
// merged case, in every table the sync declarations name as a case's (scope children and references),
// moves to the survivor with a new seq, so every desktop of the center pulls the move. Authorised from
// the database: a supervisor of the center both cases belong to. Logged in `case_merges` with both ids.
// What other desktops still send for the merged case is redirected (redirect.ts).

export async function applyMerge(
  work: PushWork,
  caller: SyncCaller,
  m: Mutation,
  now: string,
): Promise<MutationResult> {
  if (m.op !== 'insert') throw new Refusal('mergeOnce');
  const parsed = mergeFieldsSchema.safeParse(m.fields);
  if (!parsed.success) throw new Refusal('malformedMerge');
  const f = parsed.data;
  const values = parseMergeValues(f.values);
  if (!values) throw new Refusal('malformedMerge');
  if (caller.role !== 'supervisor') throw new Refusal('mergeSupervisorOnly');
  if (f.survivor_id === f.merged_id) throw new Refusal('mergeSameCase');
  const survivor = await work.getRow('jobseekers', f.survivor_id);
  const merged = await work.getRow('jobseekers', f.merged_id);
  // Another center's case is answered like a missing one (no probing of ids).
  for (const row of [survivor, merged])
    if (!row || row.deleted_at || row.scope_center !== caller.centerCode) throw new Refusal('mergeNotFound');
  if (!survivor || !merged) throw new Refusal('mergeNotFound');
  for (const row of [survivor, merged])
    if ((JSON.parse(row.data) as Record<string, unknown>)['merged_into'])
      throw new Refusal('mergeAlreadyMerged');
  const problem = checkFields('jobseekers', 'update', values, caller.role);
  if (problem) throw new Refusal(problem.code, problem.values);
  if (await sameOpening(work, survivor.row_id, merged.row_id)) throw new Refusal('mergeSameOpening');

  const firstSeq = (await forceFields(work, caller, 'jobseekers', survivor, values, m.hlc, now)) ?? null;
  const tombSeq = await forceFields(
    work,
    caller,
    'jobseekers',
    merged,
    { merged_into: survivor.row_id, archived: 1 },
    m.hlc,
    now,
  );
  const moved = await moveRecords(
    work,
    merged,
    (await work.getRow('jobseekers', survivor.row_id)) ?? survivor,
    now,
  );
  const seq = firstSeq ?? tombSeq ?? Number(merged.seq);
  await work.trx
    .insertInto('case_merges')
    .values({
      id: m.rowId,
      center_code: caller.centerCode,
      survivor_id: survivor.row_id,
      merged_id: merged.row_id,
      actor: caller.userId,
      device_id: caller.deviceId,
      seq,
      moved,
      at: now,
    })
    .execute();
  return { clientSeq: m.clientSeq, status: 'applied', seq };
}

/** Both cases referred to one opening: the desktops keep one referral per case and opening. */
async function sameOpening(work: PushWork, a: string, b: string): Promise<boolean> {
  const openings = async (id: string) =>
    new Set(
      (await work.caseRecords(`jobseekers:${id}`))
        .filter((r) => r.table_name === 'referrals' && !r.deleted_at)
        .map((r) => (JSON.parse(r.data) as Record<string, unknown>)['opening_id']),
    );
  const [oa, ob] = [await openings(a), await openings(b)];
  return [...oa].some((o) => ob.has(o));
}

/** Moves every record of the merged case to the survivor, each with a new seq; returns how many. */
async function moveRecords(work: PushWork, merged: SyncRow, survivor: SyncRow, now: string): Promise<number> {
  const mergedKey = `jobseekers:${merged.row_id}`;
  let moved = 0;
  const scopeChildren = await work.caseRecords(mergedKey);
  for (const c of caseChildTables()) {
    const rows = c.parent
      ? scopeChildren.filter((r) => r.table_name === c.table)
      : await work.caseRecords(mergedKey, {
          table: c.table,
          field: c.field,
          id: merged.row_id,
          center: merged.scope_center,
        });
    for (const row of rows) {
      if (row.deleted_at) continue;
      const data = JSON.parse(row.data) as Record<string, unknown>;
      data[c.field] = survivor.row_id;
      const seq = await work.nextSeq();
      const scope = c.parent
        ? {
            scope_center: survivor.scope_center,
            scope_owner: survivor.scope_owner,
            scope_region: survivor.scope_region,
            parent_key: `jobseekers:${survivor.row_id}`,
          }
        : {};
      await work.updateRow(row.table_name, row.row_id, {
        seq,
        data: JSON.stringify(data),
        ...scope,
        updated_at: now,
      });
      moved++;
      if (
        c.parent &&
        (row.scope_owner !== survivor.scope_owner || row.scope_center !== survivor.scope_center)
      ) {
        // The survivor has another owner: the record and what hangs under it follow its scope.
        await recordScopeExit(work.trx, { table: row.table_name, rowId: row.row_id, seq, old: row, at: now });
        await rescopeChildren(work, `${row.table_name}:${row.row_id}`, survivor, now);
      }
    }
  }
  return moved;
}
