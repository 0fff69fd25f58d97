import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startE2eApp, type E2eApp } from './app.ts';

// The setup the e2e files repeated: the app on a demo store of `jobseekers` cases for the whole file,
// and pages each in a browser context of its own, closed after each test. Called in the file's body; the
// returned `app` is filled in before the first test (use it inside hooks and tests only).

export interface PageOptions {
  lang?: 'ko' | 'en';
  width?: number;
  height?: number;
  /** Downloads are saved (the printed forms). */
  acceptDownloads?: boolean;
}

export interface E2eSuite {
  app: E2eApp;
  /** A page in a new context: 1366×768 in Korean unless `options` (over the suite's defaults) say else. */
  newPage: (options?: PageOptions) => Promise<Page>;
}

export function e2eSuite(jobseekers: number, defaults: PageOptions = {}): E2eSuite {
  const app = {} as E2eApp;
  let contexts: BrowserContext[] = [];
  beforeAll(async () => {
    Object.assign(app, await startE2eApp(jobseekers));
  }, 600_000);
  afterAll(() => app.close());
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });
  async function newPage(options: PageOptions = {}): Promise<Page> {
    const { lang = 'ko', width = 1366, height = 768, acceptDownloads } = { ...defaults, ...options };
    const context = await app.browser.newContext({
      viewport: { width, height },
      locale: lang === 'en' ? 'en-US' : 'ko-KR',
      ...(acceptDownloads === undefined ? {} : { acceptDownloads }),
    });
    if (lang === 'en') await context.addInitScript("localStorage.setItem('caseworker.language', 'en')");
    contexts.push(context);
    return context.newPage();
  }
  return { app, newPage };
}
