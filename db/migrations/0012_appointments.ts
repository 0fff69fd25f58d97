import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// Issue 16 item 1 (상담 예약). FROZEN once landed.
//
// - appointments: a booked meeting with a jobseeker (kind, start, length, place or link, purpose, note),
//   the counselor it is with, and its outcome once known. Mutable and synced in the jobseeker's scope;
//   the outcome and `archived` are decisive (two desktops recording different outcomes open a review).
// - appointment_events: what happened to an appointment, append-only and synced: booked, rescheduled
//   (from and to, so a moved meeting keeps its history), outcome recorded. Its delete trigger lets
//   through the rows named in sync_purge (as 0008 does for the other append-only tables).
// - checkins.appointment_id: the lobby ticket taken with "I have an appointment" names the appointment,
//   so the counselor's agenda and queue show that the person has arrived. The kiosk writes only the
//   center-scoped ticket, never the case-scoped appointment.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

const EVENT_COLUMNS = [
  'id',
  'hlc',
  'appointment_id',
  'kind',
  'at',
  'counselor_id',
  'from_starts_at',
  'to_starts_at',
  'outcome',
  'note',
];

async function appendOnly(db: Kysely<any>, dialect: SqlDialect, table: string, columns: string[]) {
  const purged = `EXISTS (SELECT 1 FROM sync_purge WHERE table_name = '${table}' AND row_id = OLD.id)`;
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
         WHEN NOT ${purged}
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
    await db.schema
      .createTable('appointments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('counselor_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('in_person', 'phone', 'video')`))
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('duration_min', 'integer', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('outcome', 'text', (c) =>
        c.check(
          sql`outcome is null or outcome in ('attended', 'no_show', 'cancelled_by_jobseeker', 'cancelled_by_center', 'rescheduled')`,
        ),
      )
      .addColumn('outcome_at', 'text')
      .addColumn('booked_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // The calendar reads a counselor's range; the case reads its own appointments.
    await db.schema
      .createIndex('appointments_counselor_start')
      .on('appointments')
      .columns(['counselor_id', 'starts_at'])
      .execute();
    await db.schema
      .createIndex('appointments_jobseeker_start')
      .on('appointments')
      .columns(['jobseeker_id', 'starts_at'])
      .execute();
    await db.schema.createIndex('appointments_start').on('appointments').column('starts_at').execute();

    await db.schema
      .createTable('appointment_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointments.id'))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('booked', 'rescheduled', 'outcome', 'changed')`),
      )
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('counselor_id', 'text', (c) => c.notNull())
      .addColumn('from_starts_at', 'text')
      .addColumn('to_starts_at', 'text')
      .addColumn('outcome', 'text')
      .addColumn('note', 'text')
      .execute();
    await db.schema
      .createIndex('appointment_events_appointment')
      .on('appointment_events')
      .columns(['appointment_id', 'at'])
      .execute();
    await appendOnly(db, dialect, 'appointment_events', EVENT_COLUMNS);

    await db.schema.alterTable('checkins').addColumn('appointment_id', 'text').execute();
    await db.schema.createIndex('checkins_appointment').on('checkins').column('appointment_id').execute();
  },
};
