import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';

// Issue 15: the jobseeker list (300 people here, 5,000 in the preview) was one Tab stop per row with a
// faint focus. It is a grid now: one Tab stop, arrow keys / Page Up / Page Down / Home / End move a
// visible ring through the virtualised rows, Enter opens the case. Phone numbers are masked in the
// list and whole on the case.

// The shared 2-core machine can be slow: wait for results, never for a fixed time.
const WAIT = { timeout: 20_000 };

let app: E2eApp;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startE2eApp(300);
});
afterAll(() => app.close());
beforeEach(async () => {
  context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ko-KR' });
  page = await context.newPage();
});
afterEach(() => context.close());

/** What has focus: its role, aria-rowindex and testid, and the outline it is drawn with. */
function focused(p: Page) {
  return p.evaluate(() => {
    const d = (globalThis as unknown as { document: { activeElement: FocusedEl | null } }).document;
    const el = d.activeElement;
    const w = globalThis as unknown as { getComputedStyle: (e: FocusedEl) => Record<string, string> };
    const style = el ? w.getComputedStyle(el) : null;
    return {
      role: el?.getAttribute('role') ?? null,
      rowIndex: Number(el?.getAttribute('aria-rowindex') ?? -1),
      testId: el?.getAttribute('data-testid') ?? null,
      text: el?.textContent ?? '',
      outline: style ? `${style['outlineStyle']} ${style['outlineWidth']}` : '',
    };
  });
}
interface FocusedEl {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

describe('the jobseeker list as a keyboard grid', () => {
  it('is one Tab stop; arrows, Page Down, Home and End move a visible ring; Enter opens the case', async () => {
    await signIn(page, app.host.url);
    await expect.poll(() => page.getByTestId('jobseeker-row').count(), WAIT).toBeGreaterThan(5);
    expect(await page.getByRole('grid', { name: '구직자' }).count()).toBe(1);
    await page.getByTestId('jobseeker-search').focus();
    // The filter bar's controls (issue 16 item 7) come between the search and the grid.
    let tabs = 0;
    while ((await focused(page)).role !== 'row' && tabs < 40) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    const first = await focused(page);
    expect(first.role).toBe('row');
    expect(first.rowIndex).toBe(2); // the first data row (the header is row 1)
    expect(first.outline).toBe('solid 3px');
    // Only one row is a Tab stop: the next Tab leaves the grid.
    expect(await page.locator('[role="row"][tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect((await focused(page)).role).not.toBe('row');
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).rowIndex).toBe(2);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await focused(page)).rowIndex, WAIT).toBe(4);
    expect((await focused(page)).outline).toBe('solid 3px');
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await focused(page)).rowIndex, WAIT).toBeGreaterThan(8);
    // End reaches the 300th person although only a window of rows is ever rendered.
    await page.keyboard.press('End');
    await expect.poll(async () => (await focused(page)).rowIndex, WAIT).toBe(301);
    await expect.poll(async () => (await focused(page)).testId, WAIT).toBe('jobseeker-row');
    expect(await page.getByTestId('jobseeker-row').count()).toBeLessThan(60);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await focused(page)).rowIndex, WAIT).toBe(2);
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused(page)).rowIndex, WAIT).toBe(3);

    const name = await page.locator('[role="row"][aria-rowindex="3"] [role="gridcell"]').nth(1).textContent();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('jobseeker-name').textContent(), WAIT).toContain(name ?? '?');
  });

  it('masks phone numbers in the list and shows them whole on the case', async () => {
    await signIn(page, app.host.url);
    await expect.poll(() => page.getByTestId('row-phone').count(), WAIT).toBeGreaterThan(5);
    const phones = await page.getByTestId('row-phone').allTextContents();
    const withNumber = phones.filter((p) => /\d/.test(p));
    expect(withNumber.length).toBeGreaterThan(0);
    for (const p of withNumber) expect(p).toMatch(/^0\d{1,2}-\*{3,4}-\d{4}$/);
    const row = page
      .getByTestId('jobseeker-row')
      .filter({ has: page.getByTestId('row-phone').filter({ hasText: '*' }) });
    const masked = await row.first().getByTestId('row-phone').textContent();
    await row.first().click();
    await page.getByTestId('jobseeker-name').waitFor();
    const full = await page.getByTestId('value-phone').textContent();
    expect(full).toMatch(/^0\d{1,2}-\d{3,4}-\d{4}$/);
    expect(full?.slice(-4)).toBe(masked?.slice(-4));
  });
});
