import type { Kysely } from 'kysely';
import type { Migration, SqlDialect } from '../../migrations/types.ts';

// FROZEN once landed. Issue 16 item 5: the server's record of every case merge (server/sync/merge.ts),
// with both ids, who, from which device, when, the seq of its one sequenced write and how many records
// moved. Server-only, never synced (the desktops get the moved rows and their own audit entries).

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema */

export const migration: Migration = {
  async up(db: Kysely<any>, _dialect: SqlDialect) {
    await db.schema
      .createTable('case_merges')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('center_code', 'text', (c) => c.notNull())
      .addColumn('survivor_id', 'text', (c) => c.notNull())
      .addColumn('merged_id', 'text', (c) => c.notNull().unique())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('moved', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_merges_survivor').on('case_merges').column('survivor_id').execute();
  },
};
