import type { Kysely } from 'kysely';
import type { Migration, SqlDialect } from '../../migrations/types.ts';

// FROZEN once landed. The server trusts no desktop's clock or audit trail (issue 13, items 3 and 6):
// - device_clock_flags: a device that sent an HLC more than an hour ahead of the server's time (the
//   server re-stamped it): when first and last, how often, how far ahead at most; a supervisor sees it;
// - audit_chain_heads: per device, the hash of the last audit entry the server accepted (the link the
//   device's next entry must carry), kept even when the retention purge removes that entry's copy;
// - audit_anchors: where the server's copy of a device's chain has a known gap, with the hashes that
//   bridge it: entries removed by the retention purge (as the desktop's anchors), an entry refused for
//   naming another account (its link was honest, so the chain goes on), or the first entry the server
//   saw of a device whose earlier entries it never received.

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema */

export const migration: Migration = {
  async up(db: Kysely<any>, _dialect: SqlDialect) {
    await db.schema
      .createTable('device_clock_flags')
      .addColumn('device_id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('center_code', 'text', (c) => c.notNull())
      .addColumn('first_at', 'text', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .addColumn('times', 'bigint', (c) => c.notNull())
      .addColumn('max_lead_ms', 'bigint', (c) => c.notNull())
      .addColumn('last_hlc', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('device_clock_flags_center')
      .on('device_clock_flags')
      .columns(['center_code', 'last_at'])
      .execute();

    await db.schema
      .createTable('audit_chain_heads')
      .addColumn('device_id', 'text', (c) => c.primaryKey())
      .addColumn('head_hash', 'text', (c) => c.notNull())
      .addColumn('head_id', 'text', (c) => c.notNull())
      .addColumn('accepted', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('audit_anchors')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('after_hash', 'text', (c) => c.notNull())
      .addColumn('last_hash', 'text', (c) => c.notNull())
      .addColumn('last_id', 'text')
      .addColumn('last_at', 'text')
      .addColumn('entries', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_anchors_device').on('audit_anchors').column('device_id').execute();
  },
};
