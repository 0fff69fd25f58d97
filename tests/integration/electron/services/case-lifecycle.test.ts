import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseload } from '../../../../electron/services/casework-caseload.ts';
import { closeCases } from '../../../../electron/services/case-lifecycle.ts';
import type { Dispatch } from '../../../../electron/main/dispatcher.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { ChannelName, Contract, InputOf, OutputOf } from '../../../../shared/contract/index.ts';
import { FIXTURE_NOW, seedFixture, type Fixture } from '../../../support/case-fixtures.ts';
import { dispatcherFor, makeTestStore, sessionHolder, type TestStore } from '../../../support/temp-store.ts';

// Issue 16 item 3 on one desktop's real store: a case closed with a reason and reopened keeps its
// placements and history, its status history shows both, matching refuses it while closed and works
// again after the reopen, and a placed person with a follow-up due stays in the caseload.

let t: TestStore;
let f: Fixture;
let dispatch: Dispatch;

beforeAll(async () => {
  t = await makeTestStore();
  f = await seedFixture(t);
  dispatch = dispatcherFor(t.store).dispatch;
});
afterAll(() => t.cleanup());

function call<K extends ChannelName>(session: SessionInfo, channel: K, input: InputOf<Contract[K]>) {
  return dispatch({ surface: 'desk', session: sessionHolder(session) }, channel, input);
}
async function ok<K extends ChannelName>(session: SessionInfo, channel: K, input: InputOf<Contract[K]>) {
  const r = await call(session, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as OutputOf<Contract[K]>;
}
const count = async (table: 'outbox' | 'audit_entries' | 'case_status_events') =>
  Number(
    (
      await t.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('closing and reopening a case', () => {
  it('refuses bad input with a translated message and changes nothing', async () => {
    const { counselor } = f.sessions;
    const before = [await count('outbox'), await count('case_status_events')];
    const noMonths = await call(counselor, 'lifecycle:close', {
      jobseekerId: f.own.jobseekerId,
      reason: 'no-contact',
    } as never);
    expect(noMonths).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: expect.stringContaining('lifecycle.validation.months'),
        field: 'noContactMonths',
      },
    });
    const noText = await call(counselor, 'lifecycle:close', {
      jobseekerId: f.own.jobseekerId,
      reason: 'other',
      text: '  ',
    } as never);
    expect(noText).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('lifecycle.validation.otherText') },
    });
    const badReason = await call(counselor, 'lifecycle:close', {
      jobseekerId: f.own.jobseekerId,
      reason: 'fired',
    } as never);
    expect(badReason).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('lifecycle.validation.reason') },
    });
    // Another counselor's case, and another center's: not theirs to close.
    expect(
      await call(f.sessions.counselor2, 'lifecycle:close', {
        jobseekerId: f.own.jobseekerId,
        reason: 'employed',
      } as never),
    ).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'lifecycle.error.notYours' } });
    expect(
      await call(counselor, 'lifecycle:close', {
        jobseekerId: f.other.jobseekerId,
        reason: 'employed',
      } as never),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect([await count('outbox'), await count('case_status_events')]).toEqual(before);
  });

  it('closes with a reason, blocks matching, reopens keeping placements, and matches again', async () => {
    const { counselor } = f.sessions;
    const id = f.own.jobseekerId;
    const placementsBefore = await t.store.db
      .selectFrom('placements')
      .select('id')
      .where('jobseeker_id', '=', id)
      .execute();
    expect(placementsBefore.length).toBeGreaterThan(0);

    const closed = await ok(counselor, 'lifecycle:close', {
      jobseekerId: id,
      reason: 'no-contact',
      noContactMonths: 3,
      text: '전화 3회 부재',
    } as never);
    expect(closed.status).toBe('closed');
    const blocked = await ok(counselor, 'matching:forJobseeker', { jobseekerId: id });
    expect(blocked.blocked).toBe('not-active');
    expect(
      await call(counselor, 'lifecycle:close', { jobseekerId: id, reason: 'employed' } as never),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'lifecycle.error.alreadyClosed' },
    });

    // A new opening the case was never referred to (the fixture's own opening already was).
    await ok(counselor, 'openings:create', {
      employerId: f.employerId,
      fields: {
        title: '요양보호사 (야간)',
        occupation: '5501',
        sido: '11',
        wage: 2_600_000,
        positions: 1,
        public: true,
      },
    });
    const reopened = await ok(counselor, 'lifecycle:reopen', {
      jobseekerId: id,
      reason: 'lost-job',
      text: '계약 만료',
    } as never);
    expect(reopened.status).toBe('active');
    const matched = await ok(counselor, 'matching:forJobseeker', { jobseekerId: id });
    expect(matched.blocked).toBeNull();
    expect(matched.total).toBeGreaterThan(0);

    const history = await ok(counselor, 'lifecycle:history', { jobseekerId: id });
    expect(history.events.map((e) => [e.kind, e.reason, e.noContactMonths, e.text, e.toStatus])).toEqual([
      ['reopened', 'lost-job', null, '계약 만료', 'active'],
      ['closed', 'no-contact', 3, '전화 3회 부재', 'closed'],
    ]);
    expect(
      await t.store.db.selectFrom('placements').select('id').where('jobseeker_id', '=', id).execute(),
    ).toEqual(placementsBefore);

    // Both changes wait in the outbox: the decisive status and the append-only events.
    const queued = await t.store.db
      .selectFrom('outbox')
      .select(['table_name', 'op', 'fields'])
      .where('row_id', 'in', [id, ...history.events.map((e) => e.id)])
      .where('status', '=', 'pending')
      .execute();
    expect(queued.filter((q) => q.table_name === 'case_status_events')).toHaveLength(2);
    expect(
      queued.filter((q) => q.table_name === 'jobseekers' && q.fields.includes('"status"')).length,
    ).toBeGreaterThanOrEqual(2);
    // The audit names the case and the reason code, never the counselor's text.
    const audit = await t.store.db
      .selectFrom('audit_entries')
      .select(['action', 'detail'])
      .where('person_id', '=', id)
      .where('action', 'in', ['jobseeker.close', 'jobseeker.reopen'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['jobseeker.close', 'jobseeker.reopen']);
    expect(JSON.stringify(audit)).not.toContain('계약 만료');
  });

  it('keeps a placed person with a follow-up due in the caseload', async () => {
    const { counselor } = f.sessions;
    const js = await ok(counselor, 'jobseekers:create', {
      fields: { name: '정사후', birthYear: 1990, sido: '11', desiredOccupation: '5501' },
      confirmedNotDuplicate: true,
    });
    const referral = await ok(counselor, 'referrals:create', {
      jobseekerId: js.id,
      openingId: f.openingId,
    });
    await ok(counselor, 'referrals:record', { referralId: referral.id, kind: 'referred' } as never);
    await ok(counselor, 'referrals:record', {
      referralId: referral.id,
      kind: 'interview',
      interviewOn: '2026-11-02',
    } as never);
    await ok(counselor, 'referrals:record', { referralId: referral.id, kind: 'hired' } as never);
    const row = await t.store.db
      .selectFrom('jobseekers')
      .select('status')
      .where('id', '=', js.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('placed');
    const page = { query: '', unclassified: false, attentionOnly: false, offset: 0, limit: 200 };
    // Right after the hire nothing is due: a placed person is not in the working caseload.
    expect((await caseload(t.store.context, counselor, page)).rows.map((r) => r.id)).not.toContain(js.id);
    // Forty days later the one-month follow-up is due: the person is back on the list, marked.
    const later = { ...t.store.context, now: () => new Date(FIXTURE_NOW.getTime() + 40 * 86_400_000) };
    const due = await caseload(later, counselor, page);
    expect(due.rows.map((r) => r.id)).toContain(js.id);
  });

  it('closes many cases at once, naming the ones it skipped', async () => {
    const { supervisor, counselor } = f.sessions;
    const a = await ok(counselor, 'jobseekers:create', {
      fields: { name: '일괄가', birthYear: 1991, sido: '11' },
      confirmedNotDuplicate: true,
    });
    const b = await ok(counselor, 'jobseekers:create', {
      fields: { name: '일괄나', birthYear: 1992, sido: '11' },
      confirmedNotDuplicate: true,
    });
    await ok(counselor, 'lifecycle:close', { jobseekerId: b.id, reason: 'employed' } as never);
    const result = await closeCases(
      t.store.context,
      supervisor,
      [a.id, b.id, f.other.jobseekerId, a.id],
      'moved-center',
      '',
    );
    expect(result).toEqual({
      closed: [a.id],
      skipped: [
        { id: b.id, why: 'already-closed' },
        { id: f.other.jobseekerId, why: 'not-found' },
      ],
    });
    // Only supervisors have the bulk channel.
    expect(
      await call(counselor, 'lifecycle:closeMany', { jobseekerIds: [a.id], reason: 'employed' } as never),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
