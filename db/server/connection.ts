import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { rowHash } from '../../shared/sync/checksum.ts';
import { StoreError } from '../errors.ts';
import type { SqlDialect } from '../migrations/types.ts';
import { migrateServerToLatest } from './migrator.ts';
import type { ServerDatabase } from './schema.ts';

// The server's database: PostgreSQL in production (`postgres://…`), an embedded SQLite file by
// default (`sqlite:./data/server.db`). The same Kysely types and repositories serve both.

export type ServerDb = Kysely<ServerDatabase>;

export interface OpenedServerDb {
  db: ServerDb;
  dialect: SqlDialect;
  /** Where it is, without credentials (for logs and /health). */
  description: string;
  close: () => Promise<void>;
  /** The migrations this opening applied ([] when the schema was up to date). */
  applied: string[];
  /** PostgreSQL only: the connection pool's figures now (server/metrics.ts, server/limits.ts). */
  pool?: () => PoolStats;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export function describeDbUrl(url: string): string {
  if (url.startsWith('sqlite:')) return url;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgres';
  }
}

export interface OpenServerDbOptions {
  migrate?: boolean;
  /**
   * Told when the database drops one of the pool's connections (idle or in use), with the error's code
   * only: for the server's log. The request that used it is answered 503 on its own.
   */
  onConnectionLost?: (code: string | undefined) => void;
  /** PostgreSQL connections this process may hold (default 10); N workers hold N times as many. */
  poolSize?: number;
}

export async function openServerDb(url: string, options: OpenServerDbOptions = {}): Promise<OpenedServerDb> {
  let db: ServerDb;
  let dialect: SqlDialect;
  let stats: (() => PoolStats) | undefined;
  if (url.startsWith('sqlite:')) {
    const file = resolve(url.slice('sqlite:'.length) || './data/server.db');
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
    const raw = new BetterSqlite3(file, { timeout: 5000 });
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    // The row hash of the scope checksums' triggers (migration 0003); PostgreSQL has md5() built in.
    raw.function('sync_row_hash', { deterministic: true }, (table, id, seq) =>
      BigInt(rowHash(String(table), String(id), Number(seq))),
    );
    db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: raw }) });
    dialect = 'sqlite';
  } else if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    // A bounded wait for a connection: a database host that stops answering fails requests with a 503
    // (db/server/faults.ts) instead of holding them open. Below the desktop's own 30 s request timeout,
    // so the desktop hears the 503 and its Retry-After rather than a cut connection.
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 20_000,
    });
    // A connection dropped by the database (a restart, pg_terminate_backend, an administrator) must not
    // crash the server. node-postgres emits 'error' on the client; with no listener that is an
    // uncaught exception that ends the process. Idle clients: the pool listens and drops them.
    // Checked-out clients: the pool stops listening while a request holds them, so every client gets
    // its own listener when it is made. The request's query fails with the same error and is answered
    // 503 (server/app.ts); releasing the broken client removes it from the pool.
    const lost = (error: unknown) => options.onConnectionLost?.((error as { code?: string }).code);
    pool.on('error', lost);
    pool.on('connect', (client) => {
      // Idle, both listeners hear the same error: told once.
      client.on('error', (error) => {
        if (client.listenerCount('error') === 1) lost(error);
      });
    });
    // int8 (bigint, our seq columns) as JS numbers: sequences stay far below 2^53.
    pg.types.setTypeParser(20, (v) => Number(v));
    db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
    stats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    dialect = 'postgres';
  } else {
    throw new StoreError('not-a-store', `Unsupported database URL: use sqlite:FILE or postgres://…`);
  }
  let applied: string[] = [];
  try {
    if (options.migrate ?? true) applied = (await migrateServerToLatest(db, dialect)).applied;
  } catch (error) {
    await db.destroy();
    if (error instanceof StoreError) throw error;
    throw new StoreError('not-a-store', `The server database at ${describeDbUrl(url)} cannot be opened.`, {
      cause: error,
    });
  }
  return {
    db,
    dialect,
    description: describeDbUrl(url),
    close: () => db.destroy(),
    applied,
    ...(stats ? { pool: stats } : {}),
  };
}
