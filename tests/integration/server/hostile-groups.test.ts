import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { change, jobseekerFields } from '../../support/hostile.ts';
import { hostileSuite } from '../../support/hostile-suite.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';

// A hostile desktop against group programmes (issue 17 item 3), over real HTTP on both dialects: a run is
// its center's, added by its counselors and supervisors, run by staff of that center, on a programme and
// catalogue edition the server knows, which never change; its sessions follow it; a participant belongs to
// its jobseeker's scope and names a run the caller may write; attendance marks are append-only under the
// participant and name a session of the participant's own run; authors come from the token; a decided
// completion names who decided; two different statuses on the same version open a review; enrolments over
// capacity from two desktops are both accepted (the run shows itself over capacity).

const at = (d: number) => new Date(Date.UTC(2026, 11, d, 1)).toISOString();
const now = () => new Date().toISOString();

function runFields(center: string, author: string, facilitator = author): Record<string, unknown> {
  return {
    center_code: center,
    programme_code: 'group-achievement',
    catalogue_version: 'PRG-2026-v1',
    title: '성취프로그램 1기',
    facilitator_id: facilitator,
    place: '2층 집단상담실',
    capacity: 1,
    completion_pct: 80,
    created_by: author,
    created_at: now(),
    updated_at: now(),
  };
}

function sessionFields(runId: string, n = 1): Record<string, unknown> {
  return {
    programme_id: runId,
    session_no: n,
    starts_at: at(n),
    duration_min: 120,
    place: null,
    capacity: null,
    created_at: now(),
  };
}

function participantFields(jobseekerId: string, runId: string, author: string): Record<string, unknown> {
  return {
    jobseeker_id: jobseekerId,
    programme_id: runId,
    status: 'enrolled',
    enrolled_by: author,
    enrolled_at: now(),
    completion_pct: null,
    decided_by: null,
    decided_at: null,
    note: null,
  };
}

function markFields(participantId: string, sessionId: string, author: string, mark = 'attended') {
  return {
    participant_id: participantId,
    session_id: sessionId,
    mark,
    note: null,
    recorded_by: author,
    recorded_at: now(),
  };
}

describe.each(SERVER_DIALECTS)('a hostile desktop’s group programmes, on %s', (dialect) => {
  const ids = {
    own: uuidv7(),
    own2: uuidv7(),
    busan: uuidv7(),
    run: uuidv7(),
    otherRun: uuidv7(),
    busanRun: uuidv7(),
    session: uuidv7(),
    otherSession: uuidv7(),
    participant: uuidv7(),
  };
  const { h, c1, c2, sup, adm, bus, seqOf, update } = hostileSuite(dialect, ({ c1, bus }) => [
    [
      c1,
      [
        change(c1, 'jobseekers', ids.own, jobseekerFields('SEL01', c1.userId)),
        change(c1, 'jobseekers', ids.own2, jobseekerFields('SEL01', c1.userId)),
      ],
    ],
    [bus, [change(bus, 'jobseekers', ids.busan, jobseekerFields('BUS01', bus.userId))]],
    [
      c1,
      [
        change(c1, 'group_programmes', ids.run, runFields('SEL01', c1.userId)),
        change(c1, 'group_sessions', ids.session, sessionFields(ids.run)),
        change(c1, 'group_programmes', ids.otherRun, runFields('SEL01', c1.userId)),
        change(c1, 'group_sessions', ids.otherSession, sessionFields(ids.otherRun)),
        change(c1, 'group_participants', ids.participant, participantFields(ids.own, ids.run, c1.userId)),
      ],
    ],
    [bus, [change(bus, 'group_programmes', ids.busanRun, runFields('BUS01', bus.userId))]],
  ]);

  it('refuses any group record from an admin (wrong role)', async () => {
    await h.expectRefused(
      adm,
      change(adm, 'group_programmes', uuidv7(), runFields('SEL01', adm.userId, c1.userId)),
      'roleMayNotAdd',
    );
    await h.expectRefused(
      adm,
      change(adm, 'group_attendance', uuidv7(), markFields(ids.participant, ids.session, adm.userId)),
      'roleMayNotAdd',
    );
  });

  it('keeps runs, sessions, participants and marks in their scopes', async () => {
    // A run for another center; a session under another center's run; a participant under another
    // center's case; a participant of one's own case naming another center's run; a mark on another
    // center's participant.
    await h.expectRefused(
      c1,
      change(c1, 'group_programmes', uuidv7(), runFields('BUS01', c1.userId)),
      'otherCenter',
    );
    await h.expectRefused(
      bus,
      change(bus, 'group_sessions', uuidv7(), sessionFields(ids.run, 2)),
      'otherScope',
    );
    await h.expectRefused(
      c1,
      change(c1, 'group_participants', uuidv7(), participantFields(ids.busan, ids.run, c1.userId)),
      'otherScope',
    );
    await h.expectRefused(
      c1,
      change(c1, 'group_participants', uuidv7(), participantFields(ids.own2, ids.busanRun, c1.userId)),
      'referenceMissing',
    );
    // (its session, of another center's run, is the first thing found not to be the caller's)
    await h.expectRefused(
      bus,
      change(bus, 'group_attendance', uuidv7(), markFields(ids.participant, ids.session, bus.userId)),
      'referenceMissing',
    );
    await h.expectRefused(
      bus,
      await update(bus, 'group_programmes', ids.run, { title: '탈취' }),
      'otherScope',
    );
  });

  it('takes every author from the token', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'group_programmes', uuidv7(), runFields('SEL01', c2.userId, c1.userId)),
      'notCaller',
    );
    await h.expectRefused(
      c1,
      change(c1, 'group_participants', uuidv7(), participantFields(ids.own2, ids.run, c2.userId)),
      'notCaller',
    );
    await h.expectRefused(
      c1,
      change(c1, 'group_attendance', uuidv7(), markFields(ids.participant, ids.session, c2.userId)),
      'notCaller',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'group_participants', ids.participant, {
        status: 'completed',
        completion_pct: 100,
        decided_by: sup.userId,
        decided_at: now(),
      }),
      'notCaller',
    );
  });

  it('holds every field to its declaration', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ programme_code: 'made-up' }, 'invalidValue'],
      [{ programme_code: 'nes-1' }, 'invalidValue'],
      [{ catalogue_version: 'PRG-1999-v1' }, 'invalidValue'],
      [{ capacity: 0 }, 'invalidValue'],
      [{ capacity: 10_000 }, 'invalidValue'],
      [{ completion_pct: 150 }, 'invalidValue'],
      [{ title: '   ' }, 'invalidValue'],
      [{ created_at: 'yesterday' }, 'invalidValue'],
      [{ secret: 1 }, 'undeclaredField'],
    ];
    for (const [over, code] of bad)
      await h.expectRefused(
        c1,
        change(c1, 'group_programmes', uuidv7(), { ...runFields('SEL01', c1.userId), ...over }),
        code as 'invalidValue',
      );
    await h.expectRefused(
      c1,
      change(c1, 'group_sessions', uuidv7(), { ...sessionFields(ids.run, 3), starts_at: 'tomorrow' }),
      'invalidValue',
    );
    await h.expectRefused(
      c1,
      change(c1, 'group_sessions', uuidv7(), { ...sessionFields(ids.run, 3), duration_min: 5_000 }),
      'invalidValue',
    );
    await h.expectRefused(
      c1,
      change(
        c1,
        'group_attendance',
        uuidv7(),
        markFields(ids.participant, ids.session, c1.userId, 'sleeping'),
      ),
      'invalidValue',
    );
    await h.expectRefused(
      c1,
      change(c1, 'group_participants', uuidv7(), {
        ...participantFields(ids.own2, ids.run, c1.userId),
        status: 'vanished',
      }),
      'invalidValue',
    );
    const { title: _t, ...noTitle } = runFields('SEL01', c1.userId);
    await h.expectRefused(c1, change(c1, 'group_programmes', uuidv7(), noTitle), 'missingFields');
    // A completion names who decided, when and on what share.
    await h.expectRefused(
      c1,
      await update(c1, 'group_participants', ids.participant, { status: 'completed' }),
      'invalidValue',
    );
  });

  it('never changes what a record was made as', async () => {
    await h.expectRefused(
      c1,
      await update(c1, 'group_programmes', ids.run, { programme_code: 'group-cap' }),
      'notUpdatable',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'group_programmes', ids.run, { completion_pct: 50 }),
      'notUpdatable',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'group_programmes', ids.run, { created_by: c1.userId }),
      'notUpdatable',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'group_participants', ids.participant, { programme_id: ids.otherRun }),
      'notUpdatable',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'group_participants', ids.participant, { enrolled_at: now() }),
      'notUpdatable',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'group_sessions', ids.session, { created_at: now() }),
      'notUpdatable',
    );
  });

  it('keeps attendance append-only and on the participant’s own run', async () => {
    const markId = uuidv7();
    const [first] = await h.push(c2, [
      change(c2, 'group_attendance', markId, markFields(ids.participant, ids.session, c2.userId)),
    ]);
    expect(first?.status).toBe('applied');
    await h.expectRefused(
      c1,
      change(
        c1,
        'group_attendance',
        markId,
        { mark: 'absent' },
        'update',
        await seqOf('group_attendance', markId),
      ),
      'appendOnly',
    );
    await h.expectRefused(
      c1,
      change(c1, 'group_attendance', uuidv7(), markFields(ids.participant, ids.otherSession, c1.userId)),
      'groupSessionOtherRun',
    );
    // A correction is a new record.
    const [again] = await h.push(c1, [
      change(c1, 'group_attendance', uuidv7(), markFields(ids.participant, ids.session, c1.userId, 'absent')),
    ]);
    expect(again?.status).toBe('applied');
  });

  it('lets only staff of the run’s center facilitate', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'group_programmes', uuidv7(), runFields('SEL01', c1.userId, bus.userId)),
      'groupFacilitator',
    );
    await h.expectRefused(
      c1,
      change(c1, 'group_programmes', uuidv7(), runFields('SEL01', c1.userId, adm.userId)),
      'groupFacilitator',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'group_programmes', ids.run, { facilitator_id: bus.userId }),
      'groupFacilitator',
    );
    const [handed] = await h.push(c1, [
      await update(c1, 'group_programmes', ids.run, { facilitator_id: sup.userId }),
    ]);
    expect(handed?.status).toBe('applied');
  });

  it('accepts enrolments over capacity from two desktops (flagged by the run), and reviews two different decisions', async () => {
    // The run holds one seat: c1's participant has it; c2, offline, enrolled another case too.
    const [over] = await h.push(c2, [
      change(c2, 'group_participants', uuidv7(), participantFields(ids.own2, ids.run, c2.userId)),
    ]);
    expect(over?.status).toBe('applied');
    const seq = await seqOf('group_participants', ids.participant);
    const decided = { completion_pct: 100, decided_at: now() };
    const [first] = await h.push(c1, [
      change(
        c1,
        'group_participants',
        ids.participant,
        { status: 'completed', decided_by: c1.userId, ...decided },
        'update',
        seq,
      ),
    ]);
    expect(first?.status).toBe('applied');
    const [second] = await h.push(c2, [
      change(
        c2,
        'group_participants',
        ids.participant,
        { status: 'withdrawn', decided_by: c2.userId, ...decided },
        'update',
        seq,
      ),
    ]);
    expect(second).toMatchObject({ status: 'review' });
    expect(second && 'reviewFields' in second ? second.reviewFields : []).toContain('status');
  });
});
