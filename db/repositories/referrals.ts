import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { jobseekerInScope, referencedJobseekerInScope, type CaseScope } from './case-scope.ts';

// SQL for referrals (알선), their append-only events, placements without a referral and their
// follow-ups, and the candidate queries of matching. Rows are mapped to domain objects by the service
// (electron/services/referrals.ts), which folds events through the shared state machine.

type Db = Kysely<Database> | Transaction<Database>;

export interface ReferralRow {
  id: string;
  jobseeker_id: string;
  jobseeker_name: string;
  jobseeker_reg_no: string;
  opening_id: string;
  opening_title: string;
  employer_name: string;
  counselor_id: string;
  counselor_name: string | null;
  created_at: string;
}

export interface ReferralEventRow {
  id: string;
  referral_id: string;
  kind: string;
  at: string;
  counselor_id: string;
  counselor_name: string | null;
  note: string | null;
  data: string;
}

/** Which referrals; `scope` keeps only those of jobseekers the caller may see (case-scope.ts). */
export type ReferralFilter = (
  | { by: 'id'; id: string }
  | { by: 'counselor'; counselorId: string }
  | { by: 'center'; centerCode: string }
  | { by: 'opening'; openingId: string }
  | { by: 'jobseeker'; jobseekerId: string }
) & { scope?: CaseScope | undefined };

function filtered(db: Db, f: ReferralFilter) {
  const scope = f.scope;
  const base = db
    .selectFrom('referrals as r')
    .$if(scope !== undefined, (qb) =>
      qb.where(referencedJobseekerInScope('r.jobseeker_id', scope as CaseScope)),
    );
  switch (f.by) {
    case 'id':
      return base.where('r.id', '=', f.id);
    case 'counselor':
      return base.where('r.counselor_id', '=', f.counselorId);
    case 'center':
      return base
        .innerJoin('users as cu', 'cu.id', 'r.counselor_id')
        .where('cu.center_code', '=', f.centerCode);
    case 'opening':
      return base.where('r.opening_id', '=', f.openingId);
    case 'jobseeker':
      return base.where('r.jobseeker_id', '=', f.jobseekerId);
  }
}

export async function findReferrals(db: Db, f: ReferralFilter, limit = 10_000): Promise<ReferralRow[]> {
  return filtered(db, f)
    .innerJoin('jobseekers as j', 'j.id', 'r.jobseeker_id')
    .innerJoin('job_openings as o', 'o.id', 'r.opening_id')
    .innerJoin('employers as e', 'e.id', 'o.employer_id')
    .leftJoin('users as u', 'u.id', 'r.counselor_id')
    .select([
      'r.id',
      'r.jobseeker_id',
      'j.name as jobseeker_name',
      'j.reg_no as jobseeker_reg_no',
      'r.opening_id',
      'o.title as opening_title',
      'e.name as employer_name',
      'r.counselor_id',
      'u.display_name as counselor_name',
      'r.created_at',
    ])
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

/** Events of the referrals the filter selects, oldest first within each referral. */
export async function findReferralEvents(db: Db, f: ReferralFilter): Promise<ReferralEventRow[]> {
  const ids = filtered(db, f).select('r.id');
  return db
    .selectFrom('referral_events as ev')
    .leftJoin('users as u', 'u.id', 'ev.counselor_id')
    .select([
      'ev.id',
      'ev.referral_id',
      'ev.kind',
      'ev.at',
      'ev.counselor_id',
      'u.display_name as counselor_name',
      'ev.note',
      'ev.data',
    ])
    .where('ev.referral_id', 'in', ids)
    .orderBy('ev.referral_id')
    .orderBy('ev.at')
    .orderBy('ev.id')
    .execute();
}

export async function referralIdFor(
  db: Db,
  jobseekerId: string,
  openingId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('referrals')
    .select('id')
    .where('jobseeker_id', '=', jobseekerId)
    .where('opening_id', '=', openingId)
    .executeTakeFirst();
  return row?.id;
}

// ---- Placements without a referral ----

export interface PlacementRow {
  id: string;
  jobseeker_id: string;
  jobseeker_name: string;
  employer_id: string | null;
  employer_name: string;
  opening_id: string | null;
  occupation: string | null;
  hired_on: string;
  note: string | null;
  counselor_id: string;
  counselor_name: string | null;
  created_at: string;
}

export type PlacementFilter = (
  | { by: 'id'; id: string }
  | { by: 'jobseeker'; jobseekerId: string }
  | { by: 'counselor'; counselorId: string }
  | { by: 'center'; centerCode: string }
) & { scope?: CaseScope | undefined };

function placementsFiltered(db: Db, f: PlacementFilter) {
  const scope = f.scope;
  const base = db
    .selectFrom('placements as p')
    .where('p.archived', '=', 0)
    .$if(scope !== undefined, (qb) =>
      qb.where(referencedJobseekerInScope('p.jobseeker_id', scope as CaseScope)),
    );
  switch (f.by) {
    case 'id':
      return base.where('p.id', '=', f.id);
    case 'jobseeker':
      return base.where('p.jobseeker_id', '=', f.jobseekerId);
    case 'counselor':
      return base.where('p.counselor_id', '=', f.counselorId);
    case 'center':
      return base
        .innerJoin('users as cu', 'cu.id', 'p.counselor_id')
        .where('cu.center_code', '=', f.centerCode);
  }
}

export async function findPlacements(db: Db, f: PlacementFilter): Promise<PlacementRow[]> {
  return placementsFiltered(db, f)
    .innerJoin('jobseekers as j', 'j.id', 'p.jobseeker_id')
    .leftJoin('users as u', 'u.id', 'p.counselor_id')
    .select([
      'p.id',
      'p.jobseeker_id',
      'j.name as jobseeker_name',
      'p.employer_id',
      'p.employer_name',
      'p.opening_id',
      'p.occupation',
      'p.hired_on',
      'p.note',
      'p.counselor_id',
      'u.display_name as counselor_name',
      'p.created_at',
    ])
    .orderBy('p.hired_on', 'desc')
    .execute();
}

export async function findPlacementFollowUps(db: Db, f: PlacementFilter) {
  const ids = placementsFiltered(db, f).select('p.id');
  return db
    .selectFrom('placement_follow_ups')
    .select(['placement_id', 'months', 'employed', 'at'])
    .where('placement_id', 'in', ids)
    .orderBy('at')
    .execute();
}

// ---- Matching candidates ----

export interface CandidateRow {
  id: string;
  current_type: 'ready' | 'needs-preparation' | null;
  desired_occupation: string | null;
  desired_wage: number | null;
  sido: string;
  sigungu: string | null;
  mobile: number;
  registered_at: string;
}

/** Codes of one KECO middle group as an index range: '55' ≤ code < '55:' (':' sorts after '9'). */
function groupRange(group: string): [string, string] {
  return [group, `${group}:`];
}

/**
 * Active jobseekers who want an occupation of the opening's middle group, live in its region or are
 * mobile, and are not yet referred to it. Scoring happens in shared/matching on these rows.
 */
export async function candidateRowsForOpening(
  db: Db,
  o: { id: string; occupationGroup: string; sido: string; scope?: CaseScope | undefined },
): Promise<CandidateRow[]> {
  const [from, to] = groupRange(o.occupationGroup);
  return db
    .selectFrom('jobseekers as j')
    .select([
      'j.id',
      'j.current_type',
      'j.desired_occupation',
      'j.desired_wage',
      'j.sido',
      'j.sigungu',
      'j.mobile',
      'j.registered_at',
    ])
    .where('j.desired_occupation', '>=', from)
    .where('j.desired_occupation', '<', to)
    .where('j.archived', '=', 0)
    .where('j.status', '=', 'active')
    .where((eb) => eb.or([eb('j.sido', '=', o.sido), eb('j.mobile', '=', 1)]))
    .$if(o.scope !== undefined, (qb) => qb.where(jobseekerInScope('j', o.scope as CaseScope)))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('referrals as r')
            .select(sql`1`.as('one'))
            .whereRef('r.jobseeker_id', '=', 'j.id')
            .where('r.opening_id', '=', o.id),
        ),
      ),
    )
    .execute();
}

export interface CompetencyRow {
  jobseeker_id: string;
  kind: 'qualification' | 'career';
  title: string;
  started_on: string | null;
  ended_on: string | null;
}

/** Qualifications and career items of the jobseekers a candidate query would return. */
export async function competencyRowsForOpening(
  db: Db,
  o: { occupationGroup: string; sido: string; scope?: CaseScope | undefined },
): Promise<CompetencyRow[]> {
  const [from, to] = groupRange(o.occupationGroup);
  return db
    .selectFrom('competency_items as c')
    .innerJoin('jobseekers as j', 'j.id', 'c.jobseeker_id')
    .select(['c.jobseeker_id', 'c.kind', 'c.title', 'c.started_on', 'c.ended_on'])
    .where('j.desired_occupation', '>=', from)
    .where('j.desired_occupation', '<', to)
    .where('j.archived', '=', 0)
    .where('j.status', '=', 'active')
    .where((eb) => eb.or([eb('j.sido', '=', o.sido), eb('j.mobile', '=', 1)]))
    .$if(o.scope !== undefined, (qb) => qb.where(jobseekerInScope('j', o.scope as CaseScope)))
    .where('c.archived', '=', 0)
    .where('c.kind', 'in', ['qualification', 'career'])
    .execute() as Promise<CompetencyRow[]>;
}

export async function competencyRowsOf(db: Db, jobseekerId: string): Promise<CompetencyRow[]> {
  return db
    .selectFrom('competency_items')
    .select(['jobseeker_id', 'kind', 'title', 'started_on', 'ended_on'])
    .where('jobseeker_id', '=', jobseekerId)
    .where('archived', '=', 0)
    .where('kind', 'in', ['qualification', 'career'])
    .execute() as Promise<CompetencyRow[]>;
}

export async function jobseekerDetailsFor(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('jobseekers')
    .select(['id', 'reg_no', 'name', 'birth_year', 'current_track'])
    .where('id', 'in', ids)
    .execute();
}

export interface OpeningCandidateRow {
  id: string;
  title: string;
  employer_name: string;
  occupation: string;
  sido: string;
  sigungu: string | null;
  wage: number;
  positions: number;
  required_qualifications: string;
  created_at: string;
}

/** Open openings of the jobseeker's occupation group in reach (their region, or anywhere if mobile). */
export async function openingRowsForJobseeker(
  db: Db,
  j: { id: string; occupationGroup: string; sido: string; mobile: boolean },
): Promise<OpeningCandidateRow[]> {
  const [from, to] = groupRange(j.occupationGroup);
  let q = db
    .selectFrom('job_openings as o')
    .innerJoin('employers as e', 'e.id', 'o.employer_id')
    .select([
      'o.id',
      'o.title',
      'e.name as employer_name',
      'o.occupation',
      'o.sido',
      'o.sigungu',
      'o.wage',
      'o.positions',
      'o.required_qualifications',
      'o.created_at',
    ])
    .where('o.occupation', '>=', from)
    .where('o.occupation', '<', to)
    .where('o.status', '=', 'open')
    .where('o.archived', '=', 0)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('referrals as r')
            .select(sql`1`.as('one'))
            .whereRef('r.opening_id', '=', 'o.id')
            .where('r.jobseeker_id', '=', j.id),
        ),
      ),
    );
  if (!j.mobile) q = q.where('o.sido', '=', j.sido);
  return q.execute();
}
