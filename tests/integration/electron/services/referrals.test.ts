import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../db/repositories/audit.ts';
import { createJobseeker } from '../../../../electron/services/jobseekers.ts';
import { placementCounts } from '../../../../electron/services/placements.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { ChannelName, Contract, InputOf, OutputOf } from '../../../../shared/contract/index.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { businessNumberCheckDigit } from '../../../../shared/domain/business-number.ts';
import { followUpDueDate } from '../../../../shared/domain/follow-ups.ts';
import { jobseekerFieldsSchema } from '../../../../shared/domain/jobseeker.ts';
import { dispatcherFor, makeTestStore, type TestStore } from '../../../support/temp-store.ts';

// Issue 4 on a real store, through the dispatcher the windows use: employers, openings, matching,
// referrals with their lifecycle, placements and follow-ups.

let t: TestStore;
let counselor: SessionInfo;
let call: <K extends ChannelName>(
  channel: K,
  input: InputOf<Contract[K]>,
) => Promise<Result<OutputOf<Contract[K]>>>;
let ok: <K extends ChannelName>(channel: K, input: InputOf<Contract[K]>) => Promise<OutputOf<Contract[K]>>;

beforeEach(async () => {
  t = await makeTestStore();
  counselor = await t.signIn('counselor1');
  const { dispatch, desk } = dispatcherFor(t.store);
  call = (channel, input) => dispatch(desk(counselor), channel, input) as never;
  ok = async (channel, input) => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
});
afterEach(() => t.cleanup());

function businessNo(first9: string): string {
  return `${first9}${businessNumberCheckDigit(first9)}`;
}

async function employer(first9 = '123456789') {
  return ok('employers:create', {
    fields: {
      businessNo: businessNo(first9),
      name: '(주)늘봄요양원',
      industry: 'Q',
      employees: 20,
      sido: '11',
    },
  });
}

async function opening(employerId: string, positions = 1) {
  return ok('openings:create', {
    employerId,
    fields: {
      title: '요양보호사 (주간)',
      occupation: '5501',
      sido: '11',
      sigungu: '11680',
      wage: 2_400_000,
      positions,
      requiredQualifications: ['요양보호사 1급'],
      public: true,
    },
  });
}

async function jobseeker(
  name: string,
  extra: Record<string, unknown> = {},
  type: 'ready' | 'needs-preparation' | null = 'ready',
) {
  const fields = jobseekerFieldsSchema.parse({
    name,
    birthYear: 1970,
    sido: '11',
    desiredOccupation: '5501',
    ...extra,
  });
  const js = await createJobseeker(t.store.context, counselor, fields, true);
  if (type)
    await t.store.db.updateTable('jobseekers').set({ current_type: type }).where('id', '=', js.id).execute();
  return js;
}

async function hire(referralId: string) {
  await ok('referrals:record', { referralId, kind: 'referred' });
  await ok('referrals:record', { referralId, kind: 'interview', interviewOn: '2026-12-01' });
  return ok('referrals:record', { referralId, kind: 'hired' });
}

describe('employers', () => {
  it('refuses a duplicate business number and a wrong check digit', async () => {
    await employer();
    const dup = await call('employers:create', {
      fields: {
        businessNo: `${businessNo('123456789').slice(0, 3)}-${businessNo('123456789').slice(3, 5)}-${businessNo('123456789').slice(5)}`,
        name: '다른 이름',
        industry: 'C',
        employees: 3,
        sido: '11',
      },
    });
    expect(dup).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'employers.duplicateBusinessNo', field: 'businessNo' },
    });
    const bad = await call('employers:create', {
      fields: { businessNo: '1234567890', name: '가', industry: 'C', employees: 3, sido: '11' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', field: 'fields.businessNo' } });
  });

  it('keeps every assessment, accepted or overridden with a reason, and the current type', async () => {
    const e = await employer();
    const profile = {
      uniformConditions: false,
      wage: 'low',
      welfare: 'low',
      recognition: 'mid',
      employees: 20,
    } as const;
    const accepted = await ok('employers:assess', {
      employerId: e.employer.id,
      profile,
      decision: 'accepted',
    });
    expect(accepted.employer.currentType).toBe('conditions-improvement');
    expect(accepted.assessments[0]).toMatchObject({
      decision: 'accepted',
      finalType: 'conditions-improvement',
      result: { score: 1, stage1: 'employerService.recruitmentPackage' },
    });
    const noReason = await call('employers:assess', {
      employerId: e.employer.id,
      profile,
      decision: 'overridden',
      finalType: 'talent',
    });
    expect(noReason.ok).toBe(false);
    const overridden = await ok('employers:assess', {
      employerId: e.employer.id,
      profile,
      decision: 'overridden',
      finalType: 'recognition',
      overrideReasonCode: 'site-visit',
      overrideReasonText: '현장 방문 결과 기숙사 제공 등 복지 수준이 높음',
    });
    expect(overridden.employer.currentType).toBe('recognition');
    expect(overridden.assessments.map((a) => a.decision)).toEqual(['overridden', 'accepted']);
    await expect(
      t.store.db.updateTable('employer_assessments').set({ final_type: 'talent' }).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('keeps the discovery log and puts never-contacted employers first on the work list', async () => {
    const a = await employer('123456789');
    const b = await employer('220816259');
    await ok('employers:update', { id: a.employer.id, baseSeq: 0, fields: { potentialClient: true } });
    await ok('employers:update', { id: b.employer.id, baseSeq: 0, fields: { focusSupport: true } });
    const logged = await ok('employers:logContact', {
      employerId: a.employer.id,
      kind: 'call',
      outcome: 'callback',
      contactedOn: '2026-01-05',
      nextOn: '2026-01-12',
      note: '인사담당자 부재, 다음 주 재통화',
    });
    expect(logged.contacts).toHaveLength(1);
    const list = await ok('employers:discovery', {});
    expect(list.map((r) => [r.id, r.urgency])).toEqual([
      [b.employer.id, 'never'],
      [a.employer.id, 'overdue'],
    ]);
    expect(list[1]).toMatchObject({
      lastOutcome: 'callback',
      lastContactOn: '2026-01-05',
      nextOn: '2026-01-12',
    });
  });

  it('records package steps as history and shows where the package stands', async () => {
    const e = await employer();
    await ok('employers:recordPackageStep', {
      employerId: e.employer.id,
      step: 'hiring-capacity',
      status: 'in-progress',
      on: '2026-01-02',
    });
    await ok('employers:recordPackageStep', {
      employerId: e.employer.id,
      step: 'hiring-capacity',
      status: 'done',
      on: '2026-01-09',
    });
    const d = await ok('employers:recordPackageStep', {
      employerId: e.employer.id,
      step: 'support-path',
      status: 'done',
      on: '2026-01-09',
      note: '기숙사 지원 경로',
    });
    expect(d.package).toMatchObject({ started: true, currentStage: 'conditions', done: 2 });
    const step = d.package.steps.find((s) => s.step === 'hiring-capacity');
    expect(step).toMatchObject({ status: 'done', on: '2026-01-09' });
    expect(step?.history).toMatchObject([{ status: 'in-progress', on: '2026-01-02' }]);
  });
});

describe('matching on the store', () => {
  it('ranks the ready pool first, keeps needs-preparation, explains, and leaves out the ineligible', async () => {
    const e = await employer();
    const o = await opening(e.employer.id);
    const ready = await jobseeker('준비된', { desiredWage: 3_000_000 });
    const prep = await jobseeker('준비필요', {}, 'needs-preparation');
    await t.store.db
      .insertInto('competency_items')
      .values({
        id: '01900000-0000-7000-8000-000000000001',
        hlc: 'x',
        jobseeker_id: prep.id,
        kind: 'qualification',
        title: '요양보호사1급',
        source: 'q-net',
        created_by: counselor.userId,
        created_at: '2026-01-01',
        updated_at: '2026-01-01',
      })
      .execute();
    await jobseeker('다른직종', { desiredOccupation: '5421' });
    await jobseeker('다른지역', { sido: '26' });
    const mobile = await jobseeker('광역', { sido: '26', mobile: true });
    const list = await ok('matching:forOpening', { openingId: o.id });
    expect(list.total).toBe(3);
    expect(list.readyTotal).toBe(2);
    expect(new Set(list.rows.map((r) => r.jobseekerId))).toEqual(new Set([mobile.id, ready.id, prep.id]));
    // Ready first whatever the score; the needs-preparation jobseeker with the qualification is last but present.
    expect(list.rows.map((r) => r.pool)).toEqual(['ready', 'ready', 'other']);
    expect(list.rows.at(-1)).toMatchObject({ jobseekerId: prep.id, missingQualifications: [] });
    const readyRow = list.rows.find((r) => r.jobseekerId === ready.id);
    expect(readyRow?.expectationGap).toMatchObject({ percentAbove: 25 });
    expect(readyRow?.missingQualifications).toEqual(['요양보호사 1급']);
    expect(readyRow?.reasons.map((r) => r.key)).toEqual([
      'poolReady',
      'occupationExact',
      'regionSido',
      'qualificationsNone',
      'noExperience',
      'expectationGap',
    ]);

    // Once referred, a jobseeker is no longer suggested for that opening, and the other way round.
    await ok('referrals:create', { jobseekerId: ready.id, openingId: o.id });
    const after = await ok('matching:forOpening', { openingId: o.id });
    expect(after.rows.map((r) => r.jobseekerId)).not.toContain(ready.id);
    const forPrep = await ok('matching:forJobseeker', { jobseekerId: prep.id });
    expect(forPrep.rows.map((r) => r.openingId)).toEqual([o.id]);
    const forReady = await ok('matching:forJobseeker', { jobseekerId: ready.id });
    expect(forReady.rows).toEqual([]);
  });
});

describe('referrals on the store', () => {
  it('refers in one action and refuses a second referral to the same opening', async () => {
    const e = await employer();
    const o = await opening(e.employer.id);
    const js = await jobseeker('한가람');
    const r = await ok('referrals:create', { jobseekerId: js.id, openingId: o.id });
    expect(r).toMatchObject({ state: 'proposed', allowed: ['referred', 'declined', 'no-show', 'cancelled'] });
    expect(r.events).toMatchObject([{ kind: 'proposed', counselorId: counselor.userId }]);
    const again = await call('referrals:create', { jobseekerId: js.id, openingId: o.id });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'referrals.alreadyReferred' },
    });
  });

  it('refuses an impossible event with a reason and changes nothing', async () => {
    const e = await employer();
    const o = await opening(e.employer.id);
    const js = await jobseeker('한가람');
    const r = await ok('referrals:create', { jobseekerId: js.id, openingId: o.id });
    const count = async (table: 'referral_events' | 'outbox' | 'audit_entries') =>
      Number(
        (
          await t.store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = {
      events: await count('referral_events'),
      outbox: await count('outbox'),
      audit: await count('audit_entries'),
    };
    const refused = await call('referrals:record', { referralId: r.id, kind: 'hired' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'referrals.refused.proposed', field: 'kind' },
    });
    const followUp = await call('referrals:record', {
      referralId: r.id,
      kind: 'follow-up',
      months: 1,
      employed: true,
    });
    expect(followUp).toMatchObject({ ok: false, error: { message: 'referrals.refused.proposed' } });
    expect({
      events: await count('referral_events'),
      outbox: await count('outbox'),
      audit: await count('audit_entries'),
    }).toEqual(before);
    expect((await ok('referrals:get', { id: r.id })).state).toBe('proposed');
  });

  it('counts a placement once, derives filled positions, and schedules follow-ups on hire', async () => {
    const e = await employer();
    const o = await opening(e.employer.id, 2);
    const a = await jobseeker('가');
    const b = await jobseeker('나');
    const ra = await ok('referrals:create', { jobseekerId: a.id, openingId: o.id });
    const rb = await ok('referrals:create', { jobseekerId: b.id, openingId: o.id });
    const hired = await hire(ra.id);
    expect(hired).toMatchObject({ state: 'hired', interviewOn: '2026-12-01', allowed: ['follow-up'] });
    expect(hired.events.map((x) => x.kind)).toEqual(['proposed', 'referred', 'interview', 'hired']);
    expect(hired.nextFollowUp).toEqual({ months: 1, dueOn: followUpDueDate(hired.hiredAt ?? '', 1) });

    // A second hire on the same referral is refused: the placement is counted once.
    expect(await call('referrals:record', { referralId: ra.id, kind: 'hired' })).toMatchObject({
      ok: false,
      error: { message: 'referrals.refused.hired' },
    });
    let opened = await ok('openings:get', { id: o.id });
    expect(opened).toMatchObject({ filled: 1, positions: 2, status: 'open' });
    const counts = await placementCounts(t.store.context, 'T01', '2000-01-01', '2100-01-01');
    expect(counts).toEqual({ placements: 1, withoutReferral: 0, jobseekersPlaced: 1 });
    expect(
      (
        await t.store.db
          .selectFrom('jobseekers')
          .select('status')
          .where('id', '=', a.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('placed');

    // The other candidate: not hired. Filled stays 1; the opening stays open.
    await ok('referrals:record', { referralId: rb.id, kind: 'referred' });
    const notHired = await ok('referrals:record', {
      referralId: rb.id,
      kind: 'not-hired',
      note: '경력 부족',
    });
    expect(notHired.state).toBe('not-hired');
    opened = await ok('openings:get', { id: o.id });
    expect(opened.filled).toBe(1);

    // Follow-ups appear on the due list from the hire: the 1-month check first.
    const due = await ok('referrals:dueFollowUps', {});
    expect(due).toEqual([
      expect.objectContaining({
        source: 'referral',
        id: ra.id,
        jobseekerId: a.id,
        months: 1,
        dueOn: followUpDueDate(hired.hiredAt ?? '', 1),
        status: 'upcoming',
      }),
    ]);
    expect(await ok('referrals:dueFollowUps', { onlyDue: true })).toEqual([]);
    // Too early to record it today.
    expect(
      await call('referrals:record', { referralId: ra.id, kind: 'follow-up', months: 1, employed: true }),
    ).toMatchObject({
      ok: false,
      error: { message: 'referrals.refused.followUpEarly' },
    });

    // Filling the last position marks the opening filled.
    const c = await jobseeker('다');
    const rc = await ok('referrals:create', { jobseekerId: c.id, openingId: o.id });
    await hire(rc.id);
    opened = await ok('openings:get', { id: o.id });
    expect(opened).toMatchObject({ filled: 2, status: 'filled' });
    expect(
      await call('referrals:create', { jobseekerId: (await jobseeker('라')).id, openingId: o.id }),
    ).toMatchObject({
      ok: false,
      error: { message: 'referrals.openingNotOpen' },
    });

    // Every event kept who and when; nothing is overwritten.
    const detail = await ok('referrals:get', { id: ra.id });
    for (const ev of detail.events)
      expect(ev).toMatchObject({ counselorId: counselor.userId, at: expect.any(String) });
    await expect(t.store.db.deleteFrom('referral_events').execute()).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
  });

  it('records follow-ups when due, and a placement found without a referral with its own follow-ups', async () => {
    const e = await employer();
    const o = await opening(e.employer.id);
    const js = await jobseeker('가');
    const r = await ok('referrals:create', { jobseekerId: js.id, openingId: o.id });
    await hire(r.id);
    // Four months later, as the same counselor.
    const later = { ...t.store.context, now: () => new Date(Date.now() + 125 * 86_400_000) };
    const { dispatch, desk } = dispatcherFor({ ...t.store, context: later });
    const callLater = (channel: ChannelName, input: unknown) => dispatch(desk(counselor), channel, input);
    const due = (await callLater('referrals:dueFollowUps', { onlyDue: true })) as Result<
      Array<{ months: number; status: string }>
    >;
    expect(due).toMatchObject({ ok: true, value: [{ months: 1, status: 'overdue' }] });
    expect(
      await callLater('referrals:record', { referralId: r.id, kind: 'follow-up', months: 1, employed: true }),
    ).toMatchObject({ ok: true });
    expect(
      await callLater('referrals:record', { referralId: r.id, kind: 'follow-up', months: 3, employed: true }),
    ).toMatchObject({
      ok: true,
      value: { nextFollowUp: { months: 6 } },
    });

    const other = await jobseeker('나');
    const p = await ok('referrals:recordPlacement', {
      jobseekerId: other.id,
      employerName: '(주)스스로구함',
      hiredOn: '2026-01-10',
    });
    expect(p).toMatchObject({
      employerName: '(주)스스로구함',
      nextFollowUp: { months: 1, dueOn: '2026-02-10' },
    });
    const history = await ok('referrals:forJobseeker', { jobseekerId: other.id });
    expect(history.placements).toHaveLength(1);
    const list = await ok('referrals:dueFollowUps', {});
    expect(list.map((x) => x.source).sort()).toEqual(['placement', 'referral']);
    const checked = await ok('referrals:placementFollowUp', {
      placementId: p.id,
      months: 1,
      employed: false,
    });
    expect(checked).toMatchObject({ followUps: [{ months: 1, employed: false }], nextFollowUp: null });
    const counts = await placementCounts(t.store.context, 'T01', '2000-01-01', '2100-01-01');
    expect(counts).toEqual({ placements: 2, withoutReferral: 1, jobseekersPlaced: 2 });
  });

  it('shows the board by state and an opening’s candidates with their states', async () => {
    const e = await employer();
    const o = await opening(e.employer.id, 3);
    const a = await jobseeker('가');
    const b = await jobseeker('나');
    const ra = await ok('referrals:create', { jobseekerId: a.id, openingId: o.id });
    await ok('referrals:create', { jobseekerId: b.id, openingId: o.id });
    await ok('referrals:record', { referralId: ra.id, kind: 'referred' });
    const board = await ok('referrals:board', {});
    expect(board.rows.map((r) => r.state).sort()).toEqual(['proposed', 'referred']);
    const onlyReferred = await ok('referrals:board', { states: ['referred'] });
    expect(onlyReferred.rows.map((r) => r.jobseekerId)).toEqual([a.id]);
    const candidates = await ok('referrals:forOpening', { openingId: o.id });
    expect(candidates.map((r) => [r.jobseekerName, r.state]).sort()).toEqual([
      ['가', 'referred'],
      ['나', 'proposed'],
    ]);
    const other = await t.signIn('counselor2');
    const { dispatch, desk } = dispatcherFor(t.store);
    const theirs = await dispatch(desk(other), 'referrals:board', {});
    expect(theirs).toMatchObject({ ok: true, value: { total: 0 } });

    // A supervisor picks a counselor of the center and sees their board.
    const supervisor = await t.signIn('supervisor1');
    const counselors = (await dispatch(desk(supervisor), 'referrals:counselors', {})) as Result<
      Array<{ id: string; name: string }>
    >;
    expect(counselors.ok && counselors.value.map((c) => c.name)).toEqual([
      'counselor1 이름',
      'counselor2 이름',
    ]);
    const chosen = await dispatch(desk(supervisor), 'referrals:board', { counselorId: counselor.userId });
    expect(chosen).toMatchObject({ ok: true, value: { total: 2 } });
  });
});
