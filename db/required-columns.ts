import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { migrateToLatest } from './migrator.ts';
import type { Database } from './schema.ts';

// The columns a desktop row cannot be stored without (NOT NULL, no default), read from the real desktop
// migrations applied to an in-memory database. The server checks a restored record against them: a row
// every desktop would fail to insert must never be sent to them.

let cache: Promise<Map<string, string[]>> | null = null;

async function load(): Promise<Map<string, string[]>> {
  const raw = new BetterSqlite3(':memory:');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    await migrateToLatest(db, 'sqlite');
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
      db,
    );
    const out = new Map<string, string[]>();
    for (const { name } of tables.rows) {
      const columns = await sql<{
        name: string;
        notnull: number;
        dflt_value: unknown;
        pk: number;
      }>`select name, "notnull", dflt_value, pk from pragma_table_info(${name})`.execute(db);
      out.set(
        name,
        columns.rows.filter((c) => c.notnull === 1 && c.dflt_value === null && c.pk === 0).map((c) => c.name),
      );
    }
    return out;
  } finally {
    await db.destroy();
  }
}

/** Required columns of a desktop table (empty for a table the desktop does not have). */
export async function requiredDesktopColumns(table: string): Promise<string[]> {
  cache ??= load();
  return (await cache).get(table) ?? [];
}
