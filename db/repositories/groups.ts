import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type {
  Database,
  GroupAttendanceTable,
  GroupParticipantTable,
  GroupProgrammeTable,
  GroupSessionTable,
} from '../schema.ts';
import { rowInScope, type CaseScope } from './case-scope.ts';

// SQL for group programmes (issue 17 item 3): a center's runs with their seat counts, a run's sessions,
// participants (only the cases the caller's scope holds, with their names) and attendance marks, and a
// case's own participations. Seats are counted from the statuses that hold one (SEATED in
// shared/domain/groups.ts: enrolled, completed, not completed).

type Db = Kysely<Database> | Transaction<Database>;

export type GroupProgrammeRow = Selectable<GroupProgrammeTable>;
export type GroupSessionRow = Selectable<GroupSessionTable>;
export type GroupParticipantRow = Selectable<GroupParticipantTable>;
export type GroupAttendanceRow = Selectable<GroupAttendanceTable>;

const SEATED_SQL = sql<number>`sum(case when gp.status in ('enrolled', 'completed', 'not_completed') then 1 else 0 end)`;

export interface GroupRunListRow extends GroupProgrammeRow {
  facilitator_name: string | null;
  seated: number;
  waiting: number;
  sessions: number;
  first_start: string | null;
  last_start: string | null;
}

export async function listRuns(db: Db, centerCode: string, archived: boolean): Promise<GroupRunListRow[]> {
  const rows = await db
    .selectFrom('group_programmes as r')
    .leftJoin('users as u', 'u.id', 'r.facilitator_id')
    .selectAll('r')
    .select((eb) => [
      'u.display_name as facilitator_name',
      eb
        .selectFrom('group_participants as gp')
        .select(SEATED_SQL.as('n'))
        .whereRef('gp.programme_id', '=', 'r.id')
        .as('seated'),
      eb
        .selectFrom('group_participants as gp')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('gp.programme_id', '=', 'r.id')
        .where('gp.status', '=', 'waiting')
        .as('waiting'),
      eb
        .selectFrom('group_sessions as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.programme_id', '=', 'r.id')
        .where('s.archived', '=', 0)
        .as('sessions'),
      eb
        .selectFrom('group_sessions as s')
        .select((e) => e.fn.min('s.starts_at').as('m'))
        .whereRef('s.programme_id', '=', 'r.id')
        .where('s.archived', '=', 0)
        .as('first_start'),
      eb
        .selectFrom('group_sessions as s')
        .select((e) => e.fn.max('s.starts_at').as('m'))
        .whereRef('s.programme_id', '=', 'r.id')
        .where('s.archived', '=', 0)
        .as('last_start'),
    ])
    .where('r.center_code', '=', centerCode)
    .where('r.archived', '=', archived ? 1 : 0)
    .orderBy('r.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    seated: Number(r.seated ?? 0),
    waiting: Number(r.waiting ?? 0),
    sessions: Number(r.sessions ?? 0),
    first_start: r.first_start ?? null,
    last_start: r.last_start ?? null,
  }));
}

export async function getRun(
  db: Db,
  id: string,
): Promise<(GroupProgrammeRow & { facilitator_name: string | null }) | undefined> {
  return db
    .selectFrom('group_programmes as r')
    .leftJoin('users as u', 'u.id', 'r.facilitator_id')
    .selectAll('r')
    .select('u.display_name as facilitator_name')
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export async function sessionsOf(db: Db, programmeId: string): Promise<GroupSessionRow[]> {
  return db
    .selectFrom('group_sessions')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('archived', '=', 0)
    .orderBy('starts_at')
    .orderBy('session_no')
    .execute();
}

/** Seats of a run held now (every participant, whatever scope: capacity is the run's, not the caller's). */
export async function seatedCount(db: Db, programmeId: string): Promise<number> {
  const r = await db
    .selectFrom('group_participants as gp')
    .select(SEATED_SQL.as('n'))
    .where('gp.programme_id', '=', programmeId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export interface ParticipantListRow extends GroupParticipantRow {
  name: string;
  birth_year: number;
  reg_no: string;
}

/**
 * A run's participants whose cases the caller's scope holds. The scope is checked on the rows read (the
 * run's people), not in SQL, where its OR could make SQLite walk the center's cases instead of the run's.
 */
export async function participantsOf(
  db: Db,
  programmeId: string,
  scope: CaseScope,
): Promise<ParticipantListRow[]> {
  const rows = await db
    .selectFrom('group_participants as gp')
    .innerJoin('jobseekers as j', 'j.id', 'gp.jobseeker_id')
    .selectAll('gp')
    .select(['j.name', 'j.birth_year', 'j.reg_no', 'j.center_code', 'j.assigned_counselor_id'])
    .where('gp.programme_id', '=', programmeId)
    .orderBy('j.name')
    .orderBy('gp.id')
    .execute();
  return rows
    .filter((r) => rowInScope(r, scope))
    .map(({ center_code: _c, assigned_counselor_id: _a, ...r }) => r);
}

export async function getParticipant(db: Db, id: string): Promise<GroupParticipantRow | undefined> {
  return db.selectFrom('group_participants').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Which of `jobseekerIds` already take part in the run (in any status but withdrawn). */
export async function alreadyIn(
  db: Db,
  programmeId: string,
  jobseekerIds: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < jobseekerIds.length; i += 500) {
    const rows = await db
      .selectFrom('group_participants')
      .select('jobseeker_id')
      .where('programme_id', '=', programmeId)
      .where('status', '!=', 'withdrawn')
      .where('jobseeker_id', 'in', jobseekerIds.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.jobseeker_id);
  }
  return found;
}

export async function attendanceOfRun(db: Db, programmeId: string): Promise<GroupAttendanceRow[]> {
  return db
    .selectFrom('group_attendance as a')
    .innerJoin('group_participants as gp', 'gp.id', 'a.participant_id')
    .selectAll('a')
    .where('gp.programme_id', '=', programmeId)
    .execute();
}

export async function attendanceOfParticipant(db: Db, participantId: string): Promise<GroupAttendanceRow[]> {
  return db.selectFrom('group_attendance').selectAll().where('participant_id', '=', participantId).execute();
}

export interface CaseGroupRow extends GroupParticipantRow {
  title: string;
  programme_code: string;
  catalogue_version: string;
  run_completion_pct: number;
  place: string | null;
}

export async function participationsOf(db: Db, jobseekerId: string): Promise<CaseGroupRow[]> {
  return db
    .selectFrom('group_participants as gp')
    .innerJoin('group_programmes as r', 'r.id', 'gp.programme_id')
    .selectAll('gp')
    .select([
      'r.title',
      'r.programme_code',
      'r.catalogue_version',
      'r.completion_pct as run_completion_pct',
      'r.place',
    ])
    .where('gp.jobseeker_id', '=', jobseekerId)
    .orderBy('gp.enrolled_at', 'desc')
    .execute();
}

export async function sessionsOfRuns(db: Db, programmeIds: readonly string[]): Promise<GroupSessionRow[]> {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('group_sessions')
    .selectAll()
    .where('programme_id', 'in', programmeIds)
    .where('archived', '=', 0)
    .execute();
}

/** Every mark of one session (any participant): what its attended count is read from. */
export async function attendanceOfSession(db: Db, sessionId: string): Promise<GroupAttendanceRow[]> {
  return db.selectFrom('group_attendance').selectAll().where('session_id', '=', sessionId).execute();
}
