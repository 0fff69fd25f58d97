import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { getOpening } from '../../db/repositories/employers.ts';
import { getJobseekerRow } from '../../db/repositories/jobseekers.ts';
import {
  findReferralEvents,
  findReferrals,
  referralIdFor,
  type ReferralEventRow,
  type ReferralFilter,
  type ReferralRow,
} from '../../db/repositories/referrals.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import type {
  ReferralBoard,
  ReferralDetail,
  ReferralEventRecord,
  ReferralSummary,
} from '../../shared/domain/employers.ts';
import { FOLLOW_UP_MONTHS, followUpDueDate, type FollowUpMonths } from '../../shared/domain/follow-ups.ts';
import {
  TRANSITIONS,
  foldReferral,
  nextFollowUp,
  refusalFor,
  refusalMessageKey,
  type ReferralEventData,
  type ReferralEventKind,
  type ReferralState,
} from '../../shared/referrals/state-machine.ts';
import { accessibleJobseeker, caseScope } from './case-access.ts';
import { requireConsent } from './consent.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { auditAction, insertSynced, todayKst, updateSynced } from './synced-writes.ts';

// Referrals (알선, domain.md §6): every change is a new event; the state is the fold of the events
// through shared/referrals. A hire schedules follow-ups at 1, 3 and 6 months (derived from the hire's
// time, never stored twice), fills the opening's positions, and marks the jobseeker placed.

function parseData(raw: string): ReferralEventData {
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    return {
      interviewOn: typeof v['interviewOn'] === 'string' ? v['interviewOn'] : undefined,
      months: (FOLLOW_UP_MONTHS as readonly unknown[]).includes(v['months'])
        ? (v['months'] as FollowUpMonths)
        : undefined,
      employed: typeof v['employed'] === 'boolean' ? v['employed'] : undefined,
      hiredOn: typeof v['hiredOn'] === 'string' ? v['hiredOn'] : undefined,
    };
  } catch {
    return {};
  }
}

function toEventRecord(e: ReferralEventRow): ReferralEventRecord {
  const data = parseData(e.data);
  return {
    id: e.id,
    kind: e.kind as ReferralEventKind,
    at: e.at,
    counselorId: e.counselor_id,
    counselorName: e.counselor_name,
    note: e.note,
    interviewOn: data.interviewOn ?? null,
    months: data.months ?? null,
    employed: data.employed ?? null,
  };
}

function group(events: ReferralEventRow[]): Map<string, ReferralEventRow[]> {
  const map = new Map<string, ReferralEventRow[]>();
  for (const e of events) {
    const list = map.get(e.referral_id);
    if (list) list.push(e);
    else map.set(e.referral_id, [e]);
  }
  return map;
}

function summarize(row: ReferralRow, events: ReferralEventRow[]): ReferralSummary {
  const status = foldReferral(events.map((e) => ({ kind: e.kind, at: e.at, data: parseData(e.data) })));
  const allowed = [...TRANSITIONS[status.state]].filter(
    (k) => k !== 'follow-up' || nextFollowUp(status) !== null,
  );
  return {
    id: row.id,
    jobseekerId: row.jobseeker_id,
    jobseekerName: row.jobseeker_name,
    jobseekerRegNo: row.jobseeker_reg_no,
    openingId: row.opening_id,
    openingTitle: row.opening_title,
    employerName: row.employer_name,
    counselorId: row.counselor_id,
    counselorName: row.counselor_name,
    state: status.state,
    stateAt: status.stateAt,
    interviewOn: status.interviewOn,
    hiredAt: status.hiredAt,
    createdAt: row.created_at,
    allowed,
    nextFollowUp: nextFollowUp(status),
  };
}

export async function summaries(
  ctx: ServiceContext,
  f: ReferralFilter,
  limit?: number,
): Promise<ReferralSummary[]> {
  const [rows, events] = await Promise.all([findReferrals(ctx.db, f, limit), findReferralEvents(ctx.db, f)]);
  const byReferral = group(events);
  return rows.map((r) => summarize(r, byReferral.get(r.id) ?? []));
}

/** One referral, if its jobseeker is one the caller may see; otherwise it does not exist for them. */
export async function referralDetail(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
): Promise<ReferralDetail> {
  const f: ReferralFilter = { by: 'id', id, scope: caseScope(actor) };
  const [rows, events] = await Promise.all([findReferrals(ctx.db, f), findReferralEvents(ctx.db, f)]);
  const row = rows[0];
  if (!row) throw new AppFailure({ code: 'not-found', message: 'referrals.notFound' });
  return { ...summarize(row, events), events: events.map(toEventRecord) };
}

export async function openReferral(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
): Promise<ReferralDetail> {
  const detail = await referralDetail(ctx, actor, id);
  await auditAction(ctx.db, ctx, actor, {
    action: 'referral.read',
    subjectType: 'referral',
    subjectId: id,
    personId: detail.jobseekerId,
  });
  return detail;
}

/** Refers a jobseeker to an opening in one action: the referral and its `proposed` event. */
export async function createReferral(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    jobseekerId: string;
    openingId: string;
    note?: string | undefined;
    shareContact?: boolean | undefined;
  },
): Promise<ReferralDetail> {
  const js = await accessibleJobseeker(ctx.db, actor, input.jobseekerId);
  // Referral needs the required consent; giving the contact to the employer, the sharing one (§10).
  await requireConsent(ctx.db, js, 'required');
  if (input.shareContact === true) await requireConsent(ctx.db, js, 'optional', 'shareContact');
  if (js.status !== 'active') {
    throw new AppFailure({ code: 'conflict', message: 'referrals.jobseekerNotActive' });
  }
  const opening = await getOpening(ctx.db, input.openingId);
  if (!opening) throw new AppFailure({ code: 'not-found', message: 'openings.notFound' });
  if (opening.status !== 'open')
    throw new AppFailure({ code: 'conflict', message: 'referrals.openingNotOpen' });
  const now = isoNow(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await referralIdFor(trx, input.jobseekerId, input.openingId)) {
      throw new AppFailure({ code: 'conflict', message: 'referrals.alreadyReferred' });
    }
    const referralId = await insertSynced(trx, ctx, 'referrals', {
      jobseeker_id: input.jobseekerId,
      opening_id: input.openingId,
      counselor_id: actor.userId,
      created_at: now,
      // Only a referral that shares the contact says so (the column defaults to 0).
      ...(input.shareContact === true ? { share_contact: 1 } : {}),
    });
    await insertSynced(trx, ctx, 'referral_events', {
      referral_id: referralId,
      kind: 'proposed',
      at: now,
      counselor_id: actor.userId,
      note: input.note || null,
      data: '{}',
    });
    await auditAction(trx, ctx, actor, {
      action: 'referral.create',
      subjectType: 'referral',
      subjectId: referralId,
      personId: input.jobseekerId,
      detail: { openingId: input.openingId },
    });
    return referralId;
  });
  return referralDetail(ctx, actor, id);
}

/**
 * Appends one event. Refused, with a message saying why, when it does not follow from the current
 * state; the check runs inside the write transaction, so two desks cannot both move the same referral.
 */
export async function recordReferralEvent(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    referralId: string;
    kind: ReferralEventKind;
    note?: string | undefined;
    interviewOn?: string | undefined;
    hiredOn?: string | undefined;
    months?: FollowUpMonths | undefined;
    employed?: boolean | undefined;
  },
): Promise<ReferralDetail> {
  const now = isoNow(ctx);
  const scope = caseScope(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const f: ReferralFilter = { by: 'id', id: input.referralId, scope };
    const [rows, events] = await Promise.all([findReferrals(trx, f), findReferralEvents(trx, f)]);
    const row = rows[0];
    if (!row) throw new AppFailure({ code: 'not-found', message: 'referrals.notFound' });
    const status = foldReferral(events.map((e) => ({ kind: e.kind, at: e.at, data: parseData(e.data) })));
    const data: ReferralEventData = {};
    if (input.kind === 'interview' && input.interviewOn) data.interviewOn = input.interviewOn;
    // Every hire has its first day; a caller that sends none (older forms, the CLI) means today.
    if (input.kind === 'hired') data.hiredOn = input.hiredOn ?? todayKst(ctx);
    if (input.kind === 'follow-up') {
      data.months = input.months;
      data.employed = input.employed;
    }
    const refusal = refusalFor(status, { kind: input.kind, data });
    if (refusal) {
      const field = refusal.reason === 'hired-before-interview' ? 'hiredOn' : 'kind';
      throw new AppFailure({ code: 'conflict', message: refusalMessageKey(refusal), field });
    }
    if (input.kind === 'follow-up' && input.months !== undefined && status.hiredAt) {
      // A check is recorded on or after its due day, not before: the question is "still employed after N months".
      if (followUpDueDate(status.hiredAt, input.months) > todayKst(ctx)) {
        throw new AppFailure({
          code: 'conflict',
          message: 'referrals.refused.followUpEarly',
          field: 'months',
        });
      }
    }
    const eventId = await insertSynced(trx, ctx, 'referral_events', {
      referral_id: input.referralId,
      kind: input.kind,
      at: now,
      counselor_id: actor.userId,
      note: input.note || null,
      data: JSON.stringify(data),
    });
    if (input.kind === 'hired') await onHired(trx, ctx, row);
    await auditAction(trx, ctx, actor, {
      action: `referral.${input.kind}`,
      subjectType: 'referral',
      subjectId: input.referralId,
      personId: row.jobseeker_id,
      detail: { eventId },
    });
  });
  return referralDetail(ctx, actor, input.referralId);
}

type Trx = Transaction<Database>;

/** A hire fills a position (the opening becomes `filled` when all are) and places the jobseeker. */
async function onHired(trx: Trx, ctx: ServiceContext, row: ReferralRow): Promise<void> {
  const opening = await getOpening(trx, row.opening_id);
  if (opening && opening.status === 'open' && opening.filled >= opening.positions) {
    await updateSynced(
      trx,
      ctx,
      'job_openings',
      opening.id,
      { status: 'filled', updated_at: isoNow(ctx) },
      opening.seq,
    );
  }
  await markPlaced(trx, ctx, row.jobseeker_id);
}

export async function markPlaced(trx: Trx, ctx: ServiceContext, jobseekerId: string): Promise<void> {
  const js = await getJobseekerRow(trx, jobseekerId);
  if (js && js.status === 'active') {
    await updateSynced(
      trx,
      ctx,
      'jobseekers',
      jobseekerId,
      { status: 'placed', updated_at: isoNow(ctx) },
      Number(js.seq),
    );
  }
}

// ---- Views ----

export async function centerCounselors(
  ctx: ServiceContext,
  actor: SessionInfo,
): Promise<Array<{ id: string; name: string }>> {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('center_code', '=', actor.centerCode)
    .where('role', '=', 'counselor')
    .where('active', '=', 1)
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

export async function checkCounselor(
  ctx: ServiceContext,
  actor: SessionInfo,
  counselorId: string,
): Promise<void> {
  if (counselorId === actor.userId) return;
  const user = await ctx.db
    .selectFrom('users')
    .select(['center_code'])
    .where('id', '=', counselorId)
    .executeTakeFirst();
  if (!user || user.center_code !== actor.centerCode) {
    throw new AppFailure({ code: 'forbidden', message: 'errors.forbidden' });
  }
}

export async function referralBoard(
  ctx: ServiceContext,
  actor: SessionInfo,
  q: { counselorId?: string | undefined; states?: ReferralState[] | undefined; limit: number },
): Promise<ReferralBoard> {
  const counselorId = q.counselorId ?? actor.userId;
  await checkCounselor(ctx, actor, counselorId);
  let rows = await summaries(ctx, { by: 'counselor', counselorId, scope: caseScope(actor) }, q.limit);
  const total = rows.length;
  if (q.states) {
    const wanted = new Set<string>(q.states);
    rows = rows.filter((r) => wanted.has(r.state));
  }
  await auditAction(ctx.db, ctx, actor, {
    action: 'referral.board',
    subjectType: 'counselor',
    subjectId: counselorId,
    detail: { referrals: rows.length },
  });
  return { counselorId, total, rows };
}

export async function referralsForOpening(
  ctx: ServiceContext,
  actor: SessionInfo,
  openingId: string,
): Promise<ReferralSummary[]> {
  const rows = await summaries(ctx, { by: 'opening', openingId, scope: caseScope(actor) });
  await auditAction(ctx.db, ctx, actor, {
    action: 'referral.forOpening',
    subjectType: 'opening',
    subjectId: openingId,
    detail: { referrals: rows.length },
  });
  return rows;
}
