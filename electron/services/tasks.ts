import { getTask, getTaskRow } from '../../db/repositories/tasks.ts';
import { listCaseStaff } from '../../db/repositories/users.ts';
import type { TaskRow } from '../../db/schema.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import type { Task, TaskFields } from '../../shared/domain/tasks.ts';
import { accessibleJobseeker, caseScope } from './case-access.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { auditAction, insertSynced, todayKst, updateSynced } from './synced-writes.ts';

// To-do items (오늘 할 일, issue 16 item 2): made by a counselor for themselves or by a supervisor for
// anyone of the center; done, snoozed and handed on by their assignee (or a supervisor). Each change is
// the row, its outbox entry and an audit entry in one transaction; the server checks the same rules
// again (server/sync/flows.ts), since it trusts no desktop.

const LINK_COLUMN = {
  jobseeker: 'jobseeker_id',
  employer: 'employer_id',
  opening: 'opening_id',
  referral: 'referral_id',
} as const;

const notFound = () => new AppFailure({ code: 'not-found', message: 'tasks.notFound' });

/** The linked record exists and the caller may see it; returns the case it is about, if any. */
async function checkLink(
  ctx: ServiceContext,
  actor: SessionInfo,
  link: TaskFields['link'],
): Promise<string | null> {
  if (!link) return null;
  const field = 'link';
  const missing = () => new AppFailure({ code: 'not-found', message: 'tasks.linkMissing', field });
  if (link.kind === 'jobseeker') {
    await accessibleJobseeker(ctx.db, actor, link.id, { field });
    return link.id;
  }
  if (link.kind === 'referral') {
    const r = await ctx.db
      .selectFrom('referrals')
      .select('jobseeker_id')
      .where('id', '=', link.id)
      .executeTakeFirst();
    if (!r) throw missing();
    await accessibleJobseeker(ctx.db, actor, r.jobseeker_id, { field });
    return r.jobseeker_id;
  }
  const table = link.kind === 'employer' ? 'employers' : 'job_openings';
  const row = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('id', '=', link.id)
    .where('archived', '=', 0)
    .executeTakeFirst();
  if (!row) throw missing();
  return null;
}

async function checkAssignee(ctx: ServiceContext, actor: SessionInfo, assigneeId: string): Promise<void> {
  if (assigneeId === actor.userId) return;
  const staff = await listCaseStaff(ctx.db, actor.centerCode);
  if (!staff.some((s) => s.id === assigneeId))
    throw new AppFailure({ code: 'validation', message: 'tasks.assigneeUnknown', field: 'assigneeId' });
}

async function readTask(ctx: ServiceContext, id: string): Promise<Task> {
  const task = await getTask(ctx.db, id);
  if (!task) throw notFound();
  return task;
}

export async function createTask(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: TaskFields & { assigneeId?: string | undefined },
): Promise<Task> {
  caseScope(actor);
  const assigneeId = input.assigneeId ?? actor.userId;
  if (assigneeId !== actor.userId && actor.role !== 'supervisor')
    throw new AppFailure({ code: 'forbidden', message: 'tasks.assignSupervisorOnly', field: 'assigneeId' });
  await checkAssignee(ctx, actor, assigneeId);
  const personId = await checkLink(ctx, actor, input.link);
  const now = isoNow(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const taskId = await insertSynced(trx, ctx, 'tasks', {
      center_code: actor.centerCode,
      assignee_id: assigneeId,
      created_by: actor.userId,
      title: input.title,
      due_on: input.dueOn,
      jobseeker_id: null,
      employer_id: null,
      opening_id: null,
      referral_id: null,
      ...(input.link ? { [LINK_COLUMN[input.link.kind]]: input.link.id } : {}),
      done: 0,
      done_at: null,
      snoozed_until: null,
      created_at: now,
      updated_at: now,
      archived: 0,
    });
    await auditAction(trx, ctx, actor, {
      action: 'task.create',
      subjectType: 'task',
      subjectId: taskId,
      personId,
      detail: { assignee: assigneeId, link: input.link?.kind ?? null },
    });
    return taskId;
  });
  return readTask(ctx, id);
}

/** The task if the caller may change it: its assignee, its author, or a supervisor of its center. */
async function changeableTask(ctx: ServiceContext, actor: SessionInfo, id: string): Promise<TaskRow> {
  caseScope(actor);
  const row = await getTaskRow(ctx.db, id);
  if (!row || (row.center_code !== actor.centerCode && row.assignee_id !== actor.userId)) throw notFound();
  const mayChange =
    row.assignee_id === actor.userId ||
    row.created_by === actor.userId ||
    (actor.role === 'supervisor' && row.center_code === actor.centerCode);
  if (!mayChange) throw new AppFailure({ code: 'forbidden', message: 'tasks.notYours' });
  return row;
}

async function change(
  ctx: ServiceContext,
  actor: SessionInfo,
  row: TaskRow,
  baseSeq: number,
  fields: Partial<TaskRow>,
  action: string,
  detail?: Record<string, unknown>,
): Promise<Task> {
  const changed = Object.fromEntries(
    Object.entries(fields).filter(([k, v]) => row[k as keyof TaskRow] !== v),
  ) as Partial<TaskRow>;
  if (Object.keys(changed).length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      await updateSynced(trx, ctx, 'tasks', row.id, { ...changed, updated_at: isoNow(ctx) }, baseSeq);
      await auditAction(trx, ctx, actor, {
        action,
        subjectType: 'task',
        subjectId: row.id,
        personId: row.jobseeker_id,
        detail: { fields: Object.keys(changed), ...detail },
      });
    });
  }
  return readTask(ctx, row.id);
}

export async function setTaskDone(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { id: string; baseSeq: number; done: boolean },
): Promise<Task> {
  const row = await changeableTask(ctx, actor, input.id);
  return change(
    ctx,
    actor,
    row,
    input.baseSeq,
    input.done ? { done: 1, done_at: isoNow(ctx) } : { done: 0, done_at: null },
    input.done ? 'task.done' : 'task.reopen',
  );
}

/** 미루기: hidden from the inbox until `until` (a day after today); null brings it back now. */
export async function snoozeTask(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { id: string; baseSeq: number; until: string | null },
): Promise<Task> {
  const row = await changeableTask(ctx, actor, input.id);
  if (input.until !== null && input.until <= todayKst(ctx))
    throw new AppFailure({ code: 'validation', message: 'tasks.validation.snoozeFuture', field: 'until' });
  return change(ctx, actor, row, input.baseSeq, { snoozed_until: input.until }, 'task.snooze');
}

/** 넘기기: the assignee or a supervisor hands the task to another counselor of the center. */
export async function reassignTask(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { id: string; baseSeq: number; assigneeId: string },
): Promise<Task> {
  const row = await changeableTask(ctx, actor, input.id);
  if (actor.role !== 'supervisor' && row.assignee_id !== actor.userId)
    throw new AppFailure({ code: 'forbidden', message: 'tasks.reassignNotYours', field: 'assigneeId' });
  await checkAssignee(ctx, actor, input.assigneeId);
  return change(ctx, actor, row, input.baseSeq, { assignee_id: input.assigneeId }, 'task.reassign', {
    assignee: input.assigneeId,
  });
}
