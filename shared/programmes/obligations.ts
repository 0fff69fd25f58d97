import type { Programme } from './catalogue.ts';
import { centerFiguresSchema, figureValue, type CenterFigures } from './center-figures.ts';
import { addDays } from './stages.ts';

// Obligations of an enrolment (issue 17 item 2): the catalogue's obligations (periodic job-search
// activity reports) give due periods from the day the service stage starts: period n runs from
// service_on + (n−1)·interval for `interval` days and is due on its last day. Interval and number of
// periods come from the enrolment's own edition (or the center's value within its limits). Each period's
// compliance decision (met / not met, with a reason) is recorded by a counselor; an allowance decision
// rests on it, but the app only records it.

export const COMPLIANCE_DECISIONS = ['met', 'not-met'] as const;
export type ComplianceDecision = (typeof COMPLIANCE_DECISIONS)[number];
export const NOT_MET_REASONS = [
  'no-report',
  'insufficient-activity',
  'missed-appointment',
  'refused-offer',
  'other',
] as const;
export const MET_REASONS = ['report-accepted', 'excused', 'other'] as const;
export const COMPLIANCE_REASONS = [...new Set([...NOT_MET_REASONS, ...MET_REASONS])] as [string, ...string[]];

export function complianceReasonFits(decision: ComplianceDecision, reason: string | null): boolean {
  if (decision === 'not-met')
    return reason !== null && (NOT_MET_REASONS as readonly string[]).includes(reason);
  return reason === null || (MET_REASONS as readonly string[]).includes(reason);
}

export interface DuePeriod {
  obligation: string;
  period: number;
  from: string;
  to: string;
  /** The day the report is due: the period's last day. */
  dueOn: string;
}

/** Every period of every obligation, for an enrolment whose service stage started on `serviceOn`. */
export function obligationPeriods(
  programme: Programme,
  serviceOn: string | null,
  centerFigures: CenterFigures = {},
): DuePeriod[] {
  if (!serviceOn) return [];
  const out: DuePeriod[] = [];
  for (const o of programme.obligations ?? []) {
    const interval = figureValue(programme, ['obligations', o.code, 'intervalDays'], centerFigures) ?? 0;
    const periods = figureValue(programme, ['obligations', o.code, 'periods'], centerFigures) ?? 0;
    if (interval <= 0) continue;
    // Each period's days are counted from the start day (the inbox spaces thousands of enrolments).
    for (let n = 1; n <= periods; n++) {
      const from = addDays(serviceOn, (n - 1) * interval);
      const to = addDays(serviceOn, n * interval - 1);
      out.push({ obligation: o.code, period: n, from, to, dueOn: to });
    }
  }
  return out;
}

/**
 * The obligation figures to fix on a new enrolment (stored as `obligation_figures`): each obligation's
 * interval and number of periods in force now (the center's value within the edition's limits, else the
 * edition's), keyed like the center's figures. A later change of the center's value leaves them alone.
 */
export function fixedObligationFigures(
  programme: Programme,
  centerFigures: CenterFigures = {},
): CenterFigures {
  const out: Record<string, number> = {};
  for (const o of programme.obligations ?? [])
    for (const f of ['intervalDays', 'periods'] as const) {
      const v = figureValue(programme, ['obligations', o.code, f], centerFigures);
      if (v !== undefined) out[[programme.code, 'obligations', o.code, f].join('.')] = v;
    }
  return out;
}

/**
 * The figures an enrolment's periods are spaced by: the ones fixed on it, or, on a row from a desktop
 * older than migration 0025 (null), the center's values now.
 */
export function enrolmentObligationFigures(
  stored: string | null,
  centerFigures: CenterFigures,
): CenterFigures {
  if (stored === null) return centerFigures;
  try {
    const r = centerFiguresSchema.safeParse(JSON.parse(stored));
    return r.success ? r.data : centerFigures;
  } catch {
    return centerFigures;
  }
}

export interface RecordedDecision {
  id: string;
  obligation_code: string;
  period_no: number;
  decision: ComplianceDecision;
  corrects: string | null;
  seq: number;
  created_at: string;
}

/**
 * The decision in force for each period (key `obligation#period`). Decisions are append-only and
 * decisive: the first one recorded for a period stands (server order: a synced row before one still in
 * this desktop's outbox, then by time), and only an explicit correction naming it replaces it. A second,
 * concurrent original decision from another desktop is kept and reported as `conflict` for a person.
 */
export function decisionsInForce<T extends RecordedDecision>(
  rows: readonly T[],
): Map<string, { decision: T; conflict: T[] }> {
  const order = (a: T, b: T) =>
    (a.seq === 0 ? 1 : 0) - (b.seq === 0 ? 1 : 0) ||
    a.seq - b.seq ||
    a.created_at.localeCompare(b.created_at);
  const sorted = [...rows].sort(order);
  const out = new Map<string, { decision: T; conflict: T[] }>();
  for (const r of sorted) {
    const key = `${r.obligation_code}#${r.period_no}`;
    const held = out.get(key);
    if (!held) out.set(key, { decision: r, conflict: [] });
    else if (r.corrects === held.decision.id) out.set(key, { decision: r, conflict: held.conflict });
    else held.conflict.push(r);
  }
  return out;
}
