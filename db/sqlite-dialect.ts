import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection } from 'kysely';

// The desktop store's Kysely dialect: SQLite's, except that transactions begin IMMEDIATE.
//
// The store has more than one connection at a time (a first download applies its pages on a worker
// thread's connection; electron/services/sync/snapshot-thread.ts). A transaction begun DEFERRED starts
// as a reader and becomes a writer at its first write; if another connection committed in between,
// SQLite cannot upgrade it and answers SQLITE_BUSY at once, without waiting: a counselor's save would
// fail for having been read-then-written while a download ran. BEGIN IMMEDIATE takes the write lock at
// the start, waiting (busy_timeout) for the other writer's transaction to end, so it never fails that way.

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: BetterSqlite3.Database;
  constructor(database: BetterSqlite3.Database) {
    super({ database });
    this.#database = database;
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }
}

export function caseStoreDialect(database: BetterSqlite3.Database): SqliteDialect {
  return new ImmediateSqliteDialect(database);
}
