import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { applyStoreKey, openCaseStore } from '../../../db/connection.ts';
import { migrations } from '../../../db/migrations/index.ts';
import { runMigrations } from '../../../db/migrator.ts';
import type { Database } from '../../../db/schema.ts';
import { caseStoreDialect } from '../../../db/sqlite-dialect.ts';
import { tempDir } from '../../support/temp-store.ts';
import { TEST_STORE_KEY } from '../../support/store-key.ts';

// 0009 on a store of the version before: rows of unknown tables that 0005–0008 kept in meta move to
// sync_aside, and the cases' consent fields start empty (they read the latest consent record).

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('migration 0009 on an earlier store', () => {
  it('moves kept rows from meta to sync_aside and adds the consent fields empty', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const file = join(t.dir, 'store.db');
    const raw = new BetterSqlite3(file);
    applyStoreKey(raw, TEST_STORE_KEY);
    const old = new Kysely<Database>({ dialect: caseStoreDialect(raw) });
    const before = migrations.filter(([name]) => name < '0009');
    expect(before).toHaveLength(8);
    await runMigrations(old, 'sqlite', before, 'case store');
    const kept = { table: 'video_rooms', id: 'room-1', seq: 7, data: { id: 'room-1', label: '상담실' } };
    await sql`insert into meta (key, value) values ('aside:video_rooms:room-1', ${JSON.stringify(kept)})`.execute(
      old,
    );
    await old.destroy();

    const opened = await openCaseStore(file, { key: TEST_STORE_KEY });
    try {
      // 0009 first, then whatever later migrations the store also lacks (0010 and on).
      expect(opened.migrated).toEqual(migrations.map(([name]) => name).filter((name) => name >= '0009'));
      expect(opened.migrated[0]).toBe('0009_consent_forward_compat');
      expect(await opened.db.selectFrom('sync_aside').selectAll().execute()).toEqual([
        { table_name: 'video_rooms', row_id: 'room-1', seq: 7, data: JSON.stringify(kept.data), whole: 1 },
      ]);
      expect(
        await opened.db.selectFrom('meta').select('key').where('key', 'like', 'aside:%').execute(),
      ).toEqual([]);
      const columns = (await opened.db.introspection.getTables())
        .find((x) => x.name === 'jobseekers')
        ?.columns.map((c) => c.name);
      expect(columns).toEqual(
        expect.arrayContaining(['consent_required', 'consent_optional', 'consent_sensitive']),
      );
    } finally {
      await opened.close();
    }
  });
});
