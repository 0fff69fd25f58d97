import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { RENDERER_DIR, startTestHost, type TestHost } from '../harness/host.ts';
import { launchChromium } from '../e2e/support/browser.ts';
import {
  openSyncDesk,
  startSyncServer,
  SYNC_PASSWORD,
  syncNow,
  type SyncDesk,
  type SyncServer,
} from './sync-desktop.ts';
import { tempDir } from './temp-store.ts';

// The e2e tests' setup for desktops that sync (merges, reviews, attachments, lifecycle): a real sync
// server, one or more desktops each a test host with its own store, background sync on (as in the app)
// and its own Chromium context and page, and in-process desktops (real store and client, no UI) for the
// other side of a conflict. One place for the order things start and close in.

export interface BrowserDesk {
  host: TestHost;
  context: BrowserContext;
  page: Page;
  /** Signs in on the desk's page (at `path`, the screen the sign-in leads to). */
  signIn: (loginId: string, path?: string) => Promise<void>;
  /** One complete background sync of this desk's store; its error, if any, fails the test. */
  sync: () => Promise<void>;
}

export interface SyncE2e {
  server: SyncServer;
  browser: Browser;
  desks: BrowserDesk[];
  /** In-process desktops, by the login ids given as `inProcess`, in that order. */
  others: SyncDesk[];
  /** desks[i], which must exist. */
  desk: (i?: number) => BrowserDesk;
  /** others[i], which must exist. */
  other: (i?: number) => SyncDesk;
  close: () => Promise<void>;
}

function nth<T>(list: T[], i: number, what: string): T {
  const item = list[i];
  if (!item) throw new Error(`No ${what} ${i}: start it with the options of startSyncE2e.`);
  return item;
}

export interface SyncE2eOptions {
  /** Names the temp folders. */
  name: string;
  centers?: Array<{ code: string; name: string; region: string }>;
  accounts: Array<{ loginId: string; role: 'counselor' | 'supervisor' | 'admin'; center: string }>;
  /** Desktops in Chromium (test hosts); default 1. */
  desks?: number;
  /** Desktops in-process, signed in as these accounts. */
  inProcess?: string[];
  viewport?: { width: number; height: number };
  /** The desks' language (chosen before the first screen); default Korean. */
  lang?: 'ko' | 'en';
  /** Downloads are kept (page.waitForEvent('download')). */
  acceptDownloads?: boolean;
}

export const SEOUL = { code: 'SEL01', name: '서울강남고용센터', region: '11' };

export async function startSyncE2e(o: SyncE2eOptions): Promise<SyncE2e> {
  if (!existsSync(`${RENDERER_DIR}/index.html`))
    throw new Error('Build the renderer first: npm run build:renderer');
  const closers: Array<() => Promise<void> | void> = [];
  const close = async () => {
    // Browser first (no request left in flight), then the desktops, then the server they talk to.
    for (const c of closers.reverse()) await c();
  };
  try {
    const server = await startSyncServer('sqlite', o.centers ?? [SEOUL], o.accounts);
    closers.push(server.close);
    const desks: BrowserDesk[] = [];
    const hosts: TestHost[] = [];
    for (let i = 0; i < (o.desks ?? 1); i++) {
      const dir = tempDir(`caseworker-e2e-${o.name}-${i}-`);
      closers.push(dir.remove);
      const host = await startTestHost({ dataDir: dir.dir, serverUrl: server.url });
      closers.push(host.close);
      hosts.push(host);
    }
    const others: SyncDesk[] = [];
    for (const loginId of o.inProcess ?? []) {
      const desk = await openSyncDesk(server.url, loginId);
      closers.push(desk.close);
      others.push(desk);
    }
    const browser = await launchChromium();
    closers.push(() => browser.close());
    for (const host of hosts) {
      const context = await browser.newContext({
        viewport: o.viewport ?? { width: 1440, height: 900 },
        locale: o.lang === 'en' ? 'en-US' : 'ko-KR',
        acceptDownloads: o.acceptDownloads ?? false,
      });
      if (o.lang)
        await context.addInitScript(
          (lang) => globalThis.localStorage.setItem('caseworker.language', lang),
          o.lang,
        );
      const page = await context.newPage();
      desks.push({
        host,
        context,
        page,
        signIn: async (loginId, path = '#/jobseekers') => {
          await page.goto(`${host.url}/${path}`);
          await page.getByLabel(/아이디|Login id/).fill(loginId);
          await page.getByLabel(/비밀번호|Password/).fill(SYNC_PASSWORD);
          await page.getByRole('button', { name: /^로그인$|^Sign in$/ }).click();
          await page.getByTestId('signed-in-as').waitFor();
        },
        sync: async () => {
          const state = await syncNow(host.store);
          if (state.lastError) throw new Error(state.lastError);
        },
      });
    }
    return {
      server,
      browser,
      desks,
      others,
      desk: (i = 0) => nth(desks, i, 'desk'),
      other: (i = 0) => nth(others, i, 'in-process desktop'),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
