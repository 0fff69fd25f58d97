import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../harness/host.ts';
import { tempDir } from '../support/temp-store.ts';
import { launchChromium } from './support/browser.ts';
import { E2E_PASSWORD, signIn, startE2eApp, type E2eApp } from './support/app.ts';

// Issue 8 in the real UI: first-run setup on a new PC, and the idle lock that takes personal data off
// the screen (Playwright's fake clock stands in for fifteen minutes at the counter).

let app: E2eApp;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startE2eApp();
});
afterAll(() => app.close());
beforeEach(async () => {
  context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });
  page = await context.newPage();
});
afterEach(() => context.close());

describe('the idle lock', () => {
  it('locks after 15 idle minutes, unmounts the case on screen, and unlocks with the password', async () => {
    await page.clock.install();
    await signIn(page, app.host.url);
    await page.getByTestId('jobseeker-row').first().click();
    const name = (await page.getByTestId('jobseeker-name').textContent()) ?? '';
    expect(name.length).toBeGreaterThan(1);

    await page.clock.fastForward('14:00');
    expect(await page.getByTestId('lock-screen').count()).toBe(0);
    await page.clock.fastForward('01:10');
    await page.getByTestId('lock-screen').waitFor();
    // Not hidden: gone. The page holds no element with the person's name any more.
    const html = await page.content();
    expect(html).not.toContain(name);
    expect(await page.getByTestId('jobseeker-name').count()).toBe(0);

    await page.getByLabel(/비밀번호/).fill('Wrong-pass-2026');
    await page.getByRole('button', { name: '잠금 해제' }).click();
    await page.getByText('아이디 또는 비밀번호가 맞지 않습니다.').waitFor();
    await page.getByLabel(/비밀번호/).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: '잠금 해제' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    await expect.poll(() => page.getByTestId('jobseeker-name').textContent()).toBe(name);
  });

  it('locks at once from the toolbar', async () => {
    await signIn(page, app.host.url);
    await page.getByTestId('lock-now').click();
    await page.getByTestId('lock-screen').waitFor();
    // Main agrees: a reload shows the lock screen, not the data.
    await page.reload();
    await page.getByTestId('lock-screen').waitFor();
    expect(await page.getByTestId('jobseeker-row').count()).toBe(0);
  });
});

describe('first-run setup', () => {
  let host: TestHost;
  let remove: () => void;
  beforeAll(async () => {
    const temp = tempDir('caseworker-e2e-setup-');
    remove = temp.remove;
    host = await startTestHost({ dataDir: temp.dir });
  });
  afterAll(async () => {
    await host.close();
    remove();
  });

  it('creates the center and the first admin on a new PC, then signs in as that admin', async () => {
    const browser = await launchChromium();
    try {
      const p = await browser.newPage({ locale: 'ko-KR' });
      await p.goto(`${host.url}/#/`);
      await p.getByRole('heading', { name: '초기 설정' }).waitFor();
      await p.getByLabel(/센터 코드/).fill('N01');
      await p.getByLabel(/센터 이름/).fill('새고용센터');
      await p.getByLabel(/^아이디/).fill('itadmin');
      await p.getByLabel(/^이름/).fill('관리자');
      await p.getByLabel(/^비밀번호\s*\*$/).fill('password');
      await p.getByLabel(/비밀번호 확인/).fill('password');
      await p.getByRole('button', { name: '설정 완료' }).click();
      // The policy's message, next to the field, and nothing created.
      await p
        .getByText(/흔히 쓰는|common|8자/)
        .first()
        .waitFor();
      expect(host.gate.state()).toBe('needs-setup');

      await p.getByLabel(/^비밀번호\s*\*$/).fill('Setup-pass-2026');
      await p.getByLabel(/비밀번호 확인/).fill('Setup-pass-2026');
      await p.getByRole('button', { name: '설정 완료' }).click();
      await p.getByTestId('signed-in-as').waitFor();
      expect(await p.getByTestId('signed-in-as').textContent()).toContain('관리자');
      expect(host.gate.state()).toBe('open');
    } finally {
      await browser.close();
    }
  });
});
