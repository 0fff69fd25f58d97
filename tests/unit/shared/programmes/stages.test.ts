import { describe, expect, it } from 'vitest';
import v1 from '../../../../resources/programmes/PRG-2026-v1.json' with { type: 'json' };
import { CATALOGUES, catalogueSchema } from '../../../../shared/programmes/catalogue.ts';
import {
  checkEnrolmentRow,
  moveStage,
  stageSteps,
  startEnrolment,
  type EnrolmentState,
} from '../../../../shared/programmes/stages.ts';

function started(on = '2026-03-02'): EnrolmentState {
  const e = startEnrolment('nes-1', on);
  if ('error' in e) throw new Error(e.error);
  return e;
}

function moved(
  e: EnrolmentState,
  ...args: Parameters<typeof moveStage> extends [unknown, ...infer R] ? R : never
) {
  const r = moveStage(e, ...args);
  if ('error' in r) throw new Error(r.error);
  return { ...e, ...r.patch };
}

describe('enrolment stage machine', () => {
  it('starts in eligibility on the newest edition with its deadline', () => {
    const e = started();
    expect(e).toMatchObject({
      stage: 'eligibility',
      catalogue_version: 'PRG-2026-v1',
      stage_due_on: '2026-04-01',
    });
    expect(startEnrolment('group-cap', '2026-03-02')).toEqual({ error: 'programmes.noStages' });
    expect(startEnrolment('nope', '2026-03-02')).toEqual({ error: 'programmes.unknownProgramme' });
  });

  it('goes eligibility → plan → service → follow-up → ended, each with its day and deadline', () => {
    let e = started();
    expect(moveStage(e, 'plan', '2026-03-05')).toEqual({ error: 'programmes.stage.needsAdmit' });
    e = { ...e, decision: 'admit' };
    e = moved(e, 'plan', '2026-03-05', { centerFigures: { 'nes-1.stageDeadlineDays.plan': 14 } });
    expect(e).toMatchObject({ stage: 'plan', plan_on: '2026-03-05', stage_due_on: '2026-03-19' });
    expect(moveStage(e, 'follow-up', '2026-03-06')).toEqual({ error: 'programmes.stage.notAllowed' });
    expect(moveStage(e, 'service', '2026-03-01')).toEqual({ error: 'programmes.stage.dayBeforeLast' });
    e = moved(e, 'service', '2026-03-20');
    expect(e.stage_due_on).toBe('2027-03-20');
    e = moved(e, 'follow-up', '2026-09-01');
    expect(moveStage(e, 'ended', '2026-10-01')).toEqual({ error: 'programmes.stage.needsOutcome' });
    expect(moveStage(e, 'ended', '2026-10-01', { outcome: 'lottery' })).toEqual({
      error: 'programmes.stage.unknownOutcome',
    });
    e = moved(e, 'ended', '2026-10-01', { outcome: 'employed' });
    expect(e).toMatchObject({
      stage: 'ended',
      outcome: 'employed',
      ended_on: '2026-10-01',
      stage_due_on: null,
    });
    expect(checkEnrolmentRow(e as unknown as Record<string, unknown>)).toBeNull();
    expect(stageSteps(e, '2026-10-02').map((s) => s.state)).toEqual([
      'done',
      'done',
      'done',
      'done',
      'current',
    ]);
  });

  it('lets a refused enrolment only end, and any stage end early', () => {
    const refused = { ...started(), decision: 'refuse' as const };
    expect(moveStage(refused, 'plan', '2026-03-03')).toEqual({ error: 'programmes.stage.needsAdmit' });
    const ended = moved(refused, 'ended', '2026-03-03', { outcome: 'ineligible' });
    expect(checkEnrolmentRow(ended as unknown as Record<string, unknown>)).toBeNull();
    const plan = moved({ ...started(), decision: 'admit' }, 'plan', '2026-03-04');
    const early = moved(plan, 'ended', '2026-03-10', { outcome: 'employed' });
    expect(stageSteps(early, '2026-03-10').map((s) => s.state)).toEqual([
      'done',
      'done',
      'skipped',
      'skipped',
      'current',
    ]);
    expect(checkEnrolmentRow(early as unknown as Record<string, unknown>)).toBeNull();
  });

  it('finds rows that do not fit the machine (what the server refuses)', () => {
    const plan = moved({ ...started(), decision: 'admit' }, 'plan', '2026-03-04') as unknown as Record<
      string,
      unknown
    >;
    expect(checkEnrolmentRow(plan)).toBeNull();
    // plan → ended without an outcome
    expect(checkEnrolmentRow({ ...plan, stage: 'ended', ended_on: '2026-03-05' })).toBe('outcome');
    // service without a service day, or before its plan day
    expect(checkEnrolmentRow({ ...plan, stage: 'service' })).toBe('service_on');
    expect(checkEnrolmentRow({ ...plan, stage: 'service', service_on: '2026-03-01' })).toBe('service_on');
    // an outcome on an open enrolment, a plan without the admit decision, a stage that does not exist
    expect(checkEnrolmentRow({ ...plan, outcome: 'employed' })).toBe('outcome');
    expect(checkEnrolmentRow({ ...plan, decision: 'refuse' })).toBe('decision');
    expect(checkEnrolmentRow({ ...plan, stage: 'party' })).toBe('stage');
    // a day of a stage not reached yet
    expect(checkEnrolmentRow({ ...plan, follow_up_on: '2026-04-01' })).toBe('follow_up_on');
  });

  it('leaves old enrolments on the edition they started with when a new edition arrives', () => {
    const next = JSON.parse(JSON.stringify(v1)) as typeof v1;
    next.version = 'PRG-2027-v2';
    const nes1 = next.programmes.find((p) => p.code === 'nes-1');
    if (!nes1?.stageDeadlineDays) throw new Error('nes-1 missing');
    nes1.stageDeadlineDays.plan = { value: 60, toConfirm: true, min: 7, max: 90 };
    const v2 = catalogueSchema.parse(next);
    const catalogues = [...CATALOGUES, v2];

    const old = { ...started(), decision: 'admit' as const };
    const oldPlan = moveStage(old, 'plan', '2026-03-04', { catalogues });
    expect(oldPlan).toEqual({ patch: { stage: 'plan', plan_on: '2026-03-04', stage_due_on: '2026-04-03' } });

    const fresh = startEnrolment('nes-1', '2027-01-04', {}, catalogues);
    if ('error' in fresh) throw new Error(fresh.error);
    expect(fresh.catalogue_version).toBe('PRG-2027-v2');
    const freshPlan = moveStage({ ...fresh, decision: 'admit' }, 'plan', '2027-01-05', { catalogues });
    expect(freshPlan).toMatchObject({ patch: { stage_due_on: '2027-03-06' } });
    // An edition this build does not know cannot be moved (never silently read with another's figures).
    expect(moveStage(fresh, 'ended', '2027-01-05', { outcome: 'withdrew' })).toEqual({
      error: 'programmes.stage.unknownEdition',
    });
  });
});
