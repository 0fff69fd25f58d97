import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// Issue 3, jobseeker casework. FROZEN once landed; later changes go into a new numbered migration.
//  - assessments: the reassessment date set with the decision, and whether it was a conversion
//    (needs-preparation → ready); the SQLite append-only trigger is rebuilt to cover the new columns.
//  - jobseekers.reassess_due_on: the current decision's reassessment date, kept beside current_type and
//    current_track so the caseload can sort overdue cases first without scanning assessments.
//  - classification_reviews: a jobseeker's request for a review of their classification, and its outcome.
//  - service_plan_steps: steps of the track's service plan recorded as done (archived when undone).
//  - certificates: each 직무능력 인정서 issued, with its verification code and the items it lists.
// Declined sensitive answers need no column: they are part of the assessment's stored inputs.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

function synced<T extends string>(t: CreateTableBuilder<T, any>) {
  return t
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('hlc', 'text', (c) => c.notNull());
}

const ASSESSMENT_COLUMNS = [
  'id',
  'hlc',
  'jobseeker_id',
  'rule_set',
  'inputs',
  'result',
  'type',
  'track',
  'decision',
  'final_type',
  'final_track',
  'override_reason_code',
  'override_reason_text',
  'created_by',
  'created_at',
  'reassess_due_on',
  'conversion',
];

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    await db.schema.alterTable('assessments').addColumn('reassess_due_on', 'text').execute();
    await db.schema
      .alterTable('assessments')
      .addColumn('conversion', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    if (dialect === 'sqlite') {
      await sql.raw('DROP TRIGGER assessments_no_update').execute(db);
      await sql
        .raw(
          `CREATE TRIGGER assessments_no_update BEFORE UPDATE ON assessments
           WHEN NOT (${ASSESSMENT_COLUMNS.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ')})
           BEGIN SELECT RAISE(ABORT, 'assessments is append-only'); END`,
        )
        .execute(db);
    }

    await db.schema.alterTable('jobseekers').addColumn('reassess_due_on', 'text').execute();
    await db.schema
      .createIndex('jobseekers_counselor_reassess')
      .on('jobseekers')
      .columns(['assigned_counselor_id', 'reassess_due_on'])
      .execute();

    await synced(db.schema.createTable('classification_reviews'))
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
      .addColumn('request_text', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('open')
          .check(sql`status in ('open', 'upheld', 'changed')`),
      )
      .addColumn('outcome_text', 'text')
      .addColumn('outcome_assessment_id', 'text', (c) => c.references('assessments.id'))
      .addColumn('decided_by', 'text', (c) => c.references('users.id'))
      .addColumn('decided_at', 'text')
      .addCheckConstraint(
        'classification_reviews_outcome',
        sql`status = 'open' or (length(outcome_text) > 0 and decided_by is not null and decided_at is not null)`,
      )
      .execute();
    await db.schema
      .createIndex('classification_reviews_jobseeker')
      .on('classification_reviews')
      .column('jobseeker_id')
      .execute();

    await synced(db.schema.createTable('service_plan_steps'))
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('done_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('service_plan_steps_jobseeker')
      .on('service_plan_steps')
      .columns(['jobseeker_id', 'assessment_id'])
      .execute();

    await synced(db.schema.createTable('certificates'))
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('verification_code', 'text', (c) => c.notNull().unique())
      .addColumn('center_code', 'text', (c) => c.notNull().references('centers.code'))
      .addColumn('item_ids', 'text', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('pdf_sha256', 'text', (c) => c.notNull())
      .addColumn('issued_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('certificates_jobseeker').on('certificates').column('jobseeker_id').execute();
  },
};
