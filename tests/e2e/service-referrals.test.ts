import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';

// Service referrals (서비스 연계, issue 17 item 4) in Chromium on the real services: a needs-preparation
// jobseeker on the training track is referred to a 내일배움카드 course from the case's 서비스 연계 tab; the
// provider accepts, the course starts and is completed, each step dated through its dialog; the
// completion closes the plan step 훈련 수료 and the case page prompts a reassessment, which opens the
// intake; reassessed as ready, the prompt is gone and the classification reads 준비된 구직자.

interface Bridge {
  caseworker: {
    invoke: (channel: string, input: unknown) => Promise<{ ok: boolean; value: { id: string } }>;
  };
}

let app: E2eApp;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startE2eApp(120);
});
afterAll(() => app.close());
beforeEach(async () => {
  context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ko-KR' });
  page = await context.newPage();
});
afterEach(() => context.close());

const READY = {
  searchActivities4w: '3+',
  startWish: 'within3m',
  willToWork: 5,
  preparation: 'license',
  experience: '2y+',
  sinceLastJob: 'under6m',
  barriers: [],
  economicHardship: [],
  fieldDecided: true,
  mobile: true,
  declined: [],
  kioskItems: [],
};

const READY_WIDE = {
  searchActivities4w: '3+',
  startWish: 'within3m',
  willToWork: '5',
  preparation: 'license',
  experience: '2y+',
  sinceLastJob: 'under6m',
  barriers: 'none',
  economicHardship: 'none',
  fieldDecided: 'true',
  mobile: 'true',
};

/** A new case assessed needs-preparation on the training track (the counselor's override). */
async function trainingCase(p: Page, name: string): Promise<string> {
  return p.evaluate(
    async ({ n, answers }) => {
      const bridge = (globalThis as unknown as Bridge).caseworker;
      const js = await bridge.invoke('jobseekers:create', {
        fields: { name: n, birthYear: 1988, sido: '11', desiredOccupation: null },
        confirmedNotDuplicate: true,
      });
      await bridge.invoke('casework:saveAssessment', {
        jobseekerId: js.value.id,
        answers,
        decision: {
          kind: 'overridden',
          track: 'training',
          reasonCode: 'jobseeker-request',
          reasonText: '용접 훈련 과정 참여 희망',
        },
      });
      return js.value.id;
    },
    { n: name, answers: READY },
  );
}

async function step(p: Page, to: string, note?: string): Promise<void> {
  await p.getByTestId(`service-action-${to}`).click();
  await p.getByTestId('transition-dialog').waitFor();
  if (note) await p.getByTestId('transition-note').fill(note);
  await p.getByTestId('transition-save').click();
  await p.getByTestId('transition-dialog').waitFor({ state: 'detached' });
}

describe('a service referral in the real UI', () => {
  it('refers to a training course, records its steps, closes the plan step and prompts the reassessment to ready', async () => {
    await signIn(page, app.host.url);
    const id = await trainingCase(page, '한훈련');
    await page.goto(`${app.host.url}/#/jobseekers/${id}/services`);
    await page.getByTestId('case-services').waitFor();
    expect(await page.getByTestId('jobseeker-classification').textContent()).toContain('준비가 필요한');

    await page.getByTestId('services-refer').click();
    await page.getByTestId('refer-dialog').waitFor();
    await page.getByTestId('refer-kind-training').click();
    await page.getByTestId('refer-course').fill('특수용접 기능사 과정');
    await page.getByTestId('refer-save').click();
    await page.getByTestId('refer-dialog').waitFor({ state: 'detached' });
    const row = await app.host.store.db
      .selectFrom('service_referrals')
      .select(['id', 'plan_step'])
      .where('jobseeker_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.plan_step).toBe('trainingCompletion');
    const card = page.getByTestId(`service-${row.id}`);
    await expect.poll(() => card.getByTestId('service-status').textContent()).toBe('연계함');
    expect(await card.textContent()).toContain('특수용접 기능사 과정');

    await step(page, 'accepted');
    await expect.poll(() => card.getByTestId('service-status').textContent()).toBe('기관 수락');
    await step(page, 'started');
    await expect.poll(() => card.getByTestId('service-status').textContent()).toBe('참여 시작');
    // No prompt before the course is completed.
    expect(await page.getByTestId('reassess-after-service').count()).toBe(0);
    await step(page, 'completed', '수료, 용접기능사 필기 합격');
    await expect.poll(() => card.getByTestId('service-status').textContent()).toBe('수료·완료');
    await card.getByTestId('service-plan-step').waitFor();
    await card.getByTestId('service-history-toggle').click();
    const history = await card.getByTestId('service-history').textContent();
    for (const s of ['연계함', '기관 수락', '참여 시작', '수료·완료']) expect(history).toContain(s);

    const steps = await app.host.store.db
      .selectFrom('service_plan_steps')
      .select('step')
      .where('jobseeker_id', '=', id)
      .where('archived', '=', 0)
      .execute();
    expect(steps.map((s) => s.step)).toEqual(['trainingCompletion']);
    await page.getByTestId('tab-plan').click();
    await expect.poll(() => page.getByTestId('plan-steps').textContent()).toContain('완료');

    // The prompt (shown on the case page from the completion) opens the intake: reassessed as ready.
    await page.getByTestId('reassess-after-service').waitFor();
    await page.getByTestId('reassess-after-service-open').click();
    await page.waitForURL(/\/intake$/);
    // The form renders once the case file is read: the consent boxes are looked for only then.
    await page.getByTestId('intake-item-economicHardship').waitFor();
    for (const group of ['required', 'sensitive']) {
      const consent = page.getByTestId(`consent-${group}`);
      if ((await consent.count()) > 0 && !(await consent.isChecked())) await consent.check();
    }
    for (const [item, value] of Object.entries(READY_WIDE))
      await page.getByTestId(`intake-${item}-${value}`).check();
    await expect.poll(() => page.getByTestId('live-type').textContent()).toBe('준비된 구직자');
    await page.getByTestId('save-assessment').click();
    await expect
      .poll(() => page.getByTestId('current-classification').textContent())
      .toBe('준비된 구직자 · 광역 알선');
    await expect.poll(() => page.getByTestId('reassess-after-service').count()).toBe(0);
    const latest = await app.host.store.db
      .selectFrom('assessments')
      .select(['final_type', 'conversion'])
      .where('jobseeker_id', '=', id)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(latest).toEqual({ final_type: 'ready', conversion: 1 });
  });
});
