import { sql, type Kysely } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { StoreError } from './errors.ts';
import { migrations, type Migration, type SqlDialect } from './migrations/index.ts';

export const MIGRATION_TABLE = 'kysely_migration';

type MigrationList = ReadonlyArray<readonly [name: string, migration: Migration]>;

function provider(list: MigrationList, dialect: SqlDialect): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve(
        Object.fromEntries(
          list.map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, dialect) }]),
        ),
      ),
  };
}

/** Names of the migrations already applied to this database, oldest first ([] on a new one). */
export async function appliedMigrations<DB>(db: Kysely<DB>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return [];
  const rows = await sql<{
    name: string;
  }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Brings a schema up to date with a migration list. A database that has migrations this code does not
 * know was written by a newer version of the app: it is refused before anything is touched, so an old
 * app never damages it.
 */
export async function runMigrations<DB>(
  db: Kysely<DB>,
  dialect: SqlDialect,
  list: MigrationList,
  what: string,
): Promise<{ applied: string[] }> {
  const known = new Set(list.map(([name]) => name));
  const unknown = (await appliedMigrations(db)).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new StoreError(
      'newer-version',
      `This ${what} was written by a newer version of Caseworker (it has migration ${unknown.at(-1)}). ` +
        'Update the app to open it; nothing was changed.',
    );
  }
  const { error, results } = await new Migrator({ db, provider: provider(list, dialect) }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new StoreError('migration-failed', `Updating the ${what} failed at migration ${failed}.`, {
      cause: error,
    });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** The desktop case store's migrations. */
export function migrateToLatest<DB>(db: Kysely<DB>, dialect: SqlDialect): Promise<{ applied: string[] }> {
  return runMigrations(db, dialect, migrations, 'case store');
}
