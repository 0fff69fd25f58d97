import { sql, type Transaction } from 'kysely';
import type { CaseDb } from '../../../db/connection.ts';
import { setMeta } from '../../../db/repositories/meta.ts';
import { appendOutbox, nextHlc } from '../../../db/repositories/outbox.ts';
import type { Database } from '../../../db/schema.ts';
import { HLC_PATTERN } from '../../../shared/sync/hlc.ts';
import { RESERVED_FIELDS, SYNC_TABLES, syncRule, type SyncedTable } from '../../../shared/sync/tables.ts';
import { declarationOf } from '../../../shared/sync/tables/index.ts';
import { accountColumns, authorOf, centerColumns, type ColumnRef } from './columns.ts';
import { JOINED_SERVER_KEY, type JoinPlan } from './plan.ts';

// Joining a server, step two, in ONE local transaction (a crash leaves the store as it was, and a rerun
// starts again; once committed, a rerun only pushes what is left):
//   1. every local account id and the center code are replaced by the server's, everywhere they appear
//      (users, authors, counselors, owners, centers) but in the audit trail, whose hashes cover them;
//   2. the outbox is rebuilt: the server has never seen this desktop, so each record goes once, as an
//      insert of its current fields (parents before children); audit entries made before the join stay
//      in this PC's trail (`caseworker audit verify` still checks them) and the server records where its
//      copy starts (an anchor, as for any device's first entry).

export interface JoinApplied {
  queued: number;
  /** Audit entries made before the join: kept on this PC, not sent. */
  keptLocal: number;
}

const PAIRS_KEY = 'join.pairs';

/**
 * Runs `work` with the append-only triggers of these tables lifted, and puts back exactly the triggers
 * that were there (their own SQL, from sqlite_master), in the same transaction: the join's id change is
 * the one rewrite those records ever get, and it is in the join's audit entry. Never the audit trail.
 */
async function withTriggersLifted(
  trx: Transaction<Database>,
  tables: string[],
  work: () => Promise<void>,
): Promise<void> {
  const triggers: Array<{ name: string; sql: string }> = [];
  for (const table of new Set(tables)) {
    const rows = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master where type = 'trigger' and tbl_name = ${table}
      and sql like '%append-only%'`.execute(trx);
    triggers.push(...rows.rows);
  }
  for (const t of triggers) await sql`drop trigger ${sql.id(t.name)}`.execute(trx);
  await work();
  for (const t of triggers) await sql.raw(t.sql).execute(trx);
}

async function remap(trx: Transaction<Database>, plan: JoinPlan): Promise<void> {
  const accounts = await accountColumns(trx);
  const centers = await centerColumns(trx);
  await withTriggersLifted(
    trx,
    [...accounts, ...centers].map((r) => r.table),
    () => remapIds(trx, plan, accounts, centers),
  );
}

async function remapIds(
  trx: Transaction<Database>,
  plan: JoinPlan,
  accounts: ColumnRef[],
  centers: ColumnRef[],
): Promise<void> {
  for (const p of plan.pairs) {
    if (p.localId === p.serverId) continue;
    for (const ref of accounts)
      await sql`update ${sql.table(ref.table)} set ${sql.ref(ref.column)} = ${p.serverId}
                where ${sql.ref(ref.column)} = ${p.localId}`.execute(trx);
    await trx.updateTable('users').set({ id: p.serverId }).where('id', '=', p.localId).execute();
  }
  for (const p of plan.pairs)
    await trx.updateTable('users').set({ role: p.serverRole }).where('id', '=', p.serverId).execute();
  const from = plan.localCenter.code;
  const to = plan.serverCenter.code;
  if (from !== to) {
    for (const ref of centers)
      await sql`update ${sql.table(ref.table)} set ${sql.ref(ref.column)} = ${to}
                where ${sql.ref(ref.column)} = ${from}`.execute(trx);
    await trx.updateTable('centers').set({ code: to }).where('code', '=', from).execute();
  }
  await trx.updateTable('centers').set({ name: plan.serverCenter.name }).where('code', '=', to).execute();
}

/** A record's fields as the server declares them (local-only columns stay here). */
function insertFields(table: SyncedTable, row: Record<string, unknown>): Record<string, unknown> {
  const declared = declarationOf(table).columns;
  const fields: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if ((RESERVED_FIELDS as readonly string[]).includes(column) || !(column in declared)) continue;
    fields[column] = value;
  }
  return fields;
}

async function rebuildOutbox(trx: Transaction<Database>, deviceId: string, now: Date): Promise<JoinApplied> {
  const keptLocal = await trx
    .deleteFrom('outbox')
    .where('status', '=', 'pending')
    .where('table_name', '=', 'audit_entries')
    .executeTakeFirst();
  await trx.deleteFrom('outbox').where('status', '=', 'pending').execute();
  let queued = 0;
  // SYNC_TABLES lists parents before children; within a table, in the order rows were written (a
  // note's revision after the note).
  for (const table of Object.keys(SYNC_TABLES) as SyncedTable[]) {
    // The center's row exists on the server (its settings are the center's, changed there); the audit
    // trail is kept as written (above).
    if (table === 'centers' || table === 'audit_entries') continue;
    const key = syncRule(table).key ?? 'id';
    const rows = await sql<Record<string, unknown>>`
      select * from ${sql.table(table)} order by rowid`.execute(trx);
    // Grouped by author (stable: each author's rows keep their order), so the push sends long runs in
    // one name rather than one request per change of author.
    const byAuthor = rows.rows
      .map((row, i) => ({ row, i, author: authorOf(table, row) ?? '' }))
      .sort((a, b) => (a.author === b.author ? a.i - b.i : a.author < b.author ? -1 : 1));
    for (const { row } of byAuthor) {
      const stored = typeof row['hlc'] === 'string' ? row['hlc'] : '';
      const hlc = HLC_PATTERN.test(stored) ? stored : await nextHlc(trx, deviceId, now.getTime());
      await appendOutbox(trx, {
        table,
        rowId: String(row[key]),
        op: 'insert',
        fields: insertFields(table, row),
        hlc,
        baseSeq: 0,
        createdAt: now.toISOString(),
      });
      queued++;
    }
  }
  return { queued, keptLocal: Number(keptLocal.numDeletedRows) };
}

/** Runs steps 1 and 2 once; a rerun (already joined) changes nothing and says so with null. */
export async function applyJoin(
  db: CaseDb,
  plan: JoinPlan,
  serverUrl: string,
  deviceId: string,
  now: Date,
): Promise<JoinApplied | null> {
  if (plan.joined) return null;
  if (plan.problems.length > 0) throw new Error(plan.problems.join('\n'));
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    return await db.transaction().execute(async (trx) => {
      await remap(trx, plan);
      const applied = await rebuildOutbox(trx, deviceId, now);
      await setMeta(
        trx,
        PAIRS_KEY,
        JSON.stringify(plan.pairs.map((p) => ({ loginId: p.loginId, from: p.localId, to: p.serverId }))),
      );
      await setMeta(trx, JOINED_SERVER_KEY, serverUrl);
      await setMeta(trx, 'sync.server', serverUrl);
      return applied;
    });
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}
