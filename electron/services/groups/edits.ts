import { attendanceOfSession, seatedCount, sessionsOf } from '../../../db/repositories/groups.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type { GroupRunDetail } from '../../../shared/contract/groups.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { attendedCount } from '../../../shared/domain/groups.ts';
import { figureFor, programmeOf } from '../../../shared/programmes/catalogue.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { auditAction, updateSynced } from '../synced-writes.ts';
import { checkFacilitator, get } from './runs.ts';
import { accessibleRun, NOT_FOUND } from './views.ts';

// Editing and archiving group programme runs and their sessions (issue 17 leftovers). A run's title,
// place, facilitator and capacity change; the programme, edition and completion threshold never do. A
// capacity below the seats already held is refused with the numbers (move people to the waiting list
// first). Archiving takes a reason: an archived run leaves the lists but stays in the cases' history and
// the reports; only a supervisor archives a run (shared/sync/tables/groups.ts says the same to the
// server). A session is never deleted — sync has no delete, and a session with marks is history — it is
// archived with a reason by the run's staff, and leaves the grid and the completion count.

const SESSION_NOT_FOUND = 'groups.sessionNotFound';

/** Only the fields that differ from the row: the outbox carries what changed. */
function changedOf(row: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => row[k] !== v));
}

/** One synced update of a run or session row and its audit line, in one transaction. */
async function writeAudited(
  ctx: ServiceContext,
  actor: SessionInfo,
  target: { table: 'group_programmes' | 'group_sessions'; id: string; seq: number | string | bigint },
  fields: Record<string, unknown>,
  audit: { action: string; detail?: Record<string, unknown> },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await updateSynced(trx, ctx, target.table, target.id, fields, Number(target.seq));
    await auditAction(trx, ctx, actor, {
      action: audit.action,
      subjectType: target.table === 'group_programmes' ? 'group-programme' : 'group-session',
      subjectId: target.id,
      ...(audit.detail ? { detail: audit.detail } : {}),
    });
  });
}

export async function updateRun(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { id: string; title: string; facilitatorId: string; place: string | null; capacity: number },
): Promise<GroupRunDetail> {
  const run = await accessibleRun(ctx, actor, input.id);
  if (run.archived) throw new AppFailure({ code: 'conflict', message: 'groups.archivedRun' });
  if (input.facilitatorId !== run.facilitator_id) await checkFacilitator(ctx, actor, input.facilitatorId);
  const programme = programmeOf(run.programme_code, run.catalogue_version);
  if (programme?.capacity && figureFor(programme.capacity, input.capacity) !== input.capacity)
    throw new AppFailure({
      code: 'validation',
      message: `groups.v.capacityFigure|min=${programme.capacity.min ?? programme.capacity.value}|max=${programme.capacity.max ?? programme.capacity.value}`,
      field: 'capacity',
    });
  const seated = await seatedCount(ctx.db, run.id);
  if (input.capacity < seated)
    throw new AppFailure({
      code: 'conflict',
      message: `groups.capacityBelowSeated|seated=${seated}|capacity=${input.capacity}`,
      field: 'capacity',
    });
  const changed = changedOf(run, {
    title: input.title,
    facilitator_id: input.facilitatorId,
    place: input.place,
    capacity: input.capacity,
  });
  if (Object.keys(changed).length > 0)
    await writeAudited(
      ctx,
      actor,
      { table: 'group_programmes', id: run.id, seq: run.seq },
      { ...changed, updated_at: isoNow(ctx) },
      { action: 'group.update', detail: { fields: Object.keys(changed) } },
    );
  return get(ctx, actor, run.id);
}

export async function archiveRun(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { id: string; reason: string },
): Promise<void> {
  const run = await accessibleRun(ctx, actor, input.id);
  if (actor.role !== 'supervisor')
    throw new AppFailure({ code: 'forbidden', message: 'groups.archiveSupervisor' });
  if (run.archived) return;
  const now = isoNow(ctx);
  await writeAudited(
    ctx,
    actor,
    { table: 'group_programmes', id: run.id, seq: run.seq },
    {
      archived: 1,
      archive_reason: input.reason,
      archived_by: actor.userId,
      archived_at: now,
      updated_at: now,
    },
    { action: 'group.archive' },
  );
}

/** The session if it is of a run of the caller's center (and not archived); not-found otherwise. */
async function accessibleSession(ctx: ServiceContext, actor: SessionInfo, id: string) {
  const s = await ctx.db.selectFrom('group_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s || s.archived) throw new AppFailure({ code: 'not-found', message: SESSION_NOT_FOUND });
  const run = await accessibleRun(ctx, actor, s.programme_id).catch(() => {
    throw new AppFailure({ code: 'not-found', message: SESSION_NOT_FOUND });
  });
  if (run.archived) throw new AppFailure({ code: 'conflict', message: 'groups.archivedRun' });
  return { s, run };
}

export async function updateSession(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { id: string; startsAt: string; durationMin: number; place: string | null; capacity: number | null },
): Promise<GroupRunDetail> {
  const { s, run } = await accessibleSession(ctx, actor, input.id);
  if (input.capacity !== null) {
    const attended = attendedCount(await attendanceOfSession(ctx.db, s.id));
    if (input.capacity < attended)
      throw new AppFailure({
        code: 'conflict',
        message: `groups.sessionCapacityBelow|attended=${attended}|capacity=${input.capacity}`,
        field: 'capacity',
      });
  }
  const changed = changedOf(s, {
    starts_at: input.startsAt,
    duration_min: input.durationMin,
    place: input.place,
    capacity: input.capacity,
  });
  if (Object.keys(changed).length > 0)
    await writeAudited(ctx, actor, { table: 'group_sessions', id: s.id, seq: s.seq }, changed, {
      action: 'group.session.update',
      detail: { fields: Object.keys(changed) },
    });
  return get(ctx, actor, run.id);
}

export async function archiveSession(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { id: string; reason: string },
): Promise<GroupRunDetail> {
  const { s, run } = await accessibleSession(ctx, actor, input.id);
  if ((await sessionsOf(ctx.db, run.id)).length <= 1)
    throw new AppFailure({ code: 'conflict', message: 'groups.lastSession' });
  const marks = await attendanceOfSession(ctx.db, s.id);
  const now = isoNow(ctx);
  await writeAudited(
    ctx,
    actor,
    { table: 'group_sessions', id: s.id, seq: s.seq },
    { archived: 1, archive_reason: input.reason, archived_by: actor.userId, archived_at: now },
    { action: 'group.session.archive', detail: { marks: marks.length } },
  );
  return get(ctx, actor, run.id);
}

export { NOT_FOUND };
