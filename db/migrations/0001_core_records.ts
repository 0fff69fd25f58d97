import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// FROZEN: landed with the first release. Never edit; add a new numbered migration instead.
// The records of domain.md §2 with the columns sync needs (UUIDv7 id, seq, hlc, archived) and the outbox.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

function synced<T extends string>(t: CreateTableBuilder<T, any>) {
  return t
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('hlc', 'text', (c) => c.notNull());
}

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    const autoId = dialect === 'postgres' ? 'bigserial' : 'integer';

    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('centers')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sido', 'text', (c) => c.notNull())
      .addColumn('sigungu', 'text')
      .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await synced(db.schema.createTable('users'))
      .addColumn('login_id', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('counselor', 'supervisor', 'admin')`))
      .addColumn('center_code', 'text', (c) => c.notNull().references('centers.code'))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await synced(db.schema.createTable('jobseekers'))
      .addColumn('reg_no', 'text', (c) => c.notNull().unique())
      .addColumn('center_code', 'text', (c) => c.notNull().references('centers.code'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('birth_year', 'integer', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.check(sql`gender in ('female', 'male', 'other')`))
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('sido', 'text', (c) => c.notNull())
      .addColumn('sigungu', 'text')
      .addColumn('desired_occupation', 'text')
      .addColumn('desired_wage', 'integer')
      .addColumn('mobile', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('assigned_counselor_id', 'text', (c) => c.references('users.id'))
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('active')
          .check(sql`status in ('active', 'placed', 'closed')`),
      )
      .addColumn('current_type', 'text')
      .addColumn('current_track', 'text')
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('jobseekers_registered')
      .on('jobseekers')
      .columns(['registered_at'])
      .execute();
    await db.schema
      .createIndex('jobseekers_name_birth')
      .on('jobseekers')
      .columns(['name', 'birth_year'])
      .execute();
    await db.schema.createIndex('jobseekers_phone').on('jobseekers').column('phone').execute();
    await db.schema
      .createIndex('jobseekers_counselor')
      .on('jobseekers')
      .columns(['assigned_counselor_id', 'registered_at'])
      .execute();
    await db.schema
      .createIndex('jobseekers_classification')
      .on('jobseekers')
      .columns(['current_type', 'current_track'])
      .execute();
    await db.schema
      .createIndex('jobseekers_occupation')
      .on('jobseekers')
      .column('desired_occupation')
      .execute();

    await synced(db.schema.createTable('consent_records'))
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('item_group', 'text', (c) =>
        c.notNull().check(sql`item_group in ('required', 'optional', 'sensitive')`),
      )
      .addColumn('granted', 'integer', (c) => c.notNull())
      .addColumn('notice_version', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('counter', 'kiosk')`))
      .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('consent_jobseeker').on('consent_records').column('jobseeker_id').execute();

    await synced(db.schema.createTable('assessments'))
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('rule_set', 'text', (c) => c.notNull())
      .addColumn('inputs', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('track', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('accepted', 'overridden')`))
      .addColumn('final_type', 'text', (c) => c.notNull())
      .addColumn('final_track', 'text', (c) => c.notNull())
      .addColumn('override_reason_code', 'text')
      .addColumn('override_reason_text', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint(
        'assessments_override_has_reason',
        sql`decision = 'accepted' or (override_reason_code is not null and length(override_reason_text) > 0)`,
      )
      .execute();
    await db.schema
      .createIndex('assessments_jobseeker')
      .on('assessments')
      .columns(['jobseeker_id', 'created_at'])
      .execute();

    await synced(db.schema.createTable('counseling_notes'))
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('in-person', 'phone', 'video')`))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revision_of', 'text', (c) => c.references('counseling_notes.id'))
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createIndex('notes_jobseeker')
      .on('counseling_notes')
      .columns(['jobseeker_id', 'created_at'])
      .execute();

    await synced(db.schema.createTable('competency_items'))
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('qualification', 'training', 'education', 'career')`),
      )
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('ncs_code', 'text')
      .addColumn('issuer', 'text')
      .addColumn('started_on', 'text')
      .addColumn('ended_on', 'text')
      .addColumn('hours', 'integer')
      .addColumn('grade', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('competency_jobseeker')
      .on('competency_items')
      .column('jobseeker_id')
      .execute();

    await synced(db.schema.createTable('employers'))
      .addColumn('business_no', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('industry', 'text', (c) => c.notNull())
      .addColumn('employees', 'integer', (c) => c.notNull())
      .addColumn('sido', 'text', (c) => c.notNull())
      .addColumn('sigungu', 'text')
      .addColumn('contact_name', 'text')
      .addColumn('contact_phone', 'text')
      .addColumn('potential_client', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('focus_support', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('wage_level', 'text')
      .addColumn('welfare_level', 'text')
      .addColumn('recognition_level', 'text')
      .addColumn('current_type', 'text')
      .addColumn('center_code', 'text', (c) => c.notNull().references('centers.code'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await synced(db.schema.createTable('employer_assessments'))
      .addColumn('employer_id', 'text', (c) => c.notNull().references('employers.id'))
      .addColumn('rule_set', 'text', (c) => c.notNull())
      .addColumn('inputs', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('accepted', 'overridden')`))
      .addColumn('final_type', 'text', (c) => c.notNull())
      .addColumn('override_reason_code', 'text')
      .addColumn('override_reason_text', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('employer_assessments_employer')
      .on('employer_assessments')
      .column('employer_id')
      .execute();

    await synced(db.schema.createTable('job_openings'))
      .addColumn('employer_id', 'text', (c) => c.notNull().references('employers.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('occupation', 'text', (c) => c.notNull())
      .addColumn('sido', 'text', (c) => c.notNull())
      .addColumn('sigungu', 'text')
      .addColumn('wage', 'integer', (c) => c.notNull())
      .addColumn('positions', 'integer', (c) => c.notNull())
      .addColumn('required_qualifications', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('open')
          .check(sql`status in ('open', 'filled', 'closed')`),
      )
      .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('center_code', 'text', (c) => c.notNull().references('centers.code'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('openings_employer').on('job_openings').column('employer_id').execute();
    await db.schema
      .createIndex('openings_occupation')
      .on('job_openings')
      .columns(['occupation', 'status'])
      .execute();

    await synced(db.schema.createTable('referrals'))
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('opening_id', 'text', (c) => c.notNull().references('job_openings.id'))
      .addColumn('counselor_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('referrals_once_per_opening', ['jobseeker_id', 'opening_id'])
      .execute();
    await db.schema.createIndex('referrals_opening').on('referrals').column('opening_id').execute();
    await db.schema.createIndex('referrals_counselor').on('referrals').column('counselor_id').execute();

    await synced(db.schema.createTable('referral_events'))
      .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('counselor_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('note', 'text')
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema
      .createIndex('referral_events_referral')
      .on('referral_events')
      .columns(['referral_id', 'at'])
      .execute();

    await synced(db.schema.createTable('checkins'))
      .addColumn('center_code', 'text', (c) => c.notNull().references('centers.code'))
      .addColumn('ticket_no', 'integer', (c) => c.notNull())
      .addColumn('service', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('waiting')
          .check(sql`status in ('waiting', 'called', 'done', 'left')`),
      )
      .addColumn('self_check', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('called_at', 'text')
      .addColumn('done_at', 'text')
      .addColumn('counter', 'text')
      .addColumn('called_by', 'text', (c) => c.references('users.id'))
      .execute();
    await db.schema
      .createIndex('checkins_status')
      .on('checkins')
      .columns(['center_code', 'status', 'created_at'])
      .execute();

    await db.schema
      .createTable('audit_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_login', 'text')
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text')
      .addColumn('person_id', 'text')
      .addColumn('detail', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('audit_at').on('audit_entries').column('at').execute();
    await db.schema.createIndex('audit_person').on('audit_entries').columns(['person_id', 'at']).execute();

    await db.schema
      .createTable('outbox')
      .addColumn('client_seq', autoId, (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('op', 'text', (c) => c.notNull().check(sql`op in ('insert', 'update')`))
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('base_seq', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('pending')
          .check(sql`status in ('pending', 'sent', 'refused')`),
      )
      .addColumn('error', 'text')
      .execute();
    await db.schema.createIndex('outbox_status').on('outbox').columns(['status', 'client_seq']).execute();

    await db.schema
      .createTable('sync_cursors')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('cursor', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
