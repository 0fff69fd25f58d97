import type { Kysely } from 'kysely';
import { syncedColumns } from './parts/synced-table-v1.ts';
import type { Migration } from './types.ts';

// Issue 16 item 5, follow-up (gaps16): a suggested duplicate pair a supervisor judged to be two different
// people (다른 사람), with the reason. The pair then leaves the duplicate list of everyone at the center;
// undoing it (undone = 1) brings it back. A synced mutable record of the center (shared/sync/tables.ts):
// who dismissed it and why never change; only the undo is written later. FROZEN once landed.
//
// No foreign key to jobseekers: the rows come in server order (a pulled dismissal may precede its cases),
// and a case that leaves this desktop (transferred) leaves its dismissals behind until they are purged.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

export const migration: Migration = {
  async up(db: Kysely<any>) {
    await syncedColumns(db.schema.createTable('case_merge_dismissals'))
      .addColumn('center_code', 'text', (c) => c.notNull())
      // The two cases, the smaller id first (the duplicate list's order), so a pair has one spelling.
      .addColumn('a_id', 'text', (c) => c.notNull())
      .addColumn('b_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('dismissed_by', 'text', (c) => c.notNull())
      .addColumn('dismissed_at', 'text', (c) => c.notNull())
      .addColumn('undone', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('undone_by', 'text')
      .addColumn('undone_at', 'text')
      .execute();
    await db.schema
      .createIndex('case_merge_dismissals_center')
      .on('case_merge_dismissals')
      .columns(['center_code', 'undone', 'a_id', 'b_id'])
      .execute();
  },
};
