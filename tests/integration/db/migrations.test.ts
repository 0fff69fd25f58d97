import { statSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { applyStoreKey, openCaseStore } from '../../../db/connection.ts';
import { StoreError } from '../../../db/errors.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { appliedMigrations } from '../../../db/migrator.ts';
import { tempDir } from '../../support/temp-store.ts';
import { TEST_STORE_KEY } from '../../support/store-key.ts';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function temp() {
  const t = tempDir();
  cleanups.push(t.remove);
  return t.dir;
}

describe('migrations', () => {
  it('are numbered, ordered and unique', () => {
    const names = migrations.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
    names.forEach((name, i) =>
      expect(name).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}_[a-z0-9_]+$`)),
    );
  });

  it('all apply to an empty store and create every record table', async () => {
    const file = join(temp(), 'store.db');
    const { db, close } = await openCaseStore(file, { key: TEST_STORE_KEY });
    try {
      expect(await appliedMigrations(db)).toEqual(migrations.map(([n]) => n));
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      for (const table of [
        'centers',
        'users',
        'jobseekers',
        'assessments',
        'counseling_notes',
        'competency_items',
        'employers',
        'employer_assessments',
        'job_openings',
        'referrals',
        'referral_events',
        'checkins',
        'audit_entries',
        'consent_records',
        'outbox',
        'sync_cursors',
      ]) {
        expect(tables).toContain(table);
      }
      const jobseekerColumns = (await db.introspection.getTables())
        .find((t) => t.name === 'jobseekers')
        ?.columns.map((c) => c.name);
      expect(jobseekerColumns).toEqual(expect.arrayContaining(['id', 'seq', 'hlc', 'archived']));
    } finally {
      await close();
    }
  });

  it('are idempotent: reopening applies nothing twice', async () => {
    const file = join(temp(), 'store.db');
    await (await openCaseStore(file, { key: TEST_STORE_KEY })).close();
    const again = await openCaseStore(file, { key: TEST_STORE_KEY });
    expect(await appliedMigrations(again.db)).toHaveLength(migrations.length);
    await again.close();
  });
});

describe('opening a store', () => {
  it('uses WAL and foreign keys and keeps the file owner-only', async () => {
    const dir = temp();
    const file = join(dir, 'store.db');
    const { raw, close } = await openCaseStore(file, { key: TEST_STORE_KEY });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await close();
  });

  it('refuses a store written by a newer version and leaves it untouched', async () => {
    const file = join(temp(), 'store.db');
    const first = await openCaseStore(file, { key: TEST_STORE_KEY });
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01')`.execute(
      first.db,
    );
    await first.close();
    const before = readFileSync(file);
    await expect(openCaseStore(file, { key: TEST_STORE_KEY })).rejects.toMatchObject({
      problem: 'newer-version',
    });
    await expect(openCaseStore(file, { key: TEST_STORE_KEY })).rejects.toThrow(/newer version of Caseworker/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a store, without overwriting it', async () => {
    const file = join(temp(), 'store.db');
    const garbage = Buffer.from('this is not an sqlite database, it is a letter to a counselor '.repeat(100));
    writeFileSync(file, garbage);
    // Unencrypted, garbage reads as damaged; encrypted, it cannot be told from a wrong key.
    const plain = await openCaseStore(file, { key: null }).catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(StoreError);
    expect((plain as StoreError).problem).toBe('corrupt');
    const keyed = await openCaseStore(file, { key: TEST_STORE_KEY }).catch((e: unknown) => e);
    expect((keyed as StoreError).problem).toBe('wrong-key');
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses the wrong key cleanly and leaves the store as it was', async () => {
    const file = join(temp(), 'store.db');
    const opened = await openCaseStore(file, { key: TEST_STORE_KEY });
    opened.raw.exec(`insert into meta (key, value) values ('probe', '홍길동')`);
    await opened.close();
    const before = readFileSync(file);
    const error = await openCaseStore(file, { key: Buffer.alloc(32, 1) }).catch((e: unknown) => e);
    expect((error as StoreError).problem).toBe('wrong-key');
    expect((error as StoreError).message).toMatch(/cannot be unlocked/);
    expect(readFileSync(file).equals(before)).toBe(true);
    // Unencrypted readers see no SQLite header and none of the text.
    expect(before.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(before.includes(Buffer.from('홍길동'))).toBe(false);
    const again = await openCaseStore(file, { key: TEST_STORE_KEY });
    expect(again.raw.prepare(`select value from meta where key = 'probe'`).pluck().get()).toBe('홍길동');
    await again.close();
  });

  it('reports a missing store when asked not to create one', async () => {
    const file = join(temp(), 'absent.db');
    await expect(openCaseStore(file, { key: TEST_STORE_KEY, create: false })).rejects.toMatchObject({
      problem: 'missing',
    });
    expect(existsSync(file)).toBe(false);
  });

  it('reports a store locked by another writer', async () => {
    const file = join(temp(), 'store.db');
    await (await openCaseStore(file, { key: TEST_STORE_KEY })).close();
    const other = new BetterSqlite3(file);
    applyStoreKey(other, TEST_STORE_KEY);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    try {
      await expect(openCaseStore(file, { key: TEST_STORE_KEY, busyTimeoutMs: 50 })).rejects.toMatchObject({
        problem: 'locked',
      });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

describe('append-only tables', () => {
  it('refuse UPDATE and DELETE of audit entries and notes, but allow sync to set seq', async () => {
    const file = join(temp(), 'store.db');
    const { raw, close } = await openCaseStore(file, { key: TEST_STORE_KEY });
    raw.exec(`insert into audit_entries (id, at, device_id, action, subject_type, prev_hash, hash)
              values ('a1', '2026-01-01', 'd', 'x', 'y', '0', 'h1')`);
    expect(() => raw.exec(`update audit_entries set action = 'changed' where id = 'a1'`)).toThrow(
      /append-only/,
    );
    expect(() => raw.exec(`delete from audit_entries where id = 'a1'`)).toThrow(/append-only/);
    raw.exec(`update audit_entries set seq = 7 where id = 'a1'`);
    expect(raw.prepare(`select seq, action from audit_entries`).get()).toEqual({ seq: 7, action: 'x' });
    await close();
  });
});
