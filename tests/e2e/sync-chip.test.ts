import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract/sync.ts';
import { E2E_PASSWORD, startE2eApp, type E2eApp } from './support/app.ts';
import { seriousViolations } from './support/axe.ts';

// The sync chip on the app bar in every state it shows (ok, syncing, offline, error, conflict and a
// desktop with no server), at rest and focused from the keyboard, in Korean and English: no serious or
// critical axe violation (colour contrast included). The states a test host can really reach are
// checked as they happen elsewhere (a background sync's 'ok' in e2e/merges.test.ts, no server in the
// axe walk); here the host's answer to `sync:status` is replaced so the real chip draws each state,
// including a full disk and a sync under way, which cannot be made on demand.

const LONG = 300_000;
const SHOTS = process.env['CW_SHOTS'] ?? '';

const BASE: SyncStatus = {
  configured: true,
  online: true,
  running: false,
  lastSuccess: '2026-11-01T01:00:00.000Z',
  lastError: null,
  lastErrorCode: null,
  nextAttempt: null,
  pending: 0,
  refused: [],
  openReviews: 0,
  revoked: false,
  unsent: 0,
  mismatchedScopes: [],
  clockOffsetMs: 0,
  received: 0,
};

const STATES: Array<{ tone: string; status: SyncStatus }> = [
  { tone: 'ok', status: BASE },
  { tone: 'syncing', status: { ...BASE, running: true, pending: 3 } },
  { tone: 'offline', status: { ...BASE, online: false, pending: 2, lastError: 'fetch failed' } },
  { tone: 'offline', status: { ...BASE, configured: false, online: false } },
  { tone: 'error', status: { ...BASE, lastErrorCode: 'disk-full', lastError: 'disk full' } },
  { tone: 'conflict', status: { ...BASE, openReviews: 2 } },
];

let app: E2eApp;
beforeAll(async () => {
  app = await startE2eApp(20);
}, LONG);
afterAll(() => app.close());

/** Answers `sync:status` (and `sync:now`) with `status`; every other call reaches the host. */
async function answerStatus(page: Page, status: SyncStatus): Promise<void> {
  await page.unroute('**/__bridge/desk');
  await page.route('**/__bridge/desk', async (route) => {
    const body = route.request().postData() ?? '';
    const channel = (JSON.parse(body) as { channel?: string }).channel;
    if (channel === 'sync:status' || channel === 'sync:now')
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: true, value: status }),
      });
    else await route.continue();
  });
}

async function focusedChip(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(
    "document.activeElement ? document.activeElement.getAttribute('data-testid') === 'sync-status' : false",
  );
}

for (const lang of ['ko', 'en'] as const) {
  describe(`the sync chip passes axe in every state (${lang})`, () => {
    it(
      'ok, syncing, offline, no server, error and conflict, at rest and focused',
      async () => {
        const context = await app.browser.newContext({
          viewport: { width: 1366, height: 768 },
          locale: lang === 'en' ? 'en-US' : 'ko-KR',
        });
        if (lang === 'en') await context.addInitScript("localStorage.setItem('caseworker.language', 'en')");
        const page = await context.newPage();
        await page.goto(`${app.host.url}/#/jobseekers`);
        await page.getByLabel(/아이디|Login id/).fill('counselor1');
        await page.getByLabel(/비밀번호|Password/).fill(E2E_PASSWORD);
        await page.getByRole('button', { name: /^로그인$|^Sign in$/ }).click();
        await page.getByTestId('signed-in-as').waitFor();
        const found: string[] = [];
        for (const { tone, status } of STATES) {
          await answerStatus(page, status);
          await page.reload(); // the chip asks for the status when it mounts
          const chip = page.getByTestId('sync-status');
          await page.locator(`[data-testid="sync-status"][data-tone="${tone}"]`).waitFor();
          await page.getByTestId('jobseeker-row').first().waitFor();
          await page.waitForTimeout(300); // let transitions end so colours are final (not an assertion)
          const name = `${tone}${status.configured ? '' : ' (no server)'}`;
          found.push(...(await seriousViolations(page, `chip ${name}`)));
          // Reached from the keyboard (the focus-visible look): Tab from the top of the page.
          await page.evaluate('document.activeElement && document.activeElement.blur()');
          for (let i = 0; i < 20 && !(await focusedChip(page)); i++) await page.keyboard.press('Tab');
          expect(await focusedChip(page)).toBe(true);
          await expect(chip.getAttribute('class')).resolves.toContain('Mui-focusVisible');
          await page.waitForTimeout(300);
          found.push(...(await seriousViolations(page, `chip ${name} focused`)));
          if (SHOTS)
            await page.screenshot({
              path: `${SHOTS}/sync-chip-${name.replace(/\W+/g, '-')}-${lang}.png`,
              clip: { x: 500, y: 0, width: 866, height: 64 },
            });
        }
        await context.close();
        expect(found).toEqual([]);
      },
      LONG,
    );
  });
}
