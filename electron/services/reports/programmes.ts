import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import {
  assessmentsOfParticipants,
  decisionsInForce,
  partnerReferrals,
  participations,
  placementDays,
  type ParticipationRow,
} from '../../../db/repositories/programme-reports.ts';
import type { ReportScope } from '../../../db/repositories/reports.ts';
import { CATALOGUES } from '../../../shared/programmes/catalogue.ts';
import { LINKED_PLACEMENT_DAYS } from '../../../shared/programmes/service-referral-status.ts';
import { addDays, addMonths, ratio, type Row } from '../../../shared/reports/definitions.ts';

// The programme report (issue 17 item 6): participation and outcomes per catalogue programme,
// needs-preparation → ready conversions, placements linked to partner agencies (연계 취업 실적) and
// obligation compliance per period. Counted from the records the counselors keep (enrolments, group
// places, service referrals, decisions) and the reports' one definition of a placement.
//
// - "started", "ended", "completed": dated in the period; the stage columns are as of now.
// - "employed within 6 months": of those ended in the period, hired (a placement) on or after the end
//   and at most six calendar months later, or ended with the outcome employed / self-employed.
// - conversion: of the people whose participation ended in the period and whose last assessment on or
//   before its start said needs-preparation, those assessed ready after the start.
// - linked placement: a placement on or within LINKED_PLACEMENT_DAYS after the referral to the agency.

type Db = Kysely<Database>;
type Tables = Record<string, Row[]>;

const inPeriod = (day: string | null, s: ReportScope) =>
  day !== null && day >= s.fromTs.slice(0, 10) && day < s.toTs.slice(0, 10);

/** A programme's or provider's Korean name in the newest edition that has it (reports are in Korean). */
function nameOf(code: string, kind: 'programmes' | 'providers'): string {
  for (const c of [...CATALOGUES].reverse()) {
    const found = c[kind].find((p) => p.code === code);
    if (found) return found.ko;
  }
  return code;
}

function byPerson<T extends { jobseeker_id: string }>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const mine = out.get(item.jobseeker_id);
    if (mine) mine.push(item);
    else out.set(item.jobseeker_id, [item]);
  }
  return out;
}

function participationTable(list: readonly ParticipationRow[], hires: Map<string, string[]>, s: ReportScope) {
  const rows = new Map<string, Record<string, number | string>>();
  for (const p of list) {
    let row = rows.get(p.programme_code);
    if (!row) {
      row = {
        programme: nameOf(p.programme_code, 'programmes'),
        started: 0,
        inEligibility: 0,
        inPlan: 0,
        inService: 0,
        inFollowUp: 0,
        ended: 0,
        completed: 0,
        employed6m: 0,
        employedRate: 0,
      };
      rows.set(p.programme_code, row);
    }
    const counts = row;
    const add = (key: string) => (counts[key] = Number(counts[key]) + 1);
    if (inPeriod(p.started_on, s)) add('started');
    if (p.stage === 'eligibility') add('inEligibility');
    if (p.stage === 'plan') add('inPlan');
    if (p.stage === 'service') add('inService');
    if (p.stage === 'follow-up') add('inFollowUp');
    if (p.ended_on === null || !inPeriod(p.ended_on, s)) continue;
    add('ended');
    if (p.completed === 1) add('completed');
    const until = addMonths(p.ended_on, 6);
    const end = p.ended_on;
    const hired = (hires.get(p.jobseeker_id) ?? []).some((day) => day >= end && day <= until);
    if (hired || p.employed_outcome === 1) add('employed6m');
  }
  return [...rows.values()]
    .sort((a, b) => String(a['programme']).localeCompare(String(b['programme']), 'ko'))
    .map((r): Row => ({ ...r, employedRate: ratio(Number(r['employed6m']), Number(r['ended'])) }));
}

function conversionTable(
  list: readonly ParticipationRow[],
  assessments: Map<string, Array<{ day: string; final_type: string }>>,
  s: ReportScope,
) {
  const rows = new Map<string, { needs: number; converted: number }>();
  for (const p of list) {
    if (!inPeriod(p.ended_on, s)) continue;
    const mine = assessments.get(p.jobseeker_id) ?? [];
    const before = mine.filter((a) => a.day <= p.started_on).at(-1);
    if (before?.final_type !== 'needs-preparation') continue;
    const row = rows.get(p.programme_code) ?? { needs: 0, converted: 0 };
    row.needs += 1;
    if (mine.some((a) => a.day > p.started_on && a.final_type === 'ready')) row.converted += 1;
    rows.set(p.programme_code, row);
  }
  return [...rows]
    .map(([code, r]) => ({
      programme: nameOf(code, 'programmes'),
      needsPreparation: r.needs,
      converted: r.converted,
      conversionRate: ratio(r.converted, r.needs),
    }))
    .sort((a, b) => a.programme.localeCompare(b.programme, 'ko'));
}

export async function programmes(db: Db, s: ReportScope): Promise<Tables> {
  const [list, hires, assessed, partners, decisions] = await Promise.all([
    participations(db, s),
    placementDays(db, s),
    assessmentsOfParticipants(db, s),
    partnerReferrals(db, s),
    decisionsInForce(db, s),
  ]);
  const hiresOf = new Map([...byPerson(hires)].map(([id, l]) => [id, l.map((h) => h.day)]));

  const perProvider = new Map<
    string,
    { referred: number; accepted: number; completed: number; linked: number }
  >();
  for (const r of partners) {
    if (!inPeriod(r.referred_on, s)) continue;
    const name = r.provider_code ? nameOf(r.provider_code, 'providers') : (r.provider_name ?? '');
    const row = perProvider.get(name) ?? { referred: 0, accepted: 0, completed: 0, linked: 0 };
    row.referred += 1;
    if (r.accepted_on !== null) row.accepted += 1;
    if (r.status === 'completed') row.completed += 1;
    const until = addDays(r.referred_on, LINKED_PLACEMENT_DAYS.value);
    if ((hiresOf.get(r.jobseeker_id) ?? []).some((day) => day >= r.referred_on && day <= until))
      row.linked += 1;
    perProvider.set(name, row);
  }

  const perMonth = new Map<string, { met: number; notMet: number }>();
  for (const d of decisions) {
    if (!inPeriod(d.period_to, s)) continue;
    const month = d.period_to.slice(0, 7);
    const row = perMonth.get(month) ?? { met: 0, notMet: 0 };
    if (d.decision === 'met') row.met += 1;
    else row.notMet += 1;
    perMonth.set(month, row);
  }

  return {
    participation: participationTable(list, hiresOf, s),
    conversions: conversionTable(list, byPerson(assessed), s),
    partners: [...perProvider]
      .map(([provider, r]) => ({
        provider,
        referred: r.referred,
        accepted: r.accepted,
        completed: r.completed,
        linkedPlacements: r.linked,
        linkedRate: ratio(r.linked, r.referred),
      }))
      .sort((a, b) => b.referred - a.referred || a.provider.localeCompare(b.provider, 'ko')),
    compliance: [...perMonth]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, r]) => ({
        month,
        decisions: r.met + r.notMet,
        met: r.met,
        notMet: r.notMet,
        complianceRate: ratio(r.met, r.met + r.notMet),
      })),
  };
}
