import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, ServiceReferralEventTable, ServiceReferralTable } from '../schema.ts';

// SQL for service referrals (서비스 연계, issue 17 item 4): a case's referrals and their steps, the cases
// whose completed referral still waits for a reassessment (the case banner and the inbox source), and
// the two derived figures the reports read later:
// - `conversionsByProgramme`: needs-preparation → ready conversions (an assessment flagged `conversion`)
//   made on or after a completed referral's completion day, each credited to the latest such referral
//   of the person (derived, no column: the assessment and the referral stay as they were recorded);
// - `linkedPlacements`: placements (a `hired` job referral or a placement without one) on or within N
//   days after a partner-agency referral the provider did not decline (연계 취업 실적).

type Db = Kysely<Database> | Transaction<Database>;

export type ServiceReferralRow = Selectable<ServiceReferralTable>;
export type ServiceReferralEventRow = Selectable<ServiceReferralEventTable> & {
  counselor_name: string | null;
};

export function getServiceReferral(db: Db, id: string): Promise<ServiceReferralRow | undefined> {
  return db.selectFrom('service_referrals').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A case's referrals, newest first (archived ones left out). */
export function serviceReferralsOf(db: Db, jobseekerId: string): Promise<ServiceReferralRow[]> {
  return db
    .selectFrom('service_referrals')
    .selectAll()
    .where('jobseeker_id', '=', jobseekerId)
    .where('archived', '=', 0)
    .orderBy('referred_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function serviceReferralEvents(
  db: Db,
  referralIds: readonly string[],
): Promise<ServiceReferralEventRow[]> {
  if (referralIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_referral_events as e')
    .leftJoin('users as u', 'u.id', 'e.counselor_id')
    .selectAll('e')
    .select('u.display_name as counselor_name')
    .where('e.service_referral_id', 'in', referralIds)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** The plan steps recorded done (not undone) on a case, any assessment. */
export async function doneStepsOf(db: Db, jobseekerId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('service_plan_steps')
    .select('step')
    .where('jobseeker_id', '=', jobseekerId)
    .where('archived', '=', 0)
    .execute();
  return new Set(rows.map((r) => r.step));
}

export interface ReassessPromptRow {
  jobseeker_id: string;
  name: string;
  service_referral_id: string;
  target_kind: string;
  programme_code: string | null;
  provider_code: string | null;
  provider_name: string | null;
  course_name: string | null;
  catalogue_version: string;
  completed_on: string;
}

/**
 * Needs-preparation cases (active, not archived) with a referral completed on or after the day of their
 * latest assessment (Korean day): the reassessment the completion calls for is not made yet. One row per
 * case, its latest completed referral. `jobseekerId` or `counselorId` narrows it.
 *
 * Which table leads is fixed below: left to itself, SQLite walked the caseload and read, for every case,
 * all the center's completed referrals since that case's assessment (20k × 3,400: three minutes at 100k).
 */
export async function reassessPrompts(
  db: Db,
  by: { jobseekerId: string } | { counselorId: string },
): Promise<ReassessPromptRow[]> {
  // One case: its own referrals. A caseload: the center's completed referrals lead (a few thousand,
  // from their covering index service_referrals_completed, migration 0026) and each finds its case by id, rather than each of 20k cases
  // seeking its referrals; CROSS JOIN keeps that order, and each case is found by its id in the covering
  // index jobseekers_case_facts (migration 0024), not by a scan of the counselor's cases per referral.
  const from =
    'jobseekerId' in by
      ? sql`jobseekers j join service_referrals s on s.jobseeker_id = j.id and j.id = ${by.jobseekerId}`
      : sql`service_referrals s indexed by service_referrals_completed
          cross join jobseekers j indexed by jobseekers_case_facts on j.id = s.jobseeker_id
          and +j.assigned_counselor_id = ${by.counselorId}`;
  const result = await sql<ReassessPromptRow>`
    select jobseeker_id, name, service_referral_id, target_kind, programme_code, provider_code,
      provider_name, course_name, catalogue_version, completed_on
    from (
      select j.id as jobseeker_id, j.name as name, s.id as service_referral_id, s.target_kind,
        s.programme_code, s.provider_code, s.provider_name, s.course_name, s.catalogue_version,
        s.completed_on,
        row_number() over (partition by j.id order by s.completed_on desc, s.id desc) as rn
      from ${from}
      where j.archived = 0 and j.status = 'active' and j.current_type = 'needs-preparation'
        and s.archived = 0 and s.status = 'completed'
        and s.completed_on >= coalesce((
          select max(substr(datetime(a.created_at, '+9 hours'), 1, 10)) from assessments a
          where a.jobseeker_id = j.id), '')
    ) where rn = 1
    order by completed_on, jobseeker_id`.execute(db);
  return result.rows;
}

export interface ConversionRow {
  /** The programme code, else the provider code, else the referral's kind (a local provider). */
  programme: string;
  conversions: number;
}

/**
 * Needs-preparation → ready conversions after a completed referral, by programme, for a center's cases,
 * counting assessments made in [fromDay, toDay) (Korean days). Derived at read time (see the header).
 */
export async function conversionsByProgramme(
  db: Db,
  s: { centerCode: string; fromDay: string; toDay: string },
): Promise<ConversionRow[]> {
  const result = await sql<ConversionRow>`
    select programme, count(*) as conversions from (
      select coalesce(sr.programme_code, sr.provider_code, sr.target_kind) as programme,
        row_number() over (partition by a.id order by sr.completed_on desc, sr.id desc) as rn
      from assessments a
      join jobseekers j on j.id = a.jobseeker_id
      join service_referrals sr on sr.jobseeker_id = a.jobseeker_id and sr.archived = 0
        and sr.status = 'completed'
        and sr.completed_on <= substr(datetime(a.created_at, '+9 hours'), 1, 10)
      where a.conversion = 1 and j.center_code = ${s.centerCode} and j.archived = 0
        and substr(datetime(a.created_at, '+9 hours'), 1, 10) >= ${s.fromDay}
        and substr(datetime(a.created_at, '+9 hours'), 1, 10) < ${s.toDay}
    ) where rn = 1
    group by programme order by programme`.execute(db);
  return result.rows.map((r) => ({ programme: r.programme, conversions: Number(r.conversions) }));
}

export interface LinkedPlacementRow {
  /** The placement: a `hired` job referral's id or a placement's id. */
  placement_id: string;
  source: 'referral' | 'own';
  jobseeker_id: string;
  hired_on: string;
  service_referral_id: string;
  provider_code: string | null;
  provider_name: string | null;
  referred_on: string;
}

/**
 * 연계 취업 실적: placements of a center's cases hired in [fromDay, toDay) on or within `days` days after a
 * partner-agency referral the provider did not decline; each placement once, credited to the latest such
 * referral before it. A job referral's hire day is its `hiredOn` (else the event's day).
 */
export async function linkedPlacements(
  db: Db,
  s: { centerCode: string; fromDay: string; toDay: string; days: number; counselorId?: string | null },
): Promise<LinkedPlacementRow[]> {
  const counselor = s.counselorId ? sql`and j.assigned_counselor_id = ${s.counselorId}` : sql``;
  const result = await sql<LinkedPlacementRow>`
    with placed as (
      select r.id as placement_id, 'referral' as source, r.jobseeker_id,
        coalesce(json_extract(e.data, '$.hiredOn'), substr(datetime(e.at, '+9 hours'), 1, 10)) as hired_on
      from referral_events e join referrals r on r.id = e.referral_id
      where e.kind = 'hired'
      union all
      select p.id, 'own', p.jobseeker_id, p.hired_on from placements p where p.archived = 0
    )
    select placement_id, source, jobseeker_id, hired_on, service_referral_id, provider_code,
      provider_name, referred_on
    from (
      select pl.placement_id, pl.source, pl.jobseeker_id, pl.hired_on, sr.id as service_referral_id,
        sr.provider_code, sr.provider_name, sr.referred_on,
        row_number() over (partition by pl.placement_id order by sr.referred_on desc, sr.id desc) as rn
      from placed pl
      join jobseekers j on j.id = pl.jobseeker_id
      join service_referrals sr on sr.jobseeker_id = pl.jobseeker_id and sr.archived = 0
        and sr.target_kind = 'partner-agency' and sr.status <> 'declined'
        and sr.referred_on <= pl.hired_on and pl.hired_on <= date(sr.referred_on, '+' || ${s.days} || ' days')
      where j.center_code = ${s.centerCode} and j.archived = 0 ${counselor}
        and pl.hired_on >= ${s.fromDay} and pl.hired_on < ${s.toDay}
    ) where rn = 1
    order by hired_on, placement_id`.execute(db);
  return result.rows;
}
