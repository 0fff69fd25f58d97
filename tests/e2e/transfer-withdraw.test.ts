import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestTransfer } from '../../electron/services/case-transfers.ts';
import { createJobseeker } from '../../electron/services/jobseekers.ts';
import { jobseekerFieldsSchema } from '../../shared/domain/jobseeker.ts';
import { startTestHost, type TestHost } from '../harness/host.ts';
import { cuttingProxy, type CuttingProxy } from '../support/cutting-proxy.ts';
import {
  SYNC_PASSWORD,
  openSyncDesk,
  startSyncServer,
  syncNow,
  type SyncDesk,
  type SyncServer,
} from '../support/sync-desktop.ts';
import { tempDir } from '../support/temp-store.ts';
import { seriousViolations } from './support/axe.ts';
import { launchChromium } from './support/browser.ts';

// Issue 16 leftovers, item 2, on the desk: the sending center's supervisor withdraws a counselor's
// transfer request with the network down (a real TCP cut between the desk and the server). The row says
// 'withdrawal queued' (keyboard only, axe clean); once the network is back and the desk has synced, the
// request reads as withdrawn on the server and on the screen.

const LONG = 300_000;
const SHOTS = process.env['CW_SHOTS'] ?? '';

let server: SyncServer;
let proxy: CuttingProxy;
let host: TestHost;
let browser: Browser;
let counselor: SyncDesk;
let removeDir: () => void;

beforeAll(async () => {
  server = await startSyncServer(
    'sqlite',
    [
      { code: 'SEL01', name: '서울강남고용센터', region: '11' },
      { code: 'BUS01', name: '부산고용센터', region: '26' },
    ],
    [
      { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
      { loginId: 'supervisor1', role: 'supervisor', center: 'SEL01' },
    ],
  );
  proxy = await cuttingProxy(server.url);
  const dir = tempDir('caseworker-e2e-withdraw-');
  removeDir = dir.remove;
  host = await startTestHost({ dataDir: dir.dir, serverUrl: proxy.url });
  counselor = await openSyncDesk(server.url, 'counselor1');
  browser = await launchChromium();
}, LONG);
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await counselor?.close();
  await proxy?.close();
  await server?.close();
  removeDir?.();
});

async function open(lang: 'ko' | 'en'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: lang === 'en' ? 'en-US' : 'ko-KR',
  });
  if (lang === 'en') await context.addInitScript("localStorage.setItem('caseworker.language', 'en')");
  return context.newPage();
}

describe('withdrawing a transfer request offline on the desk', () => {
  it(
    'shows the withdrawal queued, then withdrawn after the sync',
    async () => {
      const created = await createJobseeker(
        counselor.store.context,
        counselor.session,
        jobseekerFieldsSchema.parse({ name: '철회화면', birthYear: 1987, sido: '11' }),
        true,
      );
      const asked = await requestTransfer(counselor.store.context, counselor.session, {
        jobseekerId: created.id,
        toCenter: 'BUS01',
        reason: '부산 이사',
      });
      await counselor.client.syncOnce();

      for (const lang of ['ko', 'en'] as const) {
        const page = await open(lang);
        await page.goto(`${host.url}/#/transfers`);
        await page.getByLabel(/아이디|Login id/).fill('supervisor1');
        await page.getByLabel(/비밀번호|Password/).fill(SYNC_PASSWORD);
        await page.getByRole('button', { name: /^로그인$|^Sign in$/ }).click();
        await page.getByTestId('signed-in-as').waitFor();
        if (lang === 'ko') {
          // Online first: the desk learns its center's requests, then the network goes down.
          expect((await syncNow(host.store)).lastError).toBeNull();
          proxy.cutAfter(1, 'up');
          await page.reload();
          const row = page.getByTestId('transfers-outgoing').getByTestId('transfer-row');
          await row.getByTestId('withdraw-transfer').waitFor();
          // From the keyboard: focus the button and press Enter.
          await row.getByTestId('withdraw-transfer').focus();
          await page.keyboard.press('Enter');
          await row.getByTestId('withdrawal-queued').waitFor();
          expect(await row.getByTestId('withdraw-transfer').count()).toBe(0);
          // The chip counts the queued withdrawal after the write itself, not at its next 10-second poll
          // (the 5-second bound is under that poll, so a chip that only polls fails here half the time).
          const chip = page.getByTestId('sync-status');
          await expect
            .poll(async () => (await chip.textContent()) ?? '', { timeout: 5_000 })
            .toMatch(/대기 1건/);
        } else {
          const row = page.getByTestId('transfers-outgoing').getByTestId('transfer-row');
          await row.getByTestId('withdrawal-queued').waitFor();
        }
        await expect(
          page.getByTestId('transfers-outgoing').getByTestId('withdrawal-queued').textContent(),
        ).resolves.toMatch(lang === 'ko' ? /철회 대기 중/ : /Withdrawal queued/);
        await page.waitForTimeout(1000); // the snackbar and chips settle (not an assertion)
        expect(await seriousViolations(page, `transfers, withdrawal queued (${lang})`)).toEqual([]);
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/withdrawal-queued-${lang}.png` });
        await page.context().close();
      }
      const before = await server.opened.db
        .selectFrom('sync_rows')
        .select('data')
        .where('row_id', '=', asked.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(before.data)).toMatchObject({ status: 'requested' });

      // The network is back: the next sync sends it, and the row reads as withdrawn.
      proxy.heal();
      expect((await syncNow(host.store)).lastError).toBeNull();
      const after = await server.opened.db
        .selectFrom('sync_rows')
        .select('data')
        .where('row_id', '=', asked.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(after.data)).toMatchObject({ status: 'cancelled' });
      const page = await open('ko');
      await page.goto(`${host.url}/#/transfers`);
      await page.getByLabel(/아이디|Login id/).fill('supervisor1');
      await page.getByLabel(/비밀번호|Password/).fill(SYNC_PASSWORD);
      await page.getByRole('button', { name: /^로그인$|^Sign in$/ }).click();
      const status = page.getByTestId('transfers-outgoing').getByTestId('transfer-status');
      await expect.poll(async () => (await status.textContent()) ?? '').toBe('철회됨');
      expect(await page.getByTestId('withdrawal-queued').count()).toBe(0);
      await page.context().close();
    },
    LONG,
  );
});
