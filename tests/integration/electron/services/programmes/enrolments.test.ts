import { describe, expect, it } from 'vitest';
import type {
  CaseProgrammes,
  EnrolmentView,
  ProgrammeFiguresView,
} from '../../../../../shared/contract/programmes.ts';
import { obligationTimelineSource } from '../../../../../electron/services/timeline/sources/obligations.ts';
import { programmeTimelineSource } from '../../../../../electron/services/timeline/sources/programmes.ts';
import { dispatchStore } from '../../../../support/casework-store.ts';

// Enrolment in 국민취업지원제도 through the real dispatcher on a real store (issue 17 item 2): the
// pre-check records only its inputs and needs the sensitive consent; a person decides with a reason;
// the stage machine with its days and the center's deadlines; the action plan agreed before the services
// start; obligation periods with decisions, the first standing until corrected; the center's figures
// within the catalogue's limits; and the records synced (outbox) with an audit entry naming the person.

const { t, f, ok, refused } = dispatchStore();

const inputs = { age: 41, householdIncomePct: 55, assetsBand: 'under-400m', recentWorkDays: 240 };

describe('center figures', () => {
  it('lets a center admin set a deadline within the limits and refuses one outside, saying them', async () => {
    const admin = f.sessions.admin;
    const view = await ok<ProgrammeFiguresView>(admin, 'programmes:getFigures', {});
    expect(view.figures.find((x) => x.key === 'nes-1.stageDeadlineDays.plan')).toMatchObject({
      catalogueValue: 30,
      min: 7,
      max: 90,
      toConfirm: true,
      centerValue: null,
    });
    const err = await refused(admin, 'programmes:saveFigures', {
      figures: { 'nes-1.stageDeadlineDays.plan': 120 },
    });
    expect(err).toMatchObject({ code: 'validation', message: 'programmes.figuresRange|min=7|max=90' });
    expect(err.field).toBe('nes-1.stageDeadlineDays.plan');
    const saved = await ok<ProgrammeFiguresView>(admin, 'programmes:saveFigures', {
      figures: { 'nes-1.stageDeadlineDays.plan': 14, 'nes-1.obligations.job-search-report.intervalDays': 30 },
    });
    // A value equal to the catalogue's is kept as none (a later edition's value then applies).
    expect(saved.figures.filter((x) => x.centerValue !== null).map((x) => x.key)).toEqual([
      'nes-1.stageDeadlineDays.plan',
    ]);
    expect((await refused(f.sessions.counselor, 'programmes:getFigures', {})).code).toBe('forbidden');
  });
});

describe('an enrolment in 국민취업지원제도', () => {
  const c = () => f.sessions.counselor;
  let e: EnrolmentView;

  it('enrols on the current edition with the eligibility deadline', async () => {
    e = await ok<EnrolmentView>(c(), 'programmes:enrol', {
      jobseekerId: f.own.jobseekerId,
      programmeCode: 'nes-1',
    });
    expect(e).toMatchObject({
      stage: 'eligibility',
      catalogueVersion: 'PRG-2026-v1',
      enrolledOn: '2026-11-02',
    });
    expect(e.steps[0]).toMatchObject({ state: 'current', startedOn: '2026-11-02', dueOn: '2026-12-02' });
    expect(e.eligibility.inputs).toEqual(['age', 'householdIncomePct', 'assetsBand', 'recentWorkDays']);
    const bad = await refused(c(), 'programmes:enrol', {
      jobseekerId: f.own.jobseekerId,
      programmeCode: 'group-cap',
    });
    expect(bad.message).toBe('programmes.noStages');
    // Another center's case is answered as not found.
    expect(
      (await refused(c(), 'programmes:enrol', { jobseekerId: f.other.jobseekerId, programmeCode: 'nes-1' }))
        .code,
    ).toBe('not-found');
  });

  it('needs the sensitive consent for the income pre-check and records only the listed inputs', async () => {
    const noConsent = await refused(c(), 'programmes:precheck', { enrolmentId: e.id, inputs });
    expect(noConsent.message).toBe('consent.missing.sensitive');
    await ok(c(), 'casework:recordConsent', { jobseekerId: f.own.jobseekerId, granted: { sensitive: true } });
    const extra = await refused(c(), 'programmes:precheck', {
      enrolmentId: e.id,
      inputs: { ...inputs, health: 'x' },
    });
    expect(extra.code).toBe('validation');
    expect(
      (
        await refused(c(), 'programmes:decide', {
          enrolmentId: e.id,
          decision: 'admit',
          reasonCode: 'meets-rules',
        })
      ).message,
    ).toBe('programmes.precheckFirst');
    e = await ok<EnrolmentView>(c(), 'programmes:precheck', {
      enrolmentId: e.id,
      inputs: { ...inputs, householdIncomePct: 70 },
    });
    expect(e.eligibility).toMatchObject({
      meets: false,
      failed: [{ input: 'householdIncomePct', rule: 'max', limit: 60 }],
    });
    e = await ok<EnrolmentView>(c(), 'programmes:precheck', { enrolmentId: e.id, inputs });
    expect(e.eligibility).toMatchObject({
      meets: true,
      failed: [],
      recorded: inputs,
      checkedOn: '2026-11-02',
    });
  });

  it('takes a person’s decision with a reason that fits it, once', async () => {
    const wrong = await refused(c(), 'programmes:decide', {
      enrolmentId: e.id,
      decision: 'admit',
      reasonCode: 'income-over-limit',
    });
    expect(wrong).toMatchObject({ message: 'programmes.v.reason', field: 'reasonCode' });
    e = await ok<EnrolmentView>(c(), 'programmes:decide', {
      enrolmentId: e.id,
      decision: 'admit',
      reasonCode: 'meets-rules',
    });
    expect(e.decision).toMatchObject({
      decision: 'admit',
      reasonCode: 'meets-rules',
      decidedOn: '2026-11-02',
    });
    expect(
      (
        await refused(c(), 'programmes:decide', {
          enrolmentId: e.id,
          decision: 'refuse',
          reasonCode: 'other',
          reasonText: 'x',
        })
      ).message,
    ).toBe('programmes.decided');
  });

  it('moves to the plan with the center’s deadline, and starts the services only on an agreed plan', async () => {
    e = await ok<EnrolmentView>(c(), 'programmes:move', { enrolmentId: e.id, to: 'plan', on: '2026-11-03' });
    expect(e.steps[1]).toMatchObject({ state: 'current', startedOn: '2026-11-03', dueOn: '2026-11-17' });
    expect(
      (await refused(c(), 'programmes:move', { enrolmentId: e.id, to: 'follow-up', on: '2026-11-04' }))
        .message,
    ).toBe('programmes.stage.notAllowed');
    expect(
      (await refused(c(), 'programmes:move', { enrolmentId: e.id, to: 'service', on: '2026-11-04' })).message,
    ).toBe('programmes.plan.agreeFirst');
    e = await ok<EnrolmentView>(c(), 'programmes:savePlan', {
      enrolmentId: e.id,
      goals: ['물류 사무직 취업'],
      items: [
        {
          activity: '이력서·자기소개서 작성',
          who: 'jobseeker',
          partner: null,
          from: '2026-11-04',
          to: '2026-11-15',
        },
        {
          activity: '직업훈련 상담',
          who: 'partner',
          partner: 'training-institution',
          from: '2026-11-10',
          to: '2026-11-20',
        },
      ],
    });
    expect(e.plan).toMatchObject({ agreedOn: null, goals: ['물류 사무직 취업'] });
    const partnerless = await refused(c(), 'programmes:savePlan', {
      enrolmentId: e.id,
      goals: ['x'],
      items: [{ activity: 'y', who: 'partner', partner: null, from: '2026-11-04', to: '2026-11-05' }],
    });
    expect(partnerless.code).toBe('validation');
    e = await ok<EnrolmentView>(c(), 'programmes:agreePlan', { enrolmentId: e.id, on: '2026-11-04' });
    expect(e.plan).toMatchObject({ agreedOn: '2026-11-04' });
    expect(
      (await refused(c(), 'programmes:agreePlan', { enrolmentId: e.id, on: '2026-11-05' })).message,
    ).toBe('programmes.plan.agreedAlready');
    e = await ok<EnrolmentView>(c(), 'programmes:move', {
      enrolmentId: e.id,
      to: 'service',
      on: '2026-11-05',
    });
    expect(e.periods).toHaveLength(6);
    expect(e.periods[0]).toMatchObject({
      period: 1,
      from: '2026-11-05',
      dueOn: '2026-12-04',
      decision: null,
    });
  });

  it('records a decision per period, not met only with a reason, the first standing until corrected', async () => {
    const base = { enrolmentId: e.id, obligation: 'job-search-report', on: '2026-12-05' };
    // Once period 1 has ended undecided, it is in the counselor's inbox (overdue); deciding it takes it out.
    const inboxKeys = async () =>
      (
        await ok<{ items: Array<{ key: string; source: string; status: string }> }>(c(), 'inbox:list', {})
      ).items
        .filter((i) => i.source === 'obligation')
        .map((i) => `${i.key.split(':').slice(2).join(':')} ${i.status}`);
    expect(await inboxKeys()).toEqual([]);
    t.store.context.now = () => new Date('2026-12-06T01:00:00Z');
    expect(await inboxKeys()).toEqual(['job-search-report:1 overdue']);
    e = await ok<EnrolmentView>(c(), 'programmes:decidePeriod', { ...base, period: 1, decision: 'met' });
    expect(
      (await refused(c(), 'programmes:decidePeriod', { ...base, period: 2, decision: 'not-met' })).message,
    ).toBe('programmes.period.reasonNeeded');
    e = await ok<EnrolmentView>(c(), 'programmes:decidePeriod', {
      ...base,
      period: 2,
      on: '2027-01-04',
      decision: 'not-met',
      reasonCode: 'no-report',
      reasonText: '보고서 미제출',
    });
    expect(e.periods.slice(0, 2).map((p) => p.decision?.decision)).toEqual(['met', 'not-met']);
    expect(await inboxKeys()).toEqual([]);
    expect(
      (
        await refused(c(), 'programmes:decidePeriod', {
          ...base,
          period: 1,
          decision: 'not-met',
          reasonCode: 'no-report',
        })
      ).message,
    ).toBe('programmes.period.decided');
    const first = e.periods[0]?.decision?.id;
    e = await ok<EnrolmentView>(c(), 'programmes:decidePeriod', {
      ...base,
      period: 1,
      decision: 'not-met',
      reasonCode: 'insufficient-activity',
      corrects: first,
    });
    expect(e.periods[0]?.decision).toMatchObject({
      decision: 'not-met',
      reasonCode: 'insufficient-activity',
    });
    const audit = t.store.raw
      .prepare("select person_id from audit_entries where action = 'programme.obligation.decide'")
      .all() as Array<{ person_id: string }>;
    expect(audit.map((a) => a.person_id)).toEqual([f.own.jobseekerId, f.own.jobseekerId, f.own.jobseekerId]);
  });

  it('ends only with an outcome and shows the case’s enrolments, queued for sync', async () => {
    expect(
      (await refused(c(), 'programmes:move', { enrolmentId: e.id, to: 'ended', on: '2027-01-10' })).message,
    ).toBe('programmes.stage.needsOutcome');
    e = await ok<EnrolmentView>(c(), 'programmes:move', {
      enrolmentId: e.id,
      to: 'ended',
      on: '2027-01-10',
      outcome: 'employed',
    });
    expect(e).toMatchObject({ stage: 'ended', outcome: { code: 'employed', ko: '취업' } });
    const list = await ok<CaseProgrammes>(c(), 'programmes:ofJobseeker', { jobseekerId: f.own.jobseekerId });
    expect(list.enrolments.map((x) => x.id)).toEqual([e.id]);
    expect(list.options.map((o) => o.code)).toEqual(['nes-1', 'nes-2']);
    const queued = t.store.raw
      .prepare(
        "select table_name, count(*) as n from outbox where table_name in ('programme_enrolments', 'enrolment_events', 'action_plans', 'obligation_decisions') group by table_name order by table_name",
      )
      .all() as Array<{ table_name: string; n: number }>;
    expect(queued.map((q) => q.table_name)).toEqual([
      'action_plans',
      'enrolment_events',
      'obligation_decisions',
      'programme_enrolments',
    ]);
  });

  it('gives the case timeline its programme events and obligation decisions', async () => {
    const q = { db: t.store.db, jobseekerId: f.own.jobseekerId };
    const events = await programmeTimelineSource.events(q);
    expect(events.map((x) => x.title.key).sort()).toEqual(
      [
        'timeline.programme.decided',
        'timeline.programme.enrolled',
        'timeline.programme.plan-agreed',
        'timeline.programme.prechecked',
        'timeline.programme.prechecked',
        'timeline.programme.stage',
        'timeline.programme.stage',
        'timeline.programme.stage',
      ].sort(),
    );
    expect(
      events.every((x) => x.kind === 'programme' && x.link?.tab === 'programmes' && x.link.id === e.id),
    ).toBe(true);
    const ended = events.find((x) => x.title.values?.['stage'] === 'ended');
    expect(ended?.title.values).toMatchObject({ programme: 'nes-1', from: 'service', outcome: 'employed' });
    const decisions = await obligationTimelineSource.events(q);
    expect(decisions.map((x) => `${x.title.key}:${String(x.title.values?.['period'])}`).sort()).toEqual([
      'timeline.obligation.corrected:1',
      'timeline.obligation.met:1',
      'timeline.obligation.not-met:2',
    ]);
    expect(
      await programmeTimelineSource.events({ db: t.store.db, jobseekerId: f.other.jobseekerId }),
    ).toEqual([]);
  });
});
