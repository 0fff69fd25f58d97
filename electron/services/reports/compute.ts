import {
  assessmentsInPeriod,
  caseloadRows,
  classificationMix,
  employerTypes,
  followUpsOf,
  nameOf,
  packageStatuses,
  placementsInPeriod,
  referralEventsOfPeriod,
  servedCount,
  type AssessmentRow,
  type ReportScope,
} from '../../../db/repositories/reports.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { PACKAGE_STAGES } from '../../../shared/domain/employers.ts';
import { FOLLOW_UP_MONTHS, followUpDueDate } from '../../../shared/domain/follow-ups.ts';
import { OCCUPATIONS } from '../../../shared/reference/index.ts';
import { foldReferral, type ReferralEventData } from '../../../shared/referrals/state-machine.ts';
import {
  AGE_BANDS,
  REPORTS,
  addDays,
  addMonths,
  ageBand,
  mean,
  percentile,
  ratio,
  type ReportData,
  type ReportFilters,
  type ReportName,
  type ReportTable,
  type Row,
} from '../../../shared/reports/definitions.ts';
import { label } from '../../../shared/reports/labels.ts';
import type { ServiceContext } from '../context.ts';
import { programmes } from './programmes.ts';

// The one place report figures are computed (issue 7): the dashboard, the XLSX, CSV and PDF exports
// and the command line all call `computeReport`, so they cannot disagree.

export interface FilterInput {
  from?: string | undefined;
  to?: string | undefined;
  centerCode?: string | undefined;
  counselorId?: string | undefined;
}

/**
 * The filters a user may use: their own center; a counselor sees only their own caseload; a
 * supervisor every counselor's or one. The period defaults to the last twelve months.
 */
export function resolveFilters(ctx: ServiceContext, actor: SessionInfo, input: FilterInput): ReportFilters {
  const today = ctx.now().toISOString().slice(0, 10);
  const to = input.to ?? today;
  const from = input.from ?? addDays(addMonths(to, -12), 1);
  if (from > to)
    throw new AppFailure({ code: 'validation', message: 'reports.validation.period', field: 'from' });
  const centerCode = input.centerCode ?? actor.centerCode;
  if (centerCode !== actor.centerCode)
    throw new AppFailure({ code: 'forbidden', message: 'reports.forbidden.center', field: 'centerCode' });
  let counselorId = input.counselorId ?? null;
  if (actor.role === 'counselor') {
    if (counselorId !== null && counselorId !== actor.userId)
      throw new AppFailure({
        code: 'forbidden',
        message: 'reports.forbidden.counselor',
        field: 'counselorId',
      });
    counselorId = actor.userId;
  }
  return { from, to, centerCode, counselorId };
}

export function scopeOf(f: ReportFilters): ReportScope {
  return {
    centerCode: f.centerCode,
    counselorId: f.counselorId,
    fromTs: `${f.from}T00:00:00.000Z`,
    toTs: `${addDays(f.to, 1)}T00:00:00.000Z`,
  };
}

type Db = ServiceContext['db'];
type Tables = Record<string, Row[]>;

async function caseload(db: Db, s: ReportScope): Promise<Tables> {
  const rows = await caseloadRows(db, s);
  return {
    caseload: rows.map((r) => ({
      counselor: r.counselor ?? label('unassigned'),
      total: r.total,
      active: r.active,
      placed: r.placed,
      closed: r.closed,
      ready: r.ready,
      needsPreparation: r.needs,
      unclassified: r.unclassified,
      newInPeriod: r.new_in_period,
    })),
  };
}

async function classification(db: Db, s: ReportScope): Promise<Tables> {
  const mix = await classificationMix(db, s);
  const total = mix.reduce((a, r) => a + r.n, 0);
  const assessed = await assessmentsInPeriod(db, s);
  const perCounselor = new Map<string, AssessmentRow[]>();
  for (const a of assessed) {
    const list = perCounselor.get(a.counselor);
    if (list) list.push(a);
    else perCounselor.set(a.counselor, [a]);
  }
  const overridden = (list: AssessmentRow[]) => list.filter((a) => a.decision === 'overridden').length;
  const conversions = (list: AssessmentRow[]) => list.filter((a) => a.conversion === 1).length;
  return {
    mix: mix.map((r) => ({
      type: label(r.type),
      track: r.track === null ? label(null) : label(r.track),
      jobseekers: r.n,
      share: ratio(r.n, total),
    })),
    summary: [
      {
        assessments: assessed.length,
        ready: assessed.filter((a) => a.type === 'ready').length,
        needsPreparation: assessed.filter((a) => a.type === 'needs-preparation').length,
        overridden: overridden(assessed),
        overrideRate: ratio(overridden(assessed), assessed.length),
        conversions: conversions(assessed),
      },
    ],
    overrides: [...perCounselor].map(([counselor, list]) => ({
      counselor,
      assessments: list.length,
      overridden: overridden(list),
      overrideRate: ratio(overridden(list), list.length),
      conversions: conversions(list),
    })),
  };
}

const FUNNEL = [
  ['proposed', ['proposed']],
  ['referred', ['referred', 'interview', 'hired', 'not-hired']],
  ['interview', ['interview']],
  ['hired', ['hired']],
] as const;

function parseData(data: string): ReferralEventData {
  try {
    return JSON.parse(data) as ReferralEventData;
  } catch {
    return {};
  }
}

async function referrals(db: Db, s: ReportScope): Promise<Tables> {
  const events = await referralEventsOfPeriod(db, s);
  const byReferral = new Map<string, typeof events>();
  for (const e of events) {
    const list = byReferral.get(e.referral_id);
    if (list) list.push(e);
    else byReferral.set(e.referral_id, [e]);
  }
  const reached = new Map<string, number>();
  const states = new Map<string, number>();
  for (const list of byReferral.values()) {
    const kinds = new Set(list.map((e) => e.kind));
    for (const [stage, via] of FUNNEL)
      if (via.some((k) => kinds.has(k))) reached.set(stage, (reached.get(stage) ?? 0) + 1);
    const status = foldReferral(list.map((e) => ({ kind: e.kind, at: e.at, data: parseData(e.data) })));
    states.set(status.state, (states.get(status.state) ?? 0) + 1);
  }
  const proposed = reached.get('proposed') ?? 0;
  const placements = await placementsInPeriod(db, s);
  const served = await servedCount(db, s);
  const placed = new Set(placements.map((p) => p.jobseeker_id)).size;
  return {
    funnel: FUNNEL.map(([stage]) => ({
      stage: label(stage),
      referrals: reached.get(stage) ?? 0,
      share: ratio(reached.get(stage) ?? 0, proposed),
    })),
    states: [...states]
      .sort((a, b) => b[1] - a[1])
      .map(([state, n]) => ({ state: label(state), referrals: n })),
    placementRate: [
      {
        served,
        placedJobseekers: placed,
        placementRate: ratio(placed, served),
        placements: placements.length,
        withoutReferral: placements.filter((p) => p.source === 'own').length,
      },
    ],
  };
}

const occupationByCode = new Map(OCCUPATIONS.map((o) => [o.code, o]));
const EASY_GROUPS = ['care', 'security-cleaning', 'simple-manufacturing'] as const;

async function placementsByOccupation(db: Db, s: ReportScope): Promise<Tables> {
  const placements = await placementsInPeriod(db, s);
  const total = placements.length;
  const perCode = new Map<string, number>();
  for (const p of placements) perCode.set(p.occupation ?? '', (perCode.get(p.occupation ?? '') ?? 0) + 1);
  const perGroup = new Map<string, number>();
  for (const [code, n] of perCode) {
    const group = occupationByCode.get(code)?.easy ?? 'other';
    perGroup.set(group, (perGroup.get(group) ?? 0) + n);
  }
  const easy = EASY_GROUPS.reduce((a, g) => a + (perGroup.get(g) ?? 0), 0);
  return {
    easyShare: [
      ...EASY_GROUPS.map((g) => ({ group: label(g), placements: perGroup.get(g) ?? 0 })),
      { group: label('other'), placements: perGroup.get('other') ?? 0 },
      { group: label('easyTotal'), placements: easy },
    ].map((r) => ({ ...r, share: ratio(r.placements, total) })),
    occupations: [...perCode]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([code, n]) => {
        const occupation = occupationByCode.get(code);
        return {
          code: code || '-',
          occupation: occupation?.ko ?? label('unknown'),
          group: label(occupation?.easy ?? 'other'),
          placements: n,
          share: ratio(n, total),
        };
      }),
  };
}

async function employers(db: Db, s: ReportScope): Promise<Tables> {
  const types = await employerTypes(db, s.centerCode, s.toTs);
  const total = types.reduce((a, r) => a + r.n, 0);
  const steps = await packageStatuses(db, s);
  return {
    types: types.map((r) => ({
      type: label(r.type),
      employers: r.n,
      potentialClient: r.potential,
      focusSupport: r.focus,
      share: ratio(r.n, total),
    })),
    package: PACKAGE_STAGES.map(({ stage }) => {
      const of = steps.filter((p) => p.stage === stage);
      const count = (status: string) => of.filter((p) => p.status === status).length;
      return {
        stage: label(stage),
        employers: new Set(of.map((p) => p.employer_id)).size,
        planned: count('planned'),
        inProgress: count('in-progress'),
        done: count('done'),
        notNeeded: count('not-needed'),
        doneRate: ratio(count('done') + count('not-needed'), of.length),
      };
    }),
  };
}

function daysBetween(fromIso: string, toIso: string): number {
  const from = Date.parse(`${fromIso.slice(0, 10)}T00:00:00Z`);
  const to = Date.parse(`${toIso.slice(0, 10)}T00:00:00Z`);
  return Math.round((to - from) / 86_400_000);
}

async function timeToPlacement(db: Db, s: ReportScope, withNames: boolean): Promise<Tables> {
  const placements = await placementsInPeriod(db, s);
  const list = placements.map((p) => ({ ...p, days: daysBetween(p.registered_at, p.hired_at) }));
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const all = sorted(list.map((p) => p.days));
  const perCounselor = new Map<string, number[]>();
  for (const p of list) {
    const key = p.counselor ?? label('unassigned');
    const days = perCounselor.get(key);
    if (days) days.push(p.days);
    else perCounselor.set(key, [p.days]);
  }
  return {
    summary: [
      {
        placements: all.length,
        meanDays: mean(all),
        medianDays: percentile(all, 0.5),
        p75Days: percentile(all, 0.75),
        maxDays: all.at(-1) ?? 0,
      },
    ],
    byCounselor: [...perCounselor]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([counselor, days]) => ({
        counselor,
        placements: days.length,
        meanDays: mean(days),
        medianDays: percentile(sorted(days), 0.5),
      })),
    placements: list.map((p) => ({
      regNo: p.reg_no,
      ...(withNames ? { name: p.name, phone: p.phone } : {}),
      counselor: p.counselor ?? label('unassigned'),
      registeredOn: p.registered_at.slice(0, 10),
      hiredOn: p.hired_at.slice(0, 10),
      days: p.days,
      source: label(p.source),
    })),
  };
}

async function retention(db: Db, s: ReportScope, asOf: string): Promise<Tables> {
  const placements = await placementsInPeriod(db, s);
  const wanted = new Set(placements.map((p) => p.id));
  const checks = (await followUpsOf(db, s)).filter((f) => wanted.has(f.id));
  return {
    retention: FOLLOW_UP_MONTHS.map((months) => {
      const due = placements.filter((p) => followUpDueDate(p.hired_at, months) <= asOf).length;
      const recorded = checks.filter((f) => f.months === months);
      const employed = recorded.filter((f) => f.employed === 1).length;
      return {
        months: `${months}개월`,
        due,
        recorded: recorded.length,
        employed,
        retentionRate: ratio(employed, recorded.length),
        coverage: ratio(recorded.length, due),
      };
    }),
  };
}

async function fairness(db: Db, s: ReportScope): Promise<Tables> {
  const assessed = await assessmentsInPeriod(db, s);
  const summarise = (group: string, list: AssessmentRow[]): Row => {
    const ready = list.filter((a) => a.type === 'ready').length;
    return {
      group,
      assessments: list.length,
      ready,
      needsPreparation: list.length - ready,
      readyShare: ratio(ready, list.length),
      overrideRate: ratio(list.filter((a) => a.decision === 'overridden').length, list.length),
    };
  };
  const genders = ['female', 'male', 'other', null] as const;
  return {
    byGender: genders
      .map((g) =>
        summarise(
          label(g === null ? 'gender-unknown' : g === 'other' ? 'gender-other' : g),
          assessed.filter((a) => a.gender === g),
        ),
      )
      .filter((r) => r['assessments'] !== 0),
    byAge: AGE_BANDS.map((band) =>
      summarise(
        band,
        assessed.filter((a) => ageBand(a.age) === band),
      ),
    ),
  };
}

/** Computes one report for a user (filters checked against their role). */
export async function computeReport(
  ctx: ServiceContext,
  actor: SessionInfo,
  report: ReportName,
  input: FilterInput,
  options: { withNames?: boolean } = {},
): Promise<ReportData> {
  const filters = resolveFilters(ctx, actor, input);
  const s = scopeOf(filters);
  const withNames = options.withNames === true && actor.role === 'supervisor';
  const today = ctx.now().toISOString().slice(0, 10);
  const asOf = filters.to < today ? filters.to : today;
  let tables: Tables;
  switch (report) {
    case 'caseload':
      tables = await caseload(ctx.db, s);
      break;
    case 'classification':
      tables = await classification(ctx.db, s);
      break;
    case 'referrals':
      tables = await referrals(ctx.db, s);
      break;
    case 'placements-by-occupation':
      tables = await placementsByOccupation(ctx.db, s);
      break;
    case 'employers':
      tables = await employers(ctx.db, s);
      break;
    case 'time-to-placement':
      tables = await timeToPlacement(ctx.db, s, withNames);
      break;
    case 'retention':
      tables = await retention(ctx.db, s, asOf);
      break;
    case 'fairness':
      tables = await fairness(ctx.db, s);
      break;
    case 'programmes':
      tables = await programmes(ctx.db, s);
      break;
  }
  // In the order the report declares its tables, and only those.
  const out: ReportTable[] = REPORTS[report].tables.map((def) => ({
    key: def.key,
    rows: tables[def.key] ?? [],
  }));
  return {
    report,
    filters: {
      ...filters,
      counselorName: filters.counselorId ? await nameOf(ctx.db, 'users', filters.counselorId) : null,
      centerName: (await nameOf(ctx.db, 'centers', filters.centerCode)) ?? filters.centerCode,
    },
    generatedAt: ctx.now().toISOString(),
    tables: out,
  };
}
