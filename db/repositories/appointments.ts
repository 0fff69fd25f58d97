import {
  sql,
  type Insertable,
  type Kysely,
  type Selectable,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { AppointmentEventTable, AppointmentOutcome, AppointmentTable, Database } from '../schema.ts';
import { referencedJobseekerInScope, type CaseScope } from './case-scope.ts';

// SQL for appointments (상담 예약) and their append-only events: the calendar's range of one or more
// counselors, a case's appointments and no-show count, today's appointments of a center for the
// kiosk's "I have an appointment", and the no-shows a counselor still has to contact (the to-do inbox
// calls `noShowsToContact`). Arrival is read from the lobby ticket that names the appointment.

type Db = Kysely<Database> | Transaction<Database>;

export interface AppointmentListRow {
  id: string;
  seq: number;
  jobseeker_id: string;
  jobseeker_name: string;
  counselor_id: string;
  counselor_name: string | null;
  kind: AppointmentTable['kind'];
  starts_at: string;
  duration_min: number;
  place: string | null;
  purpose: string;
  note: string | null;
  outcome: AppointmentOutcome | null;
  outcome_at: string | null;
  arrived_at: string | null;
  checkin_id: string | null;
}

export async function insertAppointment(db: Db, row: Insertable<AppointmentTable>): Promise<void> {
  await db.insertInto('appointments').values(row).execute();
}

export async function insertAppointmentEvent(db: Db, row: Insertable<AppointmentEventTable>): Promise<void> {
  await db.insertInto('appointment_events').values(row).execute();
}

export async function updateAppointmentRow(
  db: Db,
  id: string,
  patch: Updateable<AppointmentTable>,
): Promise<void> {
  await db.updateTable('appointments').set(patch).where('id', '=', id).execute();
}

function listed(db: Db) {
  return (
    db
      .selectFrom('appointments as a')
      .innerJoin('jobseekers as j', 'j.id', 'a.jobseeker_id')
      .leftJoin('users as u', 'u.id', 'a.counselor_id')
      .select([
        'a.id',
        'a.seq',
        'a.jobseeker_id',
        'j.name as jobseeker_name',
        'a.counselor_id',
        'u.display_name as counselor_name',
        'a.kind',
        'a.starts_at',
        'a.duration_min',
        'a.place',
        'a.purpose',
        'a.note',
        'a.outcome',
        'a.outcome_at',
      ])
      // The first lobby ticket that named this appointment: the person has arrived.
      .select((eb) => [
        eb
          .selectFrom('checkins as c')
          .select(sql<string>`min(c.created_at)`.as('x'))
          .whereRef('c.appointment_id', '=', 'a.id')
          .as('arrived_at'),
        eb
          .selectFrom('checkins as c')
          .select('c.id')
          .whereRef('c.appointment_id', '=', 'a.id')
          .orderBy('c.created_at')
          .limit(1)
          .as('checkin_id'),
      ])
      .where('a.archived', '=', 0)
  );
}

function toRow(r: Omit<AppointmentListRow, 'seq'> & { seq: number | string | bigint }): AppointmentListRow {
  return { ...r, seq: Number(r.seq) };
}

export async function getAppointmentRow(
  db: Db,
  id: string,
): Promise<(AppointmentListRow & { archived: number }) | undefined> {
  const row = await db.selectFrom('appointments').select('archived').where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const listedRow = await listed(db).where('a.id', '=', id).executeTakeFirst();
  // An archived appointment is not listed, but its id still answers (for the refusal's wording).
  if (!listedRow) return undefined;
  return { ...toRow(listedRow), archived: row.archived };
}

/**
 * The appointments of these counselors starting in [from, to), in the caller's case scope: the week
 * calendar, the day, the agenda and the supervisor's team view all read this one query.
 */
export async function appointmentsInRange(
  db: Db,
  q: { counselorIds: readonly string[]; from: string; to: string; scope: CaseScope },
): Promise<AppointmentListRow[]> {
  if (q.counselorIds.length === 0) return [];
  const rows = await listed(db)
    .where('a.counselor_id', 'in', [...q.counselorIds])
    .where('a.starts_at', '>=', q.from)
    .where('a.starts_at', '<', q.to)
    .where(referencedJobseekerInScope('a.jobseeker_id', q.scope))
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => toRow(r));
}

/** A case's appointments, newest first. */
export async function appointmentsOfJobseeker(db: Db, jobseekerId: string): Promise<AppointmentListRow[]> {
  const rows = await listed(db)
    .where('a.jobseeker_id', '=', jobseekerId)
    .orderBy('a.starts_at', 'desc')
    .execute();
  return rows.map((r) => toRow(r));
}

/** How many of a case's appointments ended in a no-show (shown on the case). */
export async function countNoShows(db: Db, jobseekerId: string): Promise<number> {
  const row = await db
    .selectFrom('appointments')
    .select(sql<number>`count(*)`.as('n'))
    .where('jobseeker_id', '=', jobseekerId)
    .where('outcome', '=', 'no_show')
    .where('archived', '=', 0)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function appointmentEvents(
  db: Db,
  appointmentId: string,
): Promise<Array<Selectable<AppointmentEventTable> & { counselor_name: string | null }>> {
  const rows = await db
    .selectFrom('appointment_events as e')
    .leftJoin('users as u', 'u.id', 'e.counselor_id')
    .selectAll('e')
    .select('u.display_name as counselor_name')
    .where('e.appointment_id', '=', appointmentId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export interface NoShowToContact {
  appointmentId: string;
  jobseekerId: string;
  jobseekerName: string;
  startsAt: string;
  purpose: string;
}

/**
 * The no-shows this counselor still has to follow up: a missed appointment of theirs (not archived)
 * since `since` (ISO; default: all) whose jobseeker has no appointment booked after it (a new booking,
 * whatever its outcome, is the follow-up). Oldest first; the to-do inbox lists them.
 */
export async function noShowsToContact(
  db: Db,
  counselorId: string,
  options: { since?: string; limit?: number } = {},
): Promise<NoShowToContact[]> {
  const rows = await db
    .selectFrom('appointments as a')
    .innerJoin('jobseekers as j', 'j.id', 'a.jobseeker_id')
    .select([
      'a.id as appointmentId',
      'a.jobseeker_id as jobseekerId',
      'j.name as jobseekerName',
      'a.starts_at as startsAt',
      'a.purpose as purpose',
    ])
    .where('a.counselor_id', '=', counselorId)
    .where('a.outcome', '=', 'no_show')
    .where('a.archived', '=', 0)
    .where('j.archived', '=', 0)
    .$if(options.since !== undefined, (qb) => qb.where('a.starts_at', '>=', options.since as string))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('appointments as later')
            .select('later.id')
            .whereRef('later.jobseeker_id', '=', 'a.jobseeker_id')
            // Another appointment after the missed one (booked since, or already waiting): a no-show
            // recorded after the day never counts itself as the booking that settles it.
            .whereRef('later.id', '<>', 'a.id')
            .whereRef('later.starts_at', '>', 'a.starts_at')
            .where('later.archived', '=', 0),
        ),
      ),
    )
    .orderBy('a.starts_at')
    .limit(options.limit ?? 500)
    .execute();
  return rows;
}

export interface KioskCandidate {
  id: string;
  jobseeker_id: string;
  jobseeker_name: string;
  jobseeker_phone: string | null;
  counselor_id: string;
  starts_at: string;
}

/** Today's open appointments of the center's jobseekers, for the kiosk to match against (never sent out). */
export async function kioskCandidates(
  db: Db,
  centerCode: string,
  from: string,
  to: string,
): Promise<KioskCandidate[]> {
  return db
    .selectFrom('appointments as a')
    .innerJoin('jobseekers as j', 'j.id', 'a.jobseeker_id')
    .select([
      'a.id',
      'a.jobseeker_id',
      'j.name as jobseeker_name',
      'j.phone as jobseeker_phone',
      'a.counselor_id',
      'a.starts_at',
    ])
    .where('j.center_code', '=', centerCode)
    .where('a.starts_at', '>=', from)
    .where('a.starts_at', '<', to)
    .where('a.outcome', 'is', null)
    .where('a.archived', '=', 0)
    .where('j.archived', '=', 0)
    .orderBy('a.starts_at')
    .execute();
}

/** The counselor's other appointments around a time (overlap warnings; the service filters exactly). */
export async function counselorSlotsNear(
  db: Db,
  counselorId: string,
  from: string,
  to: string,
): Promise<
  Array<{ id: string; starts_at: string; duration_min: number; outcome: AppointmentOutcome | null }>
> {
  return db
    .selectFrom('appointments')
    .select(['id', 'starts_at', 'duration_min', 'outcome'])
    .where('counselor_id', '=', counselorId)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .where('archived', '=', 0)
    .execute();
}
