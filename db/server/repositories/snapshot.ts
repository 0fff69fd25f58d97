import { sql, type Kysely, type Transaction } from 'kysely';
import type { ScopeChecksums, ScopeName } from '../../../shared/sync/checksum.ts';
import { centerScopeHolds, tablesOutsideCenterScope } from '../../../shared/sync/tables.ts';
import type { ServerDatabase } from '../schema.ts';
import type { ScopeFilter } from './sync.ts';

// SQL of first downloads and checks: the caller's scopes with their checksums (migration 0003), and
// the current rows of one scope in seq order for a snapshot.

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** The scopes a caller's desktop holds (sync.md § Scopes): their center, own caseload and region. */
export function scopesOf(caller: ScopeFilter): ScopeName[] {
  const scopes: ScopeName[] = [`center:${caller.centerCode}`, `owner:${caller.userId}`];
  if (caller.region) scopes.push(`region:${caller.region}`);
  return scopes;
}

/**
 * The server's checksums of these scopes, as a desktop of this role holds them: a center scope without
 * the tables it does not bring to that role (`centerScopeHolds`: audit entries, but to supervisors).
 */
export async function checksumsOf(
  db: Db,
  scopes: readonly string[],
  role: string,
): Promise<Map<string, ScopeChecksums>> {
  const rows = await db
    .selectFrom('scope_checksums')
    .select(['scope', 'table_name', 'checksum', 'row_count'])
    .where('scope', 'in', scopes)
    .execute();
  const out = new Map<string, ScopeChecksums>(scopes.map((s) => [s, {}]));
  for (const r of rows) {
    // A table whose rows all went (deleted, moved) keeps a row with count 0: the same as no rows.
    if (Number(r.row_count) === 0) continue;
    if (r.scope.startsWith('center:') && !centerScopeHolds(r.table_name, role)) continue;
    const tables = out.get(r.scope);
    if (tables) tables[r.table_name] = { checksum: Number(r.checksum), count: Number(r.row_count) };
  }
  return out;
}

export async function latestSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('sync_rows')
    .select((eb) => eb.fn.max('seq').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Whether any row of the caller's scopes (a tombstone too) is newer than `cursor`. */
export async function hasRowsAfter(db: Db, caller: ScopeFilter, cursor: number): Promise<boolean> {
  const probe = (column: 'scope_center' | 'scope_owner' | 'scope_region', value: string) =>
    db
      .selectFrom('sync_rows')
      .select('seq')
      .where(column, '=', value)
      .where('seq', '>', cursor)
      .$if(column === 'scope_center' && tablesOutsideCenterScope(caller.role).length > 0, (q) =>
        q.where('table_name', 'not in', tablesOutsideCenterScope(caller.role)),
      )
      .limit(1)
      .executeTakeFirst();
  const found = await Promise.all([
    probe('scope_center', caller.centerCode),
    probe('scope_owner', caller.userId),
    caller.region ? probe('scope_region', caller.region) : undefined,
  ]);
  return found.some((r) => r !== undefined);
}

export interface SnapshotRow {
  table_name: string;
  row_id: string;
  seq: number;
  data: string;
  deleted_at: string | null;
}

/**
 * Rows of one scope with upTo ≥ seq > after, oldest first, at most `limit`; by the scope's (scope, seq)
 * index. Tombstones come too: a desktop may hold a row it made itself that was deleted before its
 * first download, and the log it pulls afterwards starts after them. The caller's own caseload leaves
 * out the rows of their center, which the center's snapshot already brings, except the tables the
 * center scope does not bring to the caller's role (their own audit entries). Each read is one
 * statement below a watermark (`upTo`, the latest seq of one consistent read): every seq up to it was
 * committed when it was taken, so chunks read at different moments still leave nothing out (a row
 * rewritten in between moves above `upTo` and comes with the pull after the snapshot).
 */
export async function snapshotRows(
  db: Db,
  scope: { kind: 'center' | 'owner' | 'region'; value: string },
  caller: { centerCode: string; role: string },
  after: number,
  upTo: number,
  limit: number,
): Promise<SnapshotRow[]> {
  const column =
    scope.kind === 'center' ? 'scope_center' : scope.kind === 'owner' ? 'scope_owner' : 'scope_region';
  let q = db
    .selectFrom('sync_rows')
    .select(['table_name', 'row_id', 'seq', 'data', 'deleted_at'])
    .where(column, '=', scope.value)
    .where('seq', '>', after)
    .where('seq', '<=', upTo);
  const outside = tablesOutsideCenterScope(caller.role);
  if (scope.kind === 'center' && outside.length > 0) q = q.where('table_name', 'not in', outside);
  if (scope.kind === 'owner') {
    q = q.where((eb) =>
      eb.or([
        eb('scope_center', 'is', null),
        eb('scope_center', '!=', caller.centerCode),
        ...(outside.length > 0 ? [eb('table_name', 'in', outside)] : []),
      ]),
    );
  }
  return q.orderBy('seq').limit(limit).execute();
}

/** A read whose statements all see one state of the database (checksums, latest seq, newer rows). */
export function consistentRead<T>(
  db: Kysely<ServerDatabase>,
  dialect: 'sqlite' | 'postgres',
  work: (trx: Transaction<ServerDatabase>) => Promise<T>,
): Promise<T> {
  // SQLite: a transaction reads one snapshot (WAL) from its first read on. PostgreSQL: read committed
  // would let each statement see newer commits, so the transaction is repeatable read.
  const t = db.transaction();
  return (dialect === 'postgres' ? t.setIsolationLevel('repeatable read') : t).execute(async (trx) => {
    if (dialect === 'postgres') await sql`set transaction read only`.execute(trx);
    return work(trx);
  });
}
