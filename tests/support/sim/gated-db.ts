import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import type { ServerDb } from '../../../db/server/connection.ts';
import { rowHash } from '../../../shared/sync/checksum.ts';

// The server's database as the sync simulation gives it to the server under test: the real database
// (PostgreSQL through its own pool of connections, or the SQLite file), with a gate in the driver that
// the simulation uses to place faults at exact points of the server's transactions:
//   - a crash inside a push transaction: the k-th write of the transaction (or its commit) throws, so
//     everything it had written rolls back, as when the server process dies or loses its connection
//     part-way (the database never commits a transaction whose client vanished);
//   - a commit held open: the push transaction has done all its work but not committed while the
//     simulation issues another desktop's pull; the pull's reads of sync_rows run on other pool
//     connections, some before the commit and the others after it (chosen by the scope they read), so
//     every snapshot boundary the database allows can be produced on demand, deterministically by seed.
// On SQLite the server has one connection (Kysely's driver serialises everything), so a pull simply
// waits for the commit; there the gate only places crashes.

export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}
function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const WRITE = /^\s*(insert|update|delete|with\b[\s\S]*\b(update|insert|delete)\b)/i;
const SYNC_ROWS_READ = /^\s*select[\s\S]*\bfrom\s+"?sync_rows"?/i;

export interface CommitHold {
  /** Resolves with true when a writing transaction reached its commit and waits; false if cancelled. */
  reached: Promise<boolean>;
  release: () => void;
  cancel: () => void;
}

export interface ReadHold {
  /** Resolves once the reads that arrived have settled: passed ones finished, held ones waiting. */
  settled: () => Promise<{ passed: number; held: number }>;
  release: () => void;
}

export class DbGate {
  /** True once an armed crash has fired (read and reset by the simulation). */
  crashed = false;
  private crashAt: number | null = null;
  private crashWrites = 0;
  private commitHold: { reached: (v: boolean) => void; release: Deferred } | null = null;
  private readHold: {
    columns: string[];
    release: Deferred;
    arrived: number;
    held: number;
    inFlight: number;
  } | null = null;
  private readonly writes = new Map<DatabaseConnection, number>();
  readonly dialect: 'sqlite' | 'postgres';

  constructor(dialect: 'sqlite' | 'postgres') {
    this.dialect = dialect;
  }

  /** The next transaction that writes throws at its `at`-th write, or at its commit if it writes fewer. */
  armCrash(at: number): void {
    this.crashAt = Math.max(1, at);
    this.crashWrites = 0;
    this.crashed = false;
  }
  disarmCrash(): void {
    this.crashAt = null;
  }

  /** The next transaction that wrote something waits at its commit until released. */
  holdNextCommit(): CommitHold {
    let reached!: (v: boolean) => void;
    const promise = new Promise<boolean>((r) => {
      reached = r;
    });
    const release = deferred();
    this.commitHold = { reached, release };
    return {
      reached: promise,
      release: () => release.resolve(),
      cancel: () => {
        this.commitHold = null;
        reached(false);
        release.resolve();
      },
    };
  }

  /** Reads of sync_rows naming any of these scope columns wait until released. */
  holdReads(columns: string[]): ReadHold {
    const hold = { columns, release: deferred(), arrived: 0, held: 0, inFlight: 0 };
    this.readHold = hold;
    return {
      settled: async () => {
        if (this.dialect === 'sqlite') return { passed: 0, held: 0 };
        // The pull's queries reach the driver as their pool connections come free: wait (a bounded
        // number of turns, never for a duration the test depends on) until some arrived and none of the
        // passed ones is still running.
        let stable = 0;
        let last = -1;
        for (let turn = 0; turn < 200 && stable < 5; turn++) {
          await new Promise((r) => setTimeout(r, 1));
          const settledNow = hold.arrived > 0 && hold.inFlight === 0;
          stable = settledNow && hold.arrived === last ? stable + 1 : 0;
          last = hold.arrived;
        }
        return { passed: hold.arrived - hold.held, held: hold.held };
      },
      release: () => {
        if (this.readHold === hold) this.readHold = null;
        hold.release.resolve();
      },
    };
  }

  async query<R>(
    inner: DatabaseConnection,
    q: CompiledQuery,
    run: () => Promise<QueryResult<R>>,
  ): Promise<QueryResult<R>> {
    const inTransaction = this.writes.get(inner);
    if (inTransaction !== undefined && WRITE.test(q.sql)) {
      this.writes.set(inner, inTransaction + 1);
      if (this.crashAt !== null && ++this.crashWrites >= this.crashAt) {
        this.crashAt = null;
        this.crashed = true;
        throw new SimulatedCrash('simulated: the server died inside the push transaction');
      }
    }
    const hold = this.readHold;
    if (hold && SYNC_ROWS_READ.test(q.sql)) {
      hold.arrived++;
      if (hold.columns.some((c) => q.sql.includes(`"${c}"`) || q.sql.includes(` ${c} `))) {
        hold.held++;
        await hold.release.promise;
        return run();
      }
      hold.inFlight++;
      try {
        return await run();
      } finally {
        hold.inFlight--;
      }
    }
    return run();
  }

  begin(inner: DatabaseConnection): void {
    this.writes.set(inner, 0);
  }

  async beforeCommit(inner: DatabaseConnection): Promise<void> {
    const wrote = this.writes.get(inner) ?? 0;
    this.writes.delete(inner);
    if (wrote === 0) return;
    if (this.crashAt !== null) {
      this.crashAt = null;
      this.crashed = true;
      throw new SimulatedCrash('simulated: the server died just before its commit');
    }
    const hold = this.commitHold;
    if (hold) {
      this.commitHold = null;
      hold.reached(true);
      await hold.release.promise;
    }
  }

  ended(inner: DatabaseConnection): void {
    this.writes.delete(inner);
  }
}

class GatedDriver implements Driver {
  private readonly wrapped = new WeakMap<DatabaseConnection, DatabaseConnection>();
  private readonly inner: Driver;
  private readonly gate: DbGate;
  constructor(inner: Driver, gate: DbGate) {
    this.inner = inner;
    this.gate = gate;
  }

  private unwrap(c: DatabaseConnection): DatabaseConnection {
    return this.wrapped.get(c) ?? c;
  }

  init(): Promise<void> {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.inner.acquireConnection();
    const gate = this.gate;
    const outer: DatabaseConnection = {
      executeQuery: <R>(q: CompiledQuery) => gate.query(inner, q, () => inner.executeQuery<R>(q)),
      streamQuery: <R>(q: CompiledQuery, chunkSize: number) => inner.streamQuery<R>(q, chunkSize),
    };
    this.wrapped.set(outer, inner);
    return outer;
  }
  async beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.inner.beginTransaction(this.unwrap(c), settings);
    this.gate.begin(this.unwrap(c));
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await this.gate.beforeCommit(this.unwrap(c));
    await this.inner.commitTransaction(this.unwrap(c));
  }
  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    this.gate.ended(this.unwrap(c));
    await this.inner.rollbackTransaction(this.unwrap(c));
  }
  releaseConnection(c: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(this.unwrap(c));
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

function gated(inner: Dialect, gate: DbGate): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new GatedDriver(inner.createDriver(), gate),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}

/**
 * A second handle on an already migrated server database (from `freshDatabase` + `openServerDb`), for
 * the server under test, with the gate in its driver.
 */
export function openGatedDb(url: string): { db: ServerDb; gate: DbGate; close: () => Promise<void> } {
  if (url.startsWith('sqlite:')) {
    const gate = new DbGate('sqlite');
    // As openServerDb opens it (db/server/connection.ts), with the checksum triggers' hash function.
    const raw = new BetterSqlite3(url.slice('sqlite:'.length), { timeout: 5000 });
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.function('sync_row_hash', { deterministic: true }, (table, id, seq) =>
      BigInt(rowHash(String(table), String(id), Number(seq))),
    );
    const db: ServerDb = new Kysely({ dialect: gated(new SqliteDialect({ database: raw }), gate) });
    return { db, gate, close: () => db.destroy() };
  }
  const gate = new DbGate('postgres');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => undefined);
  const db: ServerDb = new Kysely({ dialect: gated(new PostgresDialect({ pool }), gate) });
  return { db, gate, close: () => db.destroy() };
}
