import { sql, type Kysely, type Transaction } from 'kysely';
import type { ScopeChecksums, ScopeName } from '../../../shared/sync/checksum.ts';
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

export async function checksumsOf(db: Db, scopes: readonly string[]): Promise<Map<string, ScopeChecksums>> {
  const rows = await db
    .selectFrom('scope_checksums')
    .select(['scope', 'table_name', 'checksum', 'row_count'])
    .where('scope', 'in', scopes)
    .execute();
  const out = new Map<string, ScopeChecksums>(scopes.map((s) => [s, {}]));
  for (const r of rows) {
    // A table whose rows all went (deleted, moved) keeps a row with count 0: the same as no rows.
    if (Number(r.row_count) === 0) continue;
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
 * out the rows of their center, which the center's snapshot already brings.
 */
export async function snapshotRows(
  db: Db,
  scope: { kind: 'center' | 'owner' | 'region'; value: string },
  callerCenter: string,
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
  if (scope.kind === 'owner') {
    q = q.where((eb) => eb.or([eb('scope_center', 'is', null), eb('scope_center', '!=', callerCenter)]));
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
