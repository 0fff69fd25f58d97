import { sql, type Kysely } from 'kysely';
import { appendOnlyTriggers, syncedColumns } from './parts/synced-table-v1.ts';
import type { Migration, SqlDialect } from './types.ts';

// Issue 17 item 3 (집단상담·프로그램). FROZEN once landed.
//
// - group_programmes: a run (회차/과정) of a catalogue group programme at a center: the programme's code
//   and the catalogue edition it started on, title, facilitator, place, capacity and the completion
//   threshold it uses. Mutable, synced in the center's scope (its counselors and supervisors).
// - group_sessions: the run's sessions (number, start, length, place, capacity where it differs).
//   Mutable, parent group_programmes.
// - group_participants: a jobseeker taking part in a run. Mutable, parent jobseekers (the case's scope);
//   `programme_id` names the run (a reference, checked by the server). Status and the completion are
//   decisive: two desktops confirming differently open a review item.
// - group_attendance: one mark per session and participant, append-only; a correction is a new row and
//   the latest wins (shared/domain/groups.ts). Parent group_participants; `session_id` a reference.
// References between synced records are not foreign keys: a pulled participant may arrive before the run
// it names on a desktop that does not hold the run yet (it is the center's, but pulls are paged). The
// facilitator is one (to users): joining a server finds the account columns to re-map by their keys.

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema */

const ATTENDANCE_COLUMNS = [
  'id',
  'hlc',
  'participant_id',
  'session_id',
  'mark',
  'note',
  'recorded_by',
  'recorded_at',
];

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    await syncedColumns(db.schema.createTable('group_programmes'))
      .addColumn('center_code', 'text', (c) => c.notNull())
      .addColumn('programme_code', 'text', (c) => c.notNull())
      .addColumn('catalogue_version', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('facilitator_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('place', 'text')
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('completion_pct', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('group_programmes_center')
      .on('group_programmes')
      .columns(['center_code', 'created_at'])
      .execute();

    await syncedColumns(db.schema.createTable('group_sessions'))
      .addColumn('programme_id', 'text', (c) => c.notNull().references('group_programmes.id'))
      .addColumn('session_no', 'integer', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('duration_min', 'integer', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('capacity', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('group_sessions_programme')
      .on('group_sessions')
      .columns(['programme_id', 'starts_at'])
      .execute();

    await syncedColumns(db.schema.createTable('group_participants'))
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('programme_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('enrolled')
          .check(sql`status in ('enrolled', 'waiting', 'withdrawn', 'completed', 'not_completed')`),
      )
      .addColumn('enrolled_by', 'text', (c) => c.notNull())
      .addColumn('enrolled_at', 'text', (c) => c.notNull())
      .addColumn('completion_pct', 'integer')
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('note', 'text')
      .execute();
    await db.schema
      .createIndex('group_participants_programme')
      .on('group_participants')
      .columns(['programme_id', 'status'])
      .execute();
    await db.schema
      .createIndex('group_participants_jobseeker')
      .on('group_participants')
      .column('jobseeker_id')
      .execute();

    await syncedColumns(db.schema.createTable('group_attendance'))
      .addColumn('participant_id', 'text', (c) => c.notNull().references('group_participants.id'))
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('mark', 'text', (c) => c.notNull().check(sql`mark in ('attended', 'absent', 'excused')`))
      .addColumn('note', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('group_attendance_participant')
      .on('group_attendance')
      .columns(['participant_id', 'session_id'])
      .execute();
    await db.schema
      .createIndex('group_attendance_session')
      .on('group_attendance')
      .column('session_id')
      .execute();
    await appendOnlyTriggers(db, dialect, 'group_attendance', ATTENDANCE_COLUMNS);
  },
};
