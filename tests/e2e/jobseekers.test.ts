import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';

/** What the page's globals look like from the test (the test itself runs in Node, without DOM types). */
interface PageGlobals {
  caseworker?: unknown;
  kiosk?: { invoke: (channel: string, input: unknown) => Promise<unknown> };
  document: { documentElement: { lang: string } };
}

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

async function fillNewJobseeker(p: Page, name: string, birthYear: string, phone: string) {
  await p.getByRole('link', { name: '구직자 등록' }).click();
  await p.getByTestId('field-name').fill(name);
  await p.getByTestId('field-birthYear').fill(birthYear);
  await p.getByTestId('field-phone').fill(phone);
  await p.getByTestId('field-sido').click();
  await p.getByRole('option', { name: '서울특별시' }).click();
}

/** Polls right after a reload: the screen's chunk loads again (issue 15 split the bundle by route). */
const RELOADED = { timeout: 10_000 };

describe('jobseekers in the real UI', () => {
  it('creates a jobseeker, finds them by a name fragment, edits, and the edit survives a reload', async () => {
    await signIn(page, app.host.url);
    await fillNewJobseeker(page, '한가람', '1966', '010-9876-1234');
    await page.getByTestId('save-jobseeker').click();
    await expect.poll(() => page.getByTestId('jobseeker-name').textContent()).toBe('한가람');

    await page.getByRole('link', { name: '목록으로' }).click();
    await page.getByTestId('jobseeker-search').fill('가람');
    await expect.poll(() => page.getByTestId('jobseeker-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('jobseeker-row').first().textContent()).toContain('한가람');

    await page.getByTestId('jobseeker-row').first().click();
    await page.getByTestId('edit-jobseeker').click();
    await page.getByTestId('field-phone').fill('010-5555-0101');
    await page.getByTestId('save-jobseeker').click();
    await expect.poll(() => page.getByTestId('value-phone').textContent()).toBe('010-5555-0101');

    await page.reload();
    // After a reload the case screen's code arrives as its own chunk: wait for it, not the 1 s default.
    await expect.poll(() => page.getByTestId('value-phone').textContent(), RELOADED).toBe('010-5555-0101');
    await expect.poll(() => page.getByTestId('jobseeker-name').textContent()).toBe('한가람');
  });

  it('finds a jobseeker by a phone fragment', async () => {
    await signIn(page, app.host.url);
    await page.getByTestId('jobseeker-search').fill('5555-01');
    await expect.poll(() => page.getByTestId('jobseeker-row').first().textContent()).toContain('한가람');
  });

  it('warns about a likely duplicate before registering, and registers only when confirmed', async () => {
    await signIn(page, app.host.url);
    await fillNewJobseeker(page, '한가람', '1966', '');
    await page.getByTestId('field-phone').click(); // leaves birth year: the duplicate probe runs
    await page.getByTestId('duplicate-warning').waitFor();
    await expect
      .poll(() => page.getByTestId('duplicate-warning').textContent())
      .toContain('이름·출생연도 같음');

    await page.getByTestId('save-jobseeker').click();
    await expect
      .poll(() => page.getByText('이미 등록된 구직자와 이름·출생연도 또는 연락처가 같습니다.').count())
      .toBe(1);
    expect(page.url()).toContain('/jobseekers/new');

    await page.getByTestId('confirm-not-duplicate').click();
    await expect.poll(() => page.getByTestId('jobseeker-name').textContent()).toBe('한가람');
    expect(page.url()).not.toContain('/new');
  });

  it('marks the invalid field and keeps what was typed when a save is refused', async () => {
    await signIn(page, app.host.url);
    await fillNewJobseeker(page, '도하늘', '19x6', '010-1');
    await page.getByTestId('save-jobseeker').click();
    await expect
      .poll(() => page.getByText(/출생연도: 1900년부터 \d{4}년 사이의 연도를 입력하세요/).count())
      .toBe(1);
    await expect.poll(() => page.getByText('전화번호 형식이 아닙니다 (예: 010-1234-5678).').count()).toBe(1);
    expect(await page.getByTestId('field-name').inputValue()).toBe('도하늘');
    expect(await page.getByTestId('field-birthYear').inputValue()).toBe('19x6');
  });

  it('lets a supervisor hand a case to another counselor, archive it and restore it from the 보관함', async () => {
    await signIn(page, app.host.url, 'supervisor1');
    await fillNewJobseeker(page, '도담이', '1983', '010-3131-7070');
    await page.getByTestId('save-jobseeker').click();
    await expect.poll(() => page.getByTestId('jobseeker-name').textContent()).toBe('도담이');
    await expect.poll(() => page.getByTestId('value-counselor').textContent()).toBe('-');

    // 담당 상담사 변경: a choice from the center's staff, by keyboard.
    await page.getByTestId('assign-counselor').click();
    await page.getByRole('dialog').getByRole('combobox').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('assignee-option').count()).toBeGreaterThan(1);
    const choice = page.getByTestId('assignee-option').filter({ hasText: '상담사' }).first();
    const name = ((await choice.textContent()) ?? '').split(' · ')[0] ?? '';
    await choice.click();
    await page.getByTestId('save-assignee').click();
    await expect.poll(() => page.getByTestId('value-counselor').textContent()).toBe(name);

    // 보관: confirmed, then the case is out of the list and in the 보관함, and comes back from there.
    await page.getByTestId('archive-case').click();
    await page.getByTestId('confirm-archive').click();
    await page.getByTestId('archived-banner').waitFor();
    expect(await page.getByTestId('edit-jobseeker').count()).toBe(0);
    // Its record is read, not worked on: the tabs' controls are off until it is restored.
    await page.getByTestId('tab-notes').click();
    expect(await page.getByTestId('note-body').isDisabled()).toBe(true);
    expect(await page.getByTestId('add-note').isDisabled()).toBe(true);
    await page.getByTestId('tab-record').click();
    await page.getByRole('link', { name: '목록으로' }).click();
    await page.getByTestId('jobseeker-search').fill('도담이');
    await expect.poll(() => page.getByTestId('jobseeker-count').textContent()).toContain('0');
    await page.getByTestId('show-archived').click();
    await expect.poll(() => page.getByTestId('jobseeker-row').count()).toBe(1);
    await page.getByTestId('jobseeker-row').first().click();
    await page.getByTestId('restore-case').click();
    await expect.poll(() => page.getByTestId('archived-banner').count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByTestId('value-counselor').textContent(), RELOADED).toBe(name);
    expect(await page.getByTestId('archived-banner').count()).toBe(0);
  });

  it('switches between Korean and English, and remembers the choice', async () => {
    await signIn(page, app.host.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('구직자');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Jobseekers');
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang),
    ).toBe('en');
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Jobseekers');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('구직자');
  });

  it('shows only what a role may use: an admin has no case areas', async () => {
    await signIn(page, app.host.url, 'admin');
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['설정']);
  });
});

describe('the kiosk page', () => {
  it('has no desk bridge, and its bridge refuses case channels', async () => {
    await page.goto(`${app.host.url}/#/kiosk`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => typeof (globalThis as unknown as PageGlobals).caseworker)).toBe(
      'undefined',
    );
    const refused = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).kiosk?.invoke('jobseekers:list', {}),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const welcome = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).kiosk?.invoke('kiosk:welcome', {}),
    );
    expect(welcome).toMatchObject({ ok: true, value: { centerName: '서울강남고용센터' } });
  });
});
