import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// Issue 5 (sync: conflicts visible, deletes, scope exits). FROZEN once landed.
//
// - sync_review_items: the open review items of this desktop's scopes as the server last sent them
//   (shown offline too), and the choice a person made here until the server has it;
// - sync_refused_actions: what the counselor did with a refused change (sent again, handed to a
//   supervisor), so it leaves the list only by a person's act, never silently;
// - sync_deferred_removals: rows the server removed (deleted, or moved out of this desktop's scopes)
//   while they still had unsent edits here: removed once those edits were pushed;
// - sync_purge: names the rows sync may remove from an append-only table. The append-only tables
//   (notes, assessments, events …) refuse DELETE; a really deleted case (retention, erasure) or a case
//   that left this desktop must still go, so their delete triggers now let through exactly the rows
//   named here, in the same transaction. The audit trail keeps its own rules (0007).

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

const APPEND_ONLY_SYNCED = [
  'counseling_notes',
  'assessments',
  'employer_assessments',
  'referral_events',
  'employer_contacts',
  'package_steps',
  'placement_follow_ups',
  'checkin_events',
];

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    await db.schema
      .createTable('sync_review_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text')
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('pending_choice', 'text')
      .addColumn('pending_client_seq', 'bigint')
      .addColumn('pending_by', 'text')
      .addColumn('pending_at', 'text')
      .execute();
    await db.schema.createIndex('sync_review_items_case').on('sync_review_items').column('case_id').execute();

    await db.schema
      .createTable('sync_refused_actions')
      .addColumn('client_seq', 'bigint', (c) => c.primaryKey())
      .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('resent', 'handed')`))
      .addColumn('follow_up_seq', 'bigint')
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sync_deferred_removals')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('deleted', 'left-scope')`))
      .addPrimaryKeyConstraint('sync_deferred_removals_pk', ['table_name', 'row_id'])
      .execute();

    await db.schema
      .createTable('sync_purge')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sync_purge_pk', ['table_name', 'row_id'])
      .execute();

    for (const table of APPEND_ONLY_SYNCED) {
      const purged = `EXISTS (SELECT 1 FROM sync_purge WHERE table_name = '${table}' AND row_id = OLD.id)`;
      if (dialect === 'sqlite') {
        await sql.raw(`DROP TRIGGER ${table}_no_delete`).execute(db);
        await sql
          .raw(
            `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
             WHEN NOT ${purged}
             BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
          )
          .execute(db);
      } else {
        await sql
          .raw(
            `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger AS $$
             BEGIN
               IF TG_OP = 'DELETE' THEN
                 IF ${purged} THEN RETURN OLD; END IF;
                 RAISE EXCEPTION '${table} is append-only';
               END IF;
               IF (to_jsonb(NEW) - 'seq') <> (to_jsonb(OLD) - 'seq') THEN
                 RAISE EXCEPTION '${table} is append-only';
               END IF;
               RETURN NEW;
             END $$ LANGUAGE plpgsql`,
          )
          .execute(db);
      }
    }
  },
};
