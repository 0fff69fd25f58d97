import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';

// Issue 8's audit screen in the real UI: a supervisor sees the center's trail with the flagged patterns
// of the demo's four weeks (one counselor opening 72 records in a day, evening work, exports), filters
// it and checks the hash chain; a counselor has no way in, neither by the menu nor by the channel.

/** The desk bridge as the page sees it (the renderer's own types are not loaded here). */
interface Bridge {
  caseworker: { invoke: (channel: string, input: unknown) => Promise<unknown> };
}

let app: E2eApp;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startE2eApp(300);
});
afterAll(() => app.close());
beforeEach(async () => {
  context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });
  page = await context.newPage();
});
afterEach(() => context.close());

/** The demo data are as of 2026-11-01: its audit history is the four weeks before. */
async function showDemoWeeks(): Promise<void> {
  await page.getByTestId('audit-from').fill('2026-10-01');
  await page.getByTestId('audit-to').fill('2026-11-01');
  await page.getByTestId('audit-apply').click();
}

describe('audit screen', () => {
  it('a supervisor sees the trail with its flags, narrows it to flagged entries and verifies the chain', async () => {
    await signIn(page, app.host.url, 'supervisor1');
    await page.getByRole('link', { name: '감사 기록' }).click();
    await page.getByTestId('audit-page').waitFor();
    await showDemoWeeks();

    const findings = page.getByTestId('audit-finding');
    await expect.poll(() => findings.count()).toBeGreaterThan(0);
    const many = page.locator('[data-testid="audit-finding"][data-flag="many-records"]');
    await expect.poll(() => many.count()).toBeGreaterThanOrEqual(1);
    expect(await many.first().textContent()).toMatch(/72명의 기록 열람/);
    await expect
      .poll(() => page.locator('[data-testid="audit-finding"][data-flag="off-hours"]').count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('[data-testid="audit-finding"][data-flag="export"]').count())
      .toBe(2);
    await page.getByTestId('audit-chart').locator('svg').first().waitFor();

    await expect.poll(() => page.getByTestId('audit-row').count()).toBeGreaterThan(5);
    const total = Number((await page.getByTestId('audit-count').textContent())?.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(1000);

    await page.getByTestId('audit-filter-flagged').check();
    await page.getByTestId('audit-apply').click();
    await expect
      .poll(async () => Number((await page.getByTestId('audit-count').textContent())?.replace(/\D/g, '')))
      .toBeLessThan(total);
    const rows = page.getByTestId('audit-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) {
      expect(await row.locator('[data-testid^="audit-flag-"]').count()).toBeGreaterThan(0);
    }
    // Whose data: registration number and a masked name, never the whole name.
    const person = await page
      .locator('[data-testid="audit-row"]:has([data-testid="audit-flag-many-records"])')
      .first()
      .locator(':scope > *')
      .nth(3)
      .textContent();
    expect(person).toMatch(/^\d{2}-[0-9A-Z]{4}-[0-9A-Z]{4} \S\*+\S?$/);

    await page.getByTestId('audit-verify').first().click();
    await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toMatch(/온전합니다/);
  });

  it('a counselor cannot open it: no menu entry, a refusal on the route, and the channel says forbidden', async () => {
    await signIn(page, app.host.url, 'counselor1');
    expect(await page.getByRole('link', { name: '감사 기록' }).count()).toBe(0);
    await page.goto(`${app.host.url}/#/audit`);
    await page.getByTestId('audit-forbidden').waitFor();
    expect(await page.getByTestId('audit-row').count()).toBe(0);
    const answer = await page.evaluate(() =>
      (globalThis as unknown as Bridge).caseworker.invoke('audit:list', {
        filter: { from: '2026-10-01', to: '2026-11-01' },
      }),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
