import type { Kysely } from 'kysely';
import type { Migration } from './types.ts';

// Issue #14 item 2 (every synced table verifiable). FROZEN once landed.
//
// - audit_purged: the key, seq and scope values (center, actor) of each synced audit entry the
//   retention purge removed here, ids only (no personal data, no content). The per-scope checksums now
//   cover the audit trail; the server keeps entries this desktop's retention removed, so the desktop
//   still counts them from here, and a pulled or re-downloaded copy of one is not stored again.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

export const migration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('audit_purged')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('center_code', 'text')
      .addColumn('actor_id', 'text')
      .execute();
  },
};
