import type { Kysely } from 'kysely';
import { runMigrations } from '../migrator.ts';
import type { SqlDialect } from '../migrations/types.ts';
import { serverMigrations } from './migrations/index.ts';

export function migrateServerToLatest<DB>(
  db: Kysely<DB>,
  dialect: SqlDialect,
): Promise<{ applied: string[] }> {
  return runMigrations(db, dialect, serverMigrations, 'server database');
}
