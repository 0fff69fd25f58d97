import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../../db/repositories/audit.ts';
import type { Dispatch } from '../../../../../electron/main/dispatcher.ts';
import { groupSessionsSource } from '../../../../../electron/services/timeline/sources/group-sessions.ts';
import type { SessionInfo } from '../../../../../shared/contract/auth.ts';
import type {
  EnrolResult,
  GroupParticipantView,
  GroupRunDetail,
} from '../../../../../shared/contract/groups.ts';
import type { Result } from '../../../../../shared/contract/result.ts';
import type { IntakeAnswers } from '../../../../../shared/casework/intake.ts';
import { READY_ANSWERS, seedFixture, type Fixture } from '../../../../support/case-fixtures.ts';
import {
  dispatcherFor,
  makeTestStore,
  sessionHolder,
  type TestStore,
} from '../../../../support/temp-store.ts';

// Group programmes through the real dispatcher on a real store (issue 17 item 3): a run with sessions,
// enrolment from a case and in bulk from a filter within capacity (refused with the numbers, or onto the
// waiting list), attendance with corrections (the latest wins), completion decided by a person and the
// case's service-plan step recorded done, and the refusals (another center's run, a session of another
// run, a decided participant).

/** Answers that classify as needs-preparation on the counseling track (whose plan has motivationProgramme). */
const COUNSELING: IntakeAnswers = {
  ...READY_ANSWERS,
  searchActivities4w: '0',
  startWish: 'undecided',
  willToWork: 2,
  preparation: 'none',
  experience: 'none',
  sinceLastJob: 'never',
  economicHardship: [],
  declined: ['economicHardship'],
  fieldDecided: false,
  mobile: false,
};

let t: TestStore;
let f: Fixture;
let dispatch: Dispatch;

beforeAll(async () => {
  t = await makeTestStore();
  f = await seedFixture(t);
  dispatch = dispatcherFor(t.store).dispatch;
});
afterAll(() => t.cleanup());

const call = (s: SessionInfo, name: string, input: unknown) =>
  dispatch({ surface: 'desk', session: sessionHolder(s) }, name, input);

async function ok<T>(s: SessionInfo, name: string, input: unknown): Promise<T> {
  const r: Result<unknown> = await call(s, name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function fails(s: SessionInfo, name: string, input: unknown) {
  const r = await call(s, name, input);
  if (r.ok) throw new Error(`${name} should fail`);
  return r.error;
}

async function newCase(name: string, answers: IntakeAnswers = COUNSELING): Promise<string> {
  const c = f.sessions.counselor;
  const js = await ok<{ id: string }>(c, 'jobseekers:create', {
    fields: { name, birthYear: 1990, sido: '11', phone: '010-3000-4000', desiredOccupation: '5501' },
    confirmedNotDuplicate: true,
  });
  await ok(c, 'casework:saveAssessment', { jobseekerId: js.id, answers, decision: { kind: 'accepted' } });
  return js.id;
}

const day = (d: number) => new Date(Date.UTC(2026, 11, d, 1)).toISOString();

async function newRun(capacity: number, sessions = 5): Promise<GroupRunDetail> {
  return ok<GroupRunDetail>(f.sessions.counselor, 'groups:create', {
    programmeCode: 'group-achievement',
    title: '성취프로그램 1기',
    facilitatorId: f.sessions.counselor.userId,
    place: '2층 집단상담실',
    capacity,
    sessions: Array.from({ length: sessions }, (_, i) => ({ startsAt: day(i + 1), durationMin: 120 })),
  });
}

describe('runs', () => {
  it('creates a run on the current catalogue with its sessions in order, listed for the center only', async () => {
    const d = await newRun(10);
    expect(d.run).toMatchObject({
      programmeCode: 'group-achievement',
      catalogueVersion: 'PRG-2026-v1',
      capacity: 10,
    });
    expect(d.run.completionPct).toBe(80);
    expect(d.sessions.map((s) => s.sessionNo)).toEqual([1, 2, 3, 4, 5]);
    const list = await ok<Array<{ id: string }>>(f.sessions.supervisor, 'groups:list', {});
    expect(list.map((r) => r.id)).toContain(d.run.id);
    const other = await ok<Array<{ id: string }>>(f.otherCounselor, 'groups:list', {});
    expect(other.map((r) => r.id)).not.toContain(d.run.id);
    expect((await fails(f.otherCounselor, 'groups:get', { id: d.run.id })).message).toBe('groups.notFound');
  });

  it('takes the capacity from the catalogue when none is given, and refuses one outside its limits', async () => {
    const d = await ok<GroupRunDetail>(f.sessions.counselor, 'groups:create', {
      programmeCode: 'group-hope',
      title: '취업희망',
      facilitatorId: f.sessions.supervisor.userId,
      sessions: [{ startsAt: day(3), durationMin: 90 }],
    });
    expect(d.run.capacity).toBe(20);
    const e = await fails(f.sessions.counselor, 'groups:create', {
      programmeCode: 'group-hope',
      title: '취업희망',
      facilitatorId: f.sessions.counselor.userId,
      capacity: 200,
      sessions: [{ startsAt: day(3), durationMin: 90 }],
    });
    expect(e.message).toMatch(/^groups\.v\.capacityFigure/);
  });

  it('refuses a programme that is not a group programme and a facilitator of another center', async () => {
    const base = { title: 'x', sessions: [{ startsAt: day(3), durationMin: 90 }] };
    const e1 = await fails(f.sessions.counselor, 'groups:create', {
      ...base,
      programmeCode: 'nes-1',
      facilitatorId: f.sessions.counselor.userId,
    });
    expect(e1.field).toBe('programmeCode');
    const e2 = await fails(f.sessions.counselor, 'groups:create', {
      ...base,
      programmeCode: 'group-cap',
      facilitatorId: f.otherCounselor.userId,
    });
    expect(e2.message).toBe('groups.facilitatorUnknown');
  });
});

describe('enrolment', () => {
  it('refuses more people than free seats with the numbers, and puts the rest on the waiting list when asked', async () => {
    const d = await newRun(4);
    const ids = [];
    for (const name of ['가나다', '라마바', '사아자', '차카타', '파하가']) ids.push(await newCase(name));
    const e = await fails(f.sessions.counselor, 'groups:addParticipants', {
      programmeId: d.run.id,
      jobseekerIds: ids,
    });
    expect(e.message).toBe('groups.full|left=4|asked=5|capacity=4');
    const none = await ok<GroupRunDetail>(f.sessions.counselor, 'groups:get', { id: d.run.id });
    expect(none.participants).toEqual([]);
    const r = await ok<EnrolResult>(f.sessions.counselor, 'groups:addParticipants', {
      programmeId: d.run.id,
      jobseekerIds: ids,
      waitlist: true,
    });
    expect(r).toMatchObject({ enrolled: 4, waiting: 1, skipped: 0 });
    // The same people again: nobody twice.
    const again = await ok<EnrolResult>(f.sessions.counselor, 'groups:addParticipants', {
      programmeId: d.run.id,
      jobseekerIds: ids,
      waitlist: true,
    });
    expect(again).toMatchObject({ enrolled: 0, waiting: 0, skipped: 5 });
    // A waiting person takes a seat only when one is free.
    const waiting = r.detail.participants.find((p) => p.status === 'waiting');
    const seated = r.detail.participants.find((p) => p.status === 'enrolled');
    const full = await fails(f.sessions.counselor, 'groups:setStatus', {
      participantId: waiting?.id,
      status: 'enrolled',
    });
    expect(full.message).toMatch(/^groups\.full/);
    await ok(f.sessions.counselor, 'groups:setStatus', { participantId: seated?.id, status: 'withdrawn' });
    const moved = await ok<GroupRunDetail>(f.sessions.counselor, 'groups:setStatus', {
      participantId: waiting?.id,
      status: 'enrolled',
    });
    expect(moved.run).toMatchObject({ seated: 4, waiting: 0, overCapacity: false });
    // The batch's audit entries name each person and keep the device's hash chain whole.
    const entries = await t.store.context.db
      .selectFrom('audit_entries')
      .select('person_id')
      .where('action', '=', 'group.enrol')
      .where('person_id', 'in', ids)
      .execute();
    expect(new Set(entries.map((e) => e.person_id))).toEqual(new Set(ids));
    expect((await verifyAuditChain(t.store.context.db, t.store.context.deviceId)).ok).toBe(true);
  });

  it('enrols every case a filter matches, in one go, skipping cases of other scopes', async () => {
    const d = await newRun(40);
    const before = await t.store.context.db
      .selectFrom('jobseekers')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('center_code', '=', f.sessions.counselor.centerCode)
      .where('archived', '=', 0)
      .where('status', '!=', 'closed')
      .executeTakeFirstOrThrow();
    const r = await ok<EnrolResult>(f.sessions.counselor, 'groups:addFromFilter', {
      programmeId: d.run.id,
      selection: { kind: 'filter', query: '', filter: {} },
    });
    expect(r.enrolled).toBeGreaterThan(0);
    expect(r.enrolled).toBeLessThanOrEqual(Number(before.n) + 1);
    const names = new Set(r.detail.participants.map((p) => p.jobseekerId));
    expect(names.has(f.other.jobseekerId)).toBe(false);
    // Another center's case, named by id, is left out (as the bulk actions do), never enrolled.
    const r2 = await ok<EnrolResult>(f.sessions.counselor, 'groups:addParticipants', {
      programmeId: d.run.id,
      jobseekerIds: [f.other.jobseekerId],
    });
    expect(r2).toMatchObject({ enrolled: 0, skipped: 1 });
  });
});

describe('attendance and completion', () => {
  it('keeps the latest mark, completes from attendance and records the plan step done', async () => {
    const d = await newRun(10);
    const jobseekerId = await newCase('한결');
    const r = await ok<EnrolResult>(f.sessions.counselor, 'groups:addParticipants', {
      programmeId: d.run.id,
      jobseekerIds: [jobseekerId],
    });
    const p = r.detail.participants[0];
    if (!p) throw new Error('no participant');
    const mark = (sessionId: string, m: string) =>
      ok<GroupParticipantView>(f.sessions.counselor, 'groups:recordAttendance', {
        participantId: p.id,
        sessionId,
        mark: m,
      });
    const [s1, s2, s3, s4] = d.sessions;
    if (!s1 || !s2 || !s3 || !s4) throw new Error('sessions');
    await mark(s1.id, 'attended');
    await mark(s2.id, 'attended');
    let v = await mark(s3.id, 'absent');
    expect(v.completion).toMatchObject({ attended: 2, needed: 4, state: 'open' });
    // Not reached yet: completion is refused with the figures.
    const early = await fails(f.sessions.counselor, 'groups:recordCompletion', {
      participantId: p.id,
      outcome: 'completed',
    });
    expect(early.message).toBe('groups.notReached|attended=2|needed=4');
    // A correction is a new record; the latest wins.
    t.store.context.now = () => new Date('2026-11-02T02:00:00Z');
    v = await mark(s3.id, 'attended');
    v = await mark(s4.id, 'attended');
    expect(v.marks[s3.id]).toBe('attended');
    expect(v.completion.state).toBe('reached');
    const rows = await t.store.context.db
      .selectFrom('group_attendance')
      .select('mark')
      .where('participant_id', '=', p.id)
      .execute();
    expect(rows).toHaveLength(5);
    const done = await ok<GroupRunDetail>(f.sessions.counselor, 'groups:recordCompletion', {
      participantId: p.id,
      outcome: 'completed',
    });
    expect(done.participants.find((x) => x.id === p.id)?.status).toBe('completed');
    const steps = await t.store.context.db
      .selectFrom('service_plan_steps')
      .select(['step', 'archived'])
      .where('jobseeker_id', '=', jobseekerId)
      .execute();
    expect(steps).toEqual([{ step: 'motivationProgramme', archived: 0 }]);
    const file = await ok<{ planSteps: Array<{ step: string }> }>(f.sessions.counselor, 'casework:get', {
      jobseekerId,
    });
    expect(file.planSteps.map((s) => s.step)).toContain('motivationProgramme');
    // A decided participant is not marked or decided again.
    expect(
      (
        await fails(f.sessions.counselor, 'groups:recordAttendance', {
          participantId: p.id,
          sessionId: s1.id,
          mark: 'absent',
        })
      ).message,
    ).toMatch(/^groups\.notMarkable/);
    // The case shows its participation.
    const mine = await ok<Array<{ status: string; title: string }>>(
      f.sessions.counselor,
      'groups:ofJobseeker',
      {
        jobseekerId,
      },
    );
    expect(mine).toEqual([expect.objectContaining({ status: 'completed', title: '성취프로그램 1기' })]);
    // The case timeline tells the story: enrolled, each session as it stands, completed.
    const events = await groupSessionsSource.events({ db: t.store.context.db, jobseekerId });
    expect(events.map((e) => e.title.key).sort()).toEqual(
      [
        'groups.timeline.enrolled',
        'groups.timeline.attended',
        'groups.timeline.attended',
        'groups.timeline.attended',
        'groups.timeline.attended',
        'groups.timeline.completed',
      ].sort(),
    );
    expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
    // The sync queue holds the records for the server.
    const queued = await t.store.context.db
      .selectFrom('outbox')
      .select('table_name')
      .where('table_name', 'like', 'group_%')
      .execute();
    expect(new Set(queued.map((q) => q.table_name))).toEqual(
      new Set(['group_programmes', 'group_sessions', 'group_participants', 'group_attendance']),
    );
  });

  it('decides not completed only once completion is out of reach, and records no plan step', async () => {
    const d = await newRun(10, 2);
    const jobseekerId = await newCase('두리');
    const r = await ok<EnrolResult>(f.sessions.counselor, 'groups:addParticipants', {
      programmeId: d.run.id,
      jobseekerIds: [jobseekerId],
    });
    const p = r.detail.participants[0];
    const [s1] = d.sessions;
    if (!p || !s1) throw new Error('setup');
    expect(
      (
        await fails(f.sessions.counselor, 'groups:recordCompletion', {
          participantId: p.id,
          outcome: 'not_completed',
        })
      ).message,
    ).toBe('groups.stillOpen');
    await ok(f.sessions.counselor, 'groups:recordAttendance', {
      participantId: p.id,
      sessionId: s1.id,
      mark: 'excused',
    });
    await ok(f.sessions.counselor, 'groups:recordCompletion', {
      participantId: p.id,
      outcome: 'not_completed',
    });
    const steps = await t.store.context.db
      .selectFrom('service_plan_steps')
      .select('step')
      .where('jobseeker_id', '=', jobseekerId)
      .execute();
    expect(steps).toEqual([]);
  });

  it('refuses a session of another run', async () => {
    const a = await newRun(10, 1);
    const b = await newRun(10, 1);
    const jobseekerId = await newCase('세결');
    const r = await ok<EnrolResult>(f.sessions.counselor, 'groups:addParticipants', {
      programmeId: a.run.id,
      jobseekerIds: [jobseekerId],
    });
    const e = await fails(f.sessions.counselor, 'groups:recordAttendance', {
      participantId: r.detail.participants[0]?.id,
      sessionId: b.sessions[0]?.id,
      mark: 'attended',
    });
    expect(e.message).toBe('groups.sessionNotFound');
  });
});
