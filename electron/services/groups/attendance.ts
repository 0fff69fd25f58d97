import { findActiveStep, latestAssessmentRow } from '../../../db/repositories/casework.ts';
import { attendanceOfParticipant, attendanceOfSession, sessionsOf } from '../../../db/repositories/groups.ts';
import { stepsOf } from '../../../shared/casework/service-plan.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type { GroupMarkResult, GroupRunDetail } from '../../../shared/contract/groups.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import {
  attendedCount,
  isActiveParticipant,
  sessionCapacity,
  type AttendanceMark,
} from '../../../shared/domain/groups.ts';
import { programmeOf } from '../../../shared/programmes/catalogue.ts';
import type { JobseekerTrack } from '../../../shared/profiling/index.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { auditAction, insertSynced, todayKst, updateSynced } from '../synced-writes.ts';
import { accessibleParticipant } from './participants.ts';
import { completionFrom, runDetail, toSessionView } from './views.ts';

// Attendance and completion (issue 17 item 3). A mark is an append-only record; a correction is another
// record and the latest wins. Completion is computed from the marks in force against the run's threshold
// (shared/programmes/group-completion.ts) and decided by a person: "completed" only once the threshold is
// reached, "not completed" once it can no longer be. A completion records the case's service-plan step
// that the programme names (planStep, e.g. motivationProgramme) as done, in the same transaction, when
// the case's current track has that step and it is not already done.

export async function recordAttendance(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { participantId: string; sessionId: string; mark: AttendanceMark; note: string | null },
): Promise<GroupMarkResult> {
  const { p, run } = await accessibleParticipant(ctx, actor, input.participantId);
  if (!isActiveParticipant(p.status))
    throw new AppFailure({
      code: 'conflict',
      message: `groups.notMarkable|status=${p.status}`,
      field: 'mark',
    });
  const sessions = await sessionsOf(ctx.db, run.id);
  const session = sessions.find((s) => s.id === input.sessionId);
  if (!session)
    throw new AppFailure({ code: 'not-found', message: 'groups.sessionNotFound', field: 'sessionId' });
  if (input.mark === 'attended') {
    // The session's seats (its own capacity, else the run's), as this desktop sees them: refused with the
    // numbers. Marks made offline on two desktops both stand after sync; the session shows itself over.
    const attended = attendedCount(await attendanceOfSession(ctx.db, session.id), p.id);
    const capacity = sessionCapacity(session, run.capacity);
    if (attended >= capacity)
      throw new AppFailure({
        code: 'conflict',
        message: `groups.sessionFull|attended=${attended}|capacity=${capacity}`,
        field: 'mark',
      });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const id = await insertSynced(trx, ctx, 'group_attendance', {
      participant_id: p.id,
      session_id: input.sessionId,
      mark: input.mark,
      note: input.note,
      recorded_by: actor.userId,
      recorded_at: isoNow(ctx),
    });
    await auditAction(trx, ctx, actor, {
      action: 'group.attendance',
      subjectType: 'group-attendance',
      subjectId: id,
      personId: p.jobseeker_id,
      detail: { mark: input.mark },
    });
  });
  const { marks, completion } = completionFrom(
    sessions.map((s) => s.id),
    await attendanceOfParticipant(ctx.db, p.id),
    run.completion_pct,
  );
  const j = await ctx.db
    .selectFrom('jobseekers')
    .select(['name', 'birth_year'])
    .where('id', '=', p.jobseeker_id)
    .executeTakeFirstOrThrow();
  return {
    id: p.id,
    jobseekerId: p.jobseeker_id,
    name: j.name,
    birthYear: j.birth_year,
    status: p.status,
    marks: Object.fromEntries(marks),
    completion,
    decidedAt: p.decided_at,
    note: p.note,
    session: toSessionView(session, await attendanceOfSession(ctx.db, session.id), run.capacity),
  };
}

export async function recordCompletion(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { participantId: string; outcome: 'completed' | 'not_completed'; note: string | null },
): Promise<GroupRunDetail> {
  const { p, run } = await accessibleParticipant(ctx, actor, input.participantId);
  if (!isActiveParticipant(p.status))
    throw new AppFailure({ code: 'conflict', message: 'groups.decided', field: 'outcome' });
  const sessions = await sessionsOf(ctx.db, run.id);
  const { completion } = completionFrom(
    sessions.map((s) => s.id),
    await attendanceOfParticipant(ctx.db, p.id),
    run.completion_pct,
  );
  if (input.outcome === 'completed' && completion.state !== 'reached')
    throw new AppFailure({
      code: 'conflict',
      message: `groups.notReached|attended=${completion.attended}|needed=${completion.needed}`,
      field: 'outcome',
    });
  if (input.outcome === 'not_completed' && completion.state !== 'unreachable')
    throw new AppFailure({ code: 'conflict', message: 'groups.stillOpen', field: 'outcome' });
  const now = isoNow(ctx);
  const planStep = programmeOf(run.programme_code, run.catalogue_version)?.planStep;
  await ctx.db.transaction().execute(async (trx) => {
    await updateSynced(
      trx,
      ctx,
      'group_participants',
      p.id,
      {
        status: input.outcome,
        completion_pct: completion.pct,
        decided_by: actor.userId,
        decided_at: now,
        note: input.note,
      },
      p.seq,
    );
    await auditAction(trx, ctx, actor, {
      action: 'group.completion',
      subjectType: 'group-participant',
      subjectId: p.id,
      personId: p.jobseeker_id,
      detail: { outcome: input.outcome, pct: completion.pct },
    });
    if (input.outcome !== 'completed' || !planStep) return;
    const latest = await latestAssessmentRow(trx, p.jobseeker_id);
    if (!latest || !(stepsOf(latest.final_track as JobseekerTrack) as readonly string[]).includes(planStep))
      return;
    if (await findActiveStep(trx, latest.id, planStep)) return;
    const stepId = await insertSynced(trx, ctx, 'service_plan_steps', {
      jobseeker_id: p.jobseeker_id,
      assessment_id: latest.id,
      step: planStep,
      done_on: todayKst(ctx),
      note: `${run.title} (${completion.attended}/${completion.sessions})`,
      recorded_by: actor.userId,
      recorded_at: now,
    });
    await auditAction(trx, ctx, actor, {
      action: 'service-plan.step-done',
      subjectType: 'service-plan-step',
      subjectId: stepId,
      personId: p.jobseeker_id,
      detail: { step: planStep, from: 'group-programme' },
    });
  });
  return runDetail(ctx, actor, run.id);
}
