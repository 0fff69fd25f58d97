import type { Kysely } from 'kysely';
import type { Migration } from './types.ts';

// Issue 15 item 3 (half-done work is lost). FROZEN once landed.
//
// - form_drafts: what a counselor typed into a form and has not saved yet (intake, registration,
//   employer, opening), one row per user, form and record (`new` for a record not created yet). It lives
//   in the encrypted store like every record, is never synced (a draft is one person's unfinished work on
//   one PC), and is removed when the form is saved or the draft discarded.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

export const migration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('form_drafts')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('form', 'text', (c) => c.notNull())
      .addColumn('record_key', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('form_drafts_pk', ['user_id', 'form', 'record_key'])
      .execute();
  },
};
