import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import {
  AUDIT_KINDS,
  PRINT_ACTIONS,
  READ_ACTIONS,
  SYSTEM_PREFIXES,
  type AuditKind,
} from '../../shared/domain/audit.ts';
import type { Database } from '../schema.ts';

// The supervisor's view of the audit trail: filtered pages, counts per day, and the facts the flags are
// computed from (services/audit-review.ts). Days and office hours are Korean time (UTC+9), where the
// centers are.

type Db = Kysely<Database>;

export interface OfficeHours {
  start: string;
  end: string;
  weekdaysOnly: boolean;
}

export interface AuditLogFilter {
  centerCode: string;
  /** ISO instants: from inclusive, to exclusive. */
  from: string;
  to: string;
  actorId?: string | undefined;
  kind?: AuditKind | undefined;
  personId?: string | undefined;
  deviceId?: string | undefined;
  /** Only entries carrying a flag: off hours, exports, or an account-day over the records threshold. */
  flaggedOnly?: { hours: OfficeHours; busyDays: Array<{ actorId: string; day: string }> } | undefined;
}

const KIND_TESTS: Record<Exclude<AuditKind, 'change'>, RawBuilder<SqlBool>> = {
  permission: sql`substr(a.action, 1, 8) = 'account.'`,
  'sign-in': sql`substr(a.action, 1, 5) = 'auth.'`,
  export: sql`a.action like '%.export'`,
  print: sql`a.action in (${sql.join([...PRINT_ACTIONS])})`,
  read: sql`(a.action like '%.read' or a.action like '%.list' or a.action in (${sql.join([...READ_ACTIONS])}))`,
  system: sql`(${sql.join(
    SYSTEM_PREFIXES.map((p) => sql`substr(a.action, 1, ${p.length}) = ${p}`),
    sql` or `,
  )})`,
};

/** The same precedence as `auditKindOf`: a kind is its own test and none of the kinds before it. */
function kindCondition(kind: AuditKind): RawBuilder<SqlBool> {
  const order = AUDIT_KINDS.filter((k): k is Exclude<AuditKind, 'change'> => k !== 'change');
  const before = kind === 'change' ? order : order.slice(0, order.indexOf(kind));
  const nots = before.map((k) => sql`not ${KIND_TESTS[k]}`);
  const parts = kind === 'change' ? nots : [KIND_TESTS[kind], ...nots];
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

const LOCAL = sql`a.at, '+9 hours'`;
export const localDay = sql<string>`date(${LOCAL})`;

export function offHoursCondition(h: OfficeHours): RawBuilder<SqlBool> {
  const time = sql`strftime('%H:%M', ${LOCAL})`;
  const outside = sql`(${time} < ${h.start} or ${time} >= ${h.end})`;
  return h.weekdaysOnly
    ? sql<SqlBool>`(${outside} or strftime('%w', ${LOCAL}) in ('0', '6'))`
    : sql<SqlBool>`${outside}`;
}

function conditions(f: AuditLogFilter): Array<Expression<SqlBool>> {
  const list: Array<Expression<SqlBool>> = [
    // Entries made before entries carried their center were all made on this desktop.
    sql<SqlBool>`(a.center_code = ${f.centerCode} or a.center_code is null)`,
    sql<SqlBool>`a.at >= ${f.from}`,
    sql<SqlBool>`a.at < ${f.to}`,
  ];
  if (f.actorId) list.push(sql<SqlBool>`a.actor_id = ${f.actorId}`);
  if (f.personId) list.push(sql<SqlBool>`a.person_id = ${f.personId}`);
  if (f.deviceId) list.push(sql<SqlBool>`a.device_id = ${f.deviceId}`);
  if (f.kind) list.push(kindCondition(f.kind));
  if (f.flaggedOnly) {
    const flags: Array<RawBuilder<SqlBool>> = [
      sql<SqlBool>`(a.actor_id is not null and ${offHoursCondition(f.flaggedOnly.hours)})`,
      KIND_TESTS.export,
    ];
    if (f.flaggedOnly.busyDays.length > 0)
      flags.push(
        sql<SqlBool>`(a.person_id is not null and (a.actor_id, ${localDay}) in (values ${sql.join(
          f.flaggedOnly.busyDays.map((d) => sql`(${d.actorId}, ${d.day})`),
        )}))`,
      );
    list.push(sql<SqlBool>`(${sql.join(flags, sql` or `)})`);
  }
  return list;
}

export interface AuditLogRow {
  id: string;
  at: string;
  actorId: string | null;
  actorLogin: string | null;
  actorName: string | null;
  deviceId: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  personId: string | null;
  personRegNo: string | null;
  personName: string | null;
  detail: string | null;
}

export async function countAuditLog(db: Db, f: AuditLogFilter): Promise<number> {
  const row = await db
    .selectFrom('audit_entries as a')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.and(conditions(f)))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Newest first. */
export async function auditLogPage(
  db: Db,
  f: AuditLogFilter,
  offset: number,
  limit: number,
): Promise<AuditLogRow[]> {
  const rows = await db
    .selectFrom('audit_entries as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('jobseekers as j', 'j.id', 'a.person_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_id',
      'a.actor_login',
      'u.display_name',
      'a.device_id',
      'a.action',
      'a.subject_type',
      'a.subject_id',
      'a.person_id',
      'j.reg_no',
      'j.name',
      'a.detail',
    ])
    .where((eb) => eb.and(conditions(f)))
    .orderBy('a.at', 'desc')
    .orderBy(sql`a.rowid`, 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorLogin: r.actor_login,
    actorName: r.display_name,
    deviceId: r.device_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    personId: r.person_id,
    personRegNo: r.reg_no,
    personName: r.name,
    detail: r.detail,
  }));
}

export interface AuditDayCount {
  day: string;
  entries: number;
  offHours: number;
  exports: number;
}

export async function auditDayCounts(
  db: Db,
  f: AuditLogFilter,
  hours: OfficeHours,
): Promise<AuditDayCount[]> {
  const rows = await db
    .selectFrom('audit_entries as a')
    .select([
      localDay.as('day'),
      (eb) => eb.fn.countAll<number>().as('entries'),
      sql<number>`sum(case when a.actor_id is not null and ${offHoursCondition(hours)} then 1 else 0 end)`.as(
        'off_hours',
      ),
      sql<number>`sum(case when ${KIND_TESTS.export} then 1 else 0 end)`.as('exports'),
    ])
    .where((eb) => eb.and(conditions(f)))
    .groupBy('day')
    .orderBy('day')
    .execute();
  return rows.map((r) => ({
    day: r.day,
    entries: Number(r.entries),
    offHours: Number(r.off_hours),
    exports: Number(r.exports),
  }));
}

export interface AccountDay {
  actorId: string;
  actorLogin: string | null;
  day: string;
  people: number;
}

/** Accounts that touched more than `threshold` distinct people's records in one (Korean) day. */
export async function busyAccountDays(db: Db, f: AuditLogFilter, threshold: number): Promise<AccountDay[]> {
  const rows = await db
    .selectFrom('audit_entries as a')
    .select([
      'a.actor_id',
      sql<string | null>`max(a.actor_login)`.as('actor_login'),
      localDay.as('day'),
      sql<number>`count(distinct a.person_id)`.as('people'),
    ])
    .where((eb) => eb.and(conditions({ ...f, flaggedOnly: undefined })))
    .where('a.actor_id', 'is not', null)
    .where('a.person_id', 'is not', null)
    .groupBy(['a.actor_id', 'day'])
    .having(sql<number>`count(distinct a.person_id)`, '>', threshold)
    .orderBy('day')
    .execute();
  return rows.map((r) => ({
    actorId: r.actor_id ?? '',
    actorLogin: r.actor_login,
    day: r.day,
    people: Number(r.people),
  }));
}

/** The accounts and devices that appear in the center's trail, for the screen's filter lists. */
export async function auditParticipants(
  db: Db,
  centerCode: string,
): Promise<{ accounts: Array<{ id: string; login: string; name: string | null }>; devices: string[] }> {
  const accounts = await db
    .selectFrom('users')
    .select(['id', 'login_id', 'display_name'])
    .where('center_code', '=', centerCode)
    .orderBy('login_id')
    .execute();
  const devices = await db
    .selectFrom('audit_entries as a')
    .select('a.device_id')
    .distinct()
    .where(sql<SqlBool>`(a.center_code = ${centerCode} or a.center_code is null)`)
    .execute();
  return {
    accounts: accounts.map((a) => ({ id: a.id, login: a.login_id, name: a.display_name })),
    devices: devices.map((d) => d.device_id),
  };
}

export interface FlaggedAccountDay {
  actorLogin: string | null;
  day: string;
  offHours: number;
  exports: number;
}

/** Per account and day, the entries outside office hours and the exports (accounts only, not the app's own upkeep). */
export async function flaggedAccountDays(
  db: Db,
  f: AuditLogFilter,
  hours: OfficeHours,
): Promise<FlaggedAccountDay[]> {
  const offHours = sql<number>`sum(case when ${offHoursCondition(hours)} then 1 else 0 end)`;
  const exports = sql<number>`sum(case when ${KIND_TESTS.export} then 1 else 0 end)`;
  const rows = await db
    .selectFrom('audit_entries as a')
    .select([
      sql<string | null>`max(a.actor_login)`.as('actor_login'),
      localDay.as('day'),
      offHours.as('off_hours'),
      exports.as('exports'),
    ])
    .where((eb) => eb.and(conditions(f)))
    .where('a.actor_id', 'is not', null)
    .groupBy(['a.actor_id', 'day'])
    .having(sql<boolean>`${offHours} > 0 or ${exports} > 0`)
    .orderBy('day')
    .execute();
  return rows.map((r) => ({
    actorLogin: r.actor_login,
    day: r.day,
    offHours: Number(r.off_hours),
    exports: Number(r.exports),
  }));
}
