import { uuidv7 } from 'uuidv7';
import { appendAuditMany } from '../../../db/repositories/audit.ts';
import { appendOutboxMany, nextHlcs } from '../../../db/repositories/outbox.ts';
import {
  alreadyIn,
  getParticipant,
  participationsOf,
  seatedCount,
  sessionsOfRuns,
  attendanceOfParticipant,
} from '../../../db/repositories/groups.ts';
import { rowInScope } from '../../../db/repositories/case-scope.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type { CaseGroupView, EnrolResult, GroupRunDetail } from '../../../shared/contract/groups.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import type { BulkSelection } from '../../../shared/contract/worklist.ts';
import { SEATED, seatsLeft } from '../../../shared/domain/groups.ts';
import { accessibleJobseeker, caseScope, requireCaseAccess } from '../case-access.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { selectedIds } from '../jobseeker-bulk.ts';
import { auditAction, updateSynced } from '../synced-writes.ts';
import { accessibleRun, completionFrom, NOT_FOUND, runDetail } from './views.ts';

// Participants of a group programme run (issue 17 item 3): enrolling cases picked one by one or every case
// a filter matches, in one transaction (all or nothing), within the run's capacity: more people than free
// seats is refused with the numbers, unless the counselor asks for the rest to wait (waiting list). Each
// enrolment is the participant row, its outbox entry and an audit entry naming the person. Capacity is
// checked here, on this desktop's view of the run; two desktops enrolling offline into the last seats both
// stand after sync and the run shows itself over capacity (shared/sync/tables.ts, group_participants).

const PARTICIPANT_NOT_FOUND = 'groups.participantNotFound';

/** The ids among `ids` the caller may enrol: cases of their scope that are not archived or closed. */
async function enrollable(
  ctx: ServiceContext,
  actor: SessionInfo,
  ids: readonly string[],
): Promise<string[]> {
  const scope = caseScope(actor);
  const ok = new Set<string>();
  // By id only, the scope checked here: with the scope's OR in SQL, SQLite may walk the center's whole
  // index instead of the 500 ids (seconds at 100,000 cases).
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('jobseekers')
      .select(['id', 'center_code', 'assigned_counselor_id', 'archived', 'status'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.archived === 0 && r.status !== 'closed' && rowInScope(r, scope)) ok.add(r.id);
  }
  return ids.filter((id) => ok.has(id));
}

async function enrol(
  ctx: ServiceContext,
  actor: SessionInfo,
  programmeId: string,
  requested: readonly string[],
  waitlist: boolean,
): Promise<EnrolResult> {
  const run = await accessibleRun(ctx, actor, programmeId);
  const unique = [...new Set(requested)];
  const allowed = await enrollable(ctx, actor, unique);
  const present = await alreadyIn(ctx.db, run.id, allowed);
  const fresh = allowed.filter((id) => !present.has(id));
  const left = seatsLeft(run.capacity, await seatedCount(ctx.db, run.id));
  if (fresh.length > left && !waitlist)
    throw new AppFailure({
      code: 'conflict',
      message: `groups.full|left=${left}|asked=${fresh.length}|capacity=${run.capacity}`,
    });
  const now = isoNow(ctx);
  // One batch (a bulk enrolment is hundreds of people): the rows, their outbox entries and one audit entry
  // per person, each as a single enrolment would write them, in a few statements.
  await ctx.db.transaction().execute(async (trx) => {
    const hlcs = await nextHlcs(trx, ctx.deviceId, ctx.now().getTime(), fresh.length);
    const rows = fresh.map((jobseekerId, i) => ({
      id: uuidv7(),
      hlc: hlcs[i] as string,
      jobseeker_id: jobseekerId,
      programme_id: run.id,
      status: i < left ? ('enrolled' as const) : ('waiting' as const),
      enrolled_by: actor.userId,
      enrolled_at: now,
      completion_pct: null,
      decided_by: null,
      decided_at: null,
      note: null,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('group_participants')
        .values(rows.slice(i, i + 200))
        .execute();
    await appendOutboxMany(
      trx,
      rows.map(({ id, hlc, ...fields }) => ({
        table: 'group_participants' as const,
        rowId: id,
        op: 'insert' as const,
        fields,
        hlc,
        baseSeq: 0,
        createdAt: now,
      })),
    );
    await appendAuditMany(
      trx,
      rows.map((r) => ({
        at: now,
        actorId: actor.userId,
        actorLogin: actor.loginId,
        deviceId: ctx.deviceId,
        action: 'group.enrol',
        subjectType: 'group-participant',
        subjectId: r.id,
        personId: r.jobseeker_id,
        detail: { programme: run.id, status: r.status },
      })),
    );
  });
  const enrolled = Math.min(fresh.length, left);
  return {
    enrolled,
    waiting: fresh.length - enrolled,
    skipped: unique.length - fresh.length,
    detail: await runDetail(ctx, actor, run.id),
  };
}

export function addParticipants(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { programmeId: string; jobseekerIds: string[]; waitlist: boolean },
): Promise<EnrolResult> {
  return enrol(ctx, actor, input.programmeId, input.jobseekerIds, input.waitlist);
}

/** Every case a filter of the jobseeker list matches (at most the bulk limit), as the bulk actions read it. */
export async function addFromFilter(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { programmeId: string; selection: BulkSelection; waitlist: boolean },
): Promise<EnrolResult> {
  await accessibleRun(ctx, actor, input.programmeId);
  const ids = await selectedIds(ctx, actor, input.selection);
  if (ids.length === 0) throw new AppFailure({ code: 'validation', message: 'groups.filterEmpty' });
  return enrol(ctx, actor, input.programmeId, ids, input.waitlist);
}

/** The participant if the caller may see its case and its run. */
export async function accessibleParticipant(ctx: ServiceContext, actor: SessionInfo, id: string) {
  const p = await getParticipant(ctx.db, id);
  if (!p) throw new AppFailure({ code: 'not-found', message: PARTICIPANT_NOT_FOUND });
  await requireCaseAccess(ctx.db, actor, p.jobseeker_id, PARTICIPANT_NOT_FOUND);
  const run = await accessibleRun(ctx, actor, p.programme_id).catch(() => {
    throw new AppFailure({ code: 'not-found', message: PARTICIPANT_NOT_FOUND });
  });
  return { p, run };
}

export async function setStatus(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { participantId: string; status: 'enrolled' | 'waiting' | 'withdrawn' },
): Promise<GroupRunDetail> {
  const { p, run } = await accessibleParticipant(ctx, actor, input.participantId);
  if (p.status === 'completed' || p.status === 'not_completed')
    throw new AppFailure({ code: 'conflict', message: 'groups.decided', field: 'status' });
  if (p.status !== input.status) {
    if (input.status === 'enrolled' && !SEATED.has(p.status)) {
      const left = seatsLeft(run.capacity, await seatedCount(ctx.db, run.id));
      if (left < 1)
        throw new AppFailure({
          code: 'conflict',
          message: `groups.full|left=0|asked=1|capacity=${run.capacity}`,
        });
    }
    await ctx.db.transaction().execute(async (trx) => {
      await updateSynced(trx, ctx, 'group_participants', p.id, { status: input.status }, p.seq);
      await auditAction(trx, ctx, actor, {
        action: 'group.status',
        subjectType: 'group-participant',
        subjectId: p.id,
        personId: p.jobseeker_id,
        detail: { from: p.status, to: input.status },
      });
    });
  }
  return runDetail(ctx, actor, run.id);
}

export async function ofJobseeker(
  ctx: ServiceContext,
  actor: SessionInfo,
  jobseekerId: string,
): Promise<CaseGroupView[]> {
  await accessibleJobseeker(ctx.db, actor, jobseekerId, { archived: true });
  const rows = await participationsOf(ctx.db, jobseekerId);
  const sessions = await sessionsOfRuns(ctx.db, [...new Set(rows.map((r) => r.programme_id))]);
  const out: CaseGroupView[] = [];
  for (const r of rows) {
    const ids = sessions.filter((s) => s.programme_id === r.programme_id).map((s) => s.id);
    const { completion } = completionFrom(
      ids,
      await attendanceOfParticipant(ctx.db, r.id),
      r.run_completion_pct,
    );
    out.push({
      participantId: r.id,
      programmeId: r.programme_id,
      title: r.title,
      programmeCode: r.programme_code,
      status: r.status,
      enrolledAt: r.enrolled_at,
      completion,
      decidedAt: r.decided_at,
    });
  }
  await auditAction(ctx.db, ctx, actor, {
    action: 'group.list',
    subjectType: 'jobseeker',
    subjectId: jobseekerId,
    personId: jobseekerId,
  });
  return out;
}

export { NOT_FOUND };
