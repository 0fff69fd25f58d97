import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// Issue 4 (employers, openings, referrals). FROZEN once landed: later changes go into a new numbered
// migration.
//
// - employers.contact_email: the contact person's e-mail next to name and phone.
// - employer_contacts: the discovery log (구인애로 기업 발굴): each call or visit, its outcome and the
//   next contact date. Append-only: the work list reads the latest row per employer.
// - package_steps: the recruitment-support package (기업채용지원패키지): every status change of a step
//   is a new row (history kept); the package's state is the latest row per step.
// - placements: jobs found without a referral (domain.md §6), recorded as placements "marked as such".
// - placement_follow_ups: their 1/3/6-month checks (referral follow-ups are referral events).
// - indexes: referrals by jobseeker (history, matching's "not yet referred"), events by referral and
//   kind ("hired?" without reading every event; an index on kind alone lured the planner into scanning
//   every hire), placements by opening (filled positions).

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

function synced<T extends string>(t: CreateTableBuilder<T, any>) {
  return t
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('hlc', 'text', (c) => c.notNull());
}

const APPEND_ONLY: Record<string, string[]> = {
  employer_contacts: [
    'id',
    'hlc',
    'employer_id',
    'kind',
    'outcome',
    'note',
    'contacted_on',
    'next_on',
    'counselor_id',
    'created_at',
  ],
  package_steps: [
    'id',
    'hlc',
    'employer_id',
    'stage',
    'step',
    'status',
    'on_date',
    'note',
    'counselor_id',
    'created_at',
  ],
  placement_follow_ups: ['id', 'hlc', 'placement_id', 'months', 'employed', 'at', 'counselor_id', 'note'],
};

async function appendOnly(db: Kysely<any>, dialect: SqlDialect, table: string, columns: string[]) {
  if (dialect === 'sqlite') {
    const unchanged = columns.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ');
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
         WHEN NOT (${unchanged})
         BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
         BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger AS $$
       BEGIN
         IF TG_OP = 'DELETE' THEN RAISE EXCEPTION '${table} is append-only'; END IF;
         IF (to_jsonb(NEW) - 'seq') <> (to_jsonb(OLD) - 'seq') THEN
           RAISE EXCEPTION '${table} is append-only';
         END IF;
         RETURN NEW;
       END $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
    )
    .execute(db);
}

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    await db.schema.alterTable('employers').addColumn('contact_email', 'text').execute();
    await db.schema
      .createIndex('employers_flags')
      .on('employers')
      .columns(['potential_client', 'focus_support'])
      .execute();
    await db.schema.createIndex('employers_name').on('employers').column('name').execute();

    await synced(db.schema.createTable('employer_contacts'))
      .addColumn('employer_id', 'text', (c) => c.notNull().references('employers.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('call', 'visit', 'email', 'other')`))
      .addColumn('outcome', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`outcome in ('opening-registered', 'interested', 'callback', 'no-answer', 'not-interested')`,
          ),
      )
      .addColumn('note', 'text')
      .addColumn('contacted_on', 'text', (c) => c.notNull())
      .addColumn('next_on', 'text')
      .addColumn('counselor_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('employer_contacts_employer')
      .on('employer_contacts')
      .columns(['employer_id', 'created_at'])
      .execute();

    await synced(db.schema.createTable('package_steps'))
      .addColumn('employer_id', 'text', (c) => c.notNull().references('employers.id'))
      .addColumn('stage', 'text', (c) =>
        c.notNull().check(sql`stage in ('diagnosis', 'conditions', 'recruitment', 'follow-up')`),
      )
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('planned', 'in-progress', 'done', 'not-needed')`),
      )
      .addColumn('on_date', 'text')
      .addColumn('note', 'text')
      .addColumn('counselor_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('package_steps_employer')
      .on('package_steps')
      .columns(['employer_id', 'step', 'created_at'])
      .execute();

    await synced(db.schema.createTable('placements'))
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('employer_id', 'text', (c) => c.references('employers.id'))
      .addColumn('employer_name', 'text', (c) => c.notNull())
      .addColumn('opening_id', 'text', (c) => c.references('job_openings.id'))
      .addColumn('occupation', 'text')
      .addColumn('hired_on', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().defaultTo('without-referral'))
      .addColumn('note', 'text')
      .addColumn('counselor_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('placements_jobseeker').on('placements').column('jobseeker_id').execute();
    await db.schema.createIndex('placements_opening').on('placements').column('opening_id').execute();
    await db.schema
      .createIndex('placements_counselor')
      .on('placements')
      .columns(['counselor_id', 'hired_on'])
      .execute();

    await synced(db.schema.createTable('placement_follow_ups'))
      .addColumn('placement_id', 'text', (c) => c.notNull().references('placements.id'))
      .addColumn('months', 'integer', (c) => c.notNull().check(sql`months in (1, 3, 6)`))
      .addColumn('employed', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('counselor_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('note', 'text')
      .addUniqueConstraint('placement_follow_ups_once', ['placement_id', 'months'])
      .execute();

    await db.schema.createIndex('referrals_jobseeker').on('referrals').column('jobseeker_id').execute();
    // "Has this referral a hire?" (filled positions, matching's filled counts) without reading events.
    await db.schema
      .createIndex('referral_events_referral_kind')
      .on('referral_events')
      .columns(['referral_id', 'kind'])
      .execute();

    for (const [table, columns] of Object.entries(APPEND_ONLY)) await appendOnly(db, dialect, table, columns);
  },
};
