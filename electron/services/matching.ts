import { getOpening } from '../../db/repositories/employers.ts';
import {
  candidateRowsForOpening,
  competencyRowsForOpening,
  competencyRowsOf,
  jobseekerDetailsFor,
  openingRowsForJobseeker,
  type CompetencyRow,
} from '../../db/repositories/referrals.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import type { CandidateList, CandidateMatch, OpeningMatchList } from '../../shared/domain/employers.ts';
import {
  careerMonths,
  compareMatches,
  occupationGroup,
  scoreMatch,
  type MatchJobseeker,
  type MatchOpening,
  type MatchResult,
} from '../../shared/matching/score.ts';
import { accessibleJobseeker, caseScope } from './case-access.ts';
import type { ServiceContext } from './context.ts';
import { auditAction, todayKst } from './synced-writes.ts';

// Matching (알선 추천, domain.md §5) both ways. SQL narrows to eligible pairs on indexed columns
// (occupation group range, region or mobile, not yet referred); shared/matching scores and explains.

interface Competence {
  qualifications: string[];
  careerMonths: number;
}

function competenceByJobseeker(rows: CompetencyRow[], asOf: string): Map<string, Competence> {
  const map = new Map<string, Competence>();
  for (const r of rows) {
    let c = map.get(r.jobseeker_id);
    if (!c) map.set(r.jobseeker_id, (c = { qualifications: [], careerMonths: 0 }));
    if (r.kind === 'qualification') c.qualifications.push(r.title);
    else c.careerMonths += careerMonths(r.started_on, r.ended_on, asOf);
  }
  return map;
}

const NO_COMPETENCE: Competence = { qualifications: [], careerMonths: 0 };

export async function rankJobseekersForOpening(
  ctx: ServiceContext,
  actor: SessionInfo,
  openingId: string,
  limit: number,
): Promise<CandidateList> {
  const started = performance.now();
  // Candidates come only from the jobseekers the caller may see: a ranking shows names.
  const scope = caseScope(actor);
  const opening = await getOpening(ctx.db, openingId);
  if (!opening) throw new AppFailure({ code: 'not-found', message: 'openings.notFound' });
  const group = occupationGroup(opening.occupation);
  const where = { id: opening.id, occupationGroup: group, sido: opening.sido, scope };
  const [rows, competencyRows] = await Promise.all([
    candidateRowsForOpening(ctx.db, where),
    competencyRowsForOpening(ctx.db, where),
  ]);
  const competence = competenceByJobseeker(competencyRows, todayKst(ctx));
  const target: MatchOpening = opening;

  const scored: Array<{ row: (typeof rows)[number]; result: MatchResult }> = [];
  let readyTotal = 0;
  for (const row of rows) {
    const c = competence.get(row.id) ?? NO_COMPETENCE;
    const candidate: MatchJobseeker = {
      desiredOccupation: row.desired_occupation,
      sido: row.sido,
      sigungu: row.sigungu,
      mobile: row.mobile === 1,
      desiredWage: row.desired_wage,
      type: row.current_type,
      qualifications: c.qualifications,
      careerMonths: c.careerMonths,
    };
    const result = scoreMatch(candidate, target);
    if (result.pool === 'ready') readyTotal++;
    scored.push({ row, result });
  }
  // Ready pool first, then score; among equals whoever registered first has waited longest.
  scored.sort(
    (a, b) =>
      compareMatches(a.result, b.result) ||
      (a.row.registered_at < b.row.registered_at ? -1 : a.row.registered_at > b.row.registered_at ? 1 : 0) ||
      (a.row.id < b.row.id ? -1 : 1),
  );
  const top = scored.slice(0, limit);
  const details = new Map(
    (
      await jobseekerDetailsFor(
        ctx.db,
        top.map((s) => s.row.id),
      )
    ).map((d) => [d.id, d]),
  );
  const out: CandidateMatch[] = top.map(({ row, result }) => {
    const d = details.get(row.id);
    return {
      jobseekerId: row.id,
      regNo: d?.reg_no ?? '',
      name: d?.name ?? '',
      birthYear: d?.birth_year ?? 0,
      type: row.current_type,
      track: d?.current_track ?? null,
      desiredOccupation: row.desired_occupation,
      desiredWage: row.desired_wage,
      sido: row.sido,
      sigungu: row.sigungu,
      mobile: row.mobile === 1,
      ...result,
    };
  });
  await auditAction(ctx.db, ctx, actor, {
    action: 'matching.forOpening',
    subjectType: 'opening',
    subjectId: openingId,
    detail: { candidates: scored.length, shown: out.length },
  });
  return {
    openingId,
    total: scored.length,
    readyTotal,
    rows: out,
    tookMs: Math.round(performance.now() - started),
  };
}

export async function rankOpeningsForJobseeker(
  ctx: ServiceContext,
  actor: SessionInfo,
  jobseekerId: string,
  limit: number,
): Promise<OpeningMatchList> {
  const js = await accessibleJobseeker(ctx.db, actor, jobseekerId);
  await auditAction(ctx.db, ctx, actor, {
    action: 'matching.forJobseeker',
    subjectType: 'jobseeker',
    subjectId: jobseekerId,
    personId: jobseekerId,
  });
  if (js.status !== 'active') return { jobseekerId, blocked: 'not-active', total: 0, rows: [] };
  if (!js.desired_occupation) return { jobseekerId, blocked: 'no-desired-occupation', total: 0, rows: [] };
  const [openings, competencyRows] = await Promise.all([
    openingRowsForJobseeker(ctx.db, {
      id: jobseekerId,
      occupationGroup: occupationGroup(js.desired_occupation),
      sido: js.sido,
      mobile: js.mobile === 1,
    }),
    competencyRowsOf(ctx.db, jobseekerId),
  ]);
  const c = competenceByJobseeker(competencyRows, todayKst(ctx)).get(jobseekerId) ?? NO_COMPETENCE;
  const me: MatchJobseeker = {
    desiredOccupation: js.desired_occupation,
    sido: js.sido,
    sigungu: js.sigungu,
    mobile: js.mobile === 1,
    desiredWage: js.desired_wage,
    type: js.current_type,
    qualifications: c.qualifications,
    careerMonths: c.careerMonths,
  };
  const openingIds = openings.map((o) => o.id);
  const filled = await filledCounts(ctx, openingIds);
  const scored = openings
    .map((o) => {
      const required = JSON.parse(o.required_qualifications) as string[];
      const result = scoreMatch(me, { ...o, requiredQualifications: required });
      return { o, result };
    })
    .sort((a, b) => b.result.score - a.result.score || (a.o.created_at > b.o.created_at ? -1 : 1));
  return {
    jobseekerId,
    blocked: null,
    total: scored.length,
    rows: scored.slice(0, limit).map(({ o, result }) => ({
      openingId: o.id,
      title: o.title,
      employerName: o.employer_name,
      occupation: o.occupation,
      sido: o.sido,
      sigungu: o.sigungu,
      wage: o.wage,
      positions: o.positions,
      filled: filled.get(o.id) ?? 0,
      score: result.score,
      reasons: result.reasons,
      expectationGap: result.expectationGap,
      missingQualifications: result.missingQualifications,
    })),
  };
}

async function filledCounts(ctx: ServiceContext, openingIds: string[]): Promise<Map<string, number>> {
  if (openingIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('referrals as r')
    .innerJoin('referral_events as e', 'e.referral_id', 'r.id')
    .select(['r.opening_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.opening_id', 'in', openingIds)
    .where('e.kind', '=', 'hired')
    .groupBy('r.opening_id')
    .execute();
  return new Map(rows.map((r) => [r.opening_id, Number(r.n)]));
}
