import type { Kysely } from 'kysely';
import type { Migration } from './types.ts';

// Issue 16 items 2, 6, 7 (the to-do inbox, bulk actions, filters). FROZEN once landed.
//
// - tasks: a counselor's own to-do items (오늘 할 일), synced in the center's scope with the assignee as
//   owner (shared/sync/tables.ts). A task may name one case, employer, opening or referral.
// - saved_filters: a person's named searches of the jobseeker list (내 저장 검색). Local to this store and
//   never synced: they hold no case data, only one person's way of looking at the list (see README).
// - indexes for the filters at 100k jobseekers: status within a counselor's cases, and the reassessment
//   day across the center (a supervisor's "reassessment due" has no counselor to start from).

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

export const migration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('center_code', 'text', (c) => c.notNull())
      .addColumn('assignee_id', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('jobseeker_id', 'text')
      .addColumn('employer_id', 'text')
      .addColumn('opening_id', 'text')
      .addColumn('referral_id', 'text')
      .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('done_at', 'text')
      .addColumn('snoozed_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('tasks_assignee_due')
      .on('tasks')
      .columns(['assignee_id', 'done', 'due_on'])
      .execute();
    await db.schema.createIndex('tasks_jobseeker').on('tasks').column('jobseeker_id').execute();

    await db.schema
      .createTable('saved_filters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('filter', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('saved_filters_user')
      .on('saved_filters')
      .columns(['user_id', 'name'])
      .unique()
      .execute();

    await db.schema
      .createIndex('jobseekers_counselor_status')
      .on('jobseekers')
      .columns(['assigned_counselor_id', 'status', 'archived'])
      .execute();
    await db.schema.createIndex('jobseekers_reassess').on('jobseekers').column('reassess_due_on').execute();
  },
};
