import { sql } from 'kysely';
import type { OpenedServerDb } from '../../../db/server/connection.ts';
import { verifyChain } from '../../../electron/services/audit-trail.ts';
import { openDesktopStore, type DesktopStore } from '../../../electron/services/store.ts';
import { centerScopeHolds, isSyncedTable, syncRule } from '../../../shared/sync/tables.ts';
import { TEST_STORE_KEY } from '../store-key.ts';

// The invariants of the real-fault harness at quiescence (every process stopped, every desktop synced
// until nothing moved), checked on the real stores and the real server database:
// - store integrity (PRAGMA integrity_check);
// - every write a desktop reported committed is in its outbox, and acknowledged by the server;
// - exactly once on the server (no two rows of one write);
// - no silent loss (the value is current, in value_history, or held in a review item);
// - every desktop equals the server for its scopes, row by row at the same seq;
// - no false tampering alarm (the audit chain check passes).
// Problems are worded with ids and table names only.

export interface CheckedDesktop {
  name: string;
  dir: string;
  userId: string;
  /** Its account's role: what a center scope brings depends on it (audit entries to supervisors only). */
  role: string;
  /** What its processes reported committed, over all their lives. */
  written: Array<{ table: string; id: string }>;
}

export interface InvariantReport {
  problems: string[];
  /** Server rows of a desktop's scopes that the desktop lacks or holds at another seq. */
  divergences: number;
  /** Server rows checked against each desktop, summed. */
  rowsCompared: number;
}

function keyOf(table: string): string {
  return isSyncedTable(table) ? ((syncRule(table) as { key?: string }).key ?? 'id') : 'id';
}

async function localRow(store: DesktopStore, table: string, id: string) {
  return (
    await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} where ${sql.ref(keyOf(table))} = ${id}`.execute(store.db)
  ).rows[0];
}

export async function checkInvariants(
  server: OpenedServerDb,
  center: string,
  desktops: CheckedDesktop[],
): Promise<InvariantReport> {
  const problems: string[] = [];
  let divergences = 0;
  let rowsCompared = 0;
  const all = await server.db.selectFrom('sync_rows').selectAll().execute();
  const serverByKey = new Map(all.map((r) => [`${r.table_name}:${r.row_id}`, r]));

  // Exactly once: each write made one server row (names and note bodies carry a unique marker).
  const seenContent = new Map<string, string>();
  for (const r of all) {
    if (r.deleted_at) continue;
    const data = JSON.parse(r.data) as Record<string, unknown>;
    const marker =
      r.table_name === 'jobseekers'
        ? data['name']
        : r.table_name === 'counseling_notes'
          ? data['body']
          : null;
    if (typeof marker !== 'string') continue;
    const k = `${r.table_name}:${marker}`;
    const other = seenContent.get(k);
    if (other) problems.push(`server: ${r.table_name} ${r.row_id} duplicates ${other}`);
    else seenContent.set(k, r.row_id);
  }

  for (const d of desktops) {
    const store = await openDesktopStore(d.dir, { key: TEST_STORE_KEY, create: false });
    try {
      const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(store.db);
      const verdict = integrity.rows.map((r) => r.integrity_check).join('; ');
      if (verdict !== 'ok') problems.push(`${d.name}: integrity_check says ${verdict}`);

      // Every reported write: the row is here, its outbox entry too, acknowledged by the server.
      const outbox = await store.db.selectFrom('outbox').selectAll().execute();
      const outboxByRow = new Map<string, typeof outbox>();
      for (const e of outbox) {
        const k = `${e.table_name}:${e.row_id}`;
        outboxByRow.set(k, [...(outboxByRow.get(k) ?? []), e]);
      }
      for (const w of d.written) {
        if (!(await localRow(store, w.table, w.id)))
          problems.push(`${d.name}: committed ${w.table} ${w.id} is gone from the store`);
        if (!outboxByRow.has(`${w.table}:${w.id}`))
          problems.push(`${d.name}: committed ${w.table} ${w.id} has no outbox entry`);
      }
      const deviceId = store.context.deviceId;
      const acknowledged = new Set(
        (
          await server.db
            .selectFrom('push_results')
            .select('client_seq')
            .where('device_id', '=', deviceId)
            .execute()
        ).map((r) => Number(r.client_seq)),
      );
      for (const e of outbox) {
        if (e.status === 'pending') {
          problems.push(`${d.name}: outbox ${e.client_seq} still pending after everyone synced`);
          continue;
        }
        if (e.status === 'refused') {
          if (!e.error) problems.push(`${d.name}: outbox ${e.client_seq} refused without a reason`);
          continue;
        }
        if (!acknowledged.has(Number(e.client_seq))) {
          problems.push(`${d.name}: outbox ${e.client_seq} marked sent, unknown to the server`);
          continue;
        }
        const row = serverByKey.get(`${e.table_name}:${e.row_id}`);
        if (!row || row.deleted_at) {
          problems.push(`${d.name}: ${e.table_name} ${e.row_id} acknowledged but missing on the server`);
          continue;
        }
        // No silent loss: each field written is current, in the value history, or held for review.
        const data = JSON.parse(row.data) as Record<string, unknown>;
        for (const [field, value] of Object.entries(JSON.parse(e.fields) as Record<string, unknown>)) {
          const json = JSON.stringify(value ?? null);
          if (JSON.stringify(data[field] ?? null) === json) continue;
          const inHistory = await server.db
            .selectFrom('value_history')
            .select('field')
            .where('table_name', '=', e.table_name)
            .where('row_id', '=', e.row_id)
            .where('field', '=', field)
            .where('value', '=', json)
            .executeTakeFirst();
          const inReview = await server.db
            .selectFrom('review_items')
            .select('id')
            .where('row_id', '=', e.row_id)
            .where('field', '=', field)
            .where('held_value', '=', json)
            .executeTakeFirst();
          if (!inHistory && !inReview)
            problems.push(
              `${d.name}: ${e.table_name}.${field} lost without a trace (outbox ${e.client_seq})`,
            );
        }
      }

      // Equal to the server for its scopes (its center's rows and its own caseload), row by row.
      // The project's own rule of what a scope brings (shared/sync/tables.ts), not a copy of it.
      const mine = all.filter(
        (r) =>
          !r.deleted_at &&
          ((r.scope_center === center && centerScopeHolds(r.table_name, d.role)) ||
            r.scope_owner === d.userId),
      );
      const missingByTable = new Map<string, number>();
      for (const row of mine) {
        rowsCompared++;
        const local = await localRow(store, row.table_name, row.row_id);
        if (!local) {
          divergences++;
          const missing = (missingByTable.get(row.table_name) ?? 0) + 1;
          missingByTable.set(row.table_name, missing);
          if (missing <= 3)
            problems.push(`${d.name}: lacks ${row.table_name} ${row.row_id} (server seq ${row.seq})`);
          continue;
        }
        if (Number(local['seq']) !== Number(row.seq)) {
          divergences++;
          problems.push(
            `${d.name}: ${row.table_name} ${row.row_id} at seq ${Number(local['seq'])}, server ${row.seq}`,
          );
          continue;
        }
        const data = JSON.parse(row.data) as Record<string, unknown>;
        for (const [field, value] of Object.entries(data)) {
          const here = local[field];
          if (here !== undefined && JSON.stringify(here) !== JSON.stringify(value)) {
            divergences++;
            problems.push(`${d.name}: ${row.table_name}.${field} of ${row.row_id} differs from the server`);
          }
        }
      }
      for (const [table, n] of missingByTable)
        problems.push(`${d.name}: lacks ${n} ${table} row(s) the server holds for its scopes`);

      // No false tampering alarm: the chain check `caseworker audit verify` runs.
      const chain = await verifyChain(store.context);
      if (!chain.ok)
        problems.push(
          `${d.name}: audit chain check reports tampering at entry ${chain.broken?.position ?? '?'} (${chain.broken?.reason ?? '?'})`,
        );
    } finally {
      await store.close();
    }
  }
  return { problems, divergences, rowsCompared };
}
