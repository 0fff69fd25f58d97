import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { applyPulledPage } from '../../../../../electron/services/sync/apply-pulled.ts';
import type {
  CaseGroupView,
  EnrolResult,
  GroupRunDetail,
  GroupRunSummary,
} from '../../../../../shared/contract/groups.ts';
import { dispatchStore } from '../../../../support/casework-store.ts';

// Editing and archiving group programme runs and sessions, and session capacity (issue 17 leftovers),
// through the real dispatcher on a real store: a capacity below the seats held is refused with the
// numbers; only a supervisor archives a run, with a reason, and an archived run leaves the list but stays
// in the case's history; a session with marks is archived, never deleted; marking attended beyond a
// session's capacity (its own, else the run's) is refused with the numbers, and marks from another
// desktop made offline that put it over are kept and flagged.

const { t, f, call, ok, refused: fails } = dispatchStore();

const c = () => f.sessions.counselor;
const day = (d: number) => new Date(Date.UTC(2026, 11, d, 1)).toISOString();

async function newCases(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const js = await ok<{ id: string }>(c(), 'jobseekers:create', {
      fields: {
        name: `참여자${i}`,
        birthYear: 1990,
        sido: '11',
        phone: '010-3000-4000',
        desiredOccupation: '5501',
      },
      confirmedNotDuplicate: true,
    });
    ids.push(js.id);
  }
  return ids;
}

async function runWithPeople(capacity: number, people: number): Promise<EnrolResult> {
  const run = await ok<GroupRunDetail>(c(), 'groups:create', {
    programmeCode: 'group-achievement',
    title: '성취프로그램 2기',
    facilitatorId: c().userId,
    place: '2층 집단상담실',
    capacity,
    sessions: [1, 2, 3].map((d) => ({ startsAt: day(d), durationMin: 120 })),
  });
  return ok<EnrolResult>(c(), 'groups:addParticipants', {
    programmeId: run.run.id,
    jobseekerIds: await newCases(people),
  });
}

describe('editing a run', () => {
  it('changes title, place, facilitator and capacity, never below the seats held', async () => {
    const { detail } = await runWithPeople(5, 5);
    const id = detail.run.id;
    const below = await fails(c(), 'groups:updateRun', {
      id,
      title: '성취프로그램 2기',
      facilitatorId: c().userId,
      place: null,
      capacity: 4,
    });
    expect(below).toMatchObject({
      code: 'conflict',
      message: 'groups.capacityBelowSeated|seated=5|capacity=4',
      field: 'capacity',
    });
    const outside = await fails(c(), 'groups:updateRun', {
      id,
      title: 'x',
      facilitatorId: c().userId,
      place: null,
      capacity: 41,
    });
    expect(outside.code).toBe('validation');
    const other = await fails(c(), 'groups:updateRun', {
      id,
      title: 'x',
      facilitatorId: f.otherCounselor.userId,
      place: null,
      capacity: 6,
    });
    expect(other.message).toBe('groups.facilitatorUnknown');
    const edited = await ok<GroupRunDetail>(c(), 'groups:updateRun', {
      id,
      title: '  성취프로그램 2기 (오후반) ',
      facilitatorId: f.sessions.supervisor.userId,
      place: '3층 교육장',
      capacity: 6,
    });
    expect(edited.run).toMatchObject({
      title: '성취프로그램 2기 (오후반)',
      facilitatorId: f.sessions.supervisor.userId,
      place: '3층 교육장',
      capacity: 6,
      seated: 5,
      completionPct: detail.run.completionPct,
    });
    // One synced update carrying only what changed; audited without anybody's data.
    const outbox = t.store.raw
      .prepare(
        "select fields from outbox where table_name = 'group_programmes' and row_id = ? and op = 'update'",
      )
      .all(id) as Array<{ fields: string }>;
    expect(outbox).toHaveLength(1);
    expect(Object.keys(JSON.parse(outbox[0]?.fields ?? '{}') as object).sort()).toEqual([
      'capacity',
      'facilitator_id',
      'place',
      'title',
      'updated_at',
    ]);
    // Another center's counselor does not find it.
    expect(
      (
        await fails(f.otherCounselor, 'groups:updateRun', {
          id,
          title: 'x',
          facilitatorId: f.otherCounselor.userId,
          place: null,
          capacity: 6,
        })
      ).code,
    ).toBe('not-found');
  });
});

describe('archiving', () => {
  it('lets only a supervisor archive a run, with a reason; it leaves the list and stays in the case’s history', async () => {
    const { detail } = await runWithPeople(4, 1);
    const id = detail.run.id;
    const jobseekerId = detail.participants[0]?.jobseekerId ?? '';
    expect((await fails(c(), 'groups:archiveRun', { id, reason: '종료' })).code).toBe('forbidden');
    expect((await fails(f.sessions.supervisor, 'groups:archiveRun', { id, reason: '   ' })).code).toBe(
      'validation',
    );
    await ok(f.sessions.supervisor, 'groups:archiveRun', { id, reason: '과정 취소 (강사 사정)' });
    const active = await ok<GroupRunSummary[]>(c(), 'groups:list', { archived: false });
    expect(active.some((r) => r.id === id)).toBe(false);
    const archived = await ok<GroupRunSummary[]>(c(), 'groups:list', { archived: true });
    expect(archived.find((r) => r.id === id)).toMatchObject({
      archived: true,
      archiveReason: '과정 취소 (강사 사정)',
    });
    const history = await ok<CaseGroupView[]>(c(), 'groups:ofJobseeker', { jobseekerId });
    expect(history.map((h) => h.programmeId)).toContain(id);
    expect(
      (
        await fails(c(), 'groups:updateRun', {
          id,
          title: 'x',
          facilitatorId: c().userId,
          place: null,
          capacity: 4,
        })
      ).message,
    ).toBe('groups.archivedRun');
  });

  it('edits a session, and archives one with marks (never deletes it); the last one stays', async () => {
    const { detail } = await runWithPeople(4, 2);
    const [s1, s2, s3] = detail.sessions;
    const [p1] = detail.participants;
    await ok(c(), 'groups:recordAttendance', { participantId: p1?.id, sessionId: s1?.id, mark: 'attended' });
    const moved = await ok<GroupRunDetail>(c(), 'groups:updateSession', {
      id: s1?.id,
      startsAt: day(4),
      durationMin: 90,
      place: '1층 소회의실',
      capacity: 3,
    });
    // Sessions are shown in date order: the moved one is last now.
    expect(moved.sessions.at(-1)).toMatchObject({
      id: s1?.id,
      startsAt: day(4),
      durationMin: 90,
      place: '1층 소회의실',
      capacity: 3,
      attended: 1,
      marked: true,
    });
    const archived = await ok<GroupRunDetail>(c(), 'groups:archiveSession', {
      id: s1?.id,
      reason: '장소 사정',
    });
    expect(archived.sessions.map((s) => s.id)).toEqual([s2?.id, s3?.id]);
    // Still in the store with its marks and reason: history, not deleted.
    const row = t.store.raw
      .prepare('select archived, archive_reason, archived_by from group_sessions where id = ?')
      .get(s1?.id) as { archived: number; archive_reason: string; archived_by: string };
    expect(row).toEqual({ archived: 1, archive_reason: '장소 사정', archived_by: c().userId });
    expect(
      (
        t.store.raw
          .prepare('select count(*) as n from group_attendance where session_id = ?')
          .get(s1?.id) as {
          n: number;
        }
      ).n,
    ).toBe(1);
    expect(
      (await fails(c(), 'groups:updateSession', { id: s1?.id, startsAt: day(5), durationMin: 60 })).code,
    ).toBe('not-found');
    await ok(c(), 'groups:archiveSession', { id: s2?.id, reason: '취소' });
    expect((await fails(c(), 'groups:archiveSession', { id: s3?.id, reason: '취소' })).message).toBe(
      'groups.lastSession',
    );
  });
});

describe('session capacity', () => {
  it('refuses marking attended beyond the session’s capacity (its own, else the run’s), with the numbers', async () => {
    const { detail } = await runWithPeople(4, 4);
    const [s1, s2] = detail.sessions;
    const [p1, p2, p3, p4] = detail.participants;
    const mark = (p: typeof p1, s: typeof s1, m = 'attended') =>
      call(c(), 'groups:recordAttendance', { participantId: p?.id, sessionId: s?.id, mark: m });
    // Session 1 has its own capacity of 2 (a smaller room).
    await ok(c(), 'groups:updateSession', {
      id: s1?.id,
      startsAt: s1?.startsAt,
      durationMin: 120,
      capacity: 2,
    });
    expect((await mark(p1, s1)).ok).toBe(true);
    const second = await mark(p2, s1);
    // The answer carries the session's count as it is now (the page shows it without reading again).
    expect(second.ok && second.value).toMatchObject({
      id: p2?.id,
      session: { id: s1?.id, attended: 2, capacity: 2 },
    });
    const full = await mark(p3, s1);
    expect(full.ok ? null : full.error).toMatchObject({
      code: 'conflict',
      message: 'groups.sessionFull|attended=2|capacity=2',
    });
    // Marking the same person again, or someone absent, is fine.
    expect((await mark(p1, s1)).ok).toBe(true);
    expect((await mark(p3, s1, 'absent')).ok).toBe(true);
    // A correction frees the seat.
    expect((await mark(p2, s1, 'excused')).ok).toBe(true);
    expect((await mark(p3, s1)).ok).toBe(true);
    // Its capacity cannot go below the people attended.
    const below = await fails(c(), 'groups:updateSession', {
      id: s1?.id,
      startsAt: s1?.startsAt,
      durationMin: 120,
      capacity: 1,
    });
    expect(below.message).toBe('groups.sessionCapacityBelow|attended=2|capacity=1');
    // Session 2 has none: the run's capacity (4) holds; all four fit.
    for (const p of [p1, p2, p3, p4]) expect((await mark(p, s2)).ok).toBe(true);
  });

  it('keeps marks another desktop made offline over capacity, and flags the session', async () => {
    const { detail } = await runWithPeople(4, 3);
    const [s1] = detail.sessions;
    const [p1, p2, p3] = detail.participants;
    await ok(c(), 'groups:updateSession', {
      id: s1?.id,
      startsAt: s1?.startsAt,
      durationMin: 120,
      capacity: 2,
    });
    for (const p of [p1, p2])
      await ok(c(), 'groups:recordAttendance', { participantId: p?.id, sessionId: s1?.id, mark: 'attended' });
    // The third mark comes from another desktop that was offline (pulled from the server).
    const id = uuidv7();
    await t.store.db.transaction().execute((trx) =>
      applyPulledPage(trx, [
        {
          table: 'group_attendance',
          id,
          seq: 9_000,
          data: {
            id,
            participant_id: p3?.id,
            session_id: s1?.id,
            mark: 'attended',
            note: null,
            recorded_by: f.sessions.counselor2.userId,
            recorded_at: new Date().toISOString(),
          },
        },
      ]),
    );
    const after = await ok<GroupRunDetail>(c(), 'groups:get', { id: detail.run.id });
    expect(after.sessions[0]).toMatchObject({ id: s1?.id, attended: 3, capacity: 2, overCapacity: true });
    expect(after.sessions[1]).toMatchObject({ attended: 0, overCapacity: false });
  });
});
