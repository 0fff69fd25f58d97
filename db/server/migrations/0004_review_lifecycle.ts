import type { Kysely } from 'kysely';
import type { Migration, SqlDialect } from '../../migrations/types.ts';

// FROZEN once landed. The life of a record after the first sync (sync.md § Conflicts, § Scopes):
// - review_items gain what a person needs to resolve one: its kind (a decisive conflict, an edit made
//   before the case left the author's scopes, an edit to a deleted record, an impossible derived result,
//   a refused change handed to a supervisor), the case it belongs to, the scopes that see it (the new
//   owner's too), when each value was written, and how it was closed (which choice, by whom, the seq of
//   the write it made);
// - sync_rows.deleted_at marks a tombstone: a really deleted row keeps its key, scope and seq (so
//   desktops learn of the delete in seq order) and none of its personal data;
// - record_deletions logs every delete and restore, with the reason (server-only, never synced);
// - scope_exits: a row whose scope moved, with the scope it left, so the desktops that held it remove it
//   and an edit they made before the move is held for the new owner instead of refused;
// - opening_fills: the hires that count against an opening's positions (a referral with a hired event,
//   a placement), so "more hires than positions" is one indexed count.

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema */

export const migration: Migration = {
  async up(db: Kysely<any>, _dialect: SqlDialect) {
    const reviewColumns: Array<[string, 'text' | 'bigint', string | null]> = [
      ['kind', 'text', 'conflict'],
      ['case_id', 'text', null],
      ['scope_owner', 'text', null],
      ['scope_region', 'text', null],
      ['kept_at', 'text', null],
      ['held_at', 'text', null],
      ['detail', 'text', null],
      ['resolution', 'text', null],
      ['resolved_seq', 'bigint', null],
    ];
    for (const [name, type, fallback] of reviewColumns) {
      await db.schema
        .alterTable('review_items')
        .addColumn(name, type, (c) => (fallback === null ? c : c.notNull().defaultTo(fallback)))
        .execute();
    }
    await db.schema
      .createIndex('review_items_open_center')
      .on('review_items')
      .columns(['status', 'scope_center'])
      .execute();
    await db.schema
      .createIndex('review_items_open_owner')
      .on('review_items')
      .columns(['status', 'scope_owner'])
      .execute();
    await db.schema
      .createIndex('review_items_open_region')
      .on('review_items')
      .columns(['status', 'scope_region'])
      .execute();

    await db.schema.alterTable('sync_rows').addColumn('deleted_at', 'text').execute();

    await db.schema
      .createTable('record_deletions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('record_deletions_row')
      .on('record_deletions')
      .columns(['table_name', 'row_id'])
      .execute();

    await db.schema
      .createTable('scope_exits')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('old_center', 'text')
      .addColumn('old_owner', 'text')
      .addColumn('old_region', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('scope_exits_pk', ['table_name', 'row_id', 'seq'])
      .execute();
    await db.schema
      .createIndex('scope_exits_center')
      .on('scope_exits')
      .columns(['old_center', 'seq'])
      .execute();
    await db.schema
      .createIndex('scope_exits_owner')
      .on('scope_exits')
      .columns(['old_owner', 'seq'])
      .execute();
    await db.schema
      .createIndex('scope_exits_region')
      .on('scope_exits')
      .columns(['old_region', 'seq'])
      .execute();

    await db.schema
      .createTable('opening_fills')
      .addColumn('source_key', 'text', (c) => c.primaryKey())
      .addColumn('opening_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('opening_fills_opening').on('opening_fills').column('opening_id').execute();
  },
};
