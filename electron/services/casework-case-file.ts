import { appendAudit } from '../../db/repositories/audit.ts';
import {
  insertRow,
  listAssessmentRows,
  listCertificateRows,
  listCompetencyRows,
  listConsentRows,
  listNoteRows,
  listReviewRows,
  listStepRows,
} from '../../db/repositories/casework.ts';
import { getJobseeker, getJobseekerRow } from '../../db/repositories/jobseekers.ts';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import type { JobseekerRow } from '../../db/schema.ts';
import { type CompetencyItem } from '../../shared/casework/competency.ts';
import {
  isConversion,
  readStoredInputs,
  type OverrideReasonCode,
  type StoredInputs,
} from '../../shared/casework/intake.ts';
import { type ServicePlanStep } from '../../shared/casework/service-plan.ts';
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
  type ClassificationReview,
  type ConsentEntry,
  type ConsentGroup,
  type CounselingNote,
} from '../../shared/casework/types.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { type JobseekerClassification, type JobseekerTrack } from '../../shared/profiling/index.ts';
import { accessibleJobseeker } from './case-access.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { openJobseeker } from './jobseekers.ts';

// The case file (issue 3) and what every casework change shares: the audit entry, the synced insert
// with its outbox entry, one transaction with its HLC, and the read that an unchanged save records.

export type Trx = Parameters<typeof appendOutbox>[0];

/** Today in Korea (the centers' calendar), YYYY-MM-DD. */
export function todayKst(ctx: ServiceContext): string {
  return new Date(ctx.now().getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

export function notFound(message = 'jobseekers.notFound'): AppFailure {
  return new AppFailure({ code: 'not-found', message });
}

/** The jobseeker a change is about: one the caller may see (case-access.ts) and not archived. */
export function activeJobseeker(ctx: ServiceContext, actor: SessionInfo, id: string): Promise<JobseekerRow> {
  return accessibleJobseeker(ctx.db, actor, id);
}

export async function audit(
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
export async function unchangedRead(
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
export async function insertSynced<T extends Parameters<typeof insertRow>[1]>(
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

export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (trx: Trx, hlc: string, now: string) => Promise<T>,
) {
  const run = async (trx: Trx) => {
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    return work(trx, hlc, isoNow(ctx));
  };
  // Inside a larger write (the intake's consent and assessment, saveIntake) it joins that transaction.
  return ctx.db.isTransaction ? run(ctx.db) : ctx.db.transaction().execute(run);
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

export function toCompetency(rows: Awaited<ReturnType<typeof listCompetencyRows>>): CompetencyItem[] {
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
