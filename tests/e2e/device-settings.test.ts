import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility.ts';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';

// Settings → 이 PC, the minutes before the screen locks (issue 15, item 12): saved by a button (and
// Enter) with a confirmation that names the value; a value out of range is refused with a message
// naming the field and the range, and nothing changes.

interface Globals {
  caseworker?: {
    invoke: (c: string, i: unknown) => Promise<{ ok: boolean; value?: { idleLockMinutes: number } }>;
  };
}

const SHOTS = process.env.CASEWORKER_SHOTS ?? tmpdir();
// The shell's language button (its name and visible text, issue 15 "Contrast") is another change's.
const SCOPE = { exclude: ['[data-testid="language-switch"]'] };

let app: E2eApp;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startE2eApp(60);
});
afterAll(() => app.close());
afterEach(() => context.close());

async function openDevice(width: number, height: number, lang: 'ko' | 'en'): Promise<void> {
  context = await app.browser.newContext({ viewport: { width, height }, locale: 'ko-KR' });
  page = await context.newPage();
  await signIn(page, app.host.url, 'admin');
  await page.evaluate((l) => localStorage.setItem('caseworker.language', l), lang);
  await page.goto(`${app.host.url}/#/settings/device`);
  await page.reload();
  await page.getByTestId('device-idle-minutes').waitFor();
}

const storedMinutes = async () =>
  (await page.evaluate(() => (globalThis as unknown as Globals).caseworker?.invoke('settings:getDevice', {})))
    ?.value?.idleLockMinutes;

describe('the idle lock minutes of this PC', () => {
  it('saves with a button and confirms; refuses 999 naming the field and the range', async () => {
    await openDevice(1366, 768, 'ko');
    const before = await storedMinutes();
    const field = page.getByTestId('device-idle-minutes');

    await field.fill('999');
    await page.getByTestId('device-idle-save').click();
    const helper = page.getByTestId('device-idle-form').locator('.MuiFormHelperText-root');
    expect(await helper.textContent()).toBe(
      '화면 잠금까지 대기 시간(분): 1에서 60 사이의 정수를 입력하세요. 저장하지 않았습니다.',
    );
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await storedMinutes()).toBe(before);
    await page.screenshot({ path: join(SHOTS, 'device-idle-refused-ko-1366.png') });
    await expectAccessible(page, 'settings device (refused)', SCOPE);

    await field.fill('20');
    await page.getByTestId('device-idle-save').click();
    expect(await page.getByTestId('device-idle-saved').textContent()).toBe(
      '저장했습니다. 이 PC는 20분 동안 입력이 없으면 화면을 잠급니다.',
    );
    expect(await storedMinutes()).toBe(20);

    // Enter in the field saves too.
    await field.fill('25');
    await field.press('Enter');
    await page.getByTestId('device-idle-saved').waitFor();
    expect(await storedMinutes()).toBe(25);
    await page.screenshot({ path: join(SHOTS, 'device-idle-saved-ko-1366.png') });
    await expectAccessible(page, 'settings device (saved)', SCOPE);
  });

  it('reads as well in English on the wide desk', async () => {
    await openDevice(1920, 1080, 'en');
    const field = page.getByTestId('device-idle-minutes');
    await field.fill('0');
    await page.getByTestId('device-idle-save').click();
    expect(await page.getByTestId('device-idle-form').locator('.MuiFormHelperText-root').textContent()).toBe(
      'Minutes before the screen locks: enter a whole number of minutes from 1 to 60. Nothing was saved.',
    );
    await page.screenshot({ path: join(SHOTS, 'device-idle-refused-en-1920.png') });
    await field.fill('15');
    await page.getByTestId('device-idle-save').click();
    expect(await page.getByTestId('device-idle-saved').textContent()).toBe(
      'Saved. This PC locks the screen after 15 minutes without input.',
    );
    await page.screenshot({ path: join(SHOTS, 'device-idle-saved-en-1920.png') });
    await expectAccessible(page, 'settings device (en)', SCOPE);
  });
});
