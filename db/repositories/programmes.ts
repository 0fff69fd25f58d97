import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type {
  ActionPlanTable,
  Database,
  EnrolmentEventTable,
  ObligationDecisionTable,
  ProgrammeEnrolmentTable,
} from '../schema.ts';

// SQL for programme enrolments (issue 17 item 2): a case's enrolments with their plans, obligation
// decisions and events; one enrolment by id; the open enrolments in the service stage a counselor's inbox
// reads for due obligation periods; and the names of the people who decided.

type Db = Kysely<Database> | Transaction<Database>;

export type EnrolmentRow = Selectable<ProgrammeEnrolmentTable>;
export type ActionPlanRow = Selectable<ActionPlanTable>;
export type ObligationDecisionRow = Selectable<ObligationDecisionTable>;
export type EnrolmentEventRow = Selectable<EnrolmentEventTable>;

export async function getEnrolment(db: Db, id: string): Promise<EnrolmentRow | undefined> {
  return db.selectFrom('programme_enrolments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function enrolmentsOfJobseeker(db: Db, jobseekerId: string): Promise<EnrolmentRow[]> {
  return db
    .selectFrom('programme_enrolments')
    .selectAll()
    .where('jobseeker_id', '=', jobseekerId)
    .where('archived', '=', 0)
    .orderBy('enrolled_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The plan in force of each enrolment: the latest not archived (a plan changed after agreement is new). */
export async function plansOf(db: Db, enrolmentIds: readonly string[]): Promise<Map<string, ActionPlanRow>> {
  if (enrolmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('action_plans')
    .selectAll()
    .where('enrolment_id', 'in', enrolmentIds)
    .where('archived', '=', 0)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.enrolment_id, r]));
}

export async function decisionsOf(db: Db, enrolmentIds: readonly string[]): Promise<ObligationDecisionRow[]> {
  if (enrolmentIds.length === 0) return [];
  return db
    .selectFrom('obligation_decisions')
    .selectAll()
    .where('enrolment_id', 'in', enrolmentIds)
    .orderBy('created_at')
    .execute();
}

export async function eventsOfJobseeker(
  db: Db,
  jobseekerId: string,
): Promise<Array<EnrolmentEventRow & { programme_code: string }>> {
  return db
    .selectFrom('enrolment_events as e')
    .innerJoin('programme_enrolments as p', 'p.id', 'e.enrolment_id')
    .selectAll('e')
    .select('p.programme_code')
    .where('p.jobseeker_id', '=', jobseekerId)
    .execute();
}

export async function decisionsOfJobseeker(
  db: Db,
  jobseekerId: string,
): Promise<Array<ObligationDecisionRow & { programme_code: string }>> {
  return db
    .selectFrom('obligation_decisions as d')
    .innerJoin('programme_enrolments as p', 'p.id', 'd.enrolment_id')
    .selectAll('d')
    .select('p.programme_code')
    .where('p.jobseeker_id', '=', jobseekerId)
    .execute();
}

/** What the inbox needs of an open enrolment in the service stage to list its due obligation periods. */
export interface ObligationEnrolmentRow {
  id: string;
  jobseeker_id: string;
  jobseeker_name: string;
  programme_code: string;
  catalogue_version: string;
  service_on: string | null;
  obligation_figures: string | null;
  /** The periods some decision was recorded for, as `obligation#period` joined by commas, or null. */
  decided: string | null;
}

/**
 * Open enrolments in the service stage of the cases a counselor holds (the inbox's obligation periods),
 * with the case's name and the periods already decided.
 */
export async function serviceEnrolmentsOf(
  db: Db,
  who: { userId: string; centerCode: string },
): Promise<ObligationEnrolmentRow[]> {
  // The center's enrolments in the service stage lead, read from their covering index
  // programme_enrolments_service (migration 0026), and each finds its case by id in the covering index
  // jobseekers_case_facts (0024): a few thousand lookups, where walking a counselor's 20k cases read every
  // case's row. CROSS JOIN keeps that order. Whether a period is decided is any decision for it, in force
  // or corrected (the case page shows which), read from the decisions' own index.
  const rows = await sql<ObligationEnrolmentRow>`
    select p.id, p.jobseeker_id, j.name as jobseeker_name, p.programme_code, p.catalogue_version,
      p.service_on, p.obligation_figures,
      (select group_concat(d.obligation_code || '#' || d.period_no) from obligation_decisions d
        where d.enrolment_id = p.id) as decided
    from programme_enrolments p indexed by programme_enrolments_service
      cross join jobseekers j indexed by jobseekers_case_facts on j.id = p.jobseeker_id
    where p.stage = 'service' and p.archived = 0 and j.archived = 0 and +j.center_code = ${who.centerCode}
      and +j.assigned_counselor_id = ${who.userId}`.execute(db);
  return rows.rows;
}

export async function userNames(db: Db, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => typeof i === 'string'))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
