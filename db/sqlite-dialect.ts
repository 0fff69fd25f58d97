import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type AbortableOperationOptions,
  type DatabaseConnection,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import { namedStoreFault } from './errors.ts';

// The desktop store's Kysely dialect: SQLite's, except that transactions begin IMMEDIATE, a transaction
// SQLite already ended is not rolled back again, and storage faults come out named.
//
// The store has more than one connection at a time (a first download applies its pages on a worker
// thread's connection; electron/services/sync/snapshot-thread.ts). A transaction begun DEFERRED starts
// as a reader and becomes a writer at its first write; if another connection committed in between,
// SQLite cannot upgrade it and answers SQLITE_BUSY at once, without waiting: a counselor's save would
// fail for having been read-then-written while a download ran. BEGIN IMMEDIATE takes the write lock at
// the start, waiting (busy_timeout) for the other writer's transaction to end, so it never fails that way.
//
// On SQLITE_FULL and SQLITE_IOERR (and some SQLITE_BUSY, SQLITE_NOMEM) SQLite rolls the whole
// transaction back by itself. Kysely then sends its own ROLLBACK, which fails with "cannot rollback - no
// transaction is active" and replaces the error that said what happened: the counselor was told
// nothing useful about a full disk. The rollback is skipped when no transaction is open, so the first
// error survives, and storage faults are raised as StoreDiskFull / StoreIoError (db/errors.ts).

class FaultNamingConnection implements DatabaseConnection {
  readonly #inner: DatabaseConnection;
  constructor(inner: DatabaseConnection) {
    this.#inner = inner;
  }
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.#inner.executeQuery<R>(query);
    } catch (error) {
      throw namedStoreFault(error) ?? error;
    }
  }
  async *streamQuery<R>(
    query: CompiledQuery,
    chunkSize: number,
    options?: AbortableOperationOptions,
  ): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.#inner.streamQuery<R>(query, chunkSize, options);
    } catch (error) {
      throw namedStoreFault(error) ?? error;
    }
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  readonly #database: BetterSqlite3.Database;
  constructor(database: BetterSqlite3.Database) {
    super({ database });
    this.#database = database;
  }
  override async acquireConnection(): Promise<DatabaseConnection> {
    return new FaultNamingConnection(await super.acquireConnection());
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#database.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
  override async rollbackToSavepoint(
    connection: DatabaseConnection,
    savepointName: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (!this.#database.inTransaction) return;
    await super.rollbackToSavepoint(connection, savepointName, compileQuery);
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: BetterSqlite3.Database;
  constructor(database: BetterSqlite3.Database) {
    super({ database });
    this.#database = database;
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#database);
  }
}

export function caseStoreDialect(database: BetterSqlite3.Database): SqliteDialect {
  return new ImmediateSqliteDialect(database);
}
