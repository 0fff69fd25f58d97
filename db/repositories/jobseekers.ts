import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  DuplicateCandidate,
  Jobseeker,
  JobseekerListPage,
  JobseekerListRow,
  JobseekerSort,
} from '../../shared/domain/jobseeker.ts';
import type { Database, JobseekerRow, JobseekerRowUpdate, NewJobseekerRow } from '../schema.ts';
import type { JobseekerFilter } from '../../shared/domain/jobseeker-filters.ts';
import { jobseekerInScope, jobseekerInScopeScan, type CaseScope } from './case-scope.ts';
import { filterPredicate, type FilterEnv } from './jobseeker-filters.ts';

// SQL for the jobseeker aggregate, and the one place rows become domain objects.

type Db = Kysely<Database> | Transaction<Database>;

const SORT_COLUMNS = {
  name: 'j.name',
  registeredAt: 'j.registered_at',
  birthYear: 'j.birth_year',
  updatedAt: 'j.updated_at',
} as const satisfies Record<JobseekerSort, string>;

/** FTS5 trigram needs at least three characters; shorter fragments fall back to a LIKE scan. */
const TRIGRAM_MIN = 3;

export function rowToJobseeker(row: JobseekerRow & { counselor_name: string | null }): Jobseeker {
  return {
    id: row.id,
    regNo: row.reg_no,
    centerCode: row.center_code,
    name: row.name,
    birthYear: row.birth_year,
    gender: row.gender,
    phone: row.phone,
    email: row.email,
    sido: row.sido,
    sigungu: row.sigungu,
    desiredOccupation: row.desired_occupation,
    desiredWage: row.desired_wage,
    mobile: row.mobile === 1,
    assignedCounselorId: row.assigned_counselor_id,
    assignedCounselorName: row.counselor_name,
    status: row.status,
    currentType: row.current_type,
    currentTrack: row.current_track,
    registeredAt: row.registered_at,
    updatedAt: row.updated_at,
    archived: row.archived === 1,
    seq: Number(row.seq),
  };
}

export async function insertJobseeker(db: Db, row: NewJobseekerRow): Promise<void> {
  await db.insertInto('jobseekers').values(row).execute();
}

export async function updateJobseekerRow(db: Db, id: string, patch: JobseekerRowUpdate): Promise<void> {
  await db.updateTable('jobseekers').set(patch).where('id', '=', id).execute();
}

export async function getJobseekerRow(db: Db, id: string): Promise<JobseekerRow | undefined> {
  return db.selectFrom('jobseekers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getJobseeker(db: Db, id: string): Promise<Jobseeker | undefined> {
  const row = await db
    .selectFrom('jobseekers as j')
    .leftJoin('users as u', 'u.id', 'j.assigned_counselor_id')
    .selectAll('j')
    .select('u.display_name as counselor_name')
    .where('j.id', '=', id)
    .executeTakeFirst();
  return row ? rowToJobseeker(row) : undefined;
}

export async function regNoExists(db: Db, regNo: string): Promise<boolean> {
  const row = await db.selectFrom('jobseekers').select('id').where('reg_no', '=', regNo).executeTakeFirst();
  return row !== undefined;
}

export interface JobseekerQuery {
  query: string;
  sort: JobseekerSort;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
  counselorId?: string | undefined;
  type?: Jobseeker['currentType'] | undefined;
  track?: Jobseeker['currentTrack'] | undefined;
  /** Whose cases the caller may see; the services always pass it (electron/services/case-access.ts). */
  scope?: CaseScope | undefined;
  /** The archived cases instead of those in work (the 보관함). */
  archived?: boolean | undefined;
  /** The filter bar's filters (issue 16 item 7), with who asks and today for the relative ones. */
  filter?: { filter: JobseekerFilter; env: FilterEnv } | undefined;
}

/** A phrase query for FTS5: the fragment in double quotes, inner quotes doubled. */
function ftsPhrase(fragment: string): string {
  return `"${fragment.replaceAll('"', '""')}"`;
}

/** Digits-only fragments are phone or registration-number searches: drop the dashes people type. */
function normaliseQuery(query: string): string {
  const trimmed = query.trim();
  return /^[\d\s-]+$/.test(trimmed) ? trimmed.replace(/\D+/g, '') : trimmed;
}

/** The rows a list query matches, before sorting and paging (the list, its count, a bulk selection). */
function matching(db: Db, q: Omit<JobseekerQuery, 'sort' | 'direction' | 'offset' | 'limit'>) {
  const fragment = normaliseQuery(q.query);
  let base = db.selectFrom('jobseekers as j').where('j.archived', '=', q.archived ? 1 : 0);
  if (fragment.length >= TRIGRAM_MIN) {
    base = base.where(
      sql<boolean>`j.rowid in (select rowid from jobseeker_search where jobseeker_search match ${ftsPhrase(fragment)})`,
    );
  } else if (fragment.length > 0) {
    const pattern = `%${fragment.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`j.name like ${pattern} escape '\\'`,
        sql<boolean>`j.phone like ${pattern} escape '\\'`,
        sql<boolean>`j.reg_no like ${pattern} escape '\\'`,
      ]),
    );
  }
  // The count reads every case in scope and the page walks them in order: both from the covering index
  // jobseekers_filter_scan, not from two index searches and every row (case-scope.ts).
  if (q.scope) base = base.where(jobseekerInScopeScan('j', q.scope));
  if (q.counselorId) base = base.where('j.assigned_counselor_id', '=', q.counselorId);
  if (q.type) base = base.where('j.current_type', '=', q.type);
  if (q.track) base = base.where('j.current_track', '=', q.track);
  if (q.filter) base = base.where(filterPredicate(q.filter.filter, q.filter.env));

  return base;
}

/** Ids of every jobseeker a list query matches (a bulk action on "all matching"), at most `limit`. */
export async function matchingJobseekerIds(
  db: Db,
  q: Omit<JobseekerQuery, 'sort' | 'direction' | 'offset' | 'limit'>,
  limit: number,
): Promise<string[]> {
  const rows = await matching(db, q).select('j.id').orderBy('j.id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** How many jobseekers a list query matches (a saved search's count). */
export async function countMatchingJobseekers(
  db: Db,
  q: Omit<JobseekerQuery, 'sort' | 'direction' | 'offset' | 'limit'>,
): Promise<number> {
  const row = await matching(db, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listJobseekers(db: Db, q: JobseekerQuery): Promise<JobseekerListPage> {
  const base = matching(db, q);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users as u', 'u.id', 'j.assigned_counselor_id')
      .select([
        'j.id',
        'j.reg_no',
        'j.name',
        'j.birth_year',
        'j.phone',
        'j.sido',
        'j.desired_occupation',
        'j.current_type',
        'j.current_track',
        'j.registered_at',
        'u.display_name as counselor_name',
      ])
      .orderBy(sql.ref(SORT_COLUMNS[q.sort]), q.direction)
      .orderBy('j.id', q.direction)
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    offset: q.offset,
    rows: rows.map((r): JobseekerListRow => ({
      id: r.id,
      regNo: r.reg_no,
      name: r.name,
      birthYear: r.birth_year,
      phone: r.phone,
      sido: r.sido,
      desiredOccupation: r.desired_occupation,
      currentType: r.current_type,
      currentTrack: r.current_track,
      assignedCounselorName: r.counselor_name,
      registeredAt: r.registered_at,
    })),
  };
}

/** Likely the same person: the same name and birth year, or the same phone number. */
export async function findDuplicateJobseekers(
  db: Db,
  probe: {
    name: string;
    birthYear?: number | undefined;
    phone: string | null;
    excludeId?: string | undefined;
  },
  scope?: CaseScope,
): Promise<DuplicateCandidate[]> {
  const rows = await db
    .selectFrom('jobseekers')
    .select(['id', 'reg_no', 'name', 'birth_year', 'phone'])
    .where('archived', '=', 0)
    .$if(scope !== undefined, (qb) => qb.where(jobseekerInScope('jobseekers', scope as CaseScope)))
    .where((eb) => {
      const conditions = [];
      if (probe.birthYear !== undefined) {
        conditions.push(eb.and([eb('name', '=', probe.name), eb('birth_year', '=', probe.birthYear)]));
      }
      if (probe.phone) conditions.push(eb('phone', '=', probe.phone));
      return conditions.length > 0 ? eb.or(conditions) : sql<boolean>`0 = 1`;
    })
    .$if(probe.excludeId !== undefined, (qb) => qb.where('id', '!=', probe.excludeId ?? ''))
    .limit(20)
    .execute();
  return rows.map((r) => {
    const matchedOn: DuplicateCandidate['matchedOn'] = [];
    if (r.name === probe.name && r.birth_year === probe.birthYear) matchedOn.push('name-birthYear');
    if (probe.phone && r.phone === probe.phone) matchedOn.push('phone');
    return { id: r.id, regNo: r.reg_no, name: r.name, birthYear: r.birth_year, phone: r.phone, matchedOn };
  });
}
