import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type { CaseProgrammes, EnrolmentView } from '../../../shared/contract/programmes.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { CURRENT_CATALOGUE, programmeOf, type ProgrammeStage } from '../../../shared/programmes/catalogue.ts';
import { fixedObligationFigures } from '../../../shared/programmes/obligations.ts';
import {
  consentGroupsFor,
  eligibilityInputsSchema,
  evaluateEligibility,
  reasonFits,
  type EligibilityDecision,
  type EligibilityInputs,
} from '../../../shared/programmes/eligibility.ts';
import { enrolmentProgramme, moveStage, startEnrolment } from '../../../shared/programmes/stages.ts';
import { plansOf } from '../../../db/repositories/programmes.ts';
import { accessibleJobseeker } from '../case-access.ts';
import { requireConsent } from '../consent.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { auditAction, insertSynced, todayKst, updateSynced } from '../synced-writes.ts';
import { reachable, viewOf } from './access.ts';
import { centerFigures } from './figures.ts';
import { caseEnrolmentViews, programmeOptions } from './views.ts';

// Enrolment (참여): enrol a case in a programme with stages, record the eligibility pre-check (only the
// inputs its edition lists, with the consent they need), a person's decision with its reason, and stage
// moves the machine allows. Each write: the enrolment row, an event, the outbox, an audit entry.

export async function ofJobseeker(
  ctx: ServiceContext,
  actor: SessionInfo,
  jobseekerId: string,
): Promise<CaseProgrammes> {
  await accessibleJobseeker(ctx.db, actor, jobseekerId);
  const today = todayKst(ctx);
  const enrolments = await caseEnrolmentViews(
    ctx,
    jobseekerId,
    await centerFigures(ctx, actor.centerCode),
    today,
  );
  await auditAction(ctx.db, ctx, actor, {
    action: 'programme.list',
    subjectType: 'jobseeker',
    subjectId: jobseekerId,
    personId: jobseekerId,
  });
  return {
    enrolments,
    options: programmeOptions(),
    outcomes: CURRENT_CATALOGUE.outcomes.map((o) => ({ code: o.code, ko: o.ko, en: o.en })),
    today,
  };
}

export async function enrol(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; programmeCode: string },
): Promise<EnrolmentView> {
  const jobseeker = await accessibleJobseeker(ctx.db, actor, input.jobseekerId, { field: 'jobseekerId' });
  if (jobseeker.status === 'closed')
    throw new AppFailure({ code: 'conflict', message: 'programmes.caseClosed', field: 'jobseekerId' });
  await requireConsent(ctx.db, jobseeker, 'required');
  const figures = await centerFigures(ctx, actor.centerCode);
  const state = startEnrolment(input.programmeCode, todayKst(ctx), figures);
  if ('error' in state)
    throw new AppFailure({ code: 'validation', message: state.error, field: 'programmeCode' });
  // The obligation periods are spaced by the figures in force today, fixed on the enrolment.
  const programme = programmeOf(state.programme_code, state.catalogue_version);
  const obligationFigures = JSON.stringify(programme ? fixedObligationFigures(programme, figures) : {});
  const now = isoNow(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const enrolmentId = await insertSynced(trx, ctx, 'programme_enrolments', {
      jobseeker_id: jobseeker.id,
      counselor_id: actor.userId,
      ...state,
      eligibility_inputs: null,
      eligibility_meets: null,
      eligibility_failed: null,
      prechecked_on: null,
      decision_reason_code: null,
      decision_reason_text: null,
      decided_by: null,
      decided_on: null,
      created_at: now,
      updated_at: now,
      obligation_figures: obligationFigures,
    });
    await event(trx, ctx, actor, enrolmentId, { kind: 'enrolled', to_stage: 'eligibility' });
    await auditAction(trx, ctx, actor, {
      action: 'programme.enrol',
      subjectType: 'programme_enrolment',
      subjectId: enrolmentId,
      personId: jobseeker.id,
      detail: { programme: input.programmeCode, version: state.catalogue_version },
    });
    return enrolmentId;
  });
  return viewOf(ctx, actor, id);
}

type Trx = Transaction<Database>;

export async function event(
  trx: Trx,
  ctx: ServiceContext,
  actor: SessionInfo,
  enrolmentId: string,
  e: {
    kind: 'enrolled' | 'prechecked' | 'decided' | 'stage' | 'plan-agreed';
    from_stage?: ProgrammeStage | null;
    to_stage?: ProgrammeStage | null;
    decision?: EligibilityDecision | null;
    reason_code?: string | null;
    outcome?: string | null;
    note?: string | null;
  },
): Promise<void> {
  await insertSynced(trx, ctx, 'enrolment_events', {
    enrolment_id: enrolmentId,
    kind: e.kind,
    at: isoNow(ctx),
    counselor_id: actor.userId,
    from_stage: e.from_stage ?? null,
    to_stage: e.to_stage ?? null,
    decision: e.decision ?? null,
    reason_code: e.reason_code ?? null,
    outcome: e.outcome ?? null,
    note: e.note ?? null,
  });
}

export async function precheck(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { enrolmentId: string; inputs: Record<string, unknown> },
): Promise<EnrolmentView> {
  const { row, jobseeker } = await reachable(ctx, actor, input.enrolmentId);
  const found = enrolmentProgramme(row);
  if (!found) throw new AppFailure({ code: 'conflict', message: 'programmes.stage.unknownEdition' });
  if (row.stage !== 'eligibility' || row.decision !== null)
    throw new AppFailure({ code: 'conflict', message: 'programmes.precheckClosed' });
  // Income and assets are welfare data: the sensitive consent must be given (shared/programmes/eligibility.ts).
  for (const group of consentGroupsFor(found.programme))
    await requireConsent(ctx.db, jobseeker, group, 'inputs');
  const parsedInputs = eligibilityInputsSchema(found.programme).safeParse(input.inputs);
  if (!parsedInputs.success) {
    const issue = parsedInputs.error.issues[0];
    throw new AppFailure({
      code: 'validation',
      message: 'programmes.v.inputs',
      field: ['inputs', ...(issue?.path ?? []).map(String)].join('.'),
    });
  }
  const inputs = parsedInputs.data as EligibilityInputs;
  const result = evaluateEligibility(found.programme, inputs);
  const today = todayKst(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await updateSynced(
      trx,
      ctx,
      'programme_enrolments',
      row.id,
      {
        eligibility_inputs: JSON.stringify(inputs),
        eligibility_meets: result.meets ? 1 : 0,
        eligibility_failed: JSON.stringify(result.failed),
        prechecked_on: today,
        updated_at: isoNow(ctx),
      },
      Number(row.seq),
    );
    await event(trx, ctx, actor, row.id, { kind: 'prechecked' });
    await auditAction(trx, ctx, actor, {
      action: 'programme.precheck',
      subjectType: 'programme_enrolment',
      subjectId: row.id,
      personId: row.jobseeker_id,
      detail: { meets: result.meets },
    });
  });
  return viewOf(ctx, actor, row.id);
}

export async function decide(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    enrolmentId: string;
    decision: EligibilityDecision;
    reasonCode: string;
    reasonText: string | null;
    on?: string | undefined;
  },
): Promise<EnrolmentView> {
  const { row } = await reachable(ctx, actor, input.enrolmentId);
  if (row.stage !== 'eligibility' || row.decision !== null)
    throw new AppFailure({ code: 'conflict', message: 'programmes.decided' });
  if (row.prechecked_on === null)
    throw new AppFailure({ code: 'conflict', message: 'programmes.precheckFirst' });
  if (!reasonFits(input.decision, input.reasonCode))
    throw new AppFailure({ code: 'validation', message: 'programmes.v.reason', field: 'reasonCode' });
  if (input.reasonCode === 'other' && !input.reasonText)
    throw new AppFailure({ code: 'validation', message: 'programmes.v.reasonText', field: 'reasonText' });
  const on = input.on ?? todayKst(ctx);
  if (on < row.enrolled_on)
    throw new AppFailure({ code: 'validation', message: 'programmes.stage.dayBeforeLast', field: 'on' });
  await ctx.db.transaction().execute(async (trx) => {
    await updateSynced(
      trx,
      ctx,
      'programme_enrolments',
      row.id,
      {
        decision: input.decision,
        decision_reason_code: input.reasonCode,
        decision_reason_text: input.reasonText,
        decided_by: actor.userId,
        decided_on: on,
        updated_at: isoNow(ctx),
      },
      Number(row.seq),
    );
    await event(trx, ctx, actor, row.id, {
      kind: 'decided',
      decision: input.decision,
      reason_code: input.reasonCode,
      note: input.reasonText,
    });
    await auditAction(trx, ctx, actor, {
      action: 'programme.decide',
      subjectType: 'programme_enrolment',
      subjectId: row.id,
      personId: row.jobseeker_id,
      detail: { decision: input.decision, reason: input.reasonCode },
    });
  });
  return viewOf(ctx, actor, row.id);
}

export async function move(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { enrolmentId: string; to: ProgrammeStage; on: string; outcome: string | null; note: string | null },
): Promise<EnrolmentView> {
  const { row } = await reachable(ctx, actor, input.enrolmentId);
  // The services start on the plan agreed with the jobseeker (취업활동계획 수립 ends with the agreement).
  if (input.to === 'service' && !(await plansOf(ctx.db, [row.id])).get(row.id)?.agreed_on)
    throw new AppFailure({ code: 'conflict', message: 'programmes.plan.agreeFirst', field: 'to' });
  const r = moveStage(row, input.to, input.on, {
    outcome: input.outcome,
    centerFigures: await centerFigures(ctx, actor.centerCode),
  });
  if ('error' in r)
    throw new AppFailure({
      code: 'conflict',
      message: r.error,
      field: input.to === 'ended' ? 'outcome' : 'to',
    });
  await ctx.db.transaction().execute(async (trx) => {
    await updateSynced(
      trx,
      ctx,
      'programme_enrolments',
      row.id,
      { ...r.patch, updated_at: isoNow(ctx) },
      Number(row.seq),
    );
    await event(trx, ctx, actor, row.id, {
      kind: 'stage',
      from_stage: row.stage,
      to_stage: input.to,
      outcome: input.outcome,
      note: input.note,
    });
    await auditAction(trx, ctx, actor, {
      action: 'programme.stage',
      subjectType: 'programme_enrolment',
      subjectId: row.id,
      personId: row.jobseeker_id,
      detail: { from: row.stage, to: input.to, ...(input.outcome ? { outcome: input.outcome } : {}) },
    });
  });
  return viewOf(ctx, actor, row.id);
}
