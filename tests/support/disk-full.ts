import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { CaseDb } from '../../db/connection.ts';

// A real SQLITE_FULL without a small disk: `PRAGMA max_page_count` caps the store's file at the pages it
// has now, so the next write that needs a new page fails the way a full disk does (SQLite rolls the
// transaction back by itself). `roomAgain` lifts the cap, as freeing disk space would.

export function diskFull(raw: BetterSqlite3.Database, extraPages = 0): void {
  // Pages on the free list would take new rows without growing the file: fold them away first.
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const pages = Number(raw.pragma('page_count', { simple: true }));
  raw.pragma(`max_page_count = ${pages + extraPages}`);
}

export function roomAgain(raw: BetterSqlite3.Database): void {
  raw.pragma('max_page_count = 1073741823');
}

export function integrity(raw: BetterSqlite3.Database): string {
  return String(raw.pragma('integrity_check', { simple: true }));
}

/** Row counts of the tables a write touches, to show that a failed one left nothing behind. */
export async function counts(db: CaseDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'jobseekers',
    'counseling_notes',
    'outbox',
    'audit_entries',
    'sync_cursors',
  ] as const) {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}
