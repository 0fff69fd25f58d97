import type { Kysely } from 'kysely';
import type { Migration } from './types.ts';

// Issue 16's speed aims at 100k jobseekers (the list with filters, the to-do inbox, bulk reassignment).
// FROZEN once landed. Indexes only: no data changes, both dialects.
//
// - jobseekers_filter_scan: the filter bar's count reads every case in scope, so it must not touch the
//   (wide) rows. Every column a filter or the scope tests, in one covering index, led by
//   registered_at: the default sort walks it in order and stops at the page, and no query that
//   searches by center or counselor picks it over its own index (those lead with their equality
//   columns; a wide index led by center_code took over the duplicate list's grouping).
// - counseling_notes_created: "no contact for N days" is the set of cases with a note since that day,
//   read as one range of recent notes instead of one probe per case.
// - referrals_jobseeker_open: "open referral" is the referrals without an ending event; their case and
//   id come from this index alone (the ending events come from referral_events_referral_kind).
// - jobseekers_counselor_cases: a counselor's cases by id without reading their rows (the inbox's
//   follow-ups walk them to their referrals and hires: 20,000 row reads were most of the inbox).

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

export const migration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createIndex('jobseekers_filter_scan')
      .on('jobseekers')
      .columns([
        'registered_at',
        'archived',
        'center_code',
        'assigned_counselor_id',
        'status',
        'current_type',
        'current_track',
        'reassess_due_on',
        'id',
      ])
      .execute();
    await db.schema
      .createIndex('counseling_notes_created')
      .on('counseling_notes')
      .columns(['created_at', 'jobseeker_id'])
      .execute();
    await db.schema
      .createIndex('referrals_jobseeker_open')
      .on('referrals')
      .columns(['jobseeker_id', 'id'])
      .execute();
    await db.schema
      .createIndex('jobseekers_counselor_cases')
      .on('jobseekers')
      .columns(['assigned_counselor_id', 'archived', 'id'])
      .execute();
  },
};
