import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { SqlDialect } from '../../migrations/types.ts';
import { tablesOutsideCenterScope } from '../../../shared/sync/tables.ts';
import type { PushResultTable, ServerDatabase, SyncRowTable } from '../schema.ts';

// SQL of the sync store: current rows with merge metadata, push results, review items, value history.

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;
export type SyncRow = Selectable<SyncRowTable>;

/**
 * The next server sequence number. Called inside the push transaction after `lockSequencer`, so numbers
 * are handed out in commit order (PostgreSQL sequences are not: they are taken before commit).
 */
export async function nextSeq(trx: Transaction<ServerDatabase>): Promise<number> {
  const row = await trx
    .selectFrom('sync_rows')
    .select((eb) => eb.fn.max('seq').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** Serialises writers for the rest of the transaction (SQLite already has a single writer). */
export async function lockSequencer(trx: Transaction<ServerDatabase>, dialect: SqlDialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7301)`.execute(trx);
}

export async function getSyncRow(db: Db, table: string, rowId: string): Promise<SyncRow | undefined> {
  return db
    .selectFrom('sync_rows')
    .selectAll()
    .where('table_name', '=', table)
    .where('row_id', '=', rowId)
    .executeTakeFirst();
}

export async function insertSyncRow(db: Db, row: Insertable<SyncRowTable>): Promise<void> {
  await db.insertInto('sync_rows').values(row).execute();
}

export async function insertSyncRows(db: Db, rows: Array<Insertable<SyncRowTable>>): Promise<void> {
  if (rows.length > 0) await db.insertInto('sync_rows').values(rows).execute();
}

/**
 * Writes the new state of many rows in one statement (key, seq, data, merge metadata, scopes,
 * updated_at; a tombstone's deleted_at is not this function's business).
 */
export async function updateSyncRows(db: Db, rows: SyncRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.table_name}, ${r.row_id}, ${r.seq}, ${r.data}, ${r.field_meta}, ${r.scope_center}, ${r.scope_owner}, ${r.scope_region}, ${r.parent_key}, ${r.updated_at})`,
    ),
  );
  // parent_key changes only when a case merge moves a record to the surviving case (sync/merge.ts).
  await sql`with v (table_name, row_id, seq, data, field_meta, scope_center, scope_owner, scope_region, parent_key, updated_at)
            as (values ${values})
            update sync_rows set seq = cast(v.seq as bigint), data = v.data, field_meta = v.field_meta,
              scope_center = v.scope_center, scope_owner = v.scope_owner, scope_region = v.scope_region,
              parent_key = v.parent_key, updated_at = v.updated_at
            from v where sync_rows.table_name = v.table_name and sync_rows.row_id = v.row_id`.execute(db);
}

export async function updateSyncRow(
  db: Db,
  table: string,
  rowId: string,
  patch: Partial<
    Pick<
      SyncRow,
      | 'seq'
      | 'data'
      | 'field_meta'
      | 'scope_center'
      | 'scope_owner'
      | 'scope_region'
      | 'parent_key'
      | 'updated_at'
    >
  >,
): Promise<void> {
  await db
    .updateTable('sync_rows')
    .set(patch)
    .where('table_name', '=', table)
    .where('row_id', '=', rowId)
    .execute();
}

export async function childrenOf(db: Db, parentKey: string): Promise<SyncRow[]> {
  return db.selectFrom('sync_rows').selectAll().where('parent_key', '=', parentKey).execute();
}

export async function getPushResult(
  db: Db,
  deviceId: string,
  clientSeq: number,
): Promise<Selectable<PushResultTable> | undefined> {
  return db
    .selectFrom('push_results')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('client_seq', '=', clientSeq)
    .executeTakeFirst();
}

export async function insertPushResult(db: Db, row: Selectable<PushResultTable>): Promise<void> {
  await db.insertInto('push_results').values(row).execute();
}

export async function insertValueHistory(
  db: Db,
  h: {
    table: string;
    rowId: string;
    field: string;
    value: unknown;
    hlc: string;
    authorId: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('value_history')
    .values({
      table_name: h.table,
      row_id: h.rowId,
      field: h.field,
      value: JSON.stringify(h.value ?? null),
      hlc: h.hlc,
      author_id: h.authorId,
      superseded_at: h.at,
    })
    .execute();
}

export interface ScopeFilter {
  centerCode: string;
  userId: string;
  region: string;
  /** What the center scope brings depends on it (`centerScopeHolds`: audit entries to supervisors). */
  role: string;
}

/** `and table_name not in (…)`: the tables the caller's center scope does not bring (none, or audit). */
export function centerExclusions(role: string) {
  const outside = tablesOutsideCenterScope(role);
  return outside.length === 0 ? sql`` : sql` and table_name not in (${sql.join(outside)})`;
}

/**
 * The caller's rows after the cursor, oldest first, at most `limit`: the first `limit` rows of each of
 * the caller's scopes (center, own caseload, region), each by its (scope, seq) index, merged and cut to
 * `limit`. A single query ORing the three scopes would make the database collect and sort every later
 * row on each page, which grows with the store; three separate queries would each see their own
 * snapshot on PostgreSQL (separate pool connections), and a commit landing between them moved the
 * page's end past rows one of them had not seen (issue #14). So it is ONE statement: the per-scope
 * subqueries (UNION ALL) all read one snapshot, in which the visible seqs are a
 * prefix of the committed ones (`lockSequencer`; see server/README.md § Why the pull cursor is safe).
 * Merging the per-scope heads is exact: a row of scope S up to the page's last seq is either among S's
 * first `limit` rows or behind `limit` rows of S, which would have filled the page before it.
 */
export async function rowsAfter(
  db: Db,
  scope: ScopeFilter,
  cursor: number,
  limit: number,
): Promise<SyncRow[]> {
  // UNION ALL of the heads with their whole rows (no join back, which PostgreSQL may plan as a scan of
  // the table), merged and cut here; a row in two scopes comes twice and is kept once.
  const head = (column: 'scope_center' | 'scope_owner' | 'scope_region', value: string, extra = sql``) =>
    sql`select * from (select * from sync_rows
          where ${sql.ref(column)} = ${value} and seq > ${cursor}${extra} order by seq limit ${limit}) as h`;
  const heads = [
    head('scope_center', scope.centerCode, centerExclusions(scope.role)),
    head('scope_owner', scope.userId),
  ];
  if (scope.region) heads.push(head('scope_region', scope.region));
  const result = await sql<SyncRow>`${sql.join(heads, sql` union all `)}`.execute(db);
  const seen = new Set<number>();
  const merged: SyncRow[] = [];
  // seq is unique (one row holds each), so it identifies a row here.
  for (const row of result.rows.sort((a, b) => Number(a.seq) - Number(b.seq))) {
    if (seen.has(Number(row.seq))) continue;
    seen.add(Number(row.seq));
    merged.push(row);
    if (merged.length === limit) break;
  }
  return merged;
}
