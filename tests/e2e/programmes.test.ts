import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';

// Enrolment in 국민취업지원제도 (issue 17 item 2) in Chromium on the real services: a counselor enrols a
// needs-preparation jobseeker (with the sensitive consent) from the case's 참여 프로그램 tab, records the
// eligibility pre-check and admits them, drafts and agrees the action plan, starts the services, and
// — the store's clock moved on past three obligation periods — records two periods (one not met with a
// reason) and finds the third due in 오늘 할 일.

let app: E2eApp;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startE2eApp(200);
});
afterAll(() => app.close());
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

async function newPage(): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ko-KR' });
  contexts.push(context);
  return context.newPage();
}

/** counselor1's needs-preparation jobseeker with the sensitive consent and no enrolment yet. */
async function candidate(): Promise<{ id: string; name: string }> {
  const db = app.host.store.db;
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('login_id', '=', 'counselor1')
    .executeTakeFirstOrThrow();
  const row = await db
    .selectFrom('jobseekers as j')
    .innerJoin('consent_records as c', 'c.jobseeker_id', 'j.id')
    .select(['j.id', 'j.name'])
    .where('j.assigned_counselor_id', '=', user.id)
    .where('j.current_type', '=', 'needs-preparation')
    .where('j.status', '=', 'active')
    .where('j.archived', '=', 0)
    .where('c.item_group', '=', 'sensitive')
    .where('c.granted', '=', 1)
    .where('j.id', 'not in', db.selectFrom('programme_enrolments').select('jobseeker_id'))
    .orderBy('j.id')
    .executeTakeFirstOrThrow();
  return row;
}

async function pick(page: Page, testId: string, option: RegExp): Promise<void> {
  await page.getByTestId(testId).getByRole('combobox').click();
  await page.getByRole('option', { name: option }).click();
}

describe('an enrolment in 국민취업지원제도', () => {
  it('goes from enrolment to obligation decisions, and a due period reaches the inbox', async () => {
    const page = await newPage();
    await signIn(page, app.host.url, 'counselor1');
    const person = await candidate();
    await page.goto(`${app.host.url}/#/jobseekers/${person.id}/programmes`);
    await page.getByTestId('case-programmes').waitFor();
    await page.getByTestId('enrol').click();
    const card = page.getByTestId('enrolment-nes-1');
    await card.waitFor();
    expect(await card.getAttribute('data-stage')).toBe('eligibility');

    // Pre-check: only the programme's inputs; income above the limit first, then within it.
    await page.getByTestId('input-age').fill('38');
    await page.getByTestId('input-householdIncomePct').fill('72');
    await page.getByTestId('input-recentWorkDays').fill('400');
    await page.getByTestId('precheck-save').click();
    await expect.poll(() => page.getByTestId('precheck-result').textContent()).toContain('요건 미충족');
    await page.getByTestId('input-householdIncomePct').fill('48');
    await page.getByTestId('precheck-save').click();
    await expect.poll(() => page.getByTestId('precheck-result').textContent()).toContain('요건 충족');

    // A person's decision, then the plan stage.
    await page.getByRole('radio', { name: '참여 승인' }).check();
    await page.getByTestId('decision-text').fill('소득·재산 기준 충족 확인');
    await page.getByTestId('decision-save').click();
    await page.getByTestId('decision-made').waitFor();
    await page.getByTestId('move-save').click();
    await expect.poll(() => card.getAttribute('data-stage')).toBe('plan');

    // The action plan: a goal and two activities, saved and agreed.
    await page.getByTestId('plan-goal-0').fill('6개월 안에 물류 사무직 취업');
    await page.getByTestId('plan-activity-0').fill('이력서·자기소개서 작성');
    await page.getByRole('button', { name: '활동 추가' }).click();
    await page.getByTestId('plan-activity-1').fill('심층상담 월 1회');
    await pick(page, 'plan-who-1', /상담사/);
    await page.getByTestId('plan-save').click();
    await expect.poll(() => page.getByTestId('plan-state').textContent()).toContain('초안');
    await page.getByTestId('plan-agree').click();
    await expect.poll(() => page.getByTestId('plan-state').textContent()).toContain('합의');

    // The services start; obligation periods appear.
    await page.getByTestId('move-save').click();
    await expect.poll(() => card.getAttribute('data-stage')).toBe('service');
    await page.getByTestId('period-1').waitFor();
    const enrolment = await app.host.store.db
      .selectFrom('programme_enrolments')
      .select(['id', 'service_on'])
      .where('jobseeker_id', '=', person.id)
      .executeTakeFirstOrThrow();
    const plan = await app.host.store.db
      .selectFrom('action_plans')
      .select(['agreed_on', 'items'])
      .where('enrolment_id', '=', enrolment.id)
      .executeTakeFirstOrThrow();
    expect(plan.agreed_on).not.toBeNull();
    expect(JSON.parse(plan.items)).toHaveLength(2);

    // 95 days on: periods 1–3 have ended. Decide 1 (met) and 2 (not met, with a reason).
    const start = Date.parse(`${enrolment.service_on}T01:00:00Z`);
    app.host.store.context.now = () => new Date(start + 95 * 86_400_000);
    await page.reload();
    await page.getByTestId('period-3').waitFor();
    await page.getByTestId('period-decide-1').click();
    await page.getByTestId('period-save').click();
    await page.getByTestId('period-save').waitFor({ state: 'detached' });
    await page.getByTestId('period-decide-2').click();
    await page.getByTestId('period-not-met').click();
    await page.getByTestId('period-save').click();
    await page.getByRole('alert').filter({ hasText: '사유' }).waitFor();
    await pick(page, 'period-reason', /구직활동 보고 없음/);
    await page.getByTestId('period-text').fill('2회차 구직활동 보고서 미제출');
    await page.getByTestId('period-save').click();
    await page.getByTestId('period-save').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('period-2').textContent()).toContain('미이행');
    expect(await page.getByTestId('period-1').textContent()).toContain('이행');
    const decisions = await app.host.store.db
      .selectFrom('obligation_decisions')
      .select(['period_no', 'decision', 'reason_code'])
      .where('enrolment_id', '=', enrolment.id)
      .orderBy('period_no')
      .execute();
    expect(decisions).toEqual([
      { period_no: 1, decision: 'met', reason_code: null },
      { period_no: 2, decision: 'not-met', reason_code: 'no-report' },
    ]);

    // Period 3 is due and undecided: it is in the counselor's inbox, and opens the case.
    await page.goto(`${app.host.url}/#/inbox`);
    const item = page
      .locator(`[data-source="obligation"]`)
      .filter({ hasText: person.name })
      .filter({ hasText: '3회차' });
    await item.first().waitFor();
  });
});
