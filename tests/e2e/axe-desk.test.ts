import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_NAMES } from '../../shared/reports/definitions.ts';
import { E2E_PASSWORD, startE2eApp, type E2eApp } from './support/app.ts';
import { seriousViolations } from './support/axe.ts';

// Issue 15: axe-core on every desk screen, not only the kiosk, in Korean and in English, with no
// serious or critical violation (colour contrast included). Each screen is visited as the role that
// uses it, once its data has arrived (no progress bar, skeleton or busy region left).

const CASE_TABS = [
  'record',
  'timeline',
  'assessments',
  'plan',
  'notes',
  'competency',
  'consent',
  'documents',
  'attachments',
  'referrals',
  'appointments',
  'programmes',
  'services',
];
const LONG = 600_000;

let app: E2eApp;
beforeAll(async () => {
  app = await startE2eApp(120);
}, LONG);
afterAll(() => app.close());

async function open(browser: Browser, lang: 'ko' | 'en'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: lang === 'en' ? 'en-US' : 'ko-KR',
  });
  // The desk remembers its language per PC; English is chosen before the first screen.
  if (lang === 'en') await context.addInitScript("localStorage.setItem('caseworker.language', 'en')");
  return context.newPage();
}

/** Waits until the screen has its data: a heading, and nothing still loading. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
      return (
        d.querySelector('h1, h2') !== null &&
        d.querySelector(
          '.MuiLinearProgress-root, .MuiSkeleton-root, .MuiCircularProgress-root, [aria-busy="true"]',
        ) === null
      );
    },
    undefined,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(300); // let transitions end so colours are final (not an assertion)
}

async function signIn(page: Page, loginId: string): Promise<void> {
  await page.getByLabel(/아이디|Login id/).fill(loginId);
  await page.getByLabel(/비밀번호|Password/).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: /^로그인$|^Sign in$/ }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

async function visit(page: Page, hash: string, found: string[], name = hash): Promise<void> {
  await page.evaluate(
    (h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h),
    hash,
  );
  await settled(page);
  let violations = await seriousViolations(page, name);
  if (violations.length > 0) {
    // A colour caught mid-transition (a button fading to enabled on a busy PC) is not a violation:
    // only what is still wrong a second later counts.
    await page.waitForTimeout(1000);
    violations = await seriousViolations(page, name);
  }
  found.push(...violations);
}

/** The hash of the first row's page of a list (clicking it, as a counselor would). */
async function firstRow(page: Page, list: string, row: string): Promise<string> {
  await visit(page, list, []);
  await page.getByTestId(row).first().click();
  await page.waitForFunction(
    (l) => (globalThis as unknown as { location: { hash: string } }).location.hash.length > l.length + 2,
    list,
  );
  return page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash);
}

for (const lang of ['ko', 'en'] as const) {
  describe(`every desk screen passes axe-core (${lang})`, () => {
    it(
      'sign-in and the counselor screens',
      async () => {
        const page = await open(app.browser, lang);
        const found: string[] = [];
        await page.goto(`${app.host.url}/#/jobseekers`);
        await settled(page);
        found.push(...(await seriousViolations(page, 'login')));
        await signIn(page, 'counselor1');
        await visit(page, '#/jobseekers', found);
        await visit(page, '#/jobseekers/new', found);
        const jobseeker = await firstRow(page, '#/jobseekers', 'jobseeker-row');
        const base = jobseeker.replace(/\/[a-z]+$/, '');
        for (const tab of CASE_TABS) await visit(page, `${base}/${tab}`, found);
        // A case with an enrolment in 국민취업지원제도 (issue 17): the stepper, plan and obligation periods.
        const enrolled = await app.host.store.db
          .selectFrom('programme_enrolments as p')
          .innerJoin('jobseekers as j', 'j.id', 'p.jobseeker_id')
          .innerJoin('users as u', 'u.id', 'j.assigned_counselor_id')
          .select('j.id')
          .where('u.login_id', '=', 'counselor1')
          .where('p.stage', '=', 'service')
          .executeTakeFirst();
        if (enrolled)
          await visit(page, `#/jobseekers/${enrolled.id}/programmes`, found, 'programmes in service');
        await visit(page, `${base}/intake`, found);
        await visit(page, '#/employers', found);
        await visit(page, '#/employers/new', found);
        await visit(page, await firstRow(page, '#/employers', 'employer-row'), found, 'employer');
        await visit(page, '#/openings', found);
        const opening = await firstRow(page, '#/openings', 'opening-row');
        await visit(page, opening, found, 'opening');
        await visit(page, `${opening}?tab=referrals`, found, 'opening referrals');
        await visit(page, `${opening}?tab=documents`, found, 'opening documents');
        await visit(page, '#/referrals', found);
        await visit(page, '#/caseload', found);
        await visit(page, '#/queue', found);
        await visit(page, '#/reports', found);
        await visit(page, '#/transfers', found);
        await visit(page, '#/verify', found);
        // The to-do inbox and the list's filter bar with a filter set and the save dialog (issue 16).
        await visit(page, '#/inbox', found);
        await visit(page, '#/jobseekers', found);
        await page.getByTestId('filter-reassessment').check();
        await page.getByTestId('filter-save').click();
        await page.getByTestId('filter-name').waitFor();
        await settled(page);
        found.push(...(await seriousViolations(page, 'filter bar and save dialog')));
        await page.keyboard.press('Escape');
        await page.getByTestId('filter-name').waitFor({ state: 'detached' });
        // The signing dialog (issue 18) over the case page's forms tab.
        await visit(page, `${base}/documents`, found);
        await page.getByTestId('sign-consent').click();
        await page.getByTestId('document-reader').waitFor();
        await settled(page);
        found.push(...(await seriousViolations(page, 'signing dialog')));
        await page.getByTestId('signing-cancel').click();
        // Appointments (issue 16 item 1): today's agenda, a demo week, and the booking dialog open.
        await visit(page, '#/appointments', found);
        await visit(page, '#/appointments?view=week&date=2026-10-28', found, 'appointments week');
        await page.getByTestId('calendar-new').click();
        await page.getByTestId('booking-dialog').waitFor();
        await settled(page); // the dialog fades in: check its final colours
        found.push(...(await seriousViolations(page, 'booking dialog')));
        await page.keyboard.press('Escape');
        // Service referrals (issue 17 item 4): the new-referral dialog over the case's services tab.
        await visit(page, `${base}/services`, found);
        await page.getByTestId('services-refer').click();
        await page.getByTestId('refer-dialog').waitFor();
        await settled(page);
        found.push(...(await seriousViolations(page, 'service referral dialog')));
        // Group programmes (issue 17 item 3): the list, a demo run with its attendance grid, the new-run dialog.
        await visit(page, '#/groups', found);
        await visit(page, await firstRow(page, '#/groups', 'groups-row'), found, 'group run');
        await visit(page, '#/groups', found, 'groups again');
        await page.getByTestId('groups-new').click();
        await page.getByTestId('groups-create-dialog').waitFor();
        await settled(page);
        found.push(...(await seriousViolations(page, 'new group run dialog')));
        await page.keyboard.press('Escape');
        await page.context().close();
        expect(found).toEqual([]);
      },
      LONG,
    );

    it(
      'the supervisor screens: every report tab, audit, settings, sync reviews and duplicates',
      async () => {
        const page = await open(app.browser, lang);
        const found: string[] = [];
        await page.goto(`${app.host.url}/#/reports`);
        await signIn(page, 'supervisor1');
        for (const report of REPORT_NAMES) await visit(page, `#/reports?report=${report}`, found);
        await visit(page, '#/audit', found);
        await visit(page, '#/settings/kiosk', found);
        await visit(page, '#/settings/audit', found);
        await visit(page, '#/settings/programmes', found);
        await visit(page, '#/reviews', found);
        await visit(page, '#/transfers', found);
        await visit(page, '#/appointments?view=day&date=2026-10-28', found, 'appointments day');
        await page.getByTestId('calendar-team').click();
        await settled(page);
        found.push(...(await seriousViolations(page, 'appointments team day')));
        await visit(page, '#/merges', found);
        // 다른 사람 판정: the pairs judged to be two people (the dismiss dialog: e2e/merges.test.ts).
        await visit(page, '#/merges?view=dismissed', found, 'dismissed pairs');
        await page.context().close();
        expect(found).toEqual([]);
      },
      LONG,
    );

    it(
      'the administrator screens: device, accounts, backups',
      async () => {
        const page = await open(app.browser, lang);
        const found: string[] = [];
        await page.goto(`${app.host.url}/#/settings`);
        await signIn(page, 'admin');
        for (const s of ['device', 'accounts', 'backups', 'kiosk', 'audit'])
          await visit(page, `#/settings/${s}`, found);
        await page.context().close();
        expect(found).toEqual([]);
      },
      LONG,
    );
  });
}
