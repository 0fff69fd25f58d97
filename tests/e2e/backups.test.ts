import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../electron/services/store.ts';
import { damagePages } from '../integration/electron/services/backups/harness.ts';
import { E2E_PASSWORD, signIn, startE2eApp, type E2eApp } from './support/app.ts';

// Issue 8 in the real UI: the admin's backups page (지금 백업, 검사, 복원 with its confirmation and
// progress), and the screen a sign-in shows when the store was damaged on disk, which restores the
// latest good backup.

let app: E2eApp;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startE2eApp(200);
});
afterAll(() => app.close());
beforeEach(async () => {
  context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });
  page = await context.newPage();
});
afterEach(() => context.close());

const dataDir = () => app.host.gate.dataDir;
const rows = () => page.getByTestId('backup-row');

describe('the backups page', () => {
  it('makes, checks and restores a backup, saying what a restore does before it does it', async () => {
    await signIn(page, app.host.url, 'admin');
    await page.goto(`${app.host.url}/#/settings/backups`);
    await page.getByRole('heading', { name: '백업과 복원' }).waitFor();
    await page.getByText('아직 백업이 없습니다').waitFor();

    await page.getByTestId('backup-make').click();
    await expect
      .poll(() => page.getByTestId('backup-message').textContent())
      .toBe('백업을 만들고 검사했습니다.');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().getByTestId('backup-status').textContent()).toBe('정상');
    expect(await rows().first().textContent()).toContain('수동');

    await rows().first().getByTestId('backup-verify').click();
    await expect
      .poll(() => page.getByTestId('backup-message').textContent())
      .toBe('이 백업은 이상이 없습니다.');

    // The confirmation says what happens; cancelling changes nothing.
    await rows().first().getByTestId('backup-restore').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('이 백업으로 복원할까요?').waitFor();
    expect(await dialog.textContent()).toContain('caseworker.db.before-restore-');
    await dialog.getByRole('button', { name: '취소' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(readdirSync(dataDir()).some((n) => n.includes('before-restore'))).toBe(false);

    await rows().first().getByTestId('backup-restore').click();
    await page.getByTestId('backup-restore-confirm').click();
    await page.getByTestId('backup-restored').waitFor({ timeout: 60_000 });
    const setAside = readdirSync(dataDir()).find((n) => n.startsWith(`${STORE_FILE}.before-restore-`));
    expect(setAside).toBeDefined();
    expect(await page.getByTestId('backup-restored').textContent()).toContain(setAside);
    // Everyone signs in again on the restored store.
    await page.getByTestId('backup-to-sign-in').click();
    await page.getByLabel(/아이디/).waitFor();
    await signIn(page, app.host.url, 'admin');
  });
});

describe('a store damaged on disk', () => {
  it('is not opened at sign-in, and an admin restores the latest good backup from that screen', async () => {
    await signIn(page, app.host.url, 'admin');
    await page.goto(`${app.host.url}/#/settings/backups`);
    await page.getByTestId('backup-make').click();
    await page.getByTestId('backup-message').waitFor();
    // The app quits; the disk loses some pages of the store.
    await app.host.gate.close();
    damagePages(join(dataDir(), STORE_FILE));

    // The app starts again: a new window, nobody signed in.
    await context.close();
    context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ko-KR' });
    page = await context.newPage();
    await page.goto(`${app.host.url}/`);
    await page.getByLabel(/아이디/).fill('counselor1');
    await page.getByLabel(/비밀번호/).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByTestId('damaged-store').waitFor({ timeout: 60_000 });
    await page.getByText('저장소가 손상되었습니다').waitFor();
    await page.getByTestId('damaged-latest').waitFor();

    // A counselor cannot restore; an admin can.
    await page.getByLabel(/비밀번호/).fill(E2E_PASSWORD);
    await page.getByTestId('damaged-restore').click();
    await page.getByText('이 백업에서 이 계정은 관리자가 아닙니다', { exact: false }).waitFor();
    await page.getByLabel(/아이디/).fill('admin');
    await page.getByLabel(/비밀번호/).fill(E2E_PASSWORD);
    await page.getByTestId('damaged-restore').click();
    await page.getByTestId('signed-in-as').waitFor({ timeout: 60_000 });
    const kept = readdirSync(dataDir()).filter((n) => n.startsWith(`${STORE_FILE}.before-restore-`));
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(dataDir(), STORE_FILE))).toBe(true);
  });
});
