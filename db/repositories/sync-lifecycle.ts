import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { SYNC_TABLES, isSyncedTable, syncRule } from '../../shared/sync/tables.ts';
import type { Database, SyncReviewItemTable } from '../schema.ts';

// SQL of what sync keeps on the desktop besides rows: the review items last pulled (with a choice made
// here until the server has it), what was done with refused changes, removals waiting for unsent edits,
// and the removal of rows the server deleted or moved out of this desktop's scopes.

type Db = Kysely<Database> | Transaction<Database>;
export type LocalReviewItem = Selectable<SyncReviewItemTable>;

export async function listLocalReviewItems(db: Db, caseId?: string): Promise<LocalReviewItem[]> {
  let q = db.selectFrom('sync_review_items').selectAll();
  if (caseId !== undefined) q = q.where('case_id', '=', caseId);
  return q.orderBy('id').execute();
}

export async function getLocalReviewItem(db: Db, id: string): Promise<LocalReviewItem | undefined> {
  return db.selectFrom('sync_review_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countLocalReviewItems(db: Db): Promise<number> {
  const row = await db
    .selectFrom('sync_review_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pending_choice', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Status of outbox entries by client_seq. */
export async function outboxStatuses(db: Db, seqs: number[]): Promise<Map<number, string>> {
  if (seqs.length === 0) return new Map();
  const rows = await db
    .selectFrom('outbox')
    .select(['client_seq', 'status'])
    .where('client_seq', 'in', seqs)
    .execute();
  return new Map(rows.map((r) => [Number(r.client_seq), r.status]));
}

/**
 * Replaces the cached items with the server's open ones. An item chosen here stays until the server has
 * the choice (its outbox entry still pending); a choice the server refused is cleared so a person can
 * choose again (the refusal and its reason show with the refused changes).
 */
export async function replaceLocalReviewItems(
  trx: Transaction<Database>,
  items: Array<{
    id: string;
    kind: string;
    table: string;
    rowId: string;
    caseId: string | null;
    json: string;
  }>,
): Promise<void> {
  const local = await trx.selectFrom('sync_review_items').selectAll().execute();
  const statuses = await outboxStatuses(
    trx,
    local.flatMap((l) => (l.pending_client_seq !== null ? [Number(l.pending_client_seq)] : [])),
  );
  const incoming = new Set(items.map((i) => i.id));
  for (const l of local) {
    const status = l.pending_client_seq !== null ? statuses.get(Number(l.pending_client_seq)) : undefined;
    if (!incoming.has(l.id)) {
      if (status !== 'pending') await trx.deleteFrom('sync_review_items').where('id', '=', l.id).execute();
    } else if (status === 'refused') {
      await trx
        .updateTable('sync_review_items')
        .set({ pending_choice: null, pending_client_seq: null, pending_by: null, pending_at: null })
        .where('id', '=', l.id)
        .execute();
    }
  }
  for (const i of items) {
    await trx
      .insertInto('sync_review_items')
      .values({
        id: i.id,
        kind: i.kind,
        table_name: i.table,
        row_id: i.rowId,
        case_id: i.caseId,
        item: i.json,
        pending_choice: null,
        pending_client_seq: null,
        pending_by: null,
        pending_at: null,
      })
      .onConflict((oc) => oc.column('id').doUpdateSet({ item: i.json, case_id: i.caseId, kind: i.kind }))
      .execute();
  }
}

export async function markReviewChosen(
  trx: Transaction<Database>,
  id: string,
  c: { choice: string; clientSeq: number; by: string; at: string },
): Promise<void> {
  await trx
    .updateTable('sync_review_items')
    .set({ pending_choice: c.choice, pending_client_seq: c.clientSeq, pending_by: c.by, pending_at: c.at })
    .where('id', '=', id)
    .execute();
}

/** A queued write of sync's own (a resolution, a hand-over, a change sent again); returns its client_seq. */
export async function appendSyncOutbox(
  trx: Transaction<Database>,
  w: {
    table: string;
    rowId: string;
    op: 'insert' | 'update';
    fields: Record<string, unknown>;
    hlc: string;
    baseSeq: number;
    createdAt: string;
  },
): Promise<number> {
  const row = await trx
    .insertInto('outbox')
    .values({
      table_name: w.table,
      row_id: w.rowId,
      op: w.op,
      fields: JSON.stringify(w.fields),
      hlc: w.hlc,
      base_seq: w.baseSeq,
      created_at: w.createdAt,
      error: null,
    })
    .returning('client_seq')
    .executeTakeFirstOrThrow();
  return Number(row.client_seq);
}

// ---- refused changes ----

export interface RefusedRow {
  client_seq: number;
  table_name: string;
  row_id: string;
  op: 'insert' | 'update';
  fields: string;
  error: string | null;
  created_at: string;
}

/** Refused changes nobody has acted on yet, newest first. */
export async function unhandledRefused(db: Db, limit = 100): Promise<RefusedRow[]> {
  const rows = await db
    .selectFrom('outbox as o')
    .leftJoin('sync_refused_actions as a', 'a.client_seq', 'o.client_seq')
    .select(['o.client_seq', 'o.table_name', 'o.row_id', 'o.op', 'o.fields', 'o.error', 'o.created_at'])
    .where('o.status', '=', 'refused')
    .where('a.client_seq', 'is', null)
    .orderBy('o.client_seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, client_seq: Number(r.client_seq) }));
}

export async function getRefused(
  db: Db,
  clientSeq: number,
): Promise<(RefusedRow & { handled: boolean }) | undefined> {
  const row = await db
    .selectFrom('outbox as o')
    .leftJoin('sync_refused_actions as a', 'a.client_seq', 'o.client_seq')
    .select([
      'o.client_seq',
      'o.table_name',
      'o.row_id',
      'o.op',
      'o.fields',
      'o.error',
      'o.created_at',
      'o.status',
    ])
    .select('a.action')
    .where('o.client_seq', '=', clientSeq)
    .executeTakeFirst();
  if (!row || row.status !== 'refused') return undefined;
  return { ...row, client_seq: Number(row.client_seq), handled: row.action !== null };
}

export async function recordRefusedAction(
  trx: Transaction<Database>,
  a: { clientSeq: number; action: 'resent' | 'handed'; followUpSeq: number; actorId: string; at: string },
): Promise<void> {
  await trx
    .insertInto('sync_refused_actions')
    .values({
      client_seq: a.clientSeq,
      action: a.action,
      follow_up_seq: a.followUpSeq,
      actor_id: a.actorId,
      at: a.at,
    })
    .execute();
}

// ---- removals ----

export interface Removal {
  table: string;
  id: string;
  seq: number;
  reason: 'deleted' | 'left-scope';
}

function keyColumn(table: string): string {
  return isSyncedTable(table) ? ((syncRule(table) as { key?: string }).key ?? 'id') : 'id';
}

/** Child tables of each table (by the sync scope rules): a removed case takes its records along. */
const CHILDREN: ReadonlyMap<string, Array<{ table: string; field: string }>> = (() => {
  const map = new Map<string, Array<{ table: string; field: string }>>();
  for (const [table, rule] of Object.entries(SYNC_TABLES)) {
    const scope = rule.scope as { kind: string; parentTable?: string; parentField?: string };
    if (scope.kind !== 'parent' || !scope.parentTable || !scope.parentField) continue;
    const list = map.get(scope.parentTable) ?? [];
    list.push({ table, field: scope.parentField });
    map.set(scope.parentTable, list);
  }
  return map;
})();

async function localSeq(db: Db, table: string, id: string): Promise<number | null> {
  const found = await sql<{ seq: number }>`select seq from ${sql.table(table)} where ${sql.ref(
    keyColumn(table),
  )} = ${id}`.execute(db);
  const row = found.rows[0];
  return row ? Number(row.seq) : null;
}

/** The row and every local row under it, parents first. */
async function subtree(db: Db, table: string, id: string): Promise<Array<{ table: string; id: string }>> {
  const out = [{ table, id }];
  for (const child of CHILDREN.get(table) ?? []) {
    const rows = await sql<{ id: string }>`select id from ${sql.table(child.table)} where ${sql.ref(
      child.field,
    )} = ${id}`.execute(db);
    for (const r of rows.rows) out.push(...(await subtree(db, child.table, r.id)));
  }
  return out;
}

async function hasPending(db: Db, rows: Array<{ table: string; id: string }>): Promise<boolean> {
  const ids = [...new Set(rows.map((r) => r.id))];
  for (let i = 0; i < ids.length; i += 400) {
    const found = await db
      .selectFrom('outbox')
      .select(['table_name', 'row_id'])
      .where('status', '=', 'pending')
      .where('row_id', 'in', ids.slice(i, i + 400))
      .execute();
    const wanted = new Set(rows.map((r) => `${r.table}\u0000${r.id}`));
    if (found.some((f) => wanted.has(`${f.table_name}\u0000${f.row_id}`))) return true;
  }
  return false;
}

/**
 * Removes rows the server deleted or moved out of this desktop's scopes, each with the records under
 * it. A row newer here than the removal stays (it came back); a row with unsent edits (its own or its
 * records') is kept until they are pushed: the removal waits in sync_deferred_removals. Append-only rows
 * go through sync_purge, the only way past their delete triggers. Run with foreign keys off (rows of this
 * center, e.g. check-ins, may still name a case that left).
 */
export async function removeRows(
  trx: Transaction<Database>,
  removals: Removal[],
): Promise<{ removed: number; deferred: number }> {
  let removed = 0;
  let deferred = 0;
  for (const r of removals) {
    // What a newer server sent for the row and this version kept aside goes with it (0009).
    await trx.deleteFrom('sync_aside').where('table_name', '=', r.table).where('row_id', '=', r.id).execute();
    if (!isSyncedTable(r.table) || r.table === 'audit_entries') continue;
    const seq = await localSeq(trx, r.table, r.id);
    if (seq === null || seq > r.seq) {
      await trx
        .deleteFrom('sync_deferred_removals')
        .where('table_name', '=', r.table)
        .where('row_id', '=', r.id)
        .execute();
      continue;
    }
    const rows = await subtree(trx, r.table, r.id);
    if (await hasPending(trx, rows)) {
      await trx
        .insertInto('sync_deferred_removals')
        .values({ table_name: r.table, row_id: r.id, seq: r.seq, reason: r.reason })
        .onConflict((oc) =>
          oc.columns(['table_name', 'row_id']).doUpdateSet({ seq: r.seq, reason: r.reason }),
        )
        .execute();
      deferred++;
      continue;
    }
    // Children first, so nothing is left pointing at a removed parent.
    for (const row of rows.reverse()) {
      const appendOnly = isSyncedTable(row.table) && syncRule(row.table).mode === 'append-only';
      if (appendOnly)
        await trx.insertInto('sync_purge').values({ table_name: row.table, row_id: row.id }).execute();
      await sql`delete from ${sql.table(row.table)} where ${sql.ref(keyColumn(row.table))} = ${row.id}`.execute(
        trx,
      );
      if (appendOnly)
        await trx
          .deleteFrom('sync_purge')
          .where('table_name', '=', row.table)
          .where('row_id', '=', row.id)
          .execute();
    }
    await trx
      .deleteFrom('sync_deferred_removals')
      .where('table_name', '=', r.table)
      .where('row_id', '=', r.id)
      .execute();
    removed++;
  }
  return { removed, deferred };
}

export async function deferredRemovals(db: Db): Promise<Removal[]> {
  const rows = await db.selectFrom('sync_deferred_removals').selectAll().execute();
  return rows.map((r) => ({ table: r.table_name, id: r.row_id, seq: Number(r.seq), reason: r.reason }));
}
