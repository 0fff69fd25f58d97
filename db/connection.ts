import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely } from 'kysely';
import { namedStoreFault, StoreError } from './errors.ts';
import { watchLocalWrites, type LocalWrites } from './local-writes.ts';
import { migrateToLatest } from './migrator.ts';
import { caseStoreDialect } from './sqlite-dialect.ts';
import { applyStoreKey } from './store-key.ts';
import type { Database } from './schema.ts';

export type CaseDb = Kysely<Database>;
export { applyStoreKey };

export interface OpenedStore extends LocalWrites {
  db: CaseDb;
  /** The raw handle, for the few things Kysely does not do (backup, pragmas, bulk loads). */
  raw: BetterSqlite3.Database;
  close: () => Promise<void>;
  /** The migrations this open applied ([] when the store was up to date). */
  migrated: string[];
}

export interface OpenStoreOptions {
  /**
   * The 32-byte store key (SQLCipher 4 page encryption), or null for an unencrypted file. The desktop
   * always passes a key; null exists for the benchmark that measures what encryption costs and for
   * tests about the file format itself.
   */
  key: Uint8Array | null;
  /** Create the file if it does not exist (default true). */
  create?: boolean;
  /** Milliseconds to wait for another process's write lock before giving up. */
  busyTimeoutMs?: number;
}

const OWNER_ONLY = 0o600;

/**
 * Opens (or creates) a desktop case store and brings its schema up to date.
 * WAL for concurrent readers, foreign keys on, files readable by the owner only (the store holds
 * personal data of many people). Any failure is a StoreError with a message a person can act on,
 * and a store that cannot be read is never overwritten.
 */
export async function openCaseStore(file: string, options: OpenStoreOptions): Promise<OpenedStore> {
  const create = options.create ?? true;
  const existed = existsSync(file);
  if (!existed && !create) throw new StoreError('missing', `No case store at ${file}.`);
  if (!existed) closeSync(openSync(file, 'a', OWNER_ONLY));
  chmodSync(file, OWNER_ONLY);

  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file, { fileMustExist: true, timeout: options.busyTimeoutMs ?? 5000 });
  } catch (cause) {
    throw new StoreError('not-a-store', `The case store at ${file} cannot be opened.`, { cause });
  }
  try {
    if (options.key) applyStoreKey(raw, options.key);
    // Reading the schema is the cheapest check that this is an SQLite database at all (and, on an
    // encrypted store, that the key is the right one: a wrong key reads as "not a database").
    raw.pragma('schema_version');
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    // Pages are decrypted when they enter SQLite's cache, so a cache that holds the hot tables saves
    // decrypting them again on every read. At 100k cases the jobseekers alone are ~40 MB, and the to-do
    // inbox also walks referrals, their events, enrolments and decisions: with 64 MiB its sources evicted
    // each other's pages and it took 3.5 times as long. 256 MiB; SQLite takes it only as pages are read,
    // so a smaller store never uses it all.
    raw.pragma('cache_size = -262144');
  } catch (cause) {
    raw.close();
    throw classifyOpenError(file, cause, options.key !== null);
  }
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) chmodSync(file + suffix, OWNER_ONLY);

  const db = new Kysely<Database>({ dialect: caseStoreDialect(raw) });
  let migrated: string[];
  try {
    migrated = (await migrateToLatest(db, 'sqlite')).applied;
  } catch (cause) {
    await db.destroy();
    // A full disk during a migration is said as such, not as a failed migration (nothing was changed:
    // each migration runs in its own transaction).
    const fault = namedStoreFault(cause);
    if (fault) throw fault;
    if (cause instanceof StoreError) throw cause;
    throw classifyOpenError(file, cause);
  }
  // After the migrations: the outbox exists. Writes are announced to the sync scheduler (local-writes.ts).
  const writes = watchLocalWrites(raw);
  return {
    db,
    raw,
    close: () => db.destroy(),
    migrated,
    onLocalWrite: (listener) => writes.onLocalWrite(listener),
  };
}

function classifyOpenError(file: string, cause: unknown, encrypted = false): StoreError {
  const fault = namedStoreFault(cause);
  if (fault) return fault;
  const code = (cause as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(
      'locked',
      `The case store at ${file} is in use by another program. Close it and try again.`,
      {
        cause,
      },
    );
  }
  if (encrypted && code === 'SQLITE_NOTADB') {
    return new StoreError(
      'wrong-key',
      `The case store at ${file} cannot be unlocked with this key (wrong key, or not a store).`,
      { cause },
    );
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError(
      'corrupt',
      `The file at ${file} is not a readable case store (damaged or not a store).`,
      {
        cause,
      },
    );
  }
  return new StoreError('not-a-store', `The case store at ${file} cannot be opened.`, { cause });
}
