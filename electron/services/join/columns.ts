import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { SYNC_TABLES, type SyncedTable } from '../../../shared/sync/tables.ts';
import { declarationOf } from '../../../shared/sync/tables/index.ts';

// Where a joining desktop's account ids and center code appear, read from the store itself (its foreign
// keys) and from the sync declarations (author and owner columns that carry no foreign key), so a column
// added by a later migration is covered without a list to keep up to date here.

type Db = Kysely<Database> | Transaction<Database>;

export interface ColumnRef {
  table: string;
  column: string;
}

/**
 * The audit trail is left out: each entry's hash covers its actor and center, so entries made before the
 * join keep them as they were (server/README.md § Joining a server).
 */
const KEPT_AS_WRITTEN = new Set(['audit_entries', 'audit_anchors', 'outbox', 'meta']);

async function storeTables(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  return rows.rows.map((r) => r.name).filter((t) => !KEPT_AS_WRITTEN.has(t));
}

async function foreignKeysTo(db: Db, target: string, targetColumn: string): Promise<ColumnRef[]> {
  const out: ColumnRef[] = [];
  for (const table of await storeTables(db)) {
    const fks = await sql<{ table: string; from: string; to: string | null }>`
      select "table", "from", "to" from pragma_foreign_key_list(${table})`.execute(db);
    for (const fk of fks.rows)
      if (fk.table === target && (fk.to === targetColumn || fk.to === null))
        out.push({ table, column: fk.from });
  }
  return out;
}

function unique(refs: ColumnRef[]): ColumnRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.table}.${r.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function declared(pick: (c: ReturnType<typeof declarationOf>['columns'][string]) => boolean): ColumnRef[] {
  const out: ColumnRef[] = [];
  for (const table of Object.keys(SYNC_TABLES) as SyncedTable[]) {
    if (KEPT_AS_WRITTEN.has(table)) continue;
    for (const [column, c] of Object.entries(declarationOf(table).columns))
      if (pick(c)) out.push({ table, column });
  }
  return out;
}

/** Every column naming a local account, besides `users.id` itself. */
export async function accountColumns(db: Db): Promise<ColumnRef[]> {
  return unique([
    ...(await foreignKeysTo(db, 'users', 'id')),
    ...declared((c) => c.author === 'user' || c.scope === 'owner'),
  ]);
}

/** Every column naming the local center, besides `centers.code` itself. */
export async function centerColumns(db: Db): Promise<ColumnRef[]> {
  return unique([
    ...(await foreignKeysTo(db, 'centers', 'code')),
    ...declared((c) => c.author === 'center' || c.scope === 'center'),
  ]);
}

/** The account that must push a row of this table: the first author column it fills. */
export function authorOf(table: SyncedTable, fields: Record<string, unknown>): string | null {
  for (const [column, c] of Object.entries(declarationOf(table).columns)) {
    const value = fields[column];
    if (c.author === 'user' && typeof value === 'string') return value;
  }
  return null;
}
