import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { ReviewItemTable, ReviewKind, ServerDatabase } from '../schema.ts';

// SQL of a record's life after the first sync: review items (open, resolve, list per scope), scope
// exits, tombstones and their log, and the hires counted against an opening.

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;
export type ReviewItemRow = Selectable<ReviewItemTable>;

export interface ScopeOf {
  scope_center: string | null;
  scope_owner: string | null;
  scope_region: string | null;
}

export interface NewReviewItem {
  id: string;
  kind: ReviewKind;
  table: string;
  rowId: string;
  caseId: string | null;
  field: string;
  keptValue: unknown;
  keptAuthor: string;
  keptAt: string | null;
  heldValue: unknown;
  heldAuthor: string;
  heldAt: string | null;
  scope: ScopeOf;
  detail: Record<string, unknown> | null;
  at: string;
}

export async function openReviewItem(db: Db, item: NewReviewItem): Promise<void> {
  await db
    .insertInto('review_items')
    .values({
      id: item.id,
      kind: item.kind,
      table_name: item.table,
      row_id: item.rowId,
      case_id: item.caseId,
      field: item.field,
      kept_value: JSON.stringify(item.keptValue ?? null),
      kept_author: item.keptAuthor,
      kept_at: item.keptAt,
      held_value: JSON.stringify(item.heldValue ?? null),
      held_author: item.heldAuthor,
      held_at: item.heldAt,
      scope_center: item.scope.scope_center,
      scope_owner: item.scope.scope_owner,
      scope_region: item.scope.scope_region,
      detail: item.detail ? JSON.stringify(item.detail) : null,
      created_at: item.at,
      resolved_by: null,
      resolved_at: null,
      resolution: null,
      resolved_seq: null,
    })
    .execute();
}

export async function getReviewItem(db: Db, id: string): Promise<ReviewItemRow | undefined> {
  return db.selectFrom('review_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An open item of this kind on this field of this row, if one exists (derived checks open one at most). */
export async function findOpenItem(
  db: Db,
  table: string,
  rowId: string,
  field: string,
  kind: ReviewKind,
): Promise<ReviewItemRow | undefined> {
  return db
    .selectFrom('review_items')
    .selectAll()
    .where('table_name', '=', table)
    .where('row_id', '=', rowId)
    .where('field', '=', field)
    .where('kind', '=', kind)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function closeReviewItem(
  db: Db,
  id: string,
  c: { resolution: NonNullable<ReviewItemRow['resolution']>; by: string; at: string; seq: number | null },
): Promise<void> {
  await db
    .updateTable('review_items')
    .set({
      status: 'resolved',
      resolution: c.resolution,
      resolved_by: c.by,
      resolved_at: c.at,
      resolved_seq: c.seq,
    })
    .where('id', '=', id)
    .execute();
}

export interface CallerScope {
  centerCode: string;
  userId: string;
  region: string;
}

export function itemVisibleTo(item: ScopeOf, s: CallerScope): boolean {
  return (
    (item.scope_center !== null && item.scope_center === s.centerCode) ||
    (item.scope_owner !== null && item.scope_owner === s.userId) ||
    (item.scope_region !== null && item.scope_region !== '' && item.scope_region === s.region)
  );
}

/**
 * The open items a caller's desktop shows: its center's, its own caseload's, its region's; oldest first.
 * One statement (one snapshot on PostgreSQL, as rowsAfter): the per-scope index reads, merged.
 */
export async function openItemsFor(db: Db, s: CallerScope, limit = 500): Promise<ReviewItemRow[]> {
  const head = (column: 'scope_center' | 'scope_owner' | 'scope_region', value: string) =>
    sql`select id from (select id from review_items where status = 'open' and ${sql.ref(column)} = ${value}
          order by created_at, id limit ${limit}) as h`;
  const heads = [head('scope_center', s.centerCode), head('scope_owner', s.userId)];
  if (s.region) heads.push(head('scope_region', s.region));
  const result = await sql<ReviewItemRow>`select r.* from (${sql.join(heads, sql` union `)}) as k
      join review_items as r on r.id = k.id order by r.created_at, r.id limit ${limit}`.execute(db);
  return result.rows;
}

/** Display names of accounts, for the people a review item names. */
export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id) => id !== ''))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

// ---- scope exits ----

export async function recordScopeExit(
  db: Db,
  e: { table: string; rowId: string; seq: number; old: ScopeOf; at: string },
): Promise<void> {
  await db
    .insertInto('scope_exits')
    .values({
      table_name: e.table,
      row_id: e.rowId,
      seq: e.seq,
      old_center: e.old.scope_center,
      old_owner: e.old.scope_owner,
      old_region: e.old.scope_region,
      at: e.at,
    })
    .execute();
}

/** Whether the caller's scopes held this row when it left them after `afterSeq`. */
export async function exitedFrom(
  db: Db,
  table: string,
  rowId: string,
  s: CallerScope,
  afterSeq: number,
): Promise<boolean> {
  const exits = await db
    .selectFrom('scope_exits')
    .selectAll()
    .where('table_name', '=', table)
    .where('row_id', '=', rowId)
    .where('seq', '>', afterSeq)
    .execute();
  return exits.some((e) =>
    itemVisibleTo({ scope_center: e.old_center, scope_owner: e.old_owner, scope_region: e.old_region }, s),
  );
}

export interface ExitNotice {
  table: string;
  id: string;
  seq: number;
}

/**
 * Rows that left the caller's scopes after the cursor and are not back in them: the desktop removes
 * them. One statement, so one snapshot on PostgreSQL (as rowsAfter, for the same reason: the page's
 * cursor must not pass an exit that a second query could not see): the first `limit + 1` exits of each
 * scope by its (old scope, seq) index, merged, with each row's current scope read in the same snapshot.
 */
export async function exitsAfter(
  db: Db,
  s: CallerScope,
  cursor: number,
  limit: number,
): Promise<{ exits: ExitNotice[]; cursor: number; hasMore: boolean }> {
  const head = (column: 'old_center' | 'old_owner' | 'old_region', value: string) =>
    sql`select table_name, row_id, seq from (select table_name, row_id, seq from scope_exits
          where ${sql.ref(column)} = ${value} and seq > ${cursor} order by seq limit ${limit + 1}) as h`;
  const heads = [head('old_center', s.centerCode), head('old_owner', s.userId)];
  if (s.region) heads.push(head('old_region', s.region));
  const merged = (
    await sql<{
      table_name: string;
      row_id: string;
      seq: number;
      scope_center: string | null;
      scope_owner: string | null;
      scope_region: string | null;
      present: number | null;
    }>`select e.table_name, e.row_id, e.seq, r.scope_center, r.scope_owner, r.scope_region,
          case when r.row_id is null then null else 1 end as present
        from (${sql.join(heads, sql` union `)}) as e
        left join sync_rows as r on r.table_name = e.table_name and r.row_id = e.row_id
        order by e.seq, e.table_name, e.row_id limit ${limit + 1}`.execute(db)
  ).rows;
  const page = merged.slice(0, limit);
  const out: ExitNotice[] = [];
  for (const e of page) {
    // Back in the caller's scopes (reassigned back): the row itself comes with the next pull instead.
    if (e.present !== null && itemVisibleTo(e, s)) continue;
    out.push({ table: e.table_name, id: e.row_id, seq: Number(e.seq) });
  }
  const last = page.at(-1);
  return { exits: out, cursor: last ? Number(last.seq) : cursor, hasMore: merged.length > limit };
}

// ---- deletes ----

export async function logDeletion(
  db: Db,
  d: {
    id: string;
    action: 'delete' | 'restore';
    table: string;
    rowId: string;
    seq: number;
    reason: string;
    actor: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('record_deletions')
    .values({
      id: d.id,
      action: d.action,
      table_name: d.table,
      row_id: d.rowId,
      seq: d.seq,
      reason: d.reason,
      actor: d.actor,
      at: d.at,
    })
    .execute();
}

export async function lastDeletion(db: Db, table: string, rowId: string) {
  return db
    .selectFrom('record_deletions')
    .selectAll()
    .where('table_name', '=', table)
    .where('row_id', '=', rowId)
    .where('action', '=', 'delete')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
}

/** A deleted row's personal data leaves the server: its superseded values and its review items' values. */
export async function eraseTraces(
  db: Db,
  table: string,
  rowId: string,
  by: string,
  at: string,
): Promise<void> {
  await db.deleteFrom('value_history').where('table_name', '=', table).where('row_id', '=', rowId).execute();
  await db
    .updateTable('review_items')
    .set({ kept_value: 'null', held_value: 'null', detail: null })
    .where('table_name', '=', table)
    .where('row_id', '=', rowId)
    .execute();
  await db
    .updateTable('review_items')
    .set({ status: 'resolved', resolution: 'erased', resolved_by: by, resolved_at: at })
    .where('table_name', '=', table)
    .where('row_id', '=', rowId)
    .where('status', '=', 'open')
    .execute();
}

// ---- hires against positions ----

export async function addOpeningFill(db: Db, sourceKey: string, openingId: string): Promise<void> {
  const existing = await db
    .selectFrom('opening_fills')
    .select('source_key')
    .where('source_key', '=', sourceKey)
    .executeTakeFirst();
  if (!existing)
    await db.insertInto('opening_fills').values({ source_key: sourceKey, opening_id: openingId }).execute();
}

export async function openingFillSources(db: Db, openingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('opening_fills')
    .select('source_key')
    .where('opening_id', '=', openingId)
    .execute();
  return rows.map((r) => r.source_key);
}

/** Turns a row into its tombstone: key, scope and a new seq stay, the data keep only `skeleton`. */
export async function tombstoneRow(
  db: Db,
  table: string,
  rowId: string,
  t: { seq: number; skeleton: Record<string, unknown>; at: string },
): Promise<void> {
  await db
    .updateTable('sync_rows')
    .set({
      seq: t.seq,
      data: JSON.stringify(t.skeleton),
      field_meta: '{}',
      deleted_at: t.at,
      updated_at: t.at,
    })
    .where('table_name', '=', table)
    .where('row_id', '=', rowId)
    .execute();
}

/** Brings a tombstone back as a live row with the given data (an explicit restore). */
export async function reviveRow(
  db: Db,
  table: string,
  rowId: string,
  r: {
    seq: number;
    data: Record<string, unknown>;
    fieldMeta: Record<string, unknown>;
    scope: ScopeOf;
    at: string;
  },
): Promise<void> {
  await db
    .updateTable('sync_rows')
    .set({
      seq: r.seq,
      data: JSON.stringify(r.data),
      field_meta: JSON.stringify(r.fieldMeta),
      scope_center: r.scope.scope_center,
      scope_owner: r.scope.scope_owner,
      scope_region: r.scope.scope_region,
      deleted_at: null,
      updated_at: r.at,
    })
    .where('table_name', '=', table)
    .where('row_id', '=', rowId)
    .execute();
}
