import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  DiscoveryRow,
  Employer,
  EmployerAssessment,
  EmployerContact,
  EmployerListPage,
  EmployerOverrideReason,
  Opening,
  OpeningListPage,
  OpeningListRow,
  PackageStepRecord,
} from '../../shared/domain/employers.ts';
import { PACKAGE_STAGES } from '../../shared/domain/employers.ts';
import type { EmployerClassification, EmployerProfile, EmployerType } from '../../shared/profiling/index.ts';
import type { Database } from '../schema.ts';

// SQL for employers (구인기업) with their assessments, discovery contacts and package steps, and for
// job openings (구인 일자리); the one place their rows become domain objects.

type Db = Kysely<Database> | Transaction<Database>;

/** Hires on an opening: referrals whose `hired` event exists, plus placements recorded against it. */
export const FILLED_SQL = sql<number>`(
  (select count(*) from referrals r where r.opening_id = o.id
     and exists (select 1 from referral_events e where e.referral_id = r.id and e.kind = 'hired'))
  + (select count(*) from placements p where p.opening_id = o.id and p.archived = 0))`;

function likePattern(fragment: string): string {
  return `%${fragment.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
}

export async function getEmployer(db: Db, id: string): Promise<Employer | undefined> {
  const r = await db.selectFrom('employers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    seq: Number(r.seq),
    businessNo: r.business_no,
    name: r.name,
    industry: r.industry as Employer['industry'],
    employees: r.employees,
    sido: r.sido,
    sigungu: r.sigungu,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    potentialClient: r.potential_client === 1,
    focusSupport: r.focus_support === 1,
    currentType: r.current_type as EmployerType | null,
    centerCode: r.center_code,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function employerIdByBusinessNo(db: Db, businessNo: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('employers')
    .select('id')
    .where('business_no', '=', businessNo)
    .executeTakeFirst();
  return row?.id;
}

export async function listEmployers(
  db: Db,
  q: {
    query: string;
    type?: EmployerType | undefined;
    flag?: 'potential-client' | 'focus-support' | undefined;
    offset: number;
    limit: number;
  },
): Promise<EmployerListPage> {
  let base = db.selectFrom('employers as e').where('e.archived', '=', 0);
  const fragment = q.query.trim();
  if (fragment) {
    const digits = fragment.replace(/-/g, '');
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`e.name like ${likePattern(fragment)} escape '\\'`,
        ...(/^\d+$/.test(digits)
          ? [sql<boolean>`e.business_no like ${likePattern(digits)} escape '\\'`]
          : []),
      ]),
    );
  }
  if (q.type) base = base.where('e.current_type', '=', q.type);
  if (q.flag === 'potential-client') base = base.where('e.potential_client', '=', 1);
  if (q.flag === 'focus-support') base = base.where('e.focus_support', '=', 1);
  const [rows, count] = await Promise.all([
    base
      .select([
        'e.id',
        'e.business_no',
        'e.name',
        'e.industry',
        'e.employees',
        'e.sido',
        'e.sigungu',
        'e.current_type',
        'e.potential_client',
        'e.focus_support',
        sql<number>`(select count(*) from job_openings o where o.employer_id = e.id and o.status = 'open' and o.archived = 0)`.as(
          'open_openings',
        ),
      ])
      .orderBy('e.name')
      .orderBy('e.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    offset: q.offset,
    rows: rows.map((r) => ({
      id: r.id,
      businessNo: r.business_no,
      name: r.name,
      industry: r.industry,
      employees: r.employees,
      sido: r.sido,
      sigungu: r.sigungu,
      currentType: r.current_type as EmployerType | null,
      potentialClient: r.potential_client === 1,
      focusSupport: r.focus_support === 1,
      openOpenings: Number(r.open_openings),
    })),
  };
}

export async function listEmployerAssessments(db: Db, employerId: string): Promise<EmployerAssessment[]> {
  const rows = await db
    .selectFrom('employer_assessments as a')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .selectAll('a')
    .select('u.display_name as author')
    .where('a.employer_id', '=', employerId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ruleSet: r.rule_set,
    inputs: JSON.parse(r.inputs) as EmployerProfile,
    result: JSON.parse(r.result) as EmployerClassification,
    decision: r.decision,
    finalType: r.final_type as EmployerType,
    overrideReasonCode: r.override_reason_code as EmployerOverrideReason | null,
    overrideReasonText: r.override_reason_text,
    createdByName: r.author,
    createdAt: r.created_at,
  }));
}

export async function listEmployerContacts(db: Db, employerId: string): Promise<EmployerContact[]> {
  const rows = await db
    .selectFrom('employer_contacts as c')
    .leftJoin('users as u', 'u.id', 'c.counselor_id')
    .selectAll('c')
    .select('u.display_name as author')
    .where('c.employer_id', '=', employerId)
    .orderBy('c.contacted_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    outcome: r.outcome,
    note: r.note,
    contactedOn: r.contacted_on,
    nextOn: r.next_on,
    counselorName: r.author,
    createdAt: r.created_at,
  }));
}

export async function listPackageSteps(db: Db, employerId: string): Promise<PackageStepRecord[]> {
  const rows = await db
    .selectFrom('package_steps as p')
    .leftJoin('users as u', 'u.id', 'p.counselor_id')
    .selectAll('p')
    .select('u.display_name as author')
    .where('p.employer_id', '=', employerId)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  return PACKAGE_STAGES.flatMap(({ stage, steps }) =>
    steps.map((step): PackageStepRecord => {
      const records = rows.filter((r) => r.step === step);
      const latest = records[0];
      return {
        step: step,
        stage,
        status: latest?.status ?? null,
        on: latest?.on_date ?? null,
        note: latest?.note ?? null,
        counselorName: latest?.author ?? null,
        recordedAt: latest?.created_at ?? null,
        history: records.slice(1).map((r) => ({
          status: r.status,
          on: r.on_date,
          note: r.note,
          recordedAt: r.created_at,
        })),
      };
    }),
  );
}

/** Flagged employers with their latest contact, whom to call or visit first at the top. */
export async function discoveryList(
  db: Db,
  q: { flag?: 'potential-client' | 'focus-support' | undefined; limit: number; today: string },
): Promise<DiscoveryRow[]> {
  const latest = db
    .selectFrom('employer_contacts as c')
    .select(['c.employer_id', 'c.contacted_on', 'c.outcome', 'c.next_on'])
    .where(
      'c.id',
      '=',
      sql<string>`(select c2.id from employer_contacts c2 where c2.employer_id = c.employer_id
                   order by c2.contacted_on desc, c2.created_at desc, c2.id desc limit 1)`,
    )
    .as('lc');
  let query = db
    .selectFrom('employers as e')
    .leftJoin(latest, 'lc.employer_id', 'e.id')
    .select([
      'e.id',
      'e.name',
      'e.business_no',
      'e.industry',
      'e.sido',
      'e.sigungu',
      'e.contact_name',
      'e.contact_phone',
      'e.potential_client',
      'e.focus_support',
      'e.current_type',
      'lc.contacted_on',
      'lc.outcome',
      'lc.next_on',
    ])
    .where('e.archived', '=', 0);
  if (q.flag === 'potential-client') query = query.where('e.potential_client', '=', 1);
  else if (q.flag === 'focus-support') query = query.where('e.focus_support', '=', 1);
  else query = query.where((eb) => eb.or([eb('e.potential_client', '=', 1), eb('e.focus_support', '=', 1)]));
  // Never contacted first, then by the next contact date (overdue first), those with no date last.
  const rows = await query
    .orderBy(sql`case when lc.contacted_on is null then 0 when lc.next_on is null then 2 else 1 end`)
    .orderBy(sql`lc.next_on`)
    .orderBy('e.name')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    businessNo: r.business_no,
    industry: r.industry,
    sido: r.sido,
    sigungu: r.sigungu,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    potentialClient: r.potential_client === 1,
    focusSupport: r.focus_support === 1,
    currentType: r.current_type as EmployerType | null,
    lastContactOn: r.contacted_on ?? null,
    lastOutcome: r.outcome ?? null,
    nextOn: r.next_on ?? null,
    urgency: !r.contacted_on
      ? 'never'
      : !r.next_on
        ? 'none'
        : r.next_on < q.today
          ? 'overdue'
          : r.next_on === q.today
            ? 'today'
            : 'scheduled',
  }));
}

// ---- Openings ----

function openingRow(r: {
  id: string;
  title: string;
  employer_id: string;
  employer_name: string;
  occupation: string;
  sido: string;
  sigungu: string | null;
  wage: number;
  positions: number;
  filled: number;
  status: 'open' | 'filled' | 'closed';
  public: number;
  created_at: string;
}): OpeningListRow {
  return {
    id: r.id,
    title: r.title,
    employerId: r.employer_id,
    employerName: r.employer_name,
    occupation: r.occupation,
    sido: r.sido,
    sigungu: r.sigungu,
    wage: r.wage,
    positions: r.positions,
    filled: Number(r.filled),
    status: r.status,
    public: r.public === 1,
    createdAt: r.created_at,
  };
}

export async function listOpenings(
  db: Db,
  q: {
    query: string;
    status?: 'open' | 'filled' | 'closed' | undefined;
    employerId?: string | undefined;
    offset: number;
    limit: number;
  },
): Promise<OpeningListPage> {
  let base = db
    .selectFrom('job_openings as o')
    .innerJoin('employers as e', 'e.id', 'o.employer_id')
    .where('o.archived', '=', 0);
  const fragment = q.query.trim();
  if (fragment) {
    const pattern = likePattern(fragment);
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`o.title like ${pattern} escape '\\'`,
        sql<boolean>`e.name like ${pattern} escape '\\'`,
      ]),
    );
  }
  if (q.status) base = base.where('o.status', '=', q.status);
  if (q.employerId) base = base.where('o.employer_id', '=', q.employerId);
  const [rows, count] = await Promise.all([
    base
      .select([
        'o.id',
        'o.title',
        'o.employer_id',
        'e.name as employer_name',
        'o.occupation',
        'o.sido',
        'o.sigungu',
        'o.wage',
        'o.positions',
        'o.status',
        'o.public',
        'o.created_at',
        FILLED_SQL.as('filled'),
      ])
      .orderBy('o.created_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), offset: q.offset, rows: rows.map(openingRow) };
}

export async function getOpening(db: Db, id: string): Promise<Opening | undefined> {
  const r = await db
    .selectFrom('job_openings as o')
    .innerJoin('employers as e', 'e.id', 'o.employer_id')
    .selectAll('o')
    .select(['e.name as employer_name', 'e.current_type as employer_type', FILLED_SQL.as('filled')])
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    seq: Number(r.seq),
    employerId: r.employer_id,
    employerName: r.employer_name,
    employerType: r.employer_type as EmployerType | null,
    title: r.title,
    occupation: r.occupation,
    sido: r.sido,
    sigungu: r.sigungu,
    wage: r.wage,
    positions: r.positions,
    requiredQualifications: JSON.parse(r.required_qualifications) as string[],
    public: r.public === 1,
    status: r.status,
    filled: Number(r.filled),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
