import { sql, type Kysely } from 'kysely';
import { appendOnlyTriggers, syncedColumns } from './parts/synced-table-v1.ts';
import type { Migration, SqlDialect } from './types.ts';

// Issue 17 item 2 (참여: 국민취업지원제도 and other programmes with stages). FROZEN once landed.
//
// - programme_enrolments: a jobseeker's enrolment in a catalogue programme, on the catalogue edition it
//   started with (catalogue_version, never changed). Mutable and synced in the jobseeker's scope; the
//   stage, the eligibility decision, the outcome and `archived` are decisive. The pre-check's inputs are
//   only those the programme lists (JSON), with the result and the rules not met; each stage's start day
//   and the current stage's deadline as given when it started.
// - enrolment_events: the enrolment's history, append-only: enrolled, pre-check, decision, stage change,
//   plan agreed.
// - action_plans: the Individual Action Plan (취업활동계획): goals and items (JSON: activity, who, dates),
//   agreed on a day. Mutable until agreed; agreed_on and archived are decisive.
// - obligation_decisions: one period's compliance decision (met / not met with a reason), append-only;
//   the first for a period stands, a correction names the row it replaces (`corrects`).

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema */

const EVENT_COLUMNS = [
  'id',
  'hlc',
  'enrolment_id',
  'kind',
  'at',
  'counselor_id',
  'from_stage',
  'to_stage',
  'decision',
  'reason_code',
  'outcome',
  'note',
];

const DECISION_COLUMNS = [
  'id',
  'hlc',
  'enrolment_id',
  'obligation_code',
  'period_no',
  'period_from',
  'period_to',
  'decision',
  'reason_code',
  'reason_text',
  'decided_on',
  'counselor_id',
  'corrects',
  'created_at',
];

const STAGES = sql`('eligibility', 'plan', 'service', 'follow-up', 'ended')`;

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    await syncedColumns(db.schema.createTable('programme_enrolments'))
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('programme_code', 'text', (c) => c.notNull())
      .addColumn('catalogue_version', 'text', (c) => c.notNull())
      .addColumn('counselor_id', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ${STAGES}`))
      .addColumn('enrolled_on', 'text', (c) => c.notNull())
      .addColumn('plan_on', 'text')
      .addColumn('service_on', 'text')
      .addColumn('follow_up_on', 'text')
      .addColumn('ended_on', 'text')
      .addColumn('stage_due_on', 'text')
      .addColumn('outcome', 'text')
      .addColumn('eligibility_inputs', 'text')
      .addColumn('eligibility_meets', 'integer')
      .addColumn('eligibility_failed', 'text')
      .addColumn('prechecked_on', 'text')
      .addColumn('decision', 'text', (c) => c.check(sql`decision is null or decision in ('admit', 'refuse')`))
      .addColumn('decision_reason_code', 'text')
      .addColumn('decision_reason_text', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('programme_enrolments_jobseeker')
      .on('programme_enrolments')
      .columns(['jobseeker_id', 'enrolled_on'])
      .execute();
    // Reports and the inbox read open enrolments by stage.
    await db.schema
      .createIndex('programme_enrolments_stage')
      .on('programme_enrolments')
      .columns(['stage', 'stage_due_on'])
      .execute();

    await syncedColumns(db.schema.createTable('enrolment_events'))
      .addColumn('enrolment_id', 'text', (c) => c.notNull().references('programme_enrolments.id'))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('enrolled', 'prechecked', 'decided', 'stage', 'plan-agreed')`),
      )
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('counselor_id', 'text', (c) => c.notNull())
      .addColumn('from_stage', 'text')
      .addColumn('to_stage', 'text')
      .addColumn('decision', 'text')
      .addColumn('reason_code', 'text')
      .addColumn('outcome', 'text')
      .addColumn('note', 'text')
      .execute();
    await db.schema
      .createIndex('enrolment_events_enrolment')
      .on('enrolment_events')
      .columns(['enrolment_id', 'at'])
      .execute();
    await appendOnlyTriggers(db, dialect, 'enrolment_events', EVENT_COLUMNS);

    await syncedColumns(db.schema.createTable('action_plans'))
      .addColumn('enrolment_id', 'text', (c) => c.notNull().references('programme_enrolments.id'))
      .addColumn('goals', 'text', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('agreed_on', 'text')
      .addColumn('agreed_by', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('action_plans_enrolment').on('action_plans').column('enrolment_id').execute();

    await syncedColumns(db.schema.createTable('obligation_decisions'))
      .addColumn('enrolment_id', 'text', (c) => c.notNull().references('programme_enrolments.id'))
      .addColumn('obligation_code', 'text', (c) => c.notNull())
      .addColumn('period_no', 'integer', (c) => c.notNull())
      .addColumn('period_from', 'text', (c) => c.notNull())
      .addColumn('period_to', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('met', 'not-met')`))
      .addColumn('reason_code', 'text')
      .addColumn('reason_text', 'text')
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('counselor_id', 'text', (c) => c.notNull())
      .addColumn('corrects', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('obligation_decisions_enrolment')
      .on('obligation_decisions')
      .columns(['enrolment_id', 'obligation_code', 'period_no'])
      .execute();
    await appendOnlyTriggers(db, dialect, 'obligation_decisions', DECISION_COLUMNS);
  },
};
