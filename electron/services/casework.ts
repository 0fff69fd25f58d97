import { uuidv7 } from 'uuidv7';
import {
  findActiveStep,
  getAssessmentRow,
  getReviewRow,
  latestAssessmentRow,
} from '../../db/repositories/casework.ts';
import { appendOutbox } from '../../db/repositories/outbox.ts';
import type { JobseekerRow } from '../../db/schema.ts';
import {
  checklistFromAnswers,
  isConversion,
  proposedReassessment,
  typeOfTrack,
  type Decision,
  type IntakeAnswers,
  type StoredInputs,
} from '../../shared/casework/intake.ts';
import { stepsOf } from '../../shared/casework/service-plan.ts';
import { sensitiveAnswers } from '../../shared/casework/consent.ts';
import { type CaseFile } from '../../shared/casework/types.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { classifyJobseeker, type JobseekerTrack, type JobseekerType } from '../../shared/profiling/index.ts';
import { requireCaseAccess } from './case-access.ts';
import { requireConsent } from './consent.ts';
import { type ServiceContext } from './context.ts';
import {
  todayKst,
  notFound,
  activeJobseeker,
  audit,
  unchangedRead,
  insertSynced,
  inTransaction,
  loadCaseFile,
} from './casework-case-file.ts';

// Jobseeker casework (issue 3): intake assessments with the counselor's decision, classification
// reviews and service-plan steps. Every change is one transaction: the row(s), the outbox entries and an
// audit entry naming ids only (domain.md §10). Append-only records are only ever inserted.

// The rest of casework lives beside this file, one sub-domain each; callers import it from here.
export { getCaseFile, loadCaseFile, todayKst } from './casework-case-file.ts';
export * from './casework-notes.ts';
export * from './casework-certificates.ts';
export * from './casework-caseload.ts';

export interface SaveAssessmentInput {
  jobseekerId: string;
  answers: IntakeAnswers;
  decision: Decision;
  reassessDueOn: string | null;
  checkinId?: string | undefined;
}

export async function saveAssessment(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: SaveAssessmentInput,
): Promise<CaseFile> {
  await writeAssessment(ctx, actor, input);
  return loadCaseFile(ctx, input.jobseekerId);
}

/** The assessment's rows alone, in their own transaction or in the caller's (intake-save.ts). */
export async function writeAssessment(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: SaveAssessmentInput,
): Promise<void> {
  const jobseeker = await activeJobseeker(ctx, actor, input.jobseekerId);
  // Profiling needs the required consent; health and welfare answers need the sensitive one (§10).
  await requireConsent(ctx.db, jobseeker, 'required');
  const sensitive = sensitiveAnswers(input.answers);
  if (sensitive.length > 0)
    await requireConsent(ctx.db, jobseeker, 'sensitive', `answers.${sensitive[0] ?? 'barriers'}`);
  const checklist = checklistFromAnswers(input.answers);
  // The server classifies again from the inputs: the result stored is never the client's say-so.
  const result = classifyJobseeker(checklist);
  let finalTrack: JobseekerTrack = result.track;
  if (input.decision.kind === 'overridden') {
    if (input.decision.track === result.track) {
      throw new AppFailure({
        code: 'validation',
        message: 'intake.override.sameTrack',
        field: 'decision.track',
      });
    }
    finalTrack = input.decision.track;
  }
  const finalType: JobseekerType = typeOfTrack(finalTrack);
  const today = todayKst(ctx);
  let reassessDueOn: string | null = null;
  if (finalType === 'needs-preparation') {
    reassessDueOn = input.reassessDueOn ?? proposedReassessment(finalTrack, today);
    if (reassessDueOn !== null && reassessDueOn <= today) {
      throw new AppFailure({ code: 'validation', message: 'intake.reassessPast', field: 'reassessDueOn' });
    }
  }
  const previous = await latestAssessmentRow(ctx.db, jobseeker.id);
  const conversion = isConversion(previous?.final_type ?? jobseeker.current_type, finalType);
  const inputs: StoredInputs = {
    ...checklist,
    declined: [...input.answers.declined],
    kioskItems: [...input.answers.kioskItems],
    ...(input.checkinId ? { checkinId: input.checkinId } : {}),
  };
  const id = uuidv7();
  await inTransaction(ctx, async (trx, hlc, now) => {
    await insertSynced(
      trx,
      'assessments',
      {
        id,
        hlc,
        jobseeker_id: jobseeker.id,
        rule_set: result.ruleSet,
        inputs: JSON.stringify(inputs),
        result: JSON.stringify(result),
        type: result.type,
        track: result.track,
        decision: input.decision.kind,
        final_type: finalType,
        final_track: finalTrack,
        override_reason_code: input.decision.kind === 'overridden' ? input.decision.reasonCode : null,
        override_reason_text: input.decision.kind === 'overridden' ? input.decision.reasonText : null,
        created_by: actor.userId,
        created_at: now,
        reassess_due_on: reassessDueOn,
        conversion: conversion ? 1 : 0,
      },
      now,
    );
    // The current decision on the jobseeker, in the same transaction (and the mobility the intake confirmed).
    const wanted: Partial<Record<keyof JobseekerRow, unknown>> = {
      current_type: finalType,
      current_track: finalTrack,
      reassess_due_on: reassessDueOn,
      mobile: checklist.mobile ? 1 : 0,
    };
    const changed = Object.fromEntries(
      Object.entries(wanted).filter(([k, v]) => jobseeker[k as keyof JobseekerRow] !== v),
    );
    if (Object.keys(changed).length > 0) {
      await trx
        .updateTable('jobseekers')
        .set({ ...changed, hlc, updated_at: now })
        .where('id', '=', jobseeker.id)
        .execute();
      await appendOutbox(trx, {
        table: 'jobseekers',
        rowId: jobseeker.id,
        op: 'update',
        fields: changed,
        hlc,
        baseSeq: Number(jobseeker.seq),
        createdAt: now,
      });
    }
    await audit(
      trx,
      ctx,
      actor,
      'assessment.create',
      { type: 'assessment', id, personId: jobseeker.id },
      { ruleSet: result.ruleSet, decision: input.decision.kind, conversion },
    );
  });
}

// ---- Classification reviews ----

export async function requestReview(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; assessmentId: string; text: string },
): Promise<CaseFile> {
  const jobseeker = await activeJobseeker(ctx, actor, input.jobseekerId);
  await requireConsent(ctx.db, jobseeker, 'required');
  const assessment = await getAssessmentRow(ctx.db, input.assessmentId);
  if (!assessment || assessment.jobseeker_id !== jobseeker.id) throw notFound('intake.assessmentNotFound');
  const open = await ctx.db
    .selectFrom('classification_reviews')
    .select('id')
    .where('jobseeker_id', '=', jobseeker.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) throw new AppFailure({ code: 'conflict', message: 'review.alreadyOpen' });
  const id = uuidv7();
  await inTransaction(ctx, async (trx, hlc, now) => {
    await insertSynced(
      trx,
      'classification_reviews',
      {
        id,
        hlc,
        jobseeker_id: jobseeker.id,
        assessment_id: assessment.id,
        request_text: input.text,
        requested_at: now,
        recorded_by: actor.userId,
        status: 'open',
        outcome_text: null,
        outcome_assessment_id: null,
        decided_by: null,
        decided_at: null,
      },
      now,
    );
    await audit(trx, ctx, actor, 'classification-review.request', {
      type: 'classification-review',
      id,
      personId: jobseeker.id,
    });
  });
  return loadCaseFile(ctx, jobseeker.id);
}

export async function decideReview(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { reviewId: string; outcome: 'upheld' | 'changed'; text: string },
): Promise<CaseFile> {
  const review = await getReviewRow(ctx.db, input.reviewId);
  if (!review) throw notFound('review.notFound');
  await requireCaseAccess(ctx.db, actor, review.jobseeker_id, 'review.notFound');
  if (review.status !== 'open') throw new AppFailure({ code: 'conflict', message: 'review.alreadyDecided' });
  const latest = await latestAssessmentRow(ctx.db, review.jobseeker_id);
  // "Changed" means a new assessment was made after the request (the reassessment that changed it).
  const changedBy = latest && latest.created_at > review.requested_at ? latest.id : null;
  if (input.outcome === 'changed' && !changedBy) {
    throw new AppFailure({ code: 'conflict', message: 'review.changedNeedsAssessment', field: 'outcome' });
  }
  await inTransaction(ctx, async (trx, hlc, now) => {
    const fields = {
      status: input.outcome,
      outcome_text: input.text,
      outcome_assessment_id: input.outcome === 'changed' ? changedBy : null,
      decided_by: actor.userId,
      decided_at: now,
    };
    await trx
      .updateTable('classification_reviews')
      .set({ ...fields, hlc })
      .where('id', '=', review.id)
      .execute();
    await appendOutbox(trx, {
      table: 'classification_reviews',
      rowId: review.id,
      op: 'update',
      fields,
      hlc,
      baseSeq: Number(review.seq),
      createdAt: now,
    });
    await audit(
      trx,
      ctx,
      actor,
      'classification-review.decide',
      { type: 'classification-review', id: review.id, personId: review.jobseeker_id },
      { outcome: input.outcome },
    );
  });
  return loadCaseFile(ctx, review.jobseeker_id);
}

// ---- Service plan ----

export async function setPlanStep(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; assessmentId: string; step: string; done: boolean; note: string },
): Promise<CaseFile> {
  const jobseeker = await activeJobseeker(ctx, actor, input.jobseekerId);
  const latest = await latestAssessmentRow(ctx.db, jobseeker.id);
  if (!latest || latest.id !== input.assessmentId) {
    throw new AppFailure({ code: 'conflict', message: 'servicePlan.notCurrent' });
  }
  const steps: readonly string[] = stepsOf(latest.final_track as JobseekerTrack);
  if (!steps.includes(input.step)) {
    throw new AppFailure({ code: 'validation', message: 'servicePlan.stepNotInTrack', field: 'step' });
  }
  const existing = await findActiveStep(ctx.db, latest.id, input.step);
  if (input.done === (existing !== undefined)) return unchangedRead(ctx, actor, jobseeker.id);
  await inTransaction(ctx, async (trx, hlc, now) => {
    let id: string;
    if (input.done) {
      id = uuidv7();
      await insertSynced(
        trx,
        'service_plan_steps',
        {
          id,
          hlc,
          jobseeker_id: jobseeker.id,
          assessment_id: latest.id,
          step: input.step,
          done_on: todayKst(ctx),
          note: input.note || null,
          recorded_by: actor.userId,
          recorded_at: now,
        },
        now,
      );
    } else if (existing) {
      id = existing.id;
      await trx.updateTable('service_plan_steps').set({ archived: 1, hlc }).where('id', '=', id).execute();
      await appendOutbox(trx, {
        table: 'service_plan_steps',
        rowId: id,
        op: 'update',
        fields: { archived: 1 },
        hlc,
        baseSeq: Number(existing.seq),
        createdAt: now,
      });
    } else return;
    await audit(
      trx,
      ctx,
      actor,
      input.done ? 'service-plan.step-done' : 'service-plan.step-undone',
      { type: 'service-plan-step', id, personId: jobseeker.id },
      { step: input.step },
    );
  });
  return loadCaseFile(ctx, jobseeker.id);
}

// ---- Counseling notes (append-only: an edit is a new revision) ----
