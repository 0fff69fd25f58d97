import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoStore } from '../../electron/services/demo/demo-store.ts';
import { startTestHost, type TestHost } from '../harness/host.ts';
import { tempDir } from '../support/temp-store.ts';
import { E2E_PASSWORD, signIn, startE2eApp, type E2eApp } from './support/app.ts';
import { seriousViolations } from './support/axe.ts';

// Issue 18 items 4 and 5 in Chromium: two kiosk PCs (two desktops, each its own store and host) get
// their letters from an admin on Settings › 이 PC; a visitor takes a ticket on each and gets different
// numbers (the preview offers the ticket's PDF); a counselor calls the next visitor and the lobby
// display (/kiosk/display, the kiosk's surface) shows the number and the counter; axe on the display.

let app: E2eApp;
let second: { host: TestHost; remove: () => void };
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startE2eApp(60);
  const { dir, remove } = tempDir('caseworker-e2e-kiosk2-');
  await createDemoStore(
    dir,
    {
      centerCode: 'E2E',
      centerName: '서울강남고용센터',
      sido: '11',
      sigungu: '11680',
      jobseekers: 20,
      employers: 5,
      seed: 4,
      password: E2E_PASSWORD,
      anchor: new Date('2026-11-01T00:00:00Z'),
    },
    { deviceUnlock: true },
  );
  second = { host: await startTestHost({ dataDir: dir }), remove };
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await second.host.close();
  second.remove();
  await app.close();
});

async function page(width = 1366, height = 768): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width, height }, locale: 'ko-KR' });
  contexts.push(context);
  return context.newPage();
}

async function giveLetter(url: string, letter: string): Promise<void> {
  const p = await page();
  await signIn(p, url, 'admin');
  await p.goto(`${url}/#/settings/device`);
  await p.getByTestId('ticket-device-form').waitFor();
  await p.getByTestId('ticket-letter').click();
  await p.getByTestId(`ticket-letter-${letter}`).click();
  await p.getByTestId('ticket-device-save').click();
  await p.getByText(/저장했습니다|Saved/).waitFor();
}

async function takeTicketAt(url: string): Promise<string> {
  const kiosk = await page(1920, 1080);
  await kiosk.goto(`${url}/#/kiosk`);
  await kiosk.getByTestId('menu-ticket').click();
  await kiosk.getByTestId('ticket-service-job-search').click();
  await kiosk.getByTestId('offer-skip').click();
  await kiosk.getByTestId('consent-decline').click();
  await kiosk.getByTestId('ticket-issued').waitFor();
  // The preview has no printer: it offers the same ticket as a PDF.
  await kiosk.getByTestId('ticket-pdf').waitFor();
  return (await kiosk.getByTestId('ticket-number').textContent()) ?? '';
}

describe('the lobby: two kiosks, a call, the display', () => {
  it('gives different numbers on two kiosks and shows the counselor’s call on the display', async () => {
    await giveLetter(app.host.url, 'A');
    await giveLetter(second.host.url, 'B');
    const first = await takeTicketAt(app.host.url);
    const other = await takeTicketAt(second.host.url);
    expect(first).toBe('A-001');
    expect(other).toBe('B-001');

    const display = await page(1920, 1080);
    await display.goto(`${app.host.url}/#/kiosk/display`);
    await display.getByTestId('display-none').waitFor();
    expect(await seriousViolations(display, 'lobby display (waiting)')).toEqual([]);

    const desk = await page();
    await signIn(desk, app.host.url, 'counselor1');
    await desk.evaluate(() => localStorage.setItem('caseworker.queue.counter', 'c1'));
    await desk.goto(`${app.host.url}/#/queue`);
    await desk.getByTestId('queue-stats').waitFor();
    await desk.getByTestId('queue-call-next').click();
    await desk.getByTestId('queue-current').waitFor();

    await display.getByTestId('display-current').filter({ hasText: 'A-001' }).waitFor();
    expect(await display.getByTestId('display-current-counter').textContent()).toBe('1번 창구로 오세요');
    expect(await seriousViolations(display, 'lobby display (calling)')).toEqual([]);
  });
});
