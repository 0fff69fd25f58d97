import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { businessNumberCheckDigit } from '../../shared/domain/business-number.ts';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';

// Issue 4 through the real renderer and the harness: classify an employer, open an opening, match,
// refer two jobseekers, move one to hired and one to not-hired, and see the follow-up due.

interface Bridge {
  caseworker: {
    invoke: (channel: string, input: unknown) => Promise<{ ok: boolean; value: { id: string } }>;
  };
}

let app: E2eApp;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startE2eApp();
});
afterAll(() => app.close());
beforeEach(async () => {
  context = await app.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'ko-KR' });
  page = await context.newPage();
});
afterEach(() => context.close());

/** Two more jobseekers who want care work in Seoul, so the opening has candidates whatever the demo made. */
async function seedCandidates(p: Page): Promise<void> {
  for (const name of ['한솔비', '한솔미']) {
    const ok = await p.evaluate(async (n) => {
      const r = await (globalThis as unknown as Bridge).caseworker.invoke('jobseekers:create', {
        fields: { name: n, birthYear: 1972, sido: '11', desiredOccupation: '5501', desiredWage: 2_300_000 },
        confirmedNotDuplicate: true,
      });
      return r.ok;
    }, name);
    expect(ok).toBe(true);
  }
}

async function choose(p: Page, testId: string, option: string | RegExp) {
  await p.getByTestId(testId).click();
  await p.getByRole('option', { name: option }).click();
}

async function recordEvent(p: Page, kind: string, fill?: () => Promise<void>) {
  await p.getByTestId(`event-${kind}`).click();
  if (fill) await fill();
  await p.getByTestId('save-event').click();
  await expect.poll(() => p.getByTestId('referral-events').locator('li').last().textContent()).toBeTruthy();
}

describe('employers, openings, matching and referrals in the real UI', () => {
  // This flow failed about one run in two: a referral took the candidate out of the ranking when the list
  // loaded again, the rows below moved up under the pointer, and the click meant for the second candidate
  // landed on the third. Referred rows now keep their place (renderer/src/openings/stable-ranking.ts).
  it('classifies an employer, opens an opening, refers two candidates, hires one, and shows the follow-up', async () => {
    await signIn(page, app.host.url);
    await seedCandidates(page);

    // A new employer; a wrong check digit is caught before saving.
    await page.goto(`${app.host.url}/#/employers/new`);
    // A fresh number per attempt (the test may be retried; a business number is one employer's).
    const first9 = String(100_000_000 + Math.floor(Math.random() * 800_000_000));
    const check = businessNumberCheckDigit(first9);
    await page.getByTestId('field-businessNo').fill(`${first9}${(check + 1) % 10}`);
    await page.getByTestId('field-employerName').fill('(주)늘봄요양원');
    await choose(page, 'field-industry', /^Q\./);
    await page.getByTestId('field-employees').fill('20');
    await choose(page, 'field-employerSido', '서울특별시');
    await page.getByTestId('save-employer').click();
    await page
      .getByText('사업자등록번호의 검증번호(마지막 자리)가 맞지 않습니다', { exact: false })
      .waitFor();
    await page
      .getByTestId('field-businessNo')
      .fill(`${first9.slice(0, 3)}-${first9.slice(3, 5)}-${first9.slice(5)}${check}`);
    await page.getByTestId('save-employer').click();
    await expect.poll(() => page.getByTestId('employer-name').textContent()).toBe('(주)늘봄요양원');

    // Classify: score 1 → conditions improvement, with the package as stage 1 and 2 and the reasons shown.
    await page.getByTestId('profile-uniform-no').check();
    await choose(page, 'profile-wage', '낮음(下)');
    await choose(page, 'profile-welfare', '낮음(下)');
    await choose(page, 'profile-recognition', '보통(中)');
    await expect.poll(() => page.getByTestId('profiling-result').textContent()).toContain('고용여건개선형');
    await expect.poll(() => page.getByTestId('stage1').textContent()).toContain('기업채용지원패키지');
    await expect.poll(() => page.getByTestId('profiling-result').textContent()).toContain('1점 이하');
    await page.getByTestId('decision-accept').check();
    await page.getByTestId('save-classification').click();
    await page.getByTestId('assessment-row').first().waitFor();
    await expect
      .poll(() => page.getByTestId('package-summary').textContent())
      .toContain('아직 시작하지 않았습니다');

    // An opening for care workers in Seoul, two positions, public.
    await page.getByTestId('new-opening').click();
    await page.getByTestId('field-title').fill('요양보호사 (주간 근무)');
    await page.getByTestId('field-occupation').locator('input').fill('요양보호사');
    await page.getByRole('option', { name: /요양보호사 \(5501\)/ }).click();
    await page.getByTestId('field-wage').fill('2400000');
    await page.getByTestId('field-positions').fill('2');
    await page.getByTestId('field-public').check();
    await page.getByTestId('save-opening').click();
    await expect.poll(() => page.getByTestId('opening-title').textContent()).toBe('요양보호사 (주간 근무)');
    await expect.poll(() => page.getByTestId('opening-filled').textContent()).toBe('0 / 2명');

    // The ranked candidates, each with its reasons; refer the first two in one action each.
    await page.getByTestId('candidate-row').nth(1).waitFor();
    await expect.poll(() => page.getByTestId('candidate-row').first().textContent()).toContain('희망 직종');
    // The list loads again after each referral (the refresh model); a referred candidate stays in its
    // row marked 알선함 and the rows below do not move, so the second click reaches the second candidate.
    const names = (await page.getByTestId('candidate-name').allTextContents()).slice(0, 2);
    for (const [i, name] of names.entries()) {
      const row = page.getByTestId('candidate-row').nth(i);
      await expect.poll(() => row.getByTestId('candidate-name').textContent()).toBe(name);
      await row.getByTestId('refer-candidate').click();
      await expect.poll(() => row.getByTestId('refer-candidate').textContent()).toBe('알선함');
    }
    await expect
      .poll(async () => (await page.getByTestId('candidate-name').allTextContents()).slice(0, 2))
      .toEqual(names);
    const [hiredName = '', rejectedName = ''] = names;

    // The opening's referrals: move one to hired, the other to not hired.
    await page.getByTestId('tab-referrals').click();
    await expect.poll(() => page.getByTestId('opening-referral-row').count()).toBe(2);
    await page.getByTestId('opening-referral-row').filter({ hasText: hiredName }).click();
    await recordEvent(page, 'referred');
    await recordEvent(page, 'interview', () => page.getByTestId('interview-on').fill('2026-12-01'));
    await recordEvent(page, 'hired');
    await expect
      .poll(() => page.getByTestId('referral-dialog').getByTestId('referral-state').textContent())
      .toBe('채용');
    await page.getByTestId('close-referral').click();

    await page.getByTestId('opening-referral-row').filter({ hasText: rejectedName }).click();
    await recordEvent(page, 'referred');
    await recordEvent(page, 'not-hired', () => page.getByTestId('event-note').fill('경력 부족'));
    await expect
      .poll(() => page.getByTestId('referral-dialog').getByTestId('referral-state').textContent())
      .toBe('불채용');
    await page.getByTestId('close-referral').click();

    await expect
      .poll(() => page.getByTestId('opening-referral-row').filter({ hasText: hiredName }).textContent())
      .toContain('채용');
    await expect
      .poll(() => page.getByTestId('opening-referral-row').filter({ hasText: rejectedName }).textContent())
      .toContain('불채용');
    await expect.poll(() => page.getByTestId('opening-filled').textContent()).toBe('1 / 2명');

    // The counselor's board and the follow-up due one month after the hire.
    await page.goto(`${app.host.url}/#/referrals`);
    await expect.poll(() => page.getByTestId('board-column-hired').textContent()).toContain(hiredName);
    await expect.poll(() => page.getByTestId('board-column-closed').textContent()).toContain(rejectedName);
    await page.getByTestId('tab-due').click();
    const due = page.getByTestId('due-row').filter({ hasText: hiredName });
    await expect.poll(() => due.count()).toBe(1);
    await expect.poll(() => due.textContent()).toContain('1개월');
    await expect.poll(() => due.textContent()).toContain('(주)늘봄요양원');
  });
});
