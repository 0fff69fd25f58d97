import { listCaseStaff } from '../../../db/repositories/users.ts';
import { sessionsOf } from '../../../db/repositories/groups.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type { GroupRunDetail, GroupRunSummary } from '../../../shared/contract/groups.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { GROUP_SESSIONS_MAX } from '../../../shared/domain/groups.ts';
import { CURRENT_CATALOGUE, figureFor, programmeOf } from '../../../shared/programmes/catalogue.ts';
import { completionPctOf } from '../../../shared/programmes/group-completion.ts';
import { caseScope } from '../case-access.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { auditAction, insertSynced } from '../synced-writes.ts';
import { accessibleRun, runDetail, summaries } from './views.ts';

// Group programme runs (회차/과정, issue 17 item 3): the center's list, one run's page, creating a run with
// its sessions, and adding a session. A run starts on the current catalogue edition and keeps it; its
// capacity defaults to the edition's figure and its completion threshold is the edition's figure (both
// within the limits the catalogue gives). Opening a run lists people: an audited read.

export async function list(
  ctx: ServiceContext,
  actor: SessionInfo,
  archived: boolean,
): Promise<GroupRunSummary[]> {
  // Titles, seats and dates of the center's runs: no person's data.
  return summaries(ctx, actor, archived);
}

export async function get(ctx: ServiceContext, actor: SessionInfo, id: string): Promise<GroupRunDetail> {
  const detail = await runDetail(ctx, actor, id);
  await auditAction(ctx.db, ctx, actor, {
    action: 'group.read',
    subjectType: 'group-programme',
    subjectId: id,
    detail: { participants: detail.participants.length },
  });
  return detail;
}

export async function staff(ctx: ServiceContext, actor: SessionInfo) {
  caseScope(actor);
  return (await listCaseStaff(ctx.db, actor.centerCode)).map((s) => ({ id: s.id, name: s.display_name }));
}

export async function checkFacilitator(ctx: ServiceContext, actor: SessionInfo, id: string): Promise<void> {
  const people = await listCaseStaff(ctx.db, actor.centerCode);
  if (!people.some((p) => p.id === id))
    throw new AppFailure({ code: 'not-found', message: 'groups.facilitatorUnknown', field: 'facilitatorId' });
}

export async function create(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    programmeCode: string;
    title: string;
    facilitatorId: string;
    place: string | null;
    capacity?: number | undefined;
    sessions: Array<{ startsAt: string; durationMin: number; place: string | null; capacity: number | null }>;
  },
): Promise<GroupRunDetail> {
  caseScope(actor);
  const version = CURRENT_CATALOGUE.version;
  const programme = programmeOf(input.programmeCode, version);
  if (!programme || programme.kind !== 'group-programme' || !programme.capacity)
    throw new AppFailure({ code: 'validation', message: 'groups.v.programme', field: 'programmeCode' });
  await checkFacilitator(ctx, actor, input.facilitatorId);
  const capacity = figureFor(programme.capacity, input.capacity);
  if (input.capacity !== undefined && capacity !== input.capacity)
    throw new AppFailure({
      code: 'validation',
      message: `groups.v.capacityFigure|min=${programme.capacity.min ?? capacity}|max=${programme.capacity.max ?? capacity}`,
      field: 'capacity',
    });
  const now = isoNow(ctx);
  const sessions = [...input.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const runId = await insertSynced(trx, ctx, 'group_programmes', {
      center_code: actor.centerCode,
      programme_code: programme.code,
      catalogue_version: version,
      title: input.title,
      facilitator_id: input.facilitatorId,
      place: input.place,
      capacity,
      completion_pct: completionPctOf(programme.code, version),
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    let n = 0;
    for (const s of sessions) {
      n += 1;
      await insertSynced(trx, ctx, 'group_sessions', {
        programme_id: runId,
        session_no: n,
        starts_at: s.startsAt,
        duration_min: s.durationMin,
        place: s.place,
        capacity: s.capacity,
        created_at: now,
      });
    }
    await auditAction(trx, ctx, actor, {
      action: 'group.create',
      subjectType: 'group-programme',
      subjectId: runId,
      detail: { programme: programme.code, sessions: sessions.length },
    });
    return runId;
  });
  return runDetail(ctx, actor, id);
}

export async function addSession(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    programmeId: string;
    startsAt: string;
    durationMin: number;
    place: string | null;
    capacity: number | null;
  },
): Promise<GroupRunDetail> {
  const run = await accessibleRun(ctx, actor, input.programmeId);
  if (run.archived) throw new AppFailure({ code: 'conflict', message: 'groups.archivedRun' });
  const sessions = await sessionsOf(ctx.db, run.id);
  if (sessions.length >= GROUP_SESSIONS_MAX)
    throw new AppFailure({ code: 'validation', message: `groups.v.sessionsMax|max=${GROUP_SESSIONS_MAX}` });
  const now = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const id = await insertSynced(trx, ctx, 'group_sessions', {
      programme_id: run.id,
      session_no: Math.max(0, ...sessions.map((s) => s.session_no)) + 1,
      starts_at: input.startsAt,
      duration_min: input.durationMin,
      place: input.place,
      capacity: input.capacity,
      created_at: now,
    });
    await auditAction(trx, ctx, actor, {
      action: 'group.session.add',
      subjectType: 'group-session',
      subjectId: id,
    });
  });
  return get(ctx, actor, run.id);
}
