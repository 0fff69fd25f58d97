import { findActiveStep, latestAssessmentRow } from '../../db/repositories/casework.ts';
import {
  doneStepsOf,
  getServiceReferral,
  reassessPrompts,
  serviceReferralEvents,
  serviceReferralsOf,
  type ReassessPromptRow,
  type ServiceReferralRow,
} from '../../db/repositories/service-referrals.ts';
import type { Database } from '../../db/schema.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import type {
  CaseServices,
  ReassessPrompt,
  ServiceReferralView,
} from '../../shared/contract/service-referrals.ts';
import { stepsOf } from '../../shared/casework/service-plan.ts';
import { CURRENT_CATALOGUE } from '../../shared/programmes/catalogue.ts';
import {
  SERVICE_REFERRAL_STATUSES,
  STATUS_DAY_COLUMN,
  needsReason,
  nextStatuses,
  planStepOf,
  targetProblem,
  transitionProblem,
  type ServiceCloseReason,
  type ServiceReferralReason,
  type ServiceReferralStatus,
  type ServiceTargetKind,
} from '../../shared/programmes/service-referral-status.ts';
import type { JobseekerTrack } from '../../shared/profiling/index.ts';
import type { Transaction } from 'kysely';
import { accessibleJobseeker, requireCaseAccess } from './case-access.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { auditAction, insertSynced, todayKst, updateSynced } from './synced-writes.ts';

// Service referrals (서비스 연계, issue 17 item 4). A referral is the row, its first event and an audit
// entry (ids only) in one transaction; each step updates the status and its day, adds an event and an
// audit entry, and a completion also records the service-plan step the referral closes (when that step
// belongs to the case's current track and is not done yet). Reading a case's referrals is audited.

const NOT_FOUND = 'services.notFound';

type Trx = Transaction<Database>;

function view(
  r: ServiceReferralRow,
  events: Awaited<ReturnType<typeof serviceReferralEvents>>,
  doneSteps: ReadonlySet<string>,
): ServiceReferralView {
  const status = r.status;
  const days = Object.fromEntries(
    SERVICE_REFERRAL_STATUSES.map((s) => [s, r[STATUS_DAY_COLUMN[s]] ?? null]),
  ) as Record<ServiceReferralStatus, string | null>;
  return {
    id: r.id,
    targetKind: r.target_kind,
    catalogueVersion: r.catalogue_version,
    programmeCode: r.programme_code,
    providerCode: r.provider_code,
    providerName: r.provider_name,
    courseName: r.course_name,
    planStep: r.plan_step,
    planStepDone: r.plan_step !== null && doneSteps.has(r.plan_step),
    reasonCode: r.reason_code as ServiceReferralReason,
    reasonText: r.reason_text,
    status,
    days,
    closeReasonCode: r.close_reason_code as ServiceCloseReason | null,
    closeReasonText: r.close_reason_text,
    outcomeNote: r.outcome_note,
    next: [...nextStatuses(status)],
    events: events
      .filter((e) => e.service_referral_id === r.id)
      .map((e) => ({
        id: e.id,
        from: e.from_status,
        to: e.to_status,
        on: e.happened_on,
        reasonCode: e.reason_code,
        note: e.note,
        counselorName: e.counselor_name,
        at: e.at,
      })),
  };
}

function promptOf(p: ReassessPromptRow | undefined): ReassessPrompt | null {
  if (!p) return null;
  return {
    serviceReferralId: p.service_referral_id,
    targetKind: p.target_kind as ServiceTargetKind,
    catalogueVersion: p.catalogue_version,
    programmeCode: p.programme_code,
    providerCode: p.provider_code,
    providerName: p.provider_name,
    courseName: p.course_name,
    completedOn: p.completed_on,
  };
}

async function load(ctx: ServiceContext, jobseekerId: string): Promise<CaseServices> {
  const rows = await serviceReferralsOf(ctx.db, jobseekerId);
  const [events, prompts, doneSteps] = await Promise.all([
    serviceReferralEvents(
      ctx.db,
      rows.map((r) => r.id),
    ),
    reassessPrompts(ctx.db, { jobseekerId }),
    doneStepsOf(ctx.db, jobseekerId),
  ]);
  return {
    items: rows.map((r) => view(r, events, doneSteps)),
    prompt: promptOf(prompts[0]),
    today: todayKst(ctx),
  };
}

export async function ofJobseeker(
  ctx: ServiceContext,
  actor: SessionInfo,
  jobseekerId: string,
): Promise<CaseServices> {
  await accessibleJobseeker(ctx.db, actor, jobseekerId, { archived: true });
  const services = await load(ctx, jobseekerId);
  await auditAction(ctx.db, ctx, actor, {
    action: 'service-referral.list',
    subjectType: 'jobseeker',
    subjectId: jobseekerId,
    personId: jobseekerId,
    detail: { count: services.items.length },
  });
  return services;
}

export async function prompt(
  ctx: ServiceContext,
  actor: SessionInfo,
  jobseekerId: string,
): Promise<ReassessPrompt | null> {
  await accessibleJobseeker(ctx.db, actor, jobseekerId, { archived: true });
  const found = promptOf((await reassessPrompts(ctx.db, { jobseekerId }))[0]);
  await auditAction(ctx.db, ctx, actor, {
    action: 'service-referral.prompt.read',
    subjectType: 'jobseeker',
    subjectId: jobseekerId,
    personId: jobseekerId,
  });
  return found;
}

const TARGET_FIELD: Record<string, string> = {
  catalogue_version: 'programmeCode',
  programme_code: 'programmeCode',
  provider_code: 'providerCode',
  provider_name: 'providerName',
  course_name: 'courseName',
};

export async function create(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    jobseekerId: string;
    targetKind: ServiceTargetKind;
    programmeCode: string | null;
    providerCode: string | null;
    providerName: string | null;
    courseName: string | null;
    reasonCode: ServiceReferralReason;
    reasonText: string | null;
    referredOn: string;
  },
): Promise<CaseServices> {
  await accessibleJobseeker(ctx.db, actor, input.jobseekerId, { field: 'jobseekerId' });
  const version = CURRENT_CATALOGUE.version;
  const target = {
    kind: input.targetKind,
    programmeCode: input.programmeCode,
    providerCode: input.providerCode,
    providerName: input.providerName,
    courseName: input.courseName,
  };
  const problem = targetProblem(target, version);
  if (problem) {
    const field = TARGET_FIELD[problem] ?? 'targetKind';
    throw new AppFailure({ code: 'validation', message: `services.v.${field}`, field });
  }
  const today = todayKst(ctx);
  if (input.referredOn > today)
    throw new AppFailure({ code: 'validation', message: 'services.v.inFuture', field: 'referredOn' });
  const now = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const referralId = await insertSynced(trx, ctx, 'service_referrals', {
      jobseeker_id: input.jobseekerId,
      target_kind: input.targetKind,
      catalogue_version: version,
      programme_code: input.programmeCode,
      provider_code: input.providerCode,
      // A catalogue provider is named by its code; the free text is for a local one only.
      provider_name: input.providerCode ? null : input.providerName,
      course_name: input.courseName,
      plan_step: planStepOf(target, version),
      reason_code: input.reasonCode,
      reason_text: input.reasonText,
      status: 'referred',
      referred_on: input.referredOn,
      accepted_on: null,
      declined_on: null,
      started_on: null,
      completed_on: null,
      dropped_on: null,
      close_reason_code: null,
      close_reason_text: null,
      outcome_note: null,
      counselor_id: actor.userId,
      created_at: now,
    });
    await insertSynced(trx, ctx, 'service_referral_events', {
      service_referral_id: referralId,
      from_status: null,
      to_status: 'referred',
      happened_on: input.referredOn,
      reason_code: input.reasonCode,
      note: input.reasonText,
      counselor_id: actor.userId,
      at: now,
    });
    await auditAction(trx, ctx, actor, {
      action: 'service-referral.create',
      subjectType: 'service-referral',
      subjectId: referralId,
      personId: input.jobseekerId,
      detail: { targetKind: input.targetKind },
    });
  });
  return load(ctx, input.jobseekerId);
}

const PROBLEM_FIELD: Record<string, string> = {
  notAllowed: 'to',
  beforePrevious: 'on',
  inFuture: 'on',
  reasonRequired: 'reasonCode',
  reasonTextRequired: 'reasonText',
};

export async function transition(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    id: string;
    to: ServiceReferralStatus;
    on: string;
    reasonCode: ServiceCloseReason | null;
    reasonText: string | null;
    outcomeNote: string | null;
  },
): Promise<CaseServices> {
  const current = await getServiceReferral(ctx.db, input.id);
  if (!current || current.archived === 1) throw new AppFailure({ code: 'not-found', message: NOT_FOUND });
  await requireCaseAccess(ctx.db, actor, current.jobseeker_id, NOT_FOUND);
  await accessibleJobseeker(ctx.db, actor, current.jobseeker_id);
  const from = current.status;
  const problem = transitionProblem({
    from,
    to: input.to,
    on: input.on,
    previousOn: String(current[STATUS_DAY_COLUMN[from]] ?? current.referred_on),
    today: todayKst(ctx),
    reasonCode: input.reasonCode,
    reasonText: input.reasonText,
  });
  if (problem) {
    const field = PROBLEM_FIELD[problem] ?? 'to';
    throw new AppFailure({
      code: problem === 'notAllowed' ? 'conflict' : 'validation',
      message: `services.v.${problem}`,
      field,
    });
  }
  const changed: Record<string, unknown> = { status: input.to, [STATUS_DAY_COLUMN[input.to]]: input.on };
  if (needsReason(input.to)) {
    changed['close_reason_code'] = input.reasonCode;
    changed['close_reason_text'] = input.reasonText;
  }
  if (input.outcomeNote !== null) changed['outcome_note'] = input.outcomeNote;
  const now = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await updateSynced(trx, ctx, 'service_referrals', current.id, changed, Number(current.seq));
    await insertSynced(trx, ctx, 'service_referral_events', {
      service_referral_id: current.id,
      from_status: from,
      to_status: input.to,
      happened_on: input.on,
      reason_code: needsReason(input.to) ? input.reasonCode : null,
      note: needsReason(input.to) ? input.reasonText : input.outcomeNote,
      counselor_id: actor.userId,
      at: now,
    });
    await auditAction(trx, ctx, actor, {
      action: 'service-referral.transition',
      subjectType: 'service-referral',
      subjectId: current.id,
      personId: current.jobseeker_id,
      detail: { from, to: input.to },
    });
    if (input.to === 'completed') await closePlanStep(trx, ctx, actor, current, input.on);
  });
  return load(ctx, current.jobseeker_id);
}

/**
 * Records the referral's plan step done on the completion day, on the case's current assessment, when
 * that step is one of its track's and not done yet (a step of another track has nowhere to show).
 */
async function closePlanStep(
  trx: Trx,
  ctx: ServiceContext,
  actor: SessionInfo,
  referral: ServiceReferralRow,
  on: string,
): Promise<void> {
  const step = referral.plan_step;
  if (!step) return;
  const latest = await latestAssessmentRow(trx, referral.jobseeker_id);
  if (!latest) return;
  const steps: readonly string[] = stepsOf(latest.final_track as JobseekerTrack);
  if (!steps.includes(step) || (await findActiveStep(trx, latest.id, step))) return;
  const stepId = await insertSynced(trx, ctx, 'service_plan_steps', {
    jobseeker_id: referral.jobseeker_id,
    assessment_id: latest.id,
    step,
    done_on: on,
    note: null,
    recorded_by: actor.userId,
    recorded_at: isoNow(ctx),
  });
  await auditAction(trx, ctx, actor, {
    action: 'service-plan.step-done',
    subjectType: 'service-plan-step',
    subjectId: stepId,
    personId: referral.jobseeker_id,
    detail: { step, serviceReferralId: referral.id },
  });
}
