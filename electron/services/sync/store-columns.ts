import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';

// The columns the open store has, per table, read once: pull and verify ask for them on every page.
// Names only this version's schema knows, so the cache is forgotten whenever that can change: when a store
// is opened (a process may open another store, of another version: the CLI, tests) and after migrations
// applied values kept aside (kept-aside.ts).

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const cache = new Map<string, Set<string>>();

export function forgetStoreColumns(): void {
  cache.clear();
}

/** The columns of `table` in the open store (none for a name that is not an identifier). */
export async function storeColumns(
  db: Kysely<Database> | Transaction<Database>,
  table: string,
): Promise<Set<string>> {
  const cached = cache.get(table);
  if (cached) return cached;
  if (!IDENTIFIER.test(table)) return new Set();
  const rows = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  const set = new Set(rows.rows.map((r) => r.name));
  cache.set(table, set);
  return set;
}
