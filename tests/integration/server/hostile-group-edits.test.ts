import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { change, enrolmentFields, jobseekerFields, type Agent } from '../../support/hostile.ts';
import { hostileSuite } from '../../support/hostile-suite.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';

// A hostile desktop against the edits of group programme runs and sessions and the fixed obligation
// figures of an enrolment (issue 17 leftovers), over real HTTP on both dialects. A run's title, place,
// facilitator and capacity are changed by its center's counselors and supervisors; archiving a run (with
// its reason, author and time) is a supervisor's; a session is edited and archived by the run's staff,
// an archive always naming why, who and when; another center's run or session is not the caller's; the
// fields fixed at insert (programme, edition, threshold, author, an enrolment's obligation figures) never
// change, and a field no declaration names is refused.

const now = () => new Date().toISOString();

function runFields(center: string, author: string): Record<string, unknown> {
  return {
    center_code: center,
    programme_code: 'group-achievement',
    catalogue_version: 'PRG-2026-v1',
    title: '성취프로그램 3기',
    facilitator_id: author,
    place: '2층 집단상담실',
    capacity: 10,
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
    starts_at: new Date(Date.UTC(2026, 11, n, 1)).toISOString(),
    duration_min: 120,
    place: null,
    capacity: null,
    created_at: now(),
  };
}

const FIXED = JSON.stringify({
  'nes-1.obligations.job-search-report.intervalDays': 14,
  'nes-1.obligations.job-search-report.periods': 6,
});

describe.each(SERVER_DIALECTS)('a hostile desktop’s group run edits and archives, on %s', (dialect) => {
  const ids = {
    run: uuidv7(),
    session: uuidv7(),
    session2: uuidv7(),
    busanRun: uuidv7(),
    busanSession: uuidv7(),
    own: uuidv7(),
    enrolment: uuidv7(),
  };

  const { h, c1, c2, sup, adm, bus, update } = hostileSuite(dialect, ({ c1, bus }) => [
    [
      c1,
      [
        change(c1, 'group_programmes', ids.run, runFields('SEL01', c1.userId)),
        change(c1, 'group_sessions', ids.session, sessionFields(ids.run)),
        change(c1, 'group_sessions', ids.session2, sessionFields(ids.run, 2)),
        change(c1, 'jobseekers', ids.own, jobseekerFields('SEL01', c1.userId)),
        change(
          c1,
          'programme_enrolments',
          ids.enrolment,
          enrolmentFields(ids.own, c1.userId, { obligation_figures: FIXED }),
        ),
      ],
    ],
    [
      bus,
      [
        change(bus, 'group_programmes', ids.busanRun, runFields('BUS01', bus.userId)),
        change(bus, 'group_sessions', ids.busanSession, sessionFields(ids.busanRun)),
      ],
    ],
  ]);

  const applied = async (a: Agent, table: string, id: string, fields: Record<string, unknown>) => {
    const [r] = await h.push(a, [await update(a, table, id, fields)]);
    expect(r?.status, JSON.stringify(r)).toBe('applied');
  };
  const archive = (a: Agent, reason: string | null = '과정 종료') => ({
    archived: 1,
    archive_reason: reason,
    archived_by: a.userId,
    archived_at: now(),
  });

  it('lets the center’s counselors and supervisors edit a run’s title, place, facilitator and capacity', async () => {
    await applied(c2, 'group_programmes', ids.run, {
      title: '성취프로그램 3기 (오후반)',
      place: '3층 교육장',
      capacity: 12,
      updated_at: now(),
    });
    await applied(sup, 'group_programmes', ids.run, { facilitator_id: c2.userId, capacity: 8 });
    // A capacity outside the declared bounds, a blank title.
    await h.expectRefused(c1, await update(c1, 'group_programmes', ids.run, { capacity: 0 }), 'invalidValue');
    await h.expectRefused(c1, await update(c1, 'group_programmes', ids.run, { title: ' ' }), 'invalidValue');
    // An admin handles no case work.
    await h.expectRefused(
      adm,
      await update(adm, 'group_programmes', ids.run, { title: '관리자' }),
      'roleMayNotChange',
    );
  });

  it('refuses a counselor archiving a run; a supervisor archives it naming why, who and when', async () => {
    await h.expectRefused(c1, await update(c1, 'group_programmes', ids.run, archive(c1)), 'roleMayNotChange');
    await h.expectRefused(
      c1,
      await update(c1, 'group_programmes', ids.run, { archive_reason: '몰래' }),
      'roleMayNotChange',
    );
    // No reason, or an archive without its author and time.
    await h.expectRefused(
      sup,
      await update(sup, 'group_programmes', ids.run, archive(sup, null)),
      'invalidValue',
    );
    await h.expectRefused(
      sup,
      await update(sup, 'group_programmes', ids.run, { archived: 1, archive_reason: '종료' }),
      'invalidValue',
    );
    // The author is the caller.
    await h.expectRefused(
      sup,
      await update(sup, 'group_programmes', ids.run, { ...archive(sup), archived_by: c1.userId }),
      'notCaller',
    );
    await applied(sup, 'group_programmes', ids.run, archive(sup, '강사 사정으로 취소'));
  });

  it('lets the run’s staff edit and archive a session, always with a reason', async () => {
    await applied(c2, 'group_sessions', ids.session, {
      starts_at: new Date(Date.UTC(2026, 11, 3, 5)).toISOString(),
      duration_min: 90,
      place: '1층 소회의실',
      capacity: 6,
    });
    await h.expectRefused(
      c1,
      await update(c1, 'group_sessions', ids.session2, { capacity: 0 }),
      'invalidValue',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'group_sessions', ids.session2, archive(c1, '  ')),
      'invalidValue',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'group_sessions', ids.session2, { ...archive(c1), archived_by: c2.userId }),
      'notCaller',
    );
    await applied(c1, 'group_sessions', ids.session2, archive(c1, '장소 사정'));
  });

  it('keeps another center’s runs and sessions out of reach', async () => {
    await h.expectRefused(
      c1,
      await update(c1, 'group_programmes', ids.busanRun, { capacity: 20 }),
      'otherScope',
    );
    await h.expectRefused(
      sup,
      await update(sup, 'group_programmes', ids.busanRun, archive(sup)),
      'otherScope',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'group_sessions', ids.busanSession, archive(c1)),
      'otherScope',
    );
    await h.expectRefused(
      bus,
      await update(bus, 'group_sessions', ids.session, { place: '부산' }),
      'otherScope',
    );
  });

  it('never changes a field fixed at insert, nor one no declaration names', async () => {
    const fixed: Array<[string, string, Record<string, unknown>]> = [
      ['group_programmes', ids.run, { programme_code: 'group-cap' }],
      ['group_programmes', ids.run, { catalogue_version: 'PRG-2026-v1', completion_pct: 60 }],
      ['group_programmes', ids.run, { created_at: now() }],
      ['group_sessions', ids.session, { created_at: now() }],
      ['programme_enrolments', ids.enrolment, { obligation_figures: '{}' }],
    ];
    for (const [table, id, fields] of fixed)
      await h.expectRefused(c1, await update(c1, table, id, fields), 'notUpdatable');
    await h.expectRefused(
      c1,
      await update(c1, 'group_programmes', ids.run, { deleted: 1 }),
      'undeclaredField',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'group_sessions', ids.session, { attended: 3 }),
      'undeclaredField',
    );
  });

  it('holds an enrolment’s obligation figures to their shape, and still takes one from an older desktop', async () => {
    for (const bad of ['not json', JSON.stringify({ 'nes-1.obligations.x.intervalDays': -1 }), '[1]'])
      await h.expectRefused(
        c1,
        change(
          c1,
          'programme_enrolments',
          uuidv7(),
          enrolmentFields(ids.own, c1.userId, { obligation_figures: bad }),
        ),
        'invalidValue',
      );
    // A desktop before migration 0025 sends none: its rows read the center's values (the desk's fallback).
    const [old] = await h.push(c1, [
      change(
        c1,
        'programme_enrolments',
        uuidv7(),
        enrolmentFields(ids.own, c1.userId, { programme_code: 'nes-2' }),
      ),
    ]);
    expect(old?.status).toBe('applied');
  });
});
