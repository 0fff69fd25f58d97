import { jobseekersByIds, statusEventsOf } from '../../db/repositories/case-lifecycle.ts';
import { getJobseeker } from '../../db/repositories/jobseekers.ts';
import type { Transaction } from 'kysely';
import type { Database, JobseekerRow } from '../../db/schema.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import type {
  CloseManyResult,
  CloseReason,
  ReopenReason,
  StatusEvent,
  StatusEventKind,
} from '../../shared/casework/lifecycle.ts';
import type { Jobseeker } from '../../shared/domain/jobseeker.ts';
import { rowInScope } from '../../db/repositories/case-scope.ts';
import { accessibleJobseeker, caseScope } from './case-access.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { auditAction, insertSynced, updateSynced } from './synced-writes.ts';

// Closing and reopening a case (issue 16 item 3). The status in force is jobseekers.status (decisive in
// sync: two different changes made apart become a review item); every change also leaves an append-only
// case_status_events record with its reason, which is the status history on the case. Nothing else of
// the case changes: placements, referrals, notes and assessments stay as they are, so a reopened case
// is the same case with its history, and matching (which asks for an active case) works again.

type Trx = Transaction<Database>;

function mayChangeStatus(actor: SessionInfo, row: JobseekerRow): boolean {
  return actor.role === 'supervisor' || row.assigned_counselor_id === actor.userId;
}

async function writeStatus(
  trx: Trx,
  ctx: ServiceContext,
  actor: SessionInfo,
  row: JobseekerRow,
  kind: StatusEventKind,
  toStatus: 'active' | 'closed',
  reason: string,
  noContactMonths: number | null,
  text: string,
): Promise<void> {
  const now = isoNow(ctx);
  await updateSynced(trx, ctx, 'jobseekers', row.id, { status: toStatus, updated_at: now }, Number(row.seq));
  const eventId = await insertSynced(trx, ctx, 'case_status_events', {
    jobseeker_id: row.id,
    kind,
    from_status: row.status,
    to_status: toStatus,
    reason,
    no_contact_months: noContactMonths,
    text: text === '' ? null : text,
    recorded_by: actor.userId,
    recorded_at: now,
  });
  // Ids and the reason code only: the counselor's text may name people.
  await auditAction(trx, ctx, actor, {
    action: kind === 'closed' ? 'jobseeker.close' : 'jobseeker.reopen',
    subjectType: 'jobseeker',
    subjectId: row.id,
    personId: row.id,
    detail: { eventId, reason },
  });
}

export async function closeCase(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; reason: CloseReason; noContactMonths: number | null; text: string },
): Promise<Jobseeker> {
  const row = await accessibleJobseeker(ctx.db, actor, input.jobseekerId);
  if (!mayChangeStatus(actor, row))
    throw new AppFailure({ code: 'forbidden', message: 'lifecycle.error.notYours' });
  if (row.status === 'closed')
    throw new AppFailure({ code: 'conflict', message: 'lifecycle.error.alreadyClosed' });
  const months = input.reason === 'no-contact' ? input.noContactMonths : null;
  await ctx.db
    .transaction()
    .execute((trx) =>
      writeStatus(trx, ctx, actor, row, 'closed', 'closed', input.reason, months, input.text),
    );
  return (await getJobseeker(ctx.db, row.id)) as Jobseeker;
}

/**
 * Closes many cases with one reason (the supervisors' bulk action on the list). Each case is its own
 * decisive change with its own event, all in one transaction; a case that is already closed, not
 * visible or not the caller's to close is skipped and named, never an error for the others.
 */
export async function closeCases(
  ctx: ServiceContext,
  actor: SessionInfo,
  ids: readonly string[],
  reason: CloseReason,
  text: string,
  noContactMonths: number | null = null,
): Promise<CloseManyResult> {
  const scope = caseScope(actor);
  const unique = [...new Set(ids)];
  const rows = new Map((await jobseekersByIds(ctx.db, unique)).map((r) => [r.id, r]));
  const result: CloseManyResult = { closed: [], skipped: [] };
  const months = reason === 'no-contact' ? noContactMonths : null;
  await ctx.db.transaction().execute(async (trx) => {
    for (const id of unique) {
      const row = rows.get(id);
      if (!row || !rowInScope(row, scope) || row.archived === 1)
        result.skipped.push({ id, why: 'not-found' });
      else if (!mayChangeStatus(actor, row)) result.skipped.push({ id, why: 'forbidden' });
      else if (row.status === 'closed') result.skipped.push({ id, why: 'already-closed' });
      else {
        await writeStatus(trx, ctx, actor, row, 'closed', 'closed', reason, months, text);
        result.closed.push(id);
      }
    }
  });
  return result;
}

/** Reopens a closed case, or a placed one whose person lost the job: active again, history kept. */
export async function reopenCase(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; reason: ReopenReason; text: string },
): Promise<Jobseeker> {
  const row = await accessibleJobseeker(ctx.db, actor, input.jobseekerId);
  if (!mayChangeStatus(actor, row))
    throw new AppFailure({ code: 'forbidden', message: 'lifecycle.error.notYours' });
  if (row.status === 'active')
    throw new AppFailure({ code: 'conflict', message: 'lifecycle.error.notClosed' });
  await ctx.db
    .transaction()
    .execute((trx) =>
      writeStatus(trx, ctx, actor, row, 'reopened', 'active', input.reason, null, input.text),
    );
  return (await getJobseeker(ctx.db, row.id)) as Jobseeker;
}

/** The status history on the case, newest first. */
export async function statusHistory(
  ctx: ServiceContext,
  actor: SessionInfo,
  jobseekerId: string,
): Promise<StatusEvent[]> {
  await accessibleJobseeker(ctx.db, actor, jobseekerId, { archived: true });
  const rows = await statusEventsOf(ctx.db, jobseekerId);
  await auditAction(ctx.db, ctx, actor, {
    action: 'lifecycle.read',
    subjectType: 'jobseeker',
    subjectId: jobseekerId,
    personId: jobseekerId,
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    reason: r.reason,
    noContactMonths: r.no_contact_months,
    text: r.text,
    recordedBy: r.recorded_by,
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at,
  }));
}
