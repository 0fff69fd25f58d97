import {
  attendanceOfRun,
  getRun,
  listRuns,
  participantsOf,
  seatedCount,
  sessionsOf,
  type GroupAttendanceRow,
  type GroupRunListRow,
  type GroupSessionRow,
} from '../../../db/repositories/groups.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type {
  GroupParticipantView,
  GroupRunDetail,
  GroupRunSummary,
  GroupSessionView,
} from '../../../shared/contract/groups.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { attendedCount, latestMarks, sessionCapacity } from '../../../shared/domain/groups.ts';
import { completionOf, type Completion } from '../../../shared/programmes/group-completion.ts';
import { caseScope } from '../case-access.ts';
import type { ServiceContext } from '../context.ts';

// Reading group programmes into the desk's views: a run's summary with its seats, its sessions, and its
// participants (the cases the caller's scope holds) with their marks in force and completion.

export const NOT_FOUND = 'groups.notFound';

export function toSummary(r: GroupRunListRow): GroupRunSummary {
  return {
    id: r.id,
    programmeCode: r.programme_code,
    catalogueVersion: r.catalogue_version,
    title: r.title,
    facilitatorId: r.facilitator_id,
    facilitatorName: r.facilitator_name,
    place: r.place,
    capacity: r.capacity,
    completionPct: r.completion_pct,
    seated: r.seated,
    waiting: r.waiting,
    sessions: r.sessions,
    firstStart: r.first_start,
    lastStart: r.last_start,
    overCapacity: r.seated > r.capacity,
    archived: r.archived === 1,
    archiveReason: r.archive_reason,
    archivedAt: r.archived_at,
  };
}

export function toSessionView(
  s: GroupSessionRow,
  marks: readonly GroupAttendanceRow[],
  runCapacity: number,
): GroupSessionView {
  const attended = attendedCount(marks);
  return {
    id: s.id,
    sessionNo: s.session_no,
    startsAt: s.starts_at,
    durationMin: s.duration_min,
    place: s.place,
    capacity: s.capacity,
    attended,
    marked: marks.length > 0,
    overCapacity: attended > sessionCapacity(s, runCapacity),
  };
}

export function completionFrom(
  sessionIds: readonly string[],
  marks: readonly GroupAttendanceRow[],
  requiredPct: number,
): { marks: Map<string, GroupAttendanceRow['mark']>; completion: Completion } {
  const inForce = latestMarks(
    marks.map((m) => ({ id: m.id, sessionId: m.session_id, mark: m.mark, recordedAt: m.recorded_at })),
  );
  return { marks: inForce, completion: completionOf(sessionIds, inForce, requiredPct) };
}

/** The run if it is of the caller's center; not-found otherwise (no probing of ids). */
export async function accessibleRun(ctx: ServiceContext, actor: SessionInfo, id: string) {
  caseScope(actor);
  const run = await getRun(ctx.db, id);
  if (!run || run.center_code !== actor.centerCode)
    throw new AppFailure({ code: 'not-found', message: NOT_FOUND });
  return run;
}

export async function runSummary(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
): Promise<GroupRunSummary> {
  const run = await accessibleRun(ctx, actor, id);
  const sessions = await sessionsOf(ctx.db, id);
  const seated = await seatedCount(ctx.db, id);
  const waiting = await ctx.db
    .selectFrom('group_participants')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('programme_id', '=', id)
    .where('status', '=', 'waiting')
    .executeTakeFirst();
  return toSummary({
    ...run,
    seated,
    waiting: Number(waiting?.n ?? 0),
    sessions: sessions.length,
    first_start: sessions[0]?.starts_at ?? null,
    last_start: sessions.at(-1)?.starts_at ?? null,
  });
}

/** The run page's data; not audited here (the caller audits its read or its write). */
export async function runDetail(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
): Promise<GroupRunDetail> {
  const scope = caseScope(actor);
  const run = await runSummary(ctx, actor, id);
  const sessions = await sessionsOf(ctx.db, id);
  const sessionIds = sessions.map((s) => s.id);
  const people = await participantsOf(ctx.db, id, scope);
  const byParticipant = new Map<string, GroupAttendanceRow[]>();
  const bySession = new Map<string, GroupAttendanceRow[]>();
  for (const a of await attendanceOfRun(ctx.db, id)) {
    const list = byParticipant.get(a.participant_id) ?? [];
    list.push(a);
    byParticipant.set(a.participant_id, list);
    const own = bySession.get(a.session_id) ?? [];
    own.push(a);
    bySession.set(a.session_id, own);
  }
  const participants: GroupParticipantView[] = people.map((p) => {
    const { marks, completion } = completionFrom(
      sessionIds,
      byParticipant.get(p.id) ?? [],
      run.completionPct,
    );
    return {
      id: p.id,
      jobseekerId: p.jobseeker_id,
      name: p.name,
      birthYear: p.birth_year,
      status: p.status,
      marks: Object.fromEntries(marks),
      completion,
      decidedAt: p.decided_at,
      note: p.note,
    };
  });
  return {
    run,
    sessions: sessions.map((s) => toSessionView(s, bySession.get(s.id) ?? [], run.capacity)),
    participants,
  };
}

export async function summaries(ctx: ServiceContext, actor: SessionInfo, archived: boolean) {
  caseScope(actor);
  return (await listRuns(ctx.db, actor.centerCode, archived)).map(toSummary);
}
