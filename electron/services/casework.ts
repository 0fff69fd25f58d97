import { createHash, randomInt } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../db/repositories/audit.ts';
import {
  caseloadPage,
  findActiveStep,
  findCertificateByCode,
  getAssessmentRow,
  getNoteRow,
  getReviewRow,
  hiresOfCaseload,
  insertRow,
  lastRevision,
  latestAssessmentRow,
  listAssessmentRows,
  listCertificateRows,
  listCompetencyRows,
  listConsentRows,
  listNoteRows,
  listReviewRows,
  listStepRows,
  verificationCodeExists,
} from '../../db/repositories/casework.ts';
import { getCenter } from '../../db/repositories/centers.ts';
import { getJobseeker, getJobseekerRow } from '../../db/repositories/jobseekers.ts';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import type { JobseekerRow } from '../../db/schema.ts';
import {
  competencyKey,
  parseCompetencyFile,
  type CompetencyFields,
  type CompetencyItem,
  type ImportFormat,
} from '../../shared/casework/competency.ts';
import {
  checklistFromAnswers,
  isConversion,
  proposedReassessment,
  readStoredInputs,
  typeOfTrack,
  type Decision,
  type IntakeAnswers,
  type OverrideReasonCode,
  type StoredInputs,
} from '../../shared/casework/intake.ts';
import { stepsOf, type ServicePlanStep } from '../../shared/casework/service-plan.ts';
import {
  CONSENT_FIELDS,
  SENSITIVE_BARRIERS,
  consentInForce,
  sensitiveAnswers,
} from '../../shared/casework/consent.ts';
import {
  CONSENT_GROUPS,
  type Assessment,
  type CaseFile,
  type CaseloadPage,
  type ClassificationReview,
  type ConsentEntry,
  type ConsentGroup,
  type CounselingNote,
  type ImportPreview,
  type IssuedCertificate,
  type NoteKind,
} from '../../shared/casework/types.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { followUpDueDate, FOLLOW_UP_MONTHS, type FollowUpMonths } from '../../shared/domain/follow-ups.ts';
import {
  classifyJobseeker,
  type JobseekerClassification,
  type JobseekerTrack,
  type JobseekerType,
} from '../../shared/profiling/index.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { accessibleJobseeker, requireCaseAccess } from './case-access.ts';
import { requireConsent } from './consent.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { openJobseeker } from './jobseekers.ts';

// Jobseeker casework (issue 3): the case file, intake assessments with the counselor's decision,
// classification reviews, service-plan steps, append-only notes, consent, the competency record and
// its certificate, and the caseload. Every change is one transaction: the row(s), the outbox entries
// and an audit entry naming ids only (domain.md §10). Append-only records are only ever inserted.

type Trx = Parameters<typeof appendOutbox>[0];

/** Today in Korea (the centers' calendar), YYYY-MM-DD. */
export function todayKst(ctx: ServiceContext): string {
  return new Date(ctx.now().getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

function notFound(message = 'jobseekers.notFound'): AppFailure {
  return new AppFailure({ code: 'not-found', message });
}

/** The jobseeker a change is about: one the caller may see (case-access.ts) and not archived. */
function activeJobseeker(ctx: ServiceContext, actor: SessionInfo, id: string): Promise<JobseekerRow> {
  return accessibleJobseeker(ctx.db, actor, id);
}

async function audit(
  db: Trx,
  ctx: ServiceContext,
  actor: SessionInfo,
  action: string,
  subject: { type: string; id: string; personId: string | null },
  detail?: Record<string, unknown>,
): Promise<void> {
  await appendAudit(db, {
    at: isoNow(ctx),
    actorId: actor.userId,
    actorLogin: actor.loginId,
    deviceId: ctx.deviceId,
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    personId: subject.personId,
    detail: detail ?? null,
  });
}

/**
 * A change that changed nothing still hands the case file back to the screen: that is a read of the
 * record, and is recorded as one (domain.md §10: every read of a jobseeker's record).
 */
async function unchangedRead(
  ctx: ServiceContext,
  actor: SessionInfo,
  jobseekerId: string,
): Promise<CaseFile> {
  await audit(ctx.db, ctx, actor, 'jobseeker.read', {
    type: 'jobseeker',
    id: jobseekerId,
    personId: jobseekerId,
  });
  return loadCaseFile(ctx, jobseekerId);
}

/** Inserts a synced row and its outbox entry (every field but id and hlc). */
async function insertSynced<T extends Parameters<typeof insertRow>[1]>(
  trx: Trx,
  table: T,
  row: Parameters<typeof insertRow<T>>[2] & { id: string; hlc: string },
  now: string,
): Promise<void> {
  await insertRow(trx, table, row);
  const { id, hlc, ...fields } = row;
  await appendOutbox(trx, {
    table: table,
    rowId: id,
    op: 'insert',
    fields,
    hlc,
    baseSeq: 0,
    createdAt: now,
  });
}

async function inTransaction<T>(
  ctx: ServiceContext,
  work: (trx: Trx, hlc: string, now: string) => Promise<T>,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    return work(trx, hlc, isoNow(ctx));
  });
}

// ---- The case file ----

/**
 * Without the sensitive consent in force (withdrawn, or never given), an earlier assessment's health and
 * welfare answers are not shown (domain.md §10): they read as not answered, and the assessment says so.
 */
function withheldSensitive(inputs: StoredInputs): StoredInputs {
  return {
    ...inputs,
    barriers: inputs.barriers.filter((b) => !SENSITIVE_BARRIERS.includes(b)),
    economicHardship: [],
  };
}

/** The reasons that would tell the withheld answers (a welfare situation, a health barrier) are left out. */
const SENSITIVE_REASONS = [
  'jobseeker.reason.barriersLoweredAbility',
  'jobseeker.reason.economicVulnerable',
  'jobseeker.reason.economicStable',
];
function withheldReasons(result: JobseekerClassification): JobseekerClassification {
  return { ...result, reasons: result.reasons.filter((r) => !SENSITIVE_REASONS.includes(r)) };
}

function toAssessments(
  rows: Awaited<ReturnType<typeof listAssessmentRows>>,
  sensitiveAllowed: boolean,
): Assessment[] {
  // Rows come newest first; a conversion compares each decision with the one before it.
  return rows.map((r, i) => {
    const previous = rows[i + 1];
    const finalType = r.final_type;
    const stored = readStoredInputs(r.inputs);
    const withheld = !sensitiveAllowed && sensitiveAnswers(stored).length > 0;
    const result = JSON.parse(r.result) as JobseekerClassification;
    return {
      id: r.id,
      ruleSet: r.rule_set,
      inputs: withheld ? withheldSensitive(stored) : stored,
      sensitiveWithheld: withheld,
      result: withheld ? withheldReasons(result) : result,
      decision: r.decision,
      finalType,
      finalTrack: r.final_track as JobseekerTrack,
      overrideReasonCode: r.override_reason_code as OverrideReasonCode | null,
      overrideReasonText: r.override_reason_text,
      conversion: r.conversion === 1 || isConversion(previous?.final_type ?? null, finalType),
      reassessDueOn: r.reassess_due_on,
      createdBy: r.created_by,
      createdByName: r.created_by_name,
      createdAt: r.created_at,
    };
  });
}

function toNotes(rows: Awaited<ReturnType<typeof listNoteRows>>): CounselingNote[] {
  const chains = new Map<string, typeof rows>();
  for (const r of rows) {
    const root = r.revision_of ?? r.id;
    const chain = chains.get(root) ?? [];
    chain.push(r);
    chains.set(root, chain);
  }
  const notes: CounselingNote[] = [];
  for (const [root, chain] of chains) {
    chain.sort((a, b) => a.revision - b.revision);
    const first = chain[0];
    const latest = chain.at(-1);
    if (!first || !latest) continue;
    notes.push({
      id: root,
      latestId: latest.id,
      kind: latest.kind,
      body: latest.body,
      authorName: first.author_name,
      createdAt: first.created_at,
      updatedAt: latest.created_at,
      revisions: chain.map((r) => ({
        id: r.id,
        revision: r.revision,
        kind: r.kind,
        body: r.body,
        authorName: r.author_name,
        createdAt: r.created_at,
      })),
    });
  }
  return notes.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

function toCompetency(rows: Awaited<ReturnType<typeof listCompetencyRows>>): CompetencyItem[] {
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    ncsCode: r.ncs_code,
    issuer: r.issuer,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    hours: r.hours,
    grade: r.grade,
    source: r.source as CompetencyItem['source'],
    createdAt: r.created_at,
    createdByName: r.created_by_name,
  }));
}

/** The case file without an audit entry: for writes, which are audited themselves. */
export async function loadCaseFile(ctx: ServiceContext, jobseekerId: string): Promise<CaseFile> {
  const db = ctx.db;
  const jobseeker = await getJobseeker(db, jobseekerId);
  if (!jobseeker) throw notFound();
  const [assessmentRows, reviewRows, stepRows, noteRows, consentRows, competencyRows, certificateRows, row] =
    await Promise.all([
      listAssessmentRows(db, jobseekerId),
      listReviewRows(db, jobseekerId),
      listStepRows(db, jobseekerId),
      listNoteRows(db, jobseekerId),
      listConsentRows(db, jobseekerId),
      listCompetencyRows(db, jobseekerId),
      listCertificateRows(db, jobseekerId),
      getJobseekerRow(db, jobseekerId),
    ]);
  const history: ConsentEntry[] = consentRows.map((c) => ({
    id: c.id,
    group: c.item_group,
    granted: c.granted === 1,
    noticeVersion: c.notice_version,
    channel: c.channel,
    recordedByName: c.recorded_by_name,
    recordedAt: c.recorded_at,
  }));
  // The consent in force is the decisive field on the jobseeker (older rows: the latest entry); the entry
  // shown for it is the latest one that says the same.
  const inForce = Object.fromEntries(
    CONSENT_GROUPS.map((g) => [
      g,
      consentInForce(row?.[CONSENT_FIELDS[g]] ?? null, history.find((e) => e.group === g)?.granted),
    ]),
  ) as Record<ConsentGroup, boolean | null>;
  const current: Partial<Record<ConsentGroup, ConsentEntry>> = {};
  for (const group of CONSENT_GROUPS) {
    const entry =
      history.find((e) => e.group === group && e.granted === inForce[group]) ??
      history.find((e) => e.group === group);
    if (entry && inForce[group] !== null) current[group] = entry;
  }
  return {
    jobseeker,
    assessments: toAssessments(assessmentRows, inForce.sensitive === true),
    reviews: reviewRows.map((r): ClassificationReview => ({
      id: r.id,
      assessmentId: r.assessment_id,
      requestText: r.request_text,
      requestedAt: r.requested_at,
      recordedByName: r.recorded_by_name,
      status: r.status,
      outcomeText: r.outcome_text,
      outcomeAssessmentId: r.outcome_assessment_id,
      decidedAt: r.decided_at,
      decidedByName: r.decided_by_name,
    })),
    planSteps: stepRows.map((s) => ({
      id: s.id,
      assessmentId: s.assessment_id,
      step: s.step as ServicePlanStep,
      doneOn: s.done_on,
      note: s.note,
      recordedByName: s.recorded_by_name,
      recordedAt: s.recorded_at,
    })),
    notes: toNotes(noteRows),
    consent: { current, history },
    competency: toCompetency(competencyRows),
    certificates: certificateRows.map((c) => ({
      id: c.id,
      verificationCode: c.verification_code,
      itemCount: (JSON.parse(c.item_ids) as string[]).length,
      issuedAt: c.issued_at,
      issuedByName: c.issued_by_name,
    })),
    reassessDueOn: row?.reassess_due_on ?? null,
  };
}

/** Opening a jobseeker's case: one audited read (jobseeker.read), like jobseekers:get. */
export async function getCaseFile(
  ctx: ServiceContext,
  actor: SessionInfo,
  jobseekerId: string,
): Promise<CaseFile> {
  await openJobseeker(ctx, actor, jobseekerId);
  return loadCaseFile(ctx, jobseekerId);
}

// ---- Intake assessment and decision ----

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
  return loadCaseFile(ctx, jobseeker.id);
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

export async function addNote(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; kind: NoteKind; body: string },
): Promise<CaseFile> {
  const jobseeker = await activeJobseeker(ctx, actor, input.jobseekerId);
  await requireConsent(ctx.db, jobseeker, 'required');
  const id = uuidv7();
  await inTransaction(ctx, async (trx, hlc, now) => {
    await insertSynced(
      trx,
      'counseling_notes',
      {
        id,
        hlc,
        jobseeker_id: jobseeker.id,
        kind: input.kind,
        body: input.body,
        author_id: actor.userId,
        created_at: now,
        revision_of: null,
        revision: 1,
      },
      now,
    );
    await audit(trx, ctx, actor, 'note.create', { type: 'counseling-note', id, personId: jobseeker.id });
  });
  return loadCaseFile(ctx, jobseeker.id);
}

export async function reviseNote(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { noteId: string; kind: NoteKind; body: string },
): Promise<CaseFile> {
  const note = await getNoteRow(ctx.db, input.noteId);
  if (!note) throw notFound('notes.notFound');
  await requireCaseAccess(ctx.db, actor, note.jobseeker_id, 'notes.notFound');
  const owner = await getJobseekerRow(ctx.db, note.jobseeker_id);
  if (owner) await requireConsent(ctx.db, owner, 'required');
  const rootId = note.revision_of ?? note.id;
  const root = note.revision_of ? await getNoteRow(ctx.db, rootId) : note;
  // The author keeps their note; a supervisor may correct it. Either way the old text stays.
  if (root?.author_id !== actor.userId && actor.role !== 'supervisor') {
    throw new AppFailure({ code: 'forbidden', message: 'notes.notAuthor' });
  }
  const last = await lastRevision(ctx.db, rootId);
  const latest = await ctx.db
    .selectFrom('counseling_notes')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', rootId), eb('revision_of', '=', rootId)]))
    .where('revision', '=', last)
    .executeTakeFirstOrThrow();
  if (latest.id !== note.id) throw new AppFailure({ code: 'conflict', message: 'notes.staleRevision' });
  if (latest.body === input.body && latest.kind === input.kind)
    return unchangedRead(ctx, actor, note.jobseeker_id);
  const id = uuidv7();
  await inTransaction(ctx, async (trx, hlc, now) => {
    await insertSynced(
      trx,
      'counseling_notes',
      {
        id,
        hlc,
        jobseeker_id: note.jobseeker_id,
        kind: input.kind,
        body: input.body,
        author_id: actor.userId,
        created_at: now,
        revision_of: rootId,
        revision: last + 1,
      },
      now,
    );
    await audit(
      trx,
      ctx,
      actor,
      'note.revise',
      { type: 'counseling-note', id, personId: note.jobseeker_id },
      { revisionOf: rootId, revision: last + 1 },
    );
  });
  return loadCaseFile(ctx, note.jobseeker_id);
}

// ---- Competency record ----

function competencyRow(
  f: CompetencyFields,
  jobseekerId: string,
  actor: SessionInfo,
  hlc: string,
  now: string,
) {
  return {
    id: uuidv7(),
    hlc,
    jobseeker_id: jobseekerId,
    kind: f.kind,
    title: f.title,
    ncs_code: f.ncsCode,
    issuer: f.issuer,
    started_on: f.startedOn,
    ended_on: f.endedOn,
    hours: f.hours,
    grade: f.grade,
    source: f.source,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
}

export async function addCompetency(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; item: CompetencyFields },
): Promise<CaseFile> {
  const jobseeker = await activeJobseeker(ctx, actor, input.jobseekerId);
  await requireConsent(ctx.db, jobseeker, 'required');
  const existing = toCompetency(await listCompetencyRows(ctx.db, jobseeker.id));
  if (existing.some((e) => competencyKey(e) === competencyKey(input.item))) {
    throw new AppFailure({ code: 'conflict', message: 'competency.duplicate' });
  }
  await inTransaction(ctx, async (trx, hlc, now) => {
    const row = competencyRow(input.item, jobseeker.id, actor, hlc, now);
    await insertSynced(trx, 'competency_items', row, now);
    await audit(trx, ctx, actor, 'competency.add', {
      type: 'competency-item',
      id: row.id,
      personId: jobseeker.id,
    });
  });
  return loadCaseFile(ctx, jobseeker.id);
}

/** The preview the counselor sees before importing: it compares the file with the person's record. */
export async function previewImport(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; format: ImportFormat; content: string },
): Promise<ImportPreview> {
  const preview = await compareImport(ctx, actor, input);
  await audit(
    ctx.db,
    ctx,
    actor,
    'competency.import-preview',
    { type: 'jobseeker', id: input.jobseekerId, personId: input.jobseekerId },
    { format: input.format, toAdd: preview.toAdd.length, errors: preview.errors.length },
  );
  return preview;
}

async function compareImport(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; format: ImportFormat; content: string },
): Promise<ImportPreview> {
  const jobseeker = await activeJobseeker(ctx, actor, input.jobseekerId);
  await requireConsent(ctx.db, jobseeker, 'required');
  const parsed = parseCompetencyFile(input.format, input.content);
  const seen = new Set(toCompetency(await listCompetencyRows(ctx.db, jobseeker.id)).map(competencyKey));
  const preview: ImportPreview = { toAdd: [], duplicates: [], errors: parsed.errors };
  for (const item of parsed.items) {
    const key = competencyKey(item.fields);
    if (seen.has(key)) preview.duplicates.push({ line: item.line, title: item.fields.title });
    else {
      seen.add(key);
      preview.toAdd.push(item);
    }
  }
  return preview;
}

/** All or nothing: any bad line refuses the whole file, and nothing is written. */
export async function importCompetency(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; format: ImportFormat; content: string },
): Promise<{ added: number; skipped: number; caseFile: CaseFile }> {
  const preview = await compareImport(ctx, actor, input);
  if (preview.errors.length > 0) {
    throw new AppFailure({
      code: 'validation',
      message: 'competency.importRefused',
      field: 'content',
      issues: preview.errors.map((e) => ({
        field: `line:${e.line}${e.field ? `:${e.field}` : ''}`,
        message: e.message,
      })),
    });
  }
  await inTransaction(ctx, async (trx, hlc, now) => {
    for (const item of preview.toAdd) {
      await insertSynced(
        trx,
        'competency_items',
        competencyRow(item.fields, input.jobseekerId, actor, hlc, now),
        now,
      );
    }
    await audit(
      trx,
      ctx,
      actor,
      'competency.import',
      { type: 'jobseeker', id: input.jobseekerId, personId: input.jobseekerId },
      { format: input.format, added: preview.toAdd.length, skipped: preview.duplicates.length },
    );
  });
  return {
    added: preview.toAdd.length,
    skipped: preview.duplicates.length,
    caseFile: await loadCaseFile(ctx, input.jobseekerId),
  };
}

// ---- Certificate (직무능력 인정서) ----

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

export function makeVerificationCode(random: (n: number) => number = randomInt): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[random(32)] ?? '0');
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** Accepts what people type: lower case, no dashes, O for 0, I/L for 1. */
export function normaliseVerificationCode(code: string): string {
  const clean = code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return clean.length === 12 ? `${clean.slice(0, 4)}-${clean.slice(4, 8)}-${clean.slice(8)}` : clean;
}

export async function issueCertificate(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; itemIds: string[] },
): Promise<IssuedCertificate> {
  const jobseeker = await activeJobseeker(ctx, actor, input.jobseekerId);
  const owned = toCompetency(await listCompetencyRows(ctx.db, jobseeker.id));
  const wanted = new Set(input.itemIds);
  const items = owned.filter((i) => wanted.has(i.id));
  if (items.length !== wanted.size)
    throw new AppFailure({ code: 'validation', message: 'certificate.unknownItem', field: 'itemIds' });
  const center = await getCenter(ctx.db, actor.centerCode);
  let code = makeVerificationCode();
  while (await verificationCodeExists(ctx.db, code)) code = makeVerificationCode();
  const issuedOn = todayKst(ctx);
  const fields: CompetencyFields[] = items.map(({ id: _id, createdAt: _c, createdByName: _n, ...f }) => f);
  const pdf = await renderCertificatePdf({
    name: jobseeker.name,
    birthYear: jobseeker.birth_year,
    regNo: jobseeker.reg_no,
    centerName: center?.name ?? actor.centerName,
    issuedOn,
    verificationCode: code,
    items: fields,
  });
  const id = uuidv7();
  let issuedAt = '';
  await inTransaction(ctx, async (trx, hlc, now) => {
    issuedAt = now;
    await insertSynced(
      trx,
      'certificates',
      {
        id,
        hlc,
        jobseeker_id: jobseeker.id,
        verification_code: code,
        center_code: actor.centerCode,
        item_ids: JSON.stringify(items.map((i) => i.id)),
        items: JSON.stringify(fields),
        pdf_sha256: createHash('sha256').update(pdf).digest('hex'),
        issued_by: actor.userId,
        issued_at: now,
      },
      now,
    );
    await audit(
      trx,
      ctx,
      actor,
      'certificate.issue',
      { type: 'certificate', id, personId: jobseeker.id },
      { itemCount: items.length },
    );
  });
  return {
    certificate: {
      id,
      verificationCode: code,
      itemCount: items.length,
      issuedAt,
      issuedByName: actor.displayName,
    },
    fileName: `직무능력인정서_${jobseeker.reg_no}_${issuedOn}.pdf`,
    pdfBase64: pdf.toString('base64'),
  };
}

export async function verifyCertificate(ctx: ServiceContext, actor: SessionInfo, code: string) {
  const found = await findCertificateByCode(ctx.db, normaliseVerificationCode(code));
  if (!found) return { valid: false, issuedAt: null, centerName: null, itemCount: 0, items: [] };
  const items = JSON.parse(found.items) as CompetencyFields[];
  await ctx.db.transaction().execute((trx) =>
    audit(trx, ctx, actor, 'certificate.verify', {
      type: 'certificate',
      id: found.id,
      personId: found.jobseeker_id,
    }),
  );
  return {
    valid: true,
    issuedAt: found.issued_at,
    centerName: found.center_name,
    itemCount: items.length,
    items: items.map((i) => ({ kind: i.kind, title: i.title })),
  };
}

// ---- Caseload ----

interface FollowUpDue {
  dueOn: string;
  months: FollowUpMonths;
}

/** The earliest overdue follow-up (사후관리) per jobseeker, from hired and follow-up events (read only). */
export function overdueFollowUps(
  events: Array<{ referral_id: string; jobseeker_id: string; kind: string; at: string; data: string }>,
  today: string,
): Map<string, FollowUpDue> {
  const byReferral = new Map<
    string,
    { jobseekerId: string; hiredAt: string | null; done: Set<number>; ended: boolean }
  >();
  for (const e of events) {
    const entry = byReferral.get(e.referral_id) ?? {
      jobseekerId: e.jobseeker_id,
      hiredAt: null,
      done: new Set(),
      ended: false,
    };
    if (e.kind === 'hired') entry.hiredAt = entry.hiredAt && entry.hiredAt > e.at ? entry.hiredAt : e.at;
    else {
      try {
        const data = JSON.parse(e.data) as { months?: number; employed?: boolean };
        if (typeof data.months === 'number') entry.done.add(data.months);
        if (data.employed === false) entry.ended = true; // no longer employed: the series ends
      } catch {
        // a malformed event is ignored here; the referrals area shows it
      }
    }
    byReferral.set(e.referral_id, entry);
  }
  const due = new Map<string, FollowUpDue>();
  for (const entry of byReferral.values()) {
    if (!entry.hiredAt || entry.ended) continue;
    for (const months of FOLLOW_UP_MONTHS) {
      if (entry.done.has(months)) continue;
      const dueOn = followUpDueDate(entry.hiredAt, months);
      if (dueOn < today) {
        const known = due.get(entry.jobseekerId);
        if (!known || dueOn < known.dueOn) due.set(entry.jobseekerId, { dueOn, months });
      }
      break; // only the next follow-up of a placement is due
    }
  }
  return due;
}

export async function caseload(
  ctx: ServiceContext,
  actor: SessionInfo,
  q: {
    query: string;
    type?: JobseekerType | undefined;
    track?: JobseekerTrack | undefined;
    unclassified: boolean;
    attentionOnly: boolean;
    offset: number;
    limit: number;
  },
): Promise<CaseloadPage> {
  const today = todayKst(ctx);
  const followUps = overdueFollowUps(await hiresOfCaseload(ctx.db, actor.userId), today);
  const page = await caseloadPage(ctx.db, {
    counselorId: actor.userId,
    today,
    query: q.query,
    type: q.type,
    track: q.track,
    unclassified: q.unclassified,
    attentionOnly: q.attentionOnly,
    followUpIds: [...followUps.keys()],
    offset: q.offset,
    limit: q.limit,
  });
  await audit(
    ctx.db,
    ctx,
    actor,
    'caseload.list',
    { type: 'caseload', id: actor.userId, personId: null },
    {
      rows: page.rows.length,
      offset: q.offset,
      searched: q.query !== '',
    },
  );
  return {
    groups: page.groups.map((g) => ({
      type: g.current_type,
      track: g.current_track,
      count: Number(g.n),
    })),
    overdueReassessments: page.overdueReassessments,
    overdueFollowUps: followUps.size,
    total: page.total,
    offset: q.offset,
    rows: page.rows.map((r) => {
      const f = followUps.get(r.id);
      return {
        id: r.id,
        regNo: r.reg_no,
        name: r.name,
        birthYear: r.birth_year,
        currentType: r.current_type,
        currentTrack: r.current_track,
        reassessDueOn: r.reassess_due_on,
        reassessOverdue: r.reassess_due_on !== null && r.reassess_due_on < today,
        followUpDueOn: f?.dueOn ?? null,
        followUpMonths: f?.months ?? null,
        lastContactAt: r.last_contact_at,
      };
    }),
  };
}
