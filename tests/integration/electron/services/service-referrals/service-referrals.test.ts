import { describe, expect, it } from 'vitest';
import { serviceReferralSource } from '../../../../../electron/services/timeline/sources/service-referrals.ts';
import {
  conversionsByProgramme,
  linkedPlacements,
} from '../../../../../db/repositories/service-referrals.ts';
import type { CaseServices, ReassessPrompt } from '../../../../../shared/contract/service-referrals.ts';
import type { InboxPage } from '../../../../../shared/domain/tasks.ts';
import { LINKED_PLACEMENT_DAYS } from '../../../../../shared/programmes/service-referral-status.ts';
import { READY_ANSWERS } from '../../../../support/case-fixtures.ts';
import { dispatchStore } from '../../../../support/casework-store.ts';

// Service referrals (서비스 연계, issue 17 item 4) through the real dispatcher on a real store: a
// needs-preparation jobseeker on the training track is referred to a 내일배움카드 course that accepts,
// starts and completes; the completion closes the plan step and prompts a reassessment (case and
// inbox) until the reassessment converts them to ready, which the conversion query credits to the
// course; steps the machine forbids, undated or unexplained steps and other centers' cases are refused;
// a placement within N days after a partner-agency referral counts as linked.

const { t, f, ok, refused } = dispatchStore();

const setToday = (day: string) => {
  t.store.context.now = () => new Date(`${day}T01:00:00Z`);
};

async function needsPreparationCase(name: string): Promise<string> {
  const c = f.sessions.counselor;
  const js = await ok<{ id: string }>(c, 'jobseekers:create', {
    fields: { name, birthYear: 1990, sido: '11', desiredOccupation: '7430' },
    confirmedNotDuplicate: true,
  });
  await ok(c, 'casework:saveAssessment', {
    jobseekerId: js.id,
    answers: READY_ANSWERS,
    decision: {
      kind: 'overridden',
      track: 'training',
      reasonCode: 'jobseeker-request',
      reasonText: '용접 훈련 희망',
    },
  });
  return js.id;
}

describe('a training referral from referral to completion', () => {
  let person = '';
  let referral = '';

  it('refers a needs-preparation jobseeker to a course, listed with the next steps', async () => {
    setToday('2026-11-02');
    person = await needsPreparationCase('조훈련');
    setToday('2026-11-03');
    const c = f.sessions.counselor;
    const made = await ok<CaseServices>(c, 'services:create', {
      jobseekerId: person,
      targetKind: 'training',
      programmeCode: 'training-naeil',
      providerCode: 'training-institution',
      courseName: '특수용접 기능사 과정',
      reasonCode: 'skills-gap',
      reasonText: '',
      referredOn: '2026-11-03',
    });
    expect(made.items).toHaveLength(1);
    referral = made.items[0]?.id ?? '';
    expect(made.items[0]).toMatchObject({
      status: 'referred',
      planStep: 'trainingCompletion',
      catalogueVersion: 'PRG-2026-v1',
      next: ['accepted', 'declined'],
      reasonText: null,
    });
    expect(made.prompt).toBeNull();
    const outbox = await t.store.db
      .selectFrom('outbox')
      .select('table_name')
      .where('row_id', '=', referral)
      .execute();
    expect(outbox.map((o) => o.table_name)).toEqual(['service_referrals']);
  });

  it('refuses a step the machine forbids, a day in the future or before the previous step', async () => {
    const c = f.sessions.counselor;
    expect(
      await refused(c, 'services:transition', { id: referral, to: 'completed', on: '2026-11-03' }),
    ).toMatchObject({ code: 'conflict', message: 'services.v.notAllowed' });
    expect(
      await refused(c, 'services:transition', { id: referral, to: 'accepted', on: '2026-11-04' }),
    ).toMatchObject({ code: 'validation', field: 'on', message: 'services.v.inFuture' });
    expect(
      await refused(c, 'services:transition', { id: referral, to: 'accepted', on: '2026-11-01' }),
    ).toMatchObject({ field: 'on', message: 'services.v.beforePrevious' });
    expect(
      await refused(c, 'services:transition', { id: referral, to: 'declined', on: '2026-11-03' }),
    ).toMatchObject({ field: 'reasonCode', message: 'services.v.reasonRequired' });
    expect(
      await refused(c, 'services:transition', { id: referral, to: 'vanished', on: '2026-11-03' }),
    ).toMatchObject({ code: 'validation', field: 'to' });
    // Another center's counselor cannot see it, nor learn it exists.
    expect(
      await refused(f.otherCounselor, 'services:transition', {
        id: referral,
        to: 'accepted',
        on: '2026-11-03',
      }),
    ).toMatchObject({ code: 'not-found', message: 'services.notFound' });
    expect(await refused(f.otherCounselor, 'services:ofJobseeker', { jobseekerId: person })).toMatchObject({
      code: 'not-found',
    });
    expect(await refused(f.sessions.admin, 'services:ofJobseeker', { jobseekerId: person })).toMatchObject({
      code: 'forbidden',
    });
  });

  it('accepts, starts and completes, each dated; completion closes the plan step and prompts a reassessment', async () => {
    const c = f.sessions.counselor;
    setToday('2026-12-20');
    await ok(c, 'services:transition', { id: referral, to: 'accepted', on: '2026-11-05' });
    await ok(c, 'services:transition', { id: referral, to: 'started', on: '2026-11-10' });
    const done = await ok<CaseServices>(c, 'services:transition', {
      id: referral,
      to: 'completed',
      on: '2026-12-18',
      outcomeNote: '수료, 자격 시험 응시 예정',
    });
    const r = done.items[0];
    expect(r?.status).toBe('completed');
    expect(r?.days).toMatchObject({
      referred: '2026-11-03',
      accepted: '2026-11-05',
      started: '2026-11-10',
      completed: '2026-12-18',
      declined: null,
      dropped: null,
    });
    expect(r?.next).toEqual([]);
    expect(r?.planStepDone).toBe(true);
    expect(r?.outcomeNote).toBe('수료, 자격 시험 응시 예정');
    expect(r?.events.map((e) => `${e.from ?? '-'}>${e.to}@${e.on}`)).toEqual([
      '->referred@2026-11-03',
      'referred>accepted@2026-11-05',
      'accepted>started@2026-11-10',
      'started>completed@2026-12-18',
    ]);
    const step = await t.store.db
      .selectFrom('service_plan_steps')
      .select(['step', 'done_on', 'archived'])
      .where('jobseeker_id', '=', person)
      .execute();
    expect(step).toEqual([{ step: 'trainingCompletion', done_on: '2026-12-18', archived: 0 }]);
    expect(done.prompt).toMatchObject({ serviceReferralId: referral, completedOn: '2026-12-18' });
    const prompt = await ok<ReassessPrompt | null>(c, 'services:prompt', { jobseekerId: person });
    expect(prompt?.courseName).toBe('특수용접 기능사 과정');
    const inbox = await ok<InboxPage>(c, 'inbox:list', {});
    const item = inbox.items.find((i) => i.key === `reassess-after-service:${person}`);
    expect(item).toMatchObject({ source: 'reassess-after-service', dueOn: '2026-12-18', status: 'overdue' });
    // A closed referral takes no further step.
    expect(
      await refused(c, 'services:transition', {
        id: referral,
        to: 'dropped',
        on: '2026-12-19',
        reasonCode: 'health',
      }),
    ).toMatchObject({ code: 'conflict' });
  });

  it('drops the prompt once reassessed as ready, and credits the conversion to the course', async () => {
    const c = f.sessions.counselor;
    setToday('2026-12-21');
    await ok(c, 'casework:saveAssessment', {
      jobseekerId: person,
      answers: READY_ANSWERS,
      decision: { kind: 'accepted' },
    });
    expect(await ok(c, 'services:prompt', { jobseekerId: person })).toBeNull();
    const inbox = await ok<InboxPage>(c, 'inbox:list', {});
    expect(inbox.items.some((i) => i.key === `reassess-after-service:${person}`)).toBe(false);
    const conversions = await conversionsByProgramme(t.store.db, {
      centerCode: f.sessions.counselor.centerCode,
      fromDay: '2026-12-01',
      toDay: '2027-01-01',
    });
    expect(conversions).toEqual([{ programme: 'training-naeil', conversions: 1 }]);
  });

  it('gives the timeline every step, linked to the services tab', async () => {
    const events = await serviceReferralSource.events({ db: t.store.db, jobseekerId: person });
    expect(events.map((e) => e.title.key).sort()).toEqual(
      ['accepted', 'completed', 'referred', 'started'].map((s) => `services.timeline.${s}`).sort(),
    );
    expect(events.every((e) => e.kind === 'service-referral' && e.link?.tab === 'services')).toBe(true);
  });
});

describe('the new referral’s fields', () => {
  it('refuses a course without its name, a provider of another kind, a local provider without a name', async () => {
    const c = f.sessions.counselor;
    const base = { jobseekerId: f.own.jobseekerId, reasonCode: 'welfare-need', referredOn: '2026-12-01' };
    expect(
      await refused(c, 'services:create', {
        ...base,
        targetKind: 'training',
        programmeCode: 'training-naeil',
      }),
    ).toMatchObject({ field: 'courseName' });
    expect(
      await refused(c, 'services:create', {
        ...base,
        targetKind: 'welfare-resource',
        providerCode: 'saeil-center',
      }),
    ).toMatchObject({ field: 'providerCode' });
    expect(await refused(c, 'services:create', { ...base, targetKind: 'partner-agency' })).toMatchObject({
      field: 'providerName',
    });
    expect(
      await refused(c, 'services:create', {
        ...base,
        targetKind: 'partner-agency',
        providerName: '구청',
        reasonCode: 'other',
      }),
    ).toMatchObject({ field: 'reasonText' });
    expect(
      await refused(c, 'services:create', {
        ...base,
        targetKind: 'partner-agency',
        providerName: '구청',
        referredOn: '2027-01-30',
      }),
    ).toMatchObject({ field: 'referredOn' });
  });

  it('declines with the provider’s reason, kept on the row and in its history', async () => {
    const c = f.sessions.counselor;
    const made = await ok<CaseServices>(c, 'services:create', {
      jobseekerId: f.own.jobseekerId,
      targetKind: 'welfare-resource',
      providerCode: 'microfinance',
      reasonCode: 'finance',
      referredOn: '2026-12-01',
    });
    const id = made.items[0]?.id ?? '';
    const declined = await ok<CaseServices>(c, 'services:transition', {
      id,
      to: 'declined',
      on: '2026-12-02',
      reasonCode: 'other',
      reasonText: '상담 예약 마감',
    });
    expect(declined.items.find((i) => i.id === id)).toMatchObject({
      status: 'declined',
      closeReasonCode: 'other',
      closeReasonText: '상담 예약 마감',
      next: [],
    });
  });
});

describe('partner-agency linked placements (연계 취업 실적)', () => {
  it('counts a placement within N days after a partner referral the provider did not decline', async () => {
    const c = f.sessions.counselor;
    setToday('2026-11-25');
    const linked = await needsPreparationCase('연계취업');
    const late = await needsPreparationCase('늦은취업');
    const declined = await needsPreparationCase('거절취업');
    for (const [who, on] of [
      [linked, '2026-11-01'],
      [late, '2026-03-01'],
      [declined, '2026-11-01'],
    ] as const) {
      const made = await ok<CaseServices>(c, 'services:create', {
        jobseekerId: who,
        targetKind: 'partner-agency',
        providerCode: 'saeil-center',
        reasonCode: 'childcare',
        referredOn: on,
      });
      if (who === declined)
        await ok(c, 'services:transition', {
          id: made.items[0]?.id,
          to: 'declined',
          on: '2026-11-02',
          reasonCode: 'not-eligible',
        });
    }
    for (const who of [linked, late, declined])
      await ok(c, 'referrals:recordPlacement', {
        jobseekerId: who,
        employerName: '(주)새일',
        hiredOn: '2026-11-20',
      });
    const rows = await linkedPlacements(t.store.db, {
      centerCode: c.centerCode,
      fromDay: '2026-11-01',
      toDay: '2026-12-01',
      days: LINKED_PLACEMENT_DAYS.value,
    });
    expect(rows.map((r) => r.jobseeker_id)).toEqual([linked]);
    expect(rows[0]).toMatchObject({ source: 'own', hired_on: '2026-11-20', provider_code: 'saeil-center' });
    // A shorter window the center sets leaves it out.
    const narrow = await linkedPlacements(t.store.db, {
      centerCode: c.centerCode,
      fromDay: '2026-11-01',
      toDay: '2026-12-01',
      days: 14,
    });
    expect(narrow).toEqual([]);
  });
});
