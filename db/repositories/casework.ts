import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

// SQL for a jobseeker's case file (issue 3): assessments, classification reviews, service-plan steps,
// counseling notes, consent, competency items and certificates. Rows are mapped to domain types by the
// service (electron/services/casework.ts) in one place; here each function is one query.

type Db = Kysely<Database> | Transaction<Database>;

export async function listAssessmentRows(db: Db, jobseekerId: string) {
  return db
    .selectFrom('assessments as a')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .selectAll('a')
    .select('u.display_name as created_by_name')
    .where('a.jobseeker_id', '=', jobseekerId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

export async function getAssessmentRow(db: Db, id: string) {
  return db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function latestAssessmentRow(db: Db, jobseekerId: string) {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('jobseeker_id', '=', jobseekerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listReviewRows(db: Db, jobseekerId: string) {
  return db
    .selectFrom('classification_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.recorded_by')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .selectAll('r')
    .select(['u.display_name as recorded_by_name', 'd.display_name as decided_by_name'])
    .where('r.jobseeker_id', '=', jobseekerId)
    .orderBy('r.requested_at', 'desc')
    .execute();
}

export async function getReviewRow(db: Db, id: string) {
  return db.selectFrom('classification_reviews').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listStepRows(db: Db, jobseekerId: string) {
  return db
    .selectFrom('service_plan_steps as s')
    .leftJoin('users as u', 'u.id', 's.recorded_by')
    .selectAll('s')
    .select('u.display_name as recorded_by_name')
    .where('s.jobseeker_id', '=', jobseekerId)
    .where('s.archived', '=', 0)
    .orderBy('s.recorded_at')
    .execute();
}

export async function findActiveStep(db: Db, assessmentId: string, step: string) {
  return db
    .selectFrom('service_plan_steps')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('step', '=', step)
    .where('archived', '=', 0)
    .executeTakeFirst();
}

export async function listNoteRows(db: Db, jobseekerId: string) {
  return db
    .selectFrom('counseling_notes as n')
    .leftJoin('users as u', 'u.id', 'n.author_id')
    .selectAll('n')
    .select('u.display_name as author_name')
    .where('n.jobseeker_id', '=', jobseekerId)
    .orderBy('n.created_at')
    .orderBy('n.revision')
    .execute();
}

export async function getNoteRow(db: Db, id: string) {
  return db.selectFrom('counseling_notes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The highest revision number of a note's chain (the root is revision 1). */
export async function lastRevision(db: Db, rootId: string): Promise<number> {
  const row = await db
    .selectFrom('counseling_notes')
    .select((eb) => eb.fn.max('revision').as('n'))
    .where((eb) => eb.or([eb('id', '=', rootId), eb('revision_of', '=', rootId)]))
    .executeTakeFirst();
  return Number(row?.n ?? 1);
}

export async function listConsentRows(db: Db, jobseekerId: string) {
  return db
    .selectFrom('consent_records as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .selectAll('c')
    .select('u.display_name as recorded_by_name')
    .where('c.jobseeker_id', '=', jobseekerId)
    .orderBy('c.recorded_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}

export async function listCompetencyRows(db: Db, jobseekerId: string) {
  return db
    .selectFrom('competency_items as c')
    .leftJoin('users as u', 'u.id', 'c.created_by')
    .selectAll('c')
    .select('u.display_name as created_by_name')
    .where('c.jobseeker_id', '=', jobseekerId)
    .where('c.archived', '=', 0)
    .orderBy('c.kind')
    .orderBy('c.started_on', 'desc')
    .orderBy('c.title')
    .execute();
}

export async function listCertificateRows(db: Db, jobseekerId: string) {
  return db
    .selectFrom('certificates as c')
    .leftJoin('users as u', 'u.id', 'c.issued_by')
    .select(['c.id', 'c.verification_code', 'c.item_ids', 'c.issued_at', 'u.display_name as issued_by_name'])
    .where('c.jobseeker_id', '=', jobseekerId)
    .orderBy('c.issued_at', 'desc')
    .execute();
}

export async function findCertificateByCode(db: Db, code: string) {
  return db
    .selectFrom('certificates as c')
    .leftJoin('centers as k', 'k.code', 'c.center_code')
    .select(['c.id', 'c.issued_at', 'c.items', 'c.jobseeker_id', 'k.name as center_name'])
    .where('c.verification_code', '=', code)
    .executeTakeFirst();
}

export async function verificationCodeExists(db: Db, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('certificates')
    .select('id')
    .where('verification_code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

type SyncedInsert =
  | 'assessments'
  | 'classification_reviews'
  | 'service_plan_steps'
  | 'counseling_notes'
  | 'consent_records'
  | 'competency_items'
  | 'certificates';

export async function insertRow<T extends SyncedInsert>(db: Db, table: T, row: Insertable<Database[T]>) {
  // Kysely cannot narrow a generic table name; the row type is still checked by the signature.
  await db.insertInto(table).values(row).execute();
}

// ---- Caseload ----

export interface CaseloadQuery {
  counselorId: string;
  today: string;
  query: string;
  type?: 'ready' | 'needs-preparation' | undefined;
  track?: string | undefined;
  unclassified: boolean;
  /** Jobseekers with an overdue follow-up (computed from referral events by the service). */
  followUpIds: string[];
  attentionOnly: boolean;
  offset: number;
  limit: number;
}

export interface HireEventRow {
  referral_id: string;
  jobseeker_id: string;
  jobseeker_name: string;
  kind: string;
  at: string;
  data: string;
}

/**
 * The hired and follow-up events of a counselor's live cases whose follow-up series can still fall due
 * (read-only: issue 4 owns them). A finished series (all three recorded, or ended by a follow-up saying
 * the person left) is left out by `follow_up_series` (migration 0026): the center's open series lead,
 * each finds its case by id in the covering index jobseekers_case_facts, then its own events.
 */
export async function hiresOfCaseload(db: Db, counselorId: string): Promise<HireEventRow[]> {
  const result = await sql<HireEventRow>`
    select s.referral_id, s.jobseeker_id, j.name as jobseeker_name, e.kind, e.at, e.data
    from follow_up_series s
      cross join jobseekers j indexed by jobseekers_case_facts on j.id = s.jobseeker_id
      cross join referral_events e on e.referral_id = s.referral_id and e.kind in ('hired', 'follow-up')
    where +j.assigned_counselor_id = ${counselorId} and j.archived = 0`.execute(db);
  return result.rows;
}

function searchFilter(fragment: string) {
  const digits = /^[\d\s-]+$/.test(fragment) ? fragment.replace(/\D+/g, '') : fragment;
  if (digits.length >= 3) {
    const phrase = `"${digits.replaceAll('"', '""')}"`;
    return sql<boolean>`j.rowid in (select rowid from jobseeker_search where jobseeker_search match ${phrase})`;
  }
  const pattern = `%${digits.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
  return sql<boolean>`(j.name like ${pattern} escape '\\' or j.phone like ${pattern} escape '\\' or j.reg_no like ${pattern} escape '\\')`;
}

export async function caseloadPage(db: Db, q: CaseloadQuery) {
  const followUps = JSON.stringify(q.followUpIds);
  const attention = sql<number>`(case when (j.reassess_due_on is not null and j.reassess_due_on < ${q.today}) or j.id in (select value from json_each(${followUps})) then 0 else 1 end)`;
  let base = db
    .selectFrom('jobseekers as j')
    .where('j.assigned_counselor_id', '=', q.counselorId)
    .where('j.archived', '=', 0)
    // Issue 16 item 3: a placed person whose follow-up is due stays in the caseload until it is done.
    .where(
      sql<boolean>`(j.status = 'active' or (j.status = 'placed' and j.id in (select value from json_each(${followUps}))))`,
    );
  if (q.query) base = base.where(searchFilter(q.query));
  const groups = await base
    .select(['j.current_type', 'j.current_track', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['j.current_type', 'j.current_track'])
    .execute();
  const overdue = await base
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('j.reassess_due_on', '<', q.today)
    .executeTakeFirstOrThrow();
  let filtered = base;
  if (q.type) filtered = filtered.where('j.current_type', '=', q.type);
  if (q.track) filtered = filtered.where('j.current_track', '=', q.track as never);
  if (q.unclassified) filtered = filtered.where('j.current_type', 'is', null);
  if (q.attentionOnly) filtered = filtered.where(sql<boolean>`${attention} = 0`);
  const [rows, count] = await Promise.all([
    filtered
      .select([
        'j.id',
        'j.reg_no',
        'j.name',
        'j.birth_year',
        'j.current_type',
        'j.current_track',
        'j.reassess_due_on',
        sql<string | null>`(select max(n.created_at) from counseling_notes n where n.jobseeker_id = j.id)`.as(
          'last_contact_at',
        ),
      ])
      .orderBy(attention)
      .orderBy(sql`coalesce(j.reassess_due_on, '9999-12-31')`)
      .orderBy('j.current_type')
      .orderBy('j.current_track')
      .orderBy('j.name')
      .orderBy('j.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { groups, overdueReassessments: Number(overdue.n), rows, total: Number(count.n) };
}
