import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { applyStoreKey, openCaseStore, type OpenedStore } from '../../../db/connection.ts';
import { setMeta } from '../../../db/repositories/meta.ts';
import { tempDir, TEST_STORE_KEY } from '../../support/temp-store.ts';

// db/sqlite-dialect.ts: the store's transactions hold the write lock from their first statement. A
// second connection (the first download's thread) that writes while a transaction reads must wait for
// it, never slip in between and make the transaction's own write fail, which is what SQLite does to
// a transaction begun DEFERRED that read before another connection committed.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function storeWithNeighbour(): Promise<{ store: OpenedStore; other: BetterSqlite3.Database }> {
  const t = tempDir('caseworker-dialect-');
  const file = `${t.dir}/store.db`;
  const store = await openCaseStore(file, { key: TEST_STORE_KEY });
  // The other connection does not wait at all, so the test sees at once who holds the lock.
  const other = new BetterSqlite3(file, { timeout: 0 });
  applyStoreKey(other, TEST_STORE_KEY);
  cleanups.push(async () => {
    other.close();
    await store.close();
    t.remove();
  });
  return { store, other };
}

it('holds the write lock from the start of a transaction, so its write after a read never fails', async () => {
  const { store, other } = await storeWithNeighbour();
  const neighbour = () => other.prepare(`insert into meta (key, value) values ('other', 'x')`).run();
  await store.db.transaction().execute(async (trx) => {
    await sql`select count(*) from meta`.execute(trx);
    // Another connection cannot commit in between (it would wait, here it gives up at once)…
    expect(neighbour).toThrow(/busy|locked/i);
    // …so the transaction's own write goes through.
    await setMeta(trx, 'mine', 'y');
  });
  const mine = await store.db.selectFrom('meta').select('value').where('key', '=', 'mine').executeTakeFirst();
  expect(mine?.value).toBe('y');
  // Once it has committed, the other connection writes.
  neighbour();
  const others = await store.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'other')
    .executeTakeFirst();
  expect(others?.value).toBe('x');
});
