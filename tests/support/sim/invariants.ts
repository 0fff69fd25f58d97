import { sql } from 'kysely';
import type { OpenedServerDb } from '../../../db/server/connection.ts';
import { MERGE_TABLE, caseChildTables } from '../../../shared/sync/merge.ts';
import { centerScopeHolds, isSyncedTable, syncRule } from '../../../shared/sync/tables.ts';
import type { Desk } from './desk.ts';
import { mergeChain, serverMerges, survivorOf } from './merge-ops.ts';

// The invariants at quiescence (sync.md § How it is proved): nothing deleted came back; every
// acknowledged write is applied, superseded with a record (value history), in review, or refused with a
// reason; every desktop equals the server restricted to its scopes. A merge (issue 16 item 5) counts as
// applied when the server logged it; what was sent for a merged-away case counts where the server
// redirected it: on its survivor (applied, in its history, or in review there), and a case column naming
// the merged case as naming its survivor.

const CASE_FIELDS = new Map<string, Set<string>>();
for (const c of caseChildTables())
  CASE_FIELDS.set(c.table, (CASE_FIELDS.get(c.table) ?? new Set()).add(c.field));

export async function checkInvariants(
  desks: Desk[],
  opened: OpenedServerDb,
  center: string,
  deleted: Set<string>,
): Promise<string[]> {
  const problems: string[] = [];
  const allRows = await opened.db
    .selectFrom('sync_rows')
    .selectAll()
    .where('scope_center', '=', center)
    .execute();
  // Acknowledged writes are looked up wherever their row is now: a transferred case left the center.
  const everyRow = await opened.db.selectFrom('sync_rows').selectAll().execute();
  const serverById = new Map(everyRow.map((r) => [`${r.table_name}:${r.row_id}`, r]));
  // Nothing deleted came back without a restore: not on the server, not on any desktop.
  for (const id of deleted) {
    if (!serverById.get(`jobseekers:${id}`)?.deleted_at)
      problems.push(`server: deleted case ${id} came back`);
  }
  const merges = await serverMerges(opened);
  const tombstones = allRows.filter((r) => r.deleted_at);
  const serverRows = allRows.filter((r) => !r.deleted_at);
  for (const d of desks) {
    for (const t of tombstones) {
      const key = isSyncedTable(t.table_name)
        ? ((syncRule(t.table_name) as { key?: string }).key ?? 'id')
        : 'id';
      const local =
        await sql`select 1 from ${sql.table(t.table_name)} where ${sql.ref(key)} = ${t.row_id}`.execute(
          d.store.db,
        );
      if (local.rows.length > 0)
        problems.push(`${d.name}: deleted ${t.table_name} ${t.row_id} is still here`);
    }
  }
  for (const d of desks) {
    // The outbox drained: everything was acknowledged (applied, superseded, in review) or refused with a reason.
    const outbox = await d.store.db.selectFrom('outbox').selectAll().execute();
    for (const e of outbox) {
      if (e.status === 'pending') problems.push(`${d.name}: outbox ${e.client_seq} still pending`);
      if (e.status === 'refused' && !e.error)
        problems.push(`${d.name}: outbox ${e.client_seq} refused without a reason`);
      // An honest desktop's audit chain always checks out on the server, whatever the faults.
      if (e.status === 'refused' && e.table_name === 'audit_entries')
        problems.push(`${d.name}: audit entry ${e.row_id} refused: ${e.error ?? ''}`);
      if (e.status !== 'sent') continue;
      const result = await opened.db
        .selectFrom('push_results')
        .selectAll()
        .where('device_id', '=', d.store.context.deviceId)
        .where('client_seq', '=', Number(e.client_seq))
        .executeTakeFirst();
      if (!result) {
        problems.push(`${d.name}: outbox ${e.client_seq} marked sent but the server has no record of it`);
        continue;
      }
      if (e.table_name === MERGE_TABLE) {
        const f = JSON.parse(e.fields) as { merged_id?: string; survivor_id?: string };
        if (merges.get(f.merged_id ?? '') !== f.survivor_id)
          problems.push(`${d.name}: merge ${e.row_id} acknowledged but not logged on the server`);
        continue;
      }
      // An edit of a merged-away case lands on its survivor (server/sync/redirect.ts).
      // Every case of the chain counts: an edit redirected to a survivor that was merged again later.
      const chain = e.table_name === 'jobseekers' ? mergeChain(merges, e.row_id) : [e.row_id];
      const target = chain[chain.length - 1] ?? e.row_id;
      const row = serverById.get(`${e.table_name}:${target}`);
      if (!row || row.deleted_at) {
        // Held in a review item (a record added to, or an edit of, a deleted or moved case), or applied and then
        // superseded by the recorded delete.
        const held = await opened.db
          .selectFrom('review_items')
          .select('id')
          .where('row_id', '=', e.row_id)
          // Held for a deleted case, or for the new owner of a case that left (transferred meanwhile).
          .where('kind', 'in', ['deleted', 'scope-exit'])
          .executeTakeFirst();
        const deletion = await opened.db
          .selectFrom('record_deletions')
          .select('seq')
          .where('table_name', '=', e.table_name)
          .where('row_id', '=', e.row_id)
          .where('action', '=', 'delete')
          .executeTakeFirst();
        const appliedBefore =
          deletion !== undefined && result.seq !== null && Number(result.seq) <= Number(deletion.seq);
        if (!held && !appliedBefore)
          problems.push(
            `${d.name}: ${e.table_name} ${e.row_id} acknowledged (${result.status}, seq ${String(result.seq)}) but missing on the server`,
          );
        continue;
      }
      const data = JSON.parse(row.data) as Record<string, unknown>;
      // Applied, then the record itself was deleted for real (a merged-away case deleted later keeps no
      // personal data, while its survivor lives on): superseded by the recorded delete.
      if (target !== e.row_id) {
        const deletion = await opened.db
          .selectFrom('record_deletions')
          .select('seq')
          .where('table_name', '=', e.table_name)
          .where('row_id', '=', e.row_id)
          .where('action', '=', 'delete')
          .executeTakeFirst();
        if (deletion !== undefined && result.seq !== null && Number(result.seq) <= Number(deletion.seq))
          continue;
      }
      const chainData = chain.map(
        (id) => JSON.parse(serverById.get(`${e.table_name}:${id}`)?.data ?? '{}') as Record<string, unknown>,
      );
      for (const [field, value] of Object.entries(JSON.parse(e.fields) as Record<string, unknown>)) {
        if (JSON.stringify(data[field] ?? null) === JSON.stringify(value ?? null)) continue;
        // Applied to the merged case before the merge (the survivor kept its own value).
        if (chainData.some((d) => JSON.stringify(d[field] ?? null) === JSON.stringify(value ?? null)))
          continue;
        // A case column naming a merged case, moved to its survivor by the merge or on arrival.
        if (
          CASE_FIELDS.get(e.table_name)?.has(field) &&
          typeof value === 'string' &&
          merges.has(value) &&
          data[field] === survivorOf(merges, value)
        )
          continue;
        const inHistory = await opened.db
          .selectFrom('value_history')
          .select('field')
          .where('table_name', '=', e.table_name)
          .where('row_id', 'in', chain)
          .where('field', '=', field)
          .where('value', '=', JSON.stringify(value ?? null))
          .executeTakeFirst();
        const inReview = await opened.db
          .selectFrom('review_items')
          .select('id')
          .where('row_id', 'in', chain)
          .where('field', '=', field)
          .where('held_value', '=', JSON.stringify(value ?? null))
          .executeTakeFirst();
        if (!inHistory && !inReview)
          problems.push(
            `${d.name}: ${e.table_name}.${field} write lost without a trace (outbox ${e.client_seq})`,
          );
      }
    }
    // Every desktop equals the server restricted to its scope (here: the whole center, but for other
    // people's audit entries, which only a supervisor's center scope brings).
    for (const row of serverRows) {
      if (!centerScopeHolds(row.table_name, d.session.role) && row.scope_owner !== d.session.userId) continue;
      const key = isSyncedTable(row.table_name)
        ? ((syncRule(row.table_name) as { key?: string }).key ?? 'id')
        : 'id';
      const local = (
        await sql<
          Record<string, unknown>
        >`select * from ${sql.table(row.table_name)} where ${sql.ref(key)} = ${row.row_id}`.execute(
          d.store.db,
        )
      ).rows[0];
      if (!local) {
        problems.push(`${d.name}: missing ${row.table_name} ${row.row_id}`);
        continue;
      }
      if (Number(local.seq) !== Number(row.seq))
        problems.push(
          `${d.name}: ${row.table_name} ${row.row_id} at seq ${Number(local.seq)}, server ${row.seq}`,
        );
      const data = JSON.parse(row.data) as Record<string, unknown>;
      for (const [field, value] of Object.entries(data)) {
        const mine = local[field];
        if (mine !== undefined && JSON.stringify(mine) !== JSON.stringify(value)) {
          problems.push(`${d.name}: ${row.table_name}.${field} of ${row.row_id} differs from the server`);
        }
      }
    }
    const localCount = (await d.store.db.selectFrom('jobseekers').select('id').execute()).length;
    const serverCount = serverRows.filter((r) => r.table_name === 'jobseekers').length;
    if (localCount !== serverCount)
      problems.push(`${d.name}: ${localCount} jobseekers locally, ${serverCount} on the server`);
  }
  return problems;
}
