import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createDemoStore } from '../../../electron/services/demo/demo-store.ts';
import { RENDERER_DIR, startTestHost, type TestHost } from '../../harness/host.ts';
import { tempDir } from '../../support/temp-store.ts';
import { launchChromium } from './browser.ts';

export const E2E_PASSWORD = 'E2e-pass-2026';

export interface E2eApp {
  host: TestHost;
  browser: Browser;
  close: () => Promise<void>;
}

/** A demo store in a temp folder, the test host on it, and Chromium. */
export async function startE2eApp(jobseekers = 300): Promise<E2eApp> {
  if (!existsSync(`${RENDERER_DIR}/index.html`))
    throw new Error('Build the renderer first: npm run build:renderer');
  const { dir, remove } = tempDir('caseworker-e2e-');
  await createDemoStore(
    dir,
    {
      centerCode: 'E2E',
      centerName: '서울강남고용센터',
      sido: '11',
      sigungu: '11680',
      jobseekers,
      employers: 40,
      seed: 3,
      password: E2E_PASSWORD,
      anchor: new Date('2026-11-01T00:00:00Z'),
    },
    { deviceUnlock: true },
  );
  const host = await startTestHost({ dataDir: dir });
  const browser = await launchChromium();
  return {
    host,
    browser,
    close: async () => {
      await browser.close();
      await host.close();
      remove();
    },
  };
}

export async function signIn(page: Page, baseUrl: string, loginId = 'counselor1'): Promise<void> {
  await page.goto(`${baseUrl}/#/jobseekers`);
  await page.getByLabel(/아이디|Login id/).fill(loginId);
  await page.getByLabel(/비밀번호|Password/).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: /^로그인$|^Sign in$/ }).click();
  await page.getByTestId('signed-in-as').waitFor();
}
