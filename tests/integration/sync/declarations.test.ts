import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_TABLES, type SyncedTable } from '../../../shared/sync/tables.ts';
import { TABLE_DECLARATIONS } from '../../../shared/sync/tables/index.ts';
import { makeTestStore, type TestStore } from '../../support/temp-store.ts';

// The per-table declarations (shared/sync/tables/) against the desktop's real store after every
// migration: each synced column is declared (or an honest desktop's push would be refused), and each
// declared column exists (or the declaration describes a table no desktop has).

const SYNC_MACHINERY = new Set(['id', 'seq', 'hlc']);

describe('the sync declarations match the desktop store', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await makeTestStore();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it.each(Object.keys(SYNC_TABLES) as SyncedTable[])(
    'declares every column of %s, and only those',
    async (table) => {
      const info = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(
        t.store.db,
      );
      const key = SYNC_TABLES[table].mode === 'mutable' && 'key' in SYNC_TABLES[table] ? 'code' : 'id';
      const columns = info.rows
        .map((r) => r.name)
        .filter((c) => !SYNC_MACHINERY.has(c) && (c !== key || table === 'centers'))
        .sort();
      expect(Object.keys(TABLE_DECLARATIONS[table].columns).sort()).toEqual(columns);
    },
  );
});
