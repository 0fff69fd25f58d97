import { sql, type Kysely } from 'kysely';
import { appendOnlyTriggers, syncedColumns } from './parts/synced-table-v1.ts';
import type { Migration, SqlDialect } from './types.ts';

// Issue 17 item 4 (서비스 연계). FROZEN once landed.
//
// - service_referrals: a case referred to a training course, work experience, a partner agency or a
//   welfare resource (catalogue programme or provider and the catalogue version, or a local provider by
//   name), why, and where it stands: the status and the day of each step, a decline's or drop-out's
//   reason, the outcome. Mutable and synced in the jobseeker's scope; status and archived are decisive.
//   plan_step is the service-plan step its completion closes, fixed from the catalogue at referral.
// - service_referral_events: each step as it was recorded (from, to, the day, the reason, who), append-
//   only and synced, the referral's history.
// The needs-preparation → ready conversion after a completed referral is derived (an assessment dated
// after completed_on), not stored: db/repositories/service-referrals.ts `conversionsByProgramme`.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

const EVENT_COLUMNS = [
  'id',
  'hlc',
  'service_referral_id',
  'from_status',
  'to_status',
  'happened_on',
  'reason_code',
  'note',
  'counselor_id',
  'at',
];

const STATUSES = `'referred', 'accepted', 'declined', 'started', 'completed', 'dropped'`;

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    await syncedColumns(db.schema.createTable('service_referrals'))
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('target_kind', 'text', (c) =>
        c
          .notNull()
          .check(sql`target_kind in ('training', 'work-experience', 'partner-agency', 'welfare-resource')`),
      )
      .addColumn('catalogue_version', 'text', (c) => c.notNull())
      .addColumn('programme_code', 'text')
      .addColumn('provider_code', 'text')
      .addColumn('provider_name', 'text')
      .addColumn('course_name', 'text')
      .addColumn('plan_step', 'text')
      .addColumn('reason_code', 'text', (c) => c.notNull())
      .addColumn('reason_text', 'text')
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('referred')
          .check(sql.raw(`status in (${STATUSES})`)),
      )
      .addColumn('referred_on', 'text', (c) => c.notNull())
      .addColumn('accepted_on', 'text')
      .addColumn('declined_on', 'text')
      .addColumn('started_on', 'text')
      .addColumn('completed_on', 'text')
      .addColumn('dropped_on', 'text')
      .addColumn('close_reason_code', 'text')
      .addColumn('close_reason_text', 'text')
      .addColumn('outcome_note', 'text')
      .addColumn('counselor_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // The case's list; the reports' "completed in the period" and "partner referral before a placement".
    await db.schema
      .createIndex('service_referrals_jobseeker')
      .on('service_referrals')
      .columns(['jobseeker_id', 'referred_on'])
      .execute();
    await db.schema
      .createIndex('service_referrals_status_day')
      .on('service_referrals')
      .columns(['status', 'completed_on'])
      .execute();

    await syncedColumns(db.schema.createTable('service_referral_events'))
      .addColumn('service_referral_id', 'text', (c) => c.notNull().references('service_referrals.id'))
      .addColumn('from_status', 'text', (c) =>
        c.check(sql.raw(`from_status is null or from_status in (${STATUSES})`)),
      )
      .addColumn('to_status', 'text', (c) => c.notNull().check(sql.raw(`to_status in (${STATUSES})`)))
      .addColumn('happened_on', 'text', (c) => c.notNull())
      .addColumn('reason_code', 'text')
      .addColumn('note', 'text')
      .addColumn('counselor_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('service_referral_events_referral')
      .on('service_referral_events')
      .columns(['service_referral_id', 'at'])
      .execute();
    await appendOnlyTriggers(db, dialect, 'service_referral_events', EVENT_COLUMNS);
  },
};
