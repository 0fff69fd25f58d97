import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TimelinePage } from '../../shared/contract/timeline.ts';
import { E2E_PASSWORD, signIn, startE2eApp, type E2eApp } from './support/app.ts';

// Issue 17's whole path for one person, in Chromium on the real services, as "How it is proved" lists it:
// a needs-preparation jobseeker is enrolled in 국민취업지원제도, pre-checked and admitted; the action plan
// is drafted and agreed; two obligation periods are decided (one not met, with a reason); they take part
// in a group programme and their attendance is marked; they are referred to a training course that
// accepts, starts and is completed; reassessed, they are ready; referred to an opening, they are hired.
// The case timeline then shows every step, and the supervisor's programme report counts them.

let app: E2eApp;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startE2eApp(200);
});
afterAll(async () => {
  vi.useRealTimers();
  await app.close();
});
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

async function newPage(): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ko-KR' });
  contexts.push(context);
  return context.newPage();
}

interface Bridge {
  caseworker: {
    invoke: (channel: string, input: unknown) => Promise<{ ok: boolean; value: unknown; error?: unknown }>;
  };
}

/** A channel through the page's own bridge, as the renderer calls it (for the steps the test only sets up). */
async function invoke<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.evaluate(([c, i]) => (globalThis as unknown as Bridge).caseworker.invoke(c, i), [
    channel,
    input,
  ] as const);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** counselor1's needs-preparation jobseeker with the sensitive consent, no enrolment and no referral. */
async function candidate(): Promise<{ id: string; name: string }> {
  const db = app.host.store.db;
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('login_id', '=', 'counselor1')
    .executeTakeFirstOrThrow();
  return db
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
    .where('j.id', 'not in', db.selectFrom('referrals').select('jobseeker_id'))
    .where('j.id', 'not in', db.selectFrom('service_referrals').select('jobseeker_id'))
    .where('j.id', 'not in', db.selectFrom('group_participants').select('jobseeker_id'))
    .orderBy('j.id')
    .executeTakeFirstOrThrow();
}

async function pick(page: Page, testId: string, option: RegExp): Promise<void> {
  await page.getByTestId(testId).getByRole('combobox').click();
  await page.getByRole('option', { name: option }).click();
}

/** The intake's answers of a ready jobseeker who can move for work (광역 알선). */
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

describe('a needs-preparation jobseeker through 국민취업지원제도 to a job', () => {
  it('enrols, plans, reports, attends, trains, is reassessed ready and hired; the timeline and the report show it', async () => {
    const page = await newPage();
    await signIn(page, app.host.url, 'counselor1');
    const person = await candidate();
    const db = app.host.store.db;

    // 1. 국민취업지원제도: enrol, pre-check within the limits, admit, plan, agree, start the services.
    await page.goto(`${app.host.url}/#/jobseekers/${person.id}/programmes`);
    await page.getByTestId('enrol').click();
    const card = page.getByTestId('enrolment-nes-1');
    await card.waitFor();
    await page.getByTestId('input-age').fill('41');
    await page.getByTestId('input-householdIncomePct').fill('45');
    await page.getByTestId('input-recentWorkDays').fill('250');
    await page.getByTestId('precheck-save').click();
    await expect.poll(() => page.getByTestId('precheck-result').textContent()).toContain('요건 충족');
    await page.getByRole('radio', { name: '참여 승인' }).check();
    await page.getByTestId('decision-text').fill('요건 충족, 본인 참여 의사 확인');
    await page.getByTestId('decision-save').click();
    await page.getByTestId('decision-made').waitFor();
    await page.getByTestId('move-save').click();
    await expect.poll(() => card.getAttribute('data-stage')).toBe('plan');
    await page.getByTestId('plan-goal-0').fill('6개월 안에 용접 분야 취업');
    await page.getByTestId('plan-activity-0').fill('용접 훈련 과정 수료');
    await page.getByTestId('plan-save').click();
    await expect.poll(() => page.getByTestId('plan-state').textContent()).toContain('초안');
    await page.getByTestId('plan-agree').click();
    await expect.poll(() => page.getByTestId('plan-state').textContent()).toContain('합의');
    await page.getByTestId('move-save').click();
    await expect.poll(() => card.getAttribute('data-stage')).toBe('service');

    // 2. Sixty-five days on: periods 1 and 2 have ended. The services (in this process) and the browser
    // both live on that day from here; only the date is faked, timers run as they do.
    const enrolment = await db
      .selectFrom('programme_enrolments')
      .select(['id', 'service_on'])
      .where('jobseeker_id', '=', person.id)
      .executeTakeFirstOrThrow();
    const later = new Date(Date.parse(`${enrolment.service_on}T01:00:00Z`) + 65 * 86_400_000);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(later);
    app.host.store.context.now = () => new Date();
    await page.clock.setFixedTime(later);
    await page.reload();
    // Two months without a touch: the screen is locked (the privacy rule); the counselor unlocks it.
    await page.getByLabel('비밀번호').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: '잠금 해제' }).click();
    await page.getByTestId('period-2').waitFor();
    await page.getByTestId('period-decide-1').click();
    await page.getByTestId('period-save').click();
    await page.getByTestId('period-save').waitFor({ state: 'detached' });
    await page.getByTestId('period-decide-2').click();
    await page.getByTestId('period-not-met').click();
    await pick(page, 'period-reason', /구직활동 보고 없음/);
    await page.getByTestId('period-text').fill('2회차 구직활동 보고서 미제출');
    await page.getByTestId('period-save').click();
    await page.getByTestId('period-save').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('period-2').textContent()).toContain('미이행');

    // 3. A group programme: a run of two sessions, the person enrolled from the case, both attended.
    await page.goto(`${app.host.url}/#/groups`);
    await page.getByTestId('groups-new').click();
    await page.getByTestId('groups-title').fill('여정 e2e 성취프로그램');
    await page.getByTestId('groups-capacity').fill('6');
    await page.getByTestId('groups-count').fill('2');
    await page.getByTestId('groups-create-save').click();
    await page.getByTestId('groups-run-page').waitFor();
    await page.goto(`${app.host.url}/#/jobseekers/${person.id}/programmes`);
    await page.getByTestId('case-groups-enrol').click();
    await page.getByRole('combobox', { name: '과정 선택' }).click();
    await page.getByRole('option', { name: /여정 e2e 성취프로그램/ }).click();
    await page.getByRole('button', { name: '등록', exact: true }).click();
    await expect.poll(() => page.getByTestId('case-groups').textContent()).toContain('여정 e2e 성취프로그램');
    const run = await db
      .selectFrom('group_programmes')
      .select('id')
      .where('title', '=', '여정 e2e 성취프로그램')
      .executeTakeFirstOrThrow();
    const place = await db
      .selectFrom('group_participants')
      .select('id')
      .where('programme_id', '=', run.id)
      .where('jobseeker_id', '=', person.id)
      .executeTakeFirstOrThrow();
    await page.goto(`${app.host.url}/#/groups/${run.id}`);
    const row = page.locator(`[data-participant="${place.id}"]`);
    const cells = row.getByTestId('groups-cell');
    await cells.nth(0).click();
    await expect.poll(() => cells.nth(0).getAttribute('data-mark')).toBe('attended');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await expect.poll(() => cells.nth(1).getAttribute('data-mark')).toBe('attended');
    await row.getByTestId('groups-complete').click();
    await expect.poll(() => row.getByTestId('groups-status').textContent()).toBe('수료');

    // 4. A training course through a service referral: accepted, started, completed.
    await page.goto(`${app.host.url}/#/jobseekers/${person.id}/services`);
    await page.getByTestId('services-refer').click();
    await page.getByTestId('refer-kind-training').click();
    await page.getByTestId('refer-course').fill('특수용접 기능사 과정');
    await page.getByTestId('refer-save').click();
    await page.getByTestId('refer-dialog').waitFor({ state: 'detached' });
    for (const to of ['accepted', 'started', 'completed']) {
      await page.getByTestId(`service-action-${to}`).click();
      await page.getByTestId('transition-save').click();
      await page.getByTestId('transition-dialog').waitFor({ state: 'detached' });
    }
    await expect.poll(() => page.getByTestId('service-status').first().textContent()).toBe('수료·완료');

    // 5. The prompt opens the intake: reassessed as ready.
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
    await page.getByTestId('save-assessment').click();
    await expect
      .poll(() => page.getByTestId('current-classification').textContent())
      .toBe('준비된 구직자 · 광역 알선');

    // 6. Referred to an open opening (set up through the bridge) and hired, recorded on the case.
    const openings = await invoke<{ rows: Array<{ id: string; title: string }> }>(page, 'openings:list', {
      query: '',
      status: 'open',
      limit: 1,
    });
    const opening = openings.rows[0];
    if (!opening) throw new Error('the demo has no open opening');
    const referral = await invoke<{ id: string }>(page, 'referrals:create', {
      jobseekerId: person.id,
      openingId: opening.id,
    });
    await invoke(page, 'referrals:record', { referralId: referral.id, kind: 'referred' });
    await page.goto(`${app.host.url}/#/jobseekers/${person.id}/referrals`);
    await page.getByTestId('history-row').filter({ hasText: opening.title }).click();
    await page.getByTestId('event-hired').click();
    // The hire's first day: the contract's day windows are built when it loads, on the real clock (this
    // test moved only the date of the running code), so the first day is the real today.
    const realToday = new Date(vi.getRealSystemTime() + 9 * 3_600_000).toISOString().slice(0, 10);
    await page.getByLabel('입사일').fill(realToday);
    await page.getByTestId('save-event').click();
    await expect
      .poll(
        async () =>
          (
            await db
              .selectFrom('referral_events')
              .select('kind')
              .where('referral_id', '=', referral.id)
              .where('kind', '=', 'hired')
              .execute()
          ).length,
      )
      .toBe(1);

    // 7. The timeline shows every step; filtered to placements, the hire.
    await page.goto(`${app.host.url}/#/jobseekers/${person.id}/timeline`);
    await page.getByTestId('case-timeline').waitFor();
    await page.getByTestId('timeline-kind-placement').click();
    await expect
      .poll(() => page.getByTestId('timeline-title').first().getAttribute('data-kind'))
      .toBe('placement');
    const timeline = await invoke<TimelinePage>(page, 'timeline:list', { jobseekerId: person.id });
    for (const kind of [
      'programme',
      'obligation',
      'group-session',
      'service-referral',
      'assessment',
      'job-referral',
      'placement',
    ] as const)
      expect(timeline.counts[kind] ?? 0, kind).toBeGreaterThan(0);

    // 8. The supervisor's programme report counts them (its period ends on the same later day).
    const lead = await newPage();
    await lead.clock.setFixedTime(later);
    await signIn(lead, app.host.url, 'supervisor1');
    await lead.goto(`${app.host.url}/#/reports?report=programmes`);
    const participation = lead.getByTestId('report-table-participation');
    await expect.poll(() => participation.textContent()).toContain('국민취업지원제도 Ⅰ유형');
    expect(await participation.textContent()).toContain('성취프로그램');
    expect(await participation.textContent()).toContain('국민내일배움카드 직업훈련');
    await expect
      .poll(() => lead.getByTestId('report-table-conversions').textContent())
      .toContain('국민내일배움카드 직업훈련');
    const compliance = (await lead.getByTestId('report-table-compliance').textContent()) ?? '';
    expect(compliance).toContain('미이행');
    expect(compliance).not.toContain('해당 기간에 자료가 없습니다');
  }, 300_000);
});
