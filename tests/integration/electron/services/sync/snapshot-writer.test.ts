import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { setMeta } from '../../../../../db/repositories/meta.ts';
import { openDesktopStore, type DesktopStore } from '../../../../../electron/services/store.ts';
import { PROGRESS_PREFIX } from '../../../../../electron/services/sync/snapshot-batch.ts';
import { threadWriter } from '../../../../../electron/services/sync/snapshot-thread.ts';
import {
  inThreadWriter,
  type SnapshotWriter,
} from '../../../../../electron/services/sync/snapshot-writer.ts';
import { tempDir, TEST_STORE_KEY } from '../../../../support/temp-store.ts';

// The two places a snapshot's batches are written (sync/snapshot-writer.ts): on the calling thread and
// on a worker thread with its own connection (the app's). Both must commit each batch with its
// progress, in order, and after a failed batch write nothing more, or a later batch's progress would
// skip rows that never arrived. The thread's connection must also live beside the main one: a
// counselor's save during a download waits for the batch being written instead of failing.

const SCOPE = 'center:T01';

function caseLine(i: number, seq: number): string {
  const id = `01990000-0000-7000-8000-${String(i).padStart(12, '0')}`;
  return JSON.stringify({
    t: 'jobseekers',
    i: id,
    s: seq,
    d: {
      id,
      reg_no: `26-T${String(i).padStart(7, '0')}`,
      center_code: 'T01',
      name: `구직자${i}`,
      birth_year: 1980 + (i % 30),
      gender: 'female',
      phone: `010${20_000_000 + i}`,
      sido: '11',
      status: 'active',
      registered_at: '2026-11-01T00:00:00.000Z',
      created_at: '2026-11-01T00:00:00.000Z',
      updated_at: '2026-11-01T00:00:00.000Z',
      archived: 0,
    },
  });
}

/** Lines of cases from..to-1, each with seq 10 × i. */
const cases = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => caseLine(from + k, 10 * (from + k)));

const endLine = (after: number, more = false) => JSON.stringify({ end: true, after, more });

async function progress(store: DesktopStore): Promise<number | null> {
  const row = await store.db
    .selectFrom('sync_cursors')
    .select('cursor')
    .where('scope', '=', PROGRESS_PREFIX + SCOPE)
    .executeTakeFirst();
  return row ? Number(row.cursor) : null;
}

async function caseCount(store: DesktopStore): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from jobseekers`.execute(store.db);
  return Number(r.rows[0]?.n);
}

const writers: Array<[string, (store: DesktopStore) => SnapshotWriter]> = [
  ['on the calling thread', (store) => inThreadWriter(store.db, store.context.now)],
  ['on its own thread', (store) => threadWriter(store.file, TEST_STORE_KEY, store.context.now)],
];

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function freshStore(): Promise<DesktopStore> {
  const t = tempDir('caseworker-snapwriter-');
  const store = await openDesktopStore(t.dir, { key: TEST_STORE_KEY });
  cleanups.push(async () => {
    await store.close();
    t.remove();
  });
  return store;
}

describe.each(writers)('a snapshot writer %s', (_where, make) => {
  it('commits each batch with its progress, in order, and hands back the end line', async () => {
    const store = await freshStore();
    const writer = make(store);
    const first = writer.write(SCOPE, cases(1, 301));
    const second = writer.write(SCOPE, [...cases(301, 451), endLine(4500)]);
    await expect(first).resolves.toEqual({ applied: 300, end: null });
    await expect(second).resolves.toEqual({ applied: 150, end: { end: true, after: 4500, more: false } });
    await writer.close();

    expect(await caseCount(store)).toBe(450);
    expect(await progress(store)).toBe(4500);
    const one = await store.db
      .selectFrom('jobseekers')
      .select(['name', 'seq', 'phone'])
      .where('reg_no', '=', '26-T0000123')
      .executeTakeFirstOrThrow();
    expect(one).toEqual({ name: '구직자123', seq: 1230, phone: '01020000123' });
    // The search index is kept by the same trigger as on the main thread.
    const found = await sql<{
      n: number;
    }>`select count(*) as n from jobseeker_search where jobseeker_search match '"구직자123"'`.execute(
      store.db,
    );
    expect(Number(found.rows[0]?.n)).toBe(1);
  });

  it('refuses a batch with a line that is not a snapshot line whole, and writes nothing after it', async () => {
    const store = await freshStore();
    const writer = make(store);
    const good = writer.write(SCOPE, cases(1, 101));
    const bad = writer.write(SCOPE, [...cases(101, 150), '{"t":"jobseekers","i":42}', ...cases(150, 201)]);
    const later = writer.write(SCOPE, cases(201, 301));
    await expect(good).resolves.toMatchObject({ applied: 100 });
    await expect(bad).rejects.toThrow(/unknown shape/);
    await expect(later).rejects.toThrow(/unknown shape/);
    await writer.close();

    // The first batch stands with its progress; nothing of the bad batch or the one after it.
    expect(await caseCount(store)).toBe(100);
    expect(await progress(store)).toBe(1000);
  });

  it('lets the main connection read and then write while batches are written beside it', async () => {
    const store = await freshStore();
    const writer = make(store);
    const writes = Array.from({ length: 10 }, (_, b) =>
      writer.write(SCOPE, cases(1 + 200 * b, 201 + 200 * b)),
    );
    // A counselor's save during the download: a transaction that reads, then writes.
    for (let k = 0; k < 20; k++) {
      await store.db.transaction().execute(async (trx) => {
        await sql`select count(*) from jobseekers`.execute(trx);
        await setMeta(trx, `test.save.${k}`, String(k));
      });
    }
    await Promise.all(writes);
    await writer.close();
    expect(await caseCount(store)).toBe(2000);
    const saved = await store.db
      .selectFrom('meta')
      .select('key')
      .where('key', 'like', 'test.save.%')
      .execute();
    expect(saved).toHaveLength(20);
  });
});

describe('the snapshot thread', () => {
  it('fails with a clear error on a key that does not open the store, and writes nothing', async () => {
    const store = await freshStore();
    const writer = threadWriter(store.file, randomBytes(32), store.context.now);
    await expect(writer.write(SCOPE, cases(1, 11))).rejects.toThrow(/not a database|file is not a database/i);
    await writer.close();
    expect(await caseCount(store)).toBe(0);
  });

  it('stops at once when aborted: writes not yet answered fail, the store stays whole', async () => {
    const store = await freshStore();
    const writer = threadWriter(store.file, TEST_STORE_KEY, store.context.now);
    await writer.write(SCOPE, cases(1, 101));
    const pending = Array.from({ length: 20 }, (_, b) =>
      writer.write(SCOPE, cases(101 + 100 * b, 201 + 100 * b)).then(
        () => 'written',
        () => 'failed',
      ),
    );
    await writer.abort();
    const outcomes = await Promise.all(pending);
    expect(outcomes).toContain('failed');
    // Whatever was committed came whole with its progress: the progress names the last case present.
    const n = await caseCount(store);
    expect(await progress(store)).toBe(10 * n);
    await expect(writer.write(SCOPE, cases(5000, 5001))).rejects.toThrow(/ended/);
    const check = await sql<{ quick_check: string }>`PRAGMA quick_check`.execute(store.db);
    expect(check.rows[0]?.quick_check).toBe('ok');
  });

  it('works on a copy of the key and leaves the caller’s as it was', async () => {
    const store = await freshStore();
    const key = Uint8Array.from(TEST_STORE_KEY);
    const writer = threadWriter(store.file, key, store.context.now);
    // The caller's key is left as it was (the store gate keeps using it).
    expect(Buffer.from(key).equals(Buffer.from(TEST_STORE_KEY))).toBe(true);
    await expect(writer.write(SCOPE, cases(1, 3))).resolves.toMatchObject({ applied: 2 });
    await writer.close();
  });
});
