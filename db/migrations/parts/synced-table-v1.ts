import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { SqlDialect } from '../types.ts';

// Pieces that migrations from 0019 on share, so each new table does not copy the same trigger block again
// (0012, 0014 and 0017 each carry their own copy, left as they landed). Frozen like a migration: once a
// migration uses a part, the part never changes; a different behaviour is a new file (`…-v2.ts`).

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema */

/** The columns every synced table starts with: its client-made id, the server's seq and the row's HLC. */
export function syncedColumns<T extends string>(t: CreateTableBuilder<T, any>): CreateTableBuilder<T, any> {
  return t
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('hlc', 'text', (c) => c.notNull());
}

/**
 * Makes `table` append-only in the database itself: an update may change only `seq` (the server's
 * acknowledgement) and a delete happens only for a row the sync has marked purged (sync_purge). `columns`
 * is every other column of the table, for SQLite's WHEN clause.
 */
export async function appendOnlyTriggers(
  db: Kysely<any>,
  dialect: SqlDialect,
  table: string,
  columns: readonly string[],
): Promise<void> {
  const purged = `EXISTS (SELECT 1 FROM sync_purge WHERE table_name = '${table}' AND row_id = OLD.id)`;
  if (dialect === 'sqlite') {
    const unchanged = columns.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ');
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} WHEN NOT (${unchanged})
         BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} WHEN NOT ${purged}
         BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger AS $$
       BEGIN
         IF TG_OP = 'DELETE' THEN
           IF ${purged} THEN RETURN OLD; END IF;
           RAISE EXCEPTION '${table} is append-only';
         END IF;
         IF (to_jsonb(NEW) - 'seq') <> (to_jsonb(OLD) - 'seq') THEN RAISE EXCEPTION '${table} is append-only'; END IF;
         RETURN NEW;
       END $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
    )
    .execute(db);
}
