import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from '../../migrations/types.ts';

// FROZEN once landed. The sync store: the current version of every synced row as a JSON document with
// per-field merge metadata, the results of every push (idempotent re-acknowledgement), review items for
// decisive conflicts, and the history of losing values.

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema */

export const migration: Migration = {
  async up(db: Kysely<any>, _dialect: SqlDialect) {
    await db.schema
      .createTable('sync_rows')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('scope_center', 'text')
      .addColumn('scope_owner', 'text')
      .addColumn('scope_region', 'text')
      .addColumn('parent_key', 'text')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('field_meta', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sync_rows_pk', ['table_name', 'row_id'])
      .execute();
    await db.schema.createIndex('sync_rows_seq').on('sync_rows').column('seq').unique().execute();
    await db.schema
      .createIndex('sync_rows_center')
      .on('sync_rows')
      .columns(['scope_center', 'seq'])
      .execute();
    await db.schema.createIndex('sync_rows_owner').on('sync_rows').columns(['scope_owner', 'seq']).execute();
    await db.schema
      .createIndex('sync_rows_region')
      .on('sync_rows')
      .columns(['scope_region', 'seq'])
      .execute();
    await db.schema.createIndex('sync_rows_parent').on('sync_rows').column('parent_key').execute();

    await db.schema
      .createTable('push_results')
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
      .addColumn('client_seq', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint')
      .addColumn('reason', 'text')
      .addColumn('review_fields', 'text')
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('committed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('push_results_pk', ['device_id', 'client_seq'])
      .execute();

    await db.schema
      .createTable('review_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('kept_value', 'text')
      .addColumn('kept_author', 'text', (c) => c.notNull())
      .addColumn('held_value', 'text')
      .addColumn('held_author', 'text', (c) => c.notNull())
      .addColumn('scope_center', 'text')
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('open')
          .check(sql`status in ('open', 'resolved')`),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('resolved_by', 'text')
      .addColumn('resolved_at', 'text')
      .execute();
    await db.schema
      .createIndex('review_items_row')
      .on('review_items')
      .columns(['table_name', 'row_id'])
      .execute();

    await db.schema
      .createTable('value_history')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('value', 'text')
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('superseded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('value_history_row')
      .on('value_history')
      .columns(['table_name', 'row_id'])
      .execute();
  },
};
