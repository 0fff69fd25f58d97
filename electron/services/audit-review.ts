import { appendAudit } from '../../db/repositories/audit.ts';
import {
  auditDayCounts,
  auditLogPage,
  auditParticipants,
  busyAccountDays,
  countAuditLog,
  flaggedAccountDays,
  type AuditLogFilter,
  type AuditLogRow,
  type OfficeHours,
} from '../../db/repositories/audit-log.ts';
import type {
  AuditEntryView,
  AuditFinding,
  AuditListPage,
  AuditOverview,
} from '../../shared/contract/audit.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import {
  auditKindOf,
  isOffHours,
  kstDay,
  type AuditFlag,
  type AuditKind,
  type AuditSettings,
} from '../../shared/domain/audit.ts';
import { auditSettingsFor } from './audit-trail.ts';
import { isoNow, type ServiceContext } from './context.ts';

// The supervisor's audit screen (domain.md §10): entries of the center with filters, and the unusual
// patterns flagged with the center's thresholds: many distinct people's records viewed by one account
// in a day, work outside office hours, exports. The screen shows whose data by registration number and
// a masked name only, and looking at the trail is itself recorded.

export interface AuditFilterInput {
  from: string;
  to: string;
  actorId?: string | undefined;
  kind?: AuditKind | undefined;
  person?: string | undefined;
  deviceId?: string | undefined;
  flaggedOnly: boolean;
}

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Matches no entry: the person filter named nobody this desktop knows. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** The first instant of a Korean calendar day, as UTC ISO. */
function kstStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+09:00`)).toISOString();
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

function hoursOf(s: AuditSettings): OfficeHours {
  return { start: s.officeStart, end: s.officeEnd, weekdaysOnly: s.weekdaysOnly };
}

interface Resolved {
  filter: AuditLogFilter;
  base: AuditLogFilter;
  settings: AuditSettings;
  unknownPerson: boolean;
}

async function resolve(ctx: ServiceContext, actor: SessionInfo, input: AuditFilterInput): Promise<Resolved> {
  const days = (Date.parse(`${input.to}T00:00:00Z`) - Date.parse(`${input.from}T00:00:00Z`)) / DAY_MS + 1;
  if (!(days >= 1))
    throw new AppFailure({ code: 'validation', field: 'to', message: 'audit.validation.period' });
  if (days > MAX_DAYS)
    throw new AppFailure({ code: 'validation', field: 'from', message: 'audit.validation.periodTooLong' });
  const settings = await auditSettingsFor(ctx, actor);
  let personId: string | undefined;
  let unknownPerson = false;
  if (input.person) {
    const found = UUID.test(input.person)
      ? await ctx.db
          .selectFrom('jobseekers')
          .select('id')
          .where('id', '=', input.person.toLowerCase())
          .executeTakeFirst()
      : await ctx.db
          .selectFrom('jobseekers')
          .select('id')
          .where('reg_no', '=', input.person.toUpperCase())
          .executeTakeFirst();
    personId = found?.id ?? (UUID.test(input.person) ? input.person.toLowerCase() : NOBODY);
    unknownPerson = !found;
  }
  const base: AuditLogFilter = {
    centerCode: actor.centerCode,
    from: kstStart(input.from),
    to: kstStart(nextDay(input.to)),
  };
  const filter: AuditLogFilter = {
    ...base,
    actorId: input.actorId,
    kind: input.kind,
    personId,
    deviceId: input.deviceId,
  };
  if (input.flaggedOnly) {
    const busy = await busyAccountDays(ctx.db, base, settings.manyRecordsPerDay);
    filter.flaggedOnly = {
      hours: hoursOf(settings),
      busyDays: busy.map((b) => ({ actorId: b.actorId, day: b.day })),
    };
  }
  return { filter, base, settings, unknownPerson };
}

function detailOf(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function entryView(
  ctx: ServiceContext,
  row: AuditLogRow,
  settings: AuditSettings,
  busy: Set<string>,
): AuditEntryView {
  const kind = auditKindOf(row.action);
  const flags: AuditFlag[] = [];
  if (row.personId && row.actorId && busy.has(`${row.actorId}|${kstDay(row.at)}`)) flags.push('many-records');
  if (row.actorId && isOffHours(row.at, settings)) flags.push('off-hours');
  if (kind === 'export') flags.push('export');
  return {
    id: row.id,
    at: row.at,
    actorLogin: row.actorLogin,
    actorName: row.actorName,
    deviceId: row.deviceId,
    thisDevice: row.deviceId === ctx.deviceId,
    action: row.action,
    kind,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    person: row.personId
      ? {
          id: row.personId,
          regNo: row.personRegNo,
          maskedName: row.personName ? maskName(row.personName) : null,
        }
      : null,
    detail: detailOf(row.detail),
    flags,
  };
}

export async function auditList(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { filter: AuditFilterInput; offset: number; limit: number },
): Promise<AuditListPage> {
  const { filter, base, settings } = await resolve(ctx, actor, input.filter);
  const [total, rows, busyDays] = await Promise.all([
    countAuditLog(ctx.db, filter),
    auditLogPage(ctx.db, filter, input.offset, input.limit),
    busyAccountDays(ctx.db, base, settings.manyRecordsPerDay),
  ]);
  const busy = new Set(busyDays.map((b) => `${b.actorId}|${b.day}`));
  return { total, offset: input.offset, entries: rows.map((r) => entryView(ctx, r, settings, busy)) };
}

/** The chart, the findings and the filter lists; opening the screen (or changing its filter) is recorded. */
export async function auditOverview(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: AuditFilterInput,
): Promise<AuditOverview> {
  const { filter, base, settings, unknownPerson } = await resolve(ctx, actor, input);
  const hours = hoursOf(settings);
  const [counts, busyDays, flaggedDays, participants] = await Promise.all([
    auditDayCounts(ctx.db, filter, hours),
    busyAccountDays(ctx.db, base, settings.manyRecordsPerDay),
    flaggedAccountDays(ctx.db, base, hours),
    auditParticipants(ctx.db, actor.centerCode),
  ]);
  const findings: AuditFinding[] = [
    ...busyDays.map((b) => ({
      flag: 'many-records' as const,
      day: b.day,
      actorLogin: b.actorLogin,
      count: b.people,
    })),
    ...flaggedDays.flatMap((d) => [
      ...(d.offHours > 0
        ? [{ flag: 'off-hours' as const, day: d.day, actorLogin: d.actorLogin, count: d.offHours }]
        : []),
      ...(d.exports > 0
        ? [{ flag: 'export' as const, day: d.day, actorLogin: d.actorLogin, count: d.exports }]
        : []),
    ]),
  ].sort((a, b) => (a.day === b.day ? 0 : a.day < b.day ? 1 : -1));
  const flaggedSet = new Set(findings.map((f) => f.day));
  const byDay = new Map(counts.map((c) => [c.day, c.entries]));
  const days: AuditOverview['days'] = [];
  for (let d = input.from; d <= input.to; d = nextDay(d)) {
    days.push({ day: d, entries: byDay.get(d) ?? 0, flagged: flaggedSet.has(d) });
  }
  await appendAudit(ctx.db, {
    at: isoNow(ctx),
    actorId: actor.userId,
    actorLogin: actor.loginId,
    deviceId: ctx.deviceId,
    action: 'audit.view',
    subjectType: 'audit-trail',
    subjectId: null,
    personId: filter.personId && !unknownPerson ? filter.personId : null,
    detail: {
      from: input.from,
      to: input.to,
      ...(input.actorId ? { actorId: input.actorId } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.deviceId ? { deviceId: input.deviceId } : {}),
      ...(input.flaggedOnly ? { flaggedOnly: true } : {}),
    },
  });
  return {
    days,
    findings: findings.slice(0, 500),
    settings,
    accounts: participants.accounts,
    devices: participants.devices.map((id) => ({ id, thisDevice: id === ctx.deviceId })),
    unknownPerson,
  };
}
