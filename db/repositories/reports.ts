import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.ts';

// The SQL of the supervisor reports (issue 7). Every query takes the same scope: the jobseekers of one
// center (not archived), optionally one counselor's caseload, and a period [from, to) of ISO times.
// Aggregation that SQL does well happens here; the rest in electron/services/reports/compute.ts.

type Db = Kysely<Database>;

export interface ReportScope {
  centerCode: string;
  counselorId: string | null;
  /** ISO time, inclusive. */
  fromTs: string;
  /** ISO time, exclusive. */
  toTs: string;
}

export async function rows<T>(db: Db, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

/** The jobseekers in scope, as a SQL condition on the alias `j`. */
export function inScope(s: ReportScope) {
  return s.counselorId === null
    ? sql`j.center_code = ${s.centerCode} and j.archived = 0`
    : sql`j.center_code = ${s.centerCode} and j.archived = 0 and j.assigned_counselor_id = ${s.counselorId}`;
}

/**
 * The one definition of a placement (취업, domain.md §6) that every report counts: a `hired` referral
 * event, or a placement recorded without a referral (not archived), of a jobseeker in scope, dated in
 * the period. One row per placement, as a subquery with the columns
 * (id, source, jobseeker_id, hired_at, occupation). The caseload, referral, occupation,
 * time-to-placement and retention reports all read this, so their counts cannot disagree (issue 15).
 */
export function placementsOf(s: ReportScope) {
  return sql`(
    select r.id as id, 'referral' as source, r.jobseeker_id as jobseeker_id, e.at as hired_at,
      o.occupation as occupation
    from referral_events e join referrals r on r.id = e.referral_id
    join jobseekers j on j.id = r.jobseeker_id
    join job_openings o on o.id = r.opening_id
    where e.kind = 'hired' and ${inScope(s)} and e.at >= ${s.fromTs} and e.at < ${s.toTs}
    union all
    select p.id, 'own', p.jobseeker_id, p.hired_on || 'T00:00:00.000Z', p.occupation
    from placements p join jobseekers j on j.id = p.jobseeker_id
    where p.archived = 0 and ${inScope(s)}
      and p.hired_on >= substr(${s.fromTs}, 1, 10) and p.hired_on < substr(${s.toTs}, 1, 10)
  )`;
}

export interface CaseloadRow {
  counselor_id: string | null;
  counselor: string | null;
  total: number;
  active: number;
  /** Jobseekers of the caseload placed in the period (the definition above), not the status field. */
  placed: number;
  closed: number;
  ready: number;
  needs: number;
  unclassified: number;
  new_in_period: number;
}

export function caseloadRows(db: Db, s: ReportScope): Promise<CaseloadRow[]> {
  // `placed` used to count `status = 'placed'`, which records made outside the referral service (the
  // demo, synced devices) never set: 0 per counselor beside hundreds on the referral tab.
  return rows(
    db,
    sql<CaseloadRow>`
      select j.assigned_counselor_id as counselor_id, u.display_name as counselor,
        count(*) as total,
        sum(j.status = 'active') as active,
        sum(j.id in (select jobseeker_id from ${placementsOf(s)})) as placed,
        sum(j.status = 'closed') as closed,
        sum(j.current_type = 'ready') as ready, sum(j.current_type = 'needs-preparation') as needs,
        sum(j.current_type is null) as unclassified,
        sum(j.registered_at >= ${s.fromTs} and j.registered_at < ${s.toTs}) as new_in_period
      from jobseekers j left join users u on u.id = j.assigned_counselor_id
      where ${inScope(s)}
      group by j.assigned_counselor_id
      order by u.display_name is null, u.display_name`,
  );
}

export function classificationMix(
  db: Db,
  s: ReportScope,
): Promise<Array<{ type: string | null; track: string | null; n: number }>> {
  return rows(
    db,
    sql<{ type: string | null; track: string | null; n: number }>`
      select j.current_type as type, j.current_track as track, count(*) as n
      from jobseekers j where ${inScope(s)}
      group by j.current_type, j.current_track order by j.current_type, j.current_track`,
  );
}

export interface AssessmentRow {
  counselor: string;
  type: string;
  decision: string;
  conversion: number;
  gender: string | null;
  age: number;
}

/** Assessments made in the period on jobseekers in scope, with what the fairness view needs. */
export function assessmentsInPeriod(db: Db, s: ReportScope): Promise<AssessmentRow[]> {
  return rows(
    db,
    sql<AssessmentRow>`
      select u.display_name as counselor, a.final_type as type, a.decision, a.conversion,
        j.gender, cast(substr(a.created_at, 1, 4) as integer) - j.birth_year as age
      from assessments a join jobseekers j on j.id = a.jobseeker_id
      join users u on u.id = a.created_by
      where ${inScope(s)} and a.created_at >= ${s.fromTs} and a.created_at < ${s.toTs}
      order by u.display_name`,
  );
}

export interface ReferralEventRow {
  referral_id: string;
  kind: string;
  at: string;
  data: string;
}

/** The events of the referrals made in the period for jobseekers in scope, oldest first per referral. */
export function referralEventsOfPeriod(db: Db, s: ReportScope): Promise<ReferralEventRow[]> {
  return rows(
    db,
    sql<ReferralEventRow>`
      select e.referral_id, e.kind, e.at, e.data
      from referrals r join jobseekers j on j.id = r.jobseeker_id
      join referral_events e on e.referral_id = r.id
      where ${inScope(s)} and r.created_at >= ${s.fromTs} and r.created_at < ${s.toTs}
      order by e.referral_id, e.at, e.id`,
  );
}

/** Distinct jobseekers in scope served in the period: registered, assessed, counseled, referred or placed. */
export async function servedCount(db: Db, s: ReportScope): Promise<number> {
  const [row] = await rows(
    db,
    sql<{ n: number }>`
      select count(*) as n from jobseekers j where ${inScope(s)} and (
        (j.registered_at >= ${s.fromTs} and j.registered_at < ${s.toTs})
        or exists (select 1 from assessments a where a.jobseeker_id = j.id
          and a.created_at >= ${s.fromTs} and a.created_at < ${s.toTs})
        or exists (select 1 from counseling_notes n where n.jobseeker_id = j.id
          and n.created_at >= ${s.fromTs} and n.created_at < ${s.toTs})
        or exists (select 1 from referrals r join referral_events e on e.referral_id = r.id
          where r.jobseeker_id = j.id and e.at >= ${s.fromTs} and e.at < ${s.toTs})
        or j.id in (select jobseeker_id from ${placementsOf(s)}))`,
  );
  return row?.n ?? 0;
}

export interface PlacementRow {
  /** The referral, or the placement recorded without one. */
  id: string;
  source: 'referral' | 'own';
  jobseeker_id: string;
  reg_no: string;
  name: string;
  phone: string | null;
  /** The counselor whose caseload holds the jobseeker, as in the caseload report and the scope. */
  counselor: string | null;
  registered_at: string;
  hired_at: string;
  occupation: string | null;
}

/** Every placement (취업) in the period of a jobseeker in scope (`placementsOf`), oldest first. */
export function placementsInPeriod(db: Db, s: ReportScope): Promise<PlacementRow[]> {
  return rows(
    db,
    sql<PlacementRow>`
      select p.id, p.source, p.jobseeker_id, j.reg_no, j.name, j.phone, u.display_name as counselor,
        j.registered_at, p.hired_at, p.occupation
      from ${placementsOf(s)} p join jobseekers j on j.id = p.jobseeker_id
      left join users u on u.id = j.assigned_counselor_id
      order by p.hired_at, p.id`,
  );
}

/** Follow-up checks of the placements above: referral follow-up events and placement follow-ups. */
export function followUpsOf(
  db: Db,
  s: ReportScope,
): Promise<Array<{ id: string; months: number; employed: number }>> {
  return rows(
    db,
    sql<{ id: string; months: number; employed: number }>`
      select r.id, cast(json_extract(f.data, '$.months') as integer) as months,
        coalesce(json_extract(f.data, '$.employed'), 0) as employed
      from referral_events f join referrals r on r.id = f.referral_id
      join jobseekers j on j.id = r.jobseeker_id
      where f.kind = 'follow-up' and ${inScope(s)}
      union all
      select p.id, f.months, f.employed
      from placement_follow_ups f join placements p on p.id = f.placement_id
      join jobseekers j on j.id = p.jobseeker_id
      where p.archived = 0 and ${inScope(s)}`,
  );
}

export function employerTypes(
  db: Db,
  centerCode: string,
  toTs: string,
): Promise<Array<{ type: string | null; n: number; potential: number; focus: number }>> {
  return rows(
    db,
    sql<{ type: string | null; n: number; potential: number; focus: number }>`
      select current_type as type, count(*) as n, sum(potential_client) as potential,
        sum(focus_support) as focus
      from employers where center_code = ${centerCode} and archived = 0 and created_at < ${toTs}
      group by current_type order by current_type is null, current_type`,
  );
}

/** The latest status of each (employer, step) of the recruitment package as of the period's end. */
export function packageStatuses(
  db: Db,
  s: ReportScope,
): Promise<Array<{ employer_id: string; stage: string; status: string }>> {
  const byCounselor = s.counselorId === null ? sql`1 = 1` : sql`p.counselor_id = ${s.counselorId}`;
  return rows(
    db,
    sql<{ employer_id: string; stage: string; status: string }>`
      select p.employer_id, p.stage, p.status from package_steps p
      join employers m on m.id = p.employer_id
      where m.center_code = ${s.centerCode} and m.archived = 0 and p.created_at < ${s.toTs} and ${byCounselor}
        and not exists (select 1 from package_steps q where q.employer_id = p.employer_id
          and q.step = p.step and q.created_at < ${s.toTs}
          and (q.created_at > p.created_at or (q.created_at = p.created_at and q.id > p.id)))`,
  );
}

export async function nameOf(db: Db, table: 'users' | 'centers', id: string): Promise<string | null> {
  if (table === 'users') {
    const row = await db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst();
    return row?.display_name ?? null;
  }
  const row = await db.selectFrom('centers').select('name').where('code', '=', id).executeTakeFirst();
  return row?.name ?? null;
}
