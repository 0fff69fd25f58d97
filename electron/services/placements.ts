import { getEmployer } from '../../db/repositories/employers.ts';
import { placementsInPeriod } from '../../db/repositories/reports.ts';
import {
  findPlacementFollowUps,
  findPlacements,
  type PlacementFilter,
} from '../../db/repositories/referrals.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import {
  followUpStatus,
  type DueFollowUpRow,
  type JobseekerReferralHistory,
  type Placement,
} from '../../shared/domain/employers.ts';
import { followUpDueDate, type FollowUpMonths } from '../../shared/domain/follow-ups.ts';
import { nextFollowUp, refusalFor, refusalMessageKey } from '../../shared/referrals/state-machine.ts';
import { accessibleJobseeker, caseScope } from './case-access.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { checkCounselor, markPlaced, summaries } from './referrals.ts';
import { auditAction, insertSynced, todayKst } from './synced-writes.ts';

// Placements (취업, domain.md §6) and their follow-ups at 1, 3 and 6 months: those of referral hires
// (folded from the referral's events in referrals.ts) and those recorded without a referral. Split from
// referrals.ts, which holds the referral itself and its events; this file reads its summaries.

function toPlacement(
  p: Awaited<ReturnType<typeof findPlacements>>[number],
  followUps: Awaited<ReturnType<typeof findPlacementFollowUps>>,
): Placement {
  const mine = followUps
    .filter((f) => f.placement_id === p.id)
    .map((f) => ({ months: f.months as FollowUpMonths, employed: f.employed === 1, at: f.at }));
  return {
    id: p.id,
    jobseekerId: p.jobseeker_id,
    employerName: p.employer_name,
    employerId: p.employer_id,
    openingId: p.opening_id,
    occupation: p.occupation,
    hiredOn: p.hired_on,
    note: p.note,
    counselorName: p.counselor_name,
    createdAt: p.created_at,
    followUps: mine,
    nextFollowUp: nextFollowUp({ hiredAt: p.hired_on, followUps: mine }),
  };
}

async function placements(ctx: ServiceContext, f: PlacementFilter): Promise<Placement[]> {
  const [rows, followUps] = await Promise.all([findPlacements(ctx.db, f), findPlacementFollowUps(ctx.db, f)]);
  return rows.map((p) => toPlacement(p, followUps));
}

export async function jobseekerReferralHistory(
  ctx: ServiceContext,
  actor: SessionInfo,
  jobseekerId: string,
): Promise<JobseekerReferralHistory> {
  await accessibleJobseeker(ctx.db, actor, jobseekerId, { archived: true });
  const [referrals, placed] = await Promise.all([
    summaries(ctx, { by: 'jobseeker', jobseekerId }),
    placements(ctx, { by: 'jobseeker', jobseekerId }),
  ]);
  await auditAction(ctx.db, ctx, actor, {
    action: 'referral.history',
    subjectType: 'jobseeker',
    subjectId: jobseekerId,
    personId: jobseekerId,
  });
  return { referrals, placements: placed };
}

/** The counselor's next follow-up per placement (referral hires and placements without a referral). */
export async function dueFollowUps(
  ctx: ServiceContext,
  actor: SessionInfo,
  q: { counselorId?: string | undefined; onlyDue: boolean },
): Promise<DueFollowUpRow[]> {
  const counselorId = q.counselorId ?? actor.userId;
  await checkCounselor(ctx, actor, counselorId);
  const today = todayKst(ctx);
  const scope = caseScope(actor);
  const [referrals, placed] = await Promise.all([
    summaries(ctx, { by: 'counselor', counselorId, scope }),
    findPlacements(ctx.db, { by: 'counselor', counselorId, scope }),
  ]);
  const placementFollowUps = await findPlacementFollowUps(ctx.db, { by: 'counselor', counselorId, scope });
  const out: DueFollowUpRow[] = [];
  for (const r of referrals) {
    if (!r.nextFollowUp || !r.hiredAt) continue;
    out.push({
      source: 'referral',
      id: r.id,
      jobseekerId: r.jobseekerId,
      jobseekerName: r.jobseekerName,
      employerName: r.employerName,
      hiredAt: r.hiredAt,
      months: r.nextFollowUp.months,
      dueOn: r.nextFollowUp.dueOn,
      status: followUpStatus(r.nextFollowUp.dueOn, today),
    });
  }
  for (const row of placed) {
    const p = toPlacement(row, placementFollowUps);
    if (!p.nextFollowUp) continue;
    out.push({
      source: 'placement',
      id: p.id,
      jobseekerId: p.jobseekerId,
      jobseekerName: row.jobseeker_name,
      employerName: p.employerName,
      hiredAt: p.hiredOn,
      months: p.nextFollowUp.months,
      dueOn: p.nextFollowUp.dueOn,
      status: followUpStatus(p.nextFollowUp.dueOn, today),
    });
  }
  out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id < b.id ? -1 : 1));
  const shown = q.onlyDue ? out.filter((r) => r.status !== 'upcoming') : out;
  await auditAction(ctx.db, ctx, actor, {
    action: 'referral.follow-ups.list',
    subjectType: 'counselor',
    subjectId: counselorId,
    detail: { rows: shown.length },
  });
  return shown;
}

// ---- Placements without a referral ----

export async function recordPlacement(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    jobseekerId: string;
    employerName: string;
    employerId?: string | undefined;
    occupation?: string | undefined;
    hiredOn: string;
    note?: string | undefined;
  },
): Promise<Placement> {
  await accessibleJobseeker(ctx.db, actor, input.jobseekerId);
  // A linked employer must be one this desktop knows: an unknown id would fail the row's foreign key.
  if (input.employerId !== undefined && !(await getEmployer(ctx.db, input.employerId))) {
    throw new AppFailure({ code: 'not-found', message: 'employers.notFound', field: 'employerId' });
  }
  if (input.hiredOn > todayKst(ctx)) {
    throw new AppFailure({ code: 'validation', message: 'referrals.placement.futureDate', field: 'hiredOn' });
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const placementId = await insertSynced(trx, ctx, 'placements', {
      jobseeker_id: input.jobseekerId,
      employer_id: input.employerId ?? null,
      employer_name: input.employerName,
      opening_id: null,
      occupation: input.occupation ?? null,
      hired_on: input.hiredOn,
      source: 'without-referral',
      note: input.note || null,
      counselor_id: actor.userId,
      created_at: isoNow(ctx),
    });
    await markPlaced(trx, ctx, input.jobseekerId);
    await auditAction(trx, ctx, actor, {
      action: 'placement.create',
      subjectType: 'placement',
      subjectId: placementId,
      personId: input.jobseekerId,
    });
    return placementId;
  });
  const [created] = await placements(ctx, { by: 'id', id });
  if (!created) throw new Error('created placement vanished');
  return created;
}

export async function recordPlacementFollowUp(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { placementId: string; months: FollowUpMonths; employed: boolean; note?: string | undefined },
): Promise<Placement> {
  const scope = caseScope(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const [row] = await findPlacements(trx, { by: 'id', id: input.placementId, scope });
    if (!row) throw new AppFailure({ code: 'not-found', message: 'referrals.placement.notFound' });
    const recorded = await findPlacementFollowUps(trx, { by: 'id', id: input.placementId });
    const status = {
      state: 'hired' as const,
      stateAt: row.hired_on,
      hiredAt: row.hired_on,
      interviewOn: null,
      anomalies: 0,
      followUps: recorded.map((f) => ({
        months: f.months as FollowUpMonths,
        employed: f.employed === 1,
        at: f.at,
      })),
    };
    const refusal = refusalFor(status, {
      kind: 'follow-up',
      data: { months: input.months, employed: input.employed },
    });
    if (refusal)
      throw new AppFailure({ code: 'conflict', message: refusalMessageKey(refusal), field: 'months' });
    if (followUpDueDate(row.hired_on, input.months) > todayKst(ctx)) {
      throw new AppFailure({ code: 'conflict', message: 'referrals.refused.followUpEarly', field: 'months' });
    }
    await insertSynced(trx, ctx, 'placement_follow_ups', {
      placement_id: input.placementId,
      months: input.months,
      employed: input.employed ? 1 : 0,
      at: isoNow(ctx),
      counselor_id: actor.userId,
      note: input.note || null,
    });
    await auditAction(trx, ctx, actor, {
      action: 'placement.follow-up',
      subjectType: 'placement',
      subjectId: input.placementId,
      personId: row.jobseeker_id,
      detail: { months: input.months },
    });
  });
  const [updated] = await placements(ctx, { by: 'id', id: input.placementId });
  if (!updated) throw new Error('placement vanished');
  return updated;
}

/**
 * Placements in a period: each hired event and each placement without a referral once; people once.
 * Counted by the reports' one definition of a placement (db/repositories/reports.ts), so these figures
 * are the referral report's.
 */
export async function placementCounts(
  ctx: ServiceContext,
  centerCode: string,
  from: string,
  to: string,
): Promise<{ placements: number; withoutReferral: number; jobseekersPlaced: number }> {
  const list = await placementsInPeriod(ctx.db, { centerCode, counselorId: null, fromTs: from, toTs: to });
  return {
    placements: list.length,
    withoutReferral: list.filter((p) => p.source === 'own').length,
    jobseekersPlaced: new Set(list.map((p) => p.jobseeker_id)).size,
  };
}
