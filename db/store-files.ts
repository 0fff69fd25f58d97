import { existsSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { applyStoreKey } from './store-key.ts';

// Whole-file work on an encrypted case store, on a connection of its own (a worker thread runs these,
// see electron/services/backups/worker.ts): an encrypted copy for a backup, and the integrity check that
// a backup, or the store itself before it is opened for writing, must pass.
//
// Why VACUUM INTO and not SQLite's online backup API: the backup API copies pages into a target
// connection that must use the same page encryption, and better-sqlite3 cannot key the target it opens
// (it refuses an encrypted source to a plain target, and a plain copy must never exist, not even for a
// moment). `VACUUM INTO` on a connection keyed with the store key writes the copy through the same
// cipher: every page is encrypted before it reaches the disk, the copy is one consistent snapshot (a
// read transaction), and other connections go on reading and writing meanwhile (WAL).

export type CheckMode = 'quick' | 'full';

/**
 * The schema this app knows: the migrations table and the names of its migrations (passed in, so that a
 * worker thread need not load Kysely and every migration to learn them: db/migrations/index.ts).
 */
export interface KnownSchema {
  table: string;
  migrations: readonly string[];
}

export interface StoreCheck {
  /** `ok`: the check passed and the schema is one this app knows; `newer`: it passed, but a newer app made it. */
  verdict: 'ok' | 'damaged' | 'newer';
  /** How many problems the check listed (capped); never their text, which may quote row contents. */
  problems: number;
  /** Migrations applied to the file (its schema version). */
  migrations: number;
}

const MAX_PROBLEMS = 20;

function openReadOnly(file: string, key: Uint8Array): BetterSqlite3.Database {
  const raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    applyStoreKey(raw, key);
    return raw;
  } catch (error) {
    raw.close();
    throw error;
  }
}

/**
 * Writes an encrypted, consistent copy of `source` to `target`, which must exist and be empty (the
 * caller creates it owner-only first, so the copy is never readable by others either).
 */
export function copyStoreInto(source: string, key: Uint8Array, target: string): void {
  const absent = ['-wal', '-shm'].filter((suffix) => !existsSync(source + suffix));
  const raw = openReadOnly(source, key);
  try {
    raw.prepare('VACUUM INTO ?').run(target);
  } finally {
    raw.close();
    leaveNoTrace(source, absent);
  }
}

/**
 * `PRAGMA quick_check` (every page readable and well-formed; what start-up runs) or `integrity_check`
 * (also every index against its table; what a backup must pass), with the store key, read-only.
 * A file that will not decrypt or is not a database at all is `damaged`, like one that fails the check.
 */
export function checkStoreFile(
  file: string,
  key: Uint8Array,
  mode: CheckMode,
  schema: KnownSchema,
): StoreCheck {
  const absent = ['-wal', '-shm'].filter((suffix) => !existsSync(file + suffix));
  try {
    return checkOpened(file, key, mode, schema);
  } finally {
    leaveNoTrace(file, absent);
  }
}

/**
 * A read-only connection to a WAL store makes its `-wal` and `-shm` files when they are missing, and
 * cannot remove them at close. Where this check made them and the log stayed empty (nobody wrote
 * meanwhile), they go again: checking a store leaves its folder as it was.
 */
function leaveNoTrace(file: string, absent: string[]): void {
  if (!absent.includes('-wal') || !existsSync(`${file}-wal`) || statSync(`${file}-wal`).size > 0) return;
  for (const suffix of absent) rmSync(file + suffix, { force: true });
}

function checkOpened(file: string, key: Uint8Array, mode: CheckMode, schema: KnownSchema): StoreCheck {
  let raw: BetterSqlite3.Database;
  try {
    raw = openReadOnly(file, key);
  } catch (error) {
    if (isDamage(error)) return { verdict: 'damaged', problems: 1, migrations: 0 };
    throw error;
  }
  try {
    const rows = raw.pragma(
      `${mode === 'full' ? 'integrity_check' : 'quick_check'}(${MAX_PROBLEMS})`,
    ) as Array<Record<string, string>>;
    const messages = rows.map((r) => Object.values(r)[0]);
    if (!(messages.length === 1 && messages[0] === 'ok')) {
      return { verdict: 'damaged', problems: messages.length, migrations: 0 };
    }
    const applied = appliedMigrationNames(raw, schema.table);
    const known = new Set(schema.migrations);
    const newer = applied.some((name) => !known.has(name));
    return { verdict: newer ? 'newer' : 'ok', problems: 0, migrations: applied.length };
  } catch (error) {
    if (isDamage(error)) return { verdict: 'damaged', problems: 1, migrations: 0 };
    throw error;
  } finally {
    raw.close();
  }
}

function appliedMigrationNames(raw: BetterSqlite3.Database, table: string): string[] {
  if (!/^[a-z_]+$/.test(table)) throw new Error('Not a table name.');
  const exists = raw.prepare(`select name from sqlite_master where type = 'table' and name = ?`).get(table);
  if (!exists) return [];
  return (raw.prepare(`select name from ${table} order by name`).all() as Array<{ name: string }>).map(
    (r) => r.name,
  );
}

/** Errors that mean the file's content is bad (not: missing, busy, permissions). */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

export interface AccountInFile {
  userId: string;
  role: string;
  active: boolean;
}

/** An account as a store file knows it (a backup about to replace the store: will this admin still be one?). */
export function accountInFile(file: string, key: Uint8Array, loginId: string): AccountInFile | null {
  const raw = openReadOnly(file, key);
  try {
    const row = raw.prepare('select id, role, active from users where login_id = ?').get(loginId) as
      { id: string; role: string; active: number } | undefined;
    return row ? { userId: row.id, role: row.role, active: row.active === 1 } : null;
  } finally {
    raw.close();
  }
}

/**
 * Makes a copy about to replace the store a device of its own: a new device id, and no sync tokens of
 * the old one. The server remembers the last change number (client_seq) per device; a restored store
 * counts from where the backup stood, so under the old id its next changes would reuse numbers the
 * server already acknowledged and be dropped as duplicates. Under a new id they are new; changes the
 * backup still held as pending, which the old device may have pushed since, merge as re-deliveries
 * (same ids, same values) or open review items, never silently.
 */
export function reidentifyCopy(file: string, key: Uint8Array, deviceId: string): void {
  const raw = new BetterSqlite3(file, { fileMustExist: true, timeout: 5000 });
  try {
    applyStoreKey(raw, key);
    raw.transaction(() => {
      raw.prepare(`insert or replace into meta (key, value) values ('device_id', ?)`).run(deviceId);
      raw.prepare(`delete from meta where key in ('sync.access', 'sync.refresh')`).run();
    })();
  } finally {
    raw.close();
  }
}
