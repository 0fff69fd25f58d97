import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// Issue 16 items 3–4 (case lifecycle, transfers between centers). FROZEN once landed.
//
// - case_status_events: every close and reopen of a case, with its reason code, the months without
//   contact when that is the reason, and the counselor's text. Append-only (the status history on the
//   case); jobseekers.status stays the status in force (a decisive field in sync).
// - case_transfers: a request to hand a case to another center (이관), its answer and who answered.
//   No foreign key to jobseekers: the receiving center holds the request before it holds the case, and
//   the sending center keeps its request after the case has left it.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

const EVENT_COLUMNS = [
  'id',
  'hlc',
  'jobseeker_id',
  'kind',
  'from_status',
  'to_status',
  'reason',
  'no_contact_months',
  'text',
  'recorded_by',
  'recorded_at',
];

// Like the other append-only synced tables (0008): a row named in sync_purge may go (the case was really
// deleted, or left this desktop's scopes); nothing else is ever deleted or changed.
async function appendOnly(db: Kysely<any>, dialect: SqlDialect, table: string, columns: string[]) {
  const purged = `EXISTS (SELECT 1 FROM sync_purge WHERE table_name = '${table}' AND row_id = OLD.id)`;
  if (dialect === 'sqlite') {
    const unchanged = columns.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ');
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} WHEN NOT (${unchanged})
         BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} WHEN NOT ${purged}
         BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger AS $$
       BEGIN
         IF TG_OP = 'DELETE' THEN
           IF ${purged} THEN RETURN OLD; END IF;
           RAISE EXCEPTION '${table} is append-only';
         END IF;
         IF (to_jsonb(NEW) - 'seq') <> (to_jsonb(OLD) - 'seq') THEN RAISE EXCEPTION '${table} is append-only'; END IF;
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
    await db.schema
      .createTable('case_status_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('closed', 'reopened')`))
      .addColumn('from_status', 'text', (c) => c.notNull())
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('no_contact_months', 'integer')
      .addColumn('text', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('case_status_events_case')
      .on('case_status_events')
      .columns(['jobseeker_id', 'recorded_at'])
      .execute();
    await appendOnly(db, dialect, 'case_status_events', EVENT_COLUMNS);

    await db.schema
      .createTable('case_transfers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('jobseeker_id', 'text', (c) => c.notNull())
      .addColumn('jobseeker_name', 'text', (c) => c.notNull())
      .addColumn('birth_year', 'integer', (c) => c.notNull())
      .addColumn('from_center', 'text', (c) => c.notNull())
      // Who asked and from where, as the server's directory names them: the receiving center's desktops
      // hold neither the requester's account nor the sending center.
      .addColumn('from_center_name', 'text', (c) => c.notNull())
      .addColumn('requested_by_name', 'text', (c) => c.notNull())
      .addColumn('to_center', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('requested')
          .check(sql`status in ('requested', 'accepted', 'declined', 'cancelled')`),
      )
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('decision_reason', 'text')
      .addColumn('assigned_to', 'text')
      .execute();
    await db.schema
      .createIndex('case_transfers_open')
      .on('case_transfers')
      .columns(['status', 'to_center'])
      .execute();
    await db.schema.createIndex('case_transfers_case').on('case_transfers').column('jobseeker_id').execute();
  },
};
