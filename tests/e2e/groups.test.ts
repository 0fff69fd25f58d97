import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/app.ts';
import { e2eSuite } from './support/suite.ts';

// Group programmes (issue 17 item 3) in Chromium on the real services: a counselor creates a run with its
// sessions, enrols in bulk from a filter (their counseling-track cases; more than the seats is refused with
// the numbers, then the rest go to the waiting list), marks attendance with the keyboard (click, arrows,
// space), confirms completion, and the case's service plan shows the motivation programme step done.

const { app, newPage } = e2eSuite(200);

async function pickOption(page: Page, testId: string, name: RegExp | string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name }).click();
}

describe('group programmes', () => {
  it('creates a run, enrols from a filter, marks attendance by keyboard, completes, and closes the plan step', async () => {
    const page = await newPage();
    await signIn(page, app.host.url);
    const db = app.host.store.db;
    const me = await db
      .selectFrom('users')
      .select('id')
      .where('login_id', '=', 'counselor1')
      .executeTakeFirstOrThrow();
    const mine = await db
      .selectFrom('jobseekers')
      .select('id')
      .where('assigned_counselor_id', '=', me.id)
      .where('current_track', '=', 'counseling')
      .where('archived', '=', 0)
      .where('status', '!=', 'closed')
      .execute();
    expect(mine.length).toBeGreaterThan(0);

    await page.goto(`${app.host.url}/#/groups`);
    await page.getByTestId('groups-page').waitFor();
    await page.getByTestId('groups-new').click();
    await page.getByTestId('groups-title').fill('E2E 성취프로그램');
    await page.getByTestId('groups-capacity').fill('4');
    await page.getByTestId('groups-count').fill('2');
    await page.getByTestId('groups-create-save').click();
    await page.getByTestId('groups-run-page').waitFor();
    await expect.poll(() => page.getByTestId('groups-run-title').textContent()).toBe('E2E 성취프로그램');
    await expect.poll(() => page.getByTestId('groups-sessions').locator('.MuiChip-root').count()).toBe(2);

    // Bulk from a filter: my counseling-track cases.
    await page.getByTestId('groups-enrol').click();
    await pickOption(page, 'groups-enrol-track', /상담|counseling/);
    await page.getByTestId('groups-enrol-save').click();
    if (mine.length > 4) {
      await expect
        .poll(() => page.getByTestId('groups-enrol-error').textContent())
        .toContain('정원이 부족합니다');
      await page.getByTestId('groups-enrol-waitlist').check();
      await page.getByTestId('groups-enrol-save').click();
    }
    await page.getByTestId('groups-enrol-dialog').waitFor({ state: 'detached' });
    const rows = page.getByTestId('groups-grid-row');
    await expect.poll(() => rows.count()).toBe(mine.length);
    await expect
      .poll(() => page.getByTestId('groups-seats').textContent())
      .toContain(`${Math.min(4, mine.length)} / 4`);

    // The first enrolled row: click its first cell (attended), arrow right, space (attended).
    const run = await db
      .selectFrom('group_programmes')
      .select('id')
      .where('title', '=', 'E2E 성취프로그램')
      .executeTakeFirstOrThrow();
    const enrolled = await db
      .selectFrom('group_participants')
      .select(['id', 'jobseeker_id'])
      .where('programme_id', '=', run.id)
      .where('status', '=', 'enrolled')
      .execute();
    let target: { id: string; jobseeker_id: string } | undefined;
    for (const p of enrolled) {
      const step = await db
        .selectFrom('service_plan_steps')
        .select('id')
        .where('jobseeker_id', '=', p.jobseeker_id)
        .where('step', '=', 'motivationProgramme')
        .where('archived', '=', 0)
        .executeTakeFirst();
      if (!step) {
        target = p;
        break;
      }
    }
    if (!target) throw new Error('every enrolled case already has the step');
    const row = page.locator(`[data-participant="${target.id}"]`);
    const cells = row.getByTestId('groups-cell');
    await cells.nth(0).click();
    await expect.poll(() => cells.nth(0).getAttribute('data-mark')).toBe('attended');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() =>
        page.evaluate(() =>
          (
            globalThis as unknown as {
              document: { activeElement: { getAttribute(n: string): string | null } | null };
            }
          ).document.activeElement?.getAttribute('data-testid'),
        ),
      )
      .toBe('groups-cell');
    await page.keyboard.press('Space');
    await expect.poll(() => cells.nth(1).getAttribute('data-mark')).toBe('attended');
    // A correction: space again makes it absent, then back (absent → excused → attended).
    await page.keyboard.press('Space');
    await expect.poll(() => cells.nth(1).getAttribute('data-mark')).toBe('absent');
    await page.keyboard.press('Space');
    await expect.poll(() => cells.nth(1).getAttribute('data-mark')).toBe('excused');
    await page.keyboard.press('Space');
    await expect.poll(() => cells.nth(1).getAttribute('data-mark')).toBe('attended');
    await expect.poll(() => row.getByTestId('groups-rate').textContent()).toContain('2/2');

    await row.getByTestId('groups-complete').click();
    await expect.poll(() => row.getByTestId('groups-status').textContent()).toBe('수료');

    // The case's service plan: the motivation programme step is done.
    await page.goto(`${app.host.url}/#/jobseekers/${target.jobseeker_id}/plan`);
    await page.getByTestId('plan-steps').waitFor();
    await expect.poll(() => page.getByTestId('plan-step-motivationProgramme').isChecked()).toBe(true);
  }, 180_000);
});
