import { sql, type Kysely } from 'kysely';
import { runMigrations } from '../migrator.ts';
import type { SqlDialect } from '../migrations/types.ts';
import { serverMigrations } from './migrations/index.ts';

/**
 * The advisory lock every server process takes before it looks at the schema (not the sequencer's
 * 7301, which writers take per transaction).
 */
export const MIGRATION_LOCK_KEY = 7302;

/**
 * Brings the server database up to date. Several server processes often start together (`--workers N`,
 * or a process manager starting N instances against one PostgreSQL): each takes a session advisory lock
 * on one connection and runs the whole check-and-migrate under it, so exactly one applies the
 * migrations and the others find them applied. Kysely's own migration lock is taken only after it has
 * created its bookkeeping tables, and two `CREATE TABLE IF NOT EXISTS` at once can fail on PostgreSQL
 * (a duplicate key in pg_type); our newer-version check reads the schema before that too. SQLite has one
 * writer and a busy timeout, so nothing more is needed there.
 */
export async function migrateServerToLatest<DB>(
  db: Kysely<DB>,
  dialect: SqlDialect,
): Promise<{ applied: string[] }> {
  if (dialect !== 'postgres') return runMigrations(db, dialect, serverMigrations, 'server database');
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      return await runMigrations(conn, dialect, serverMigrations, 'server database');
    } finally {
      // A lost connection releases the lock on its own; an unlock that fails then changes nothing.
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn).catch(() => undefined);
    }
  });
}
