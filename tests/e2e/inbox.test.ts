import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';

// Issue 16 items 2, 6 and 7 in Chromium on a demo store: the inbox lists the due items overdue first; a
// to-do is made (due today), snoozed (it leaves the inbox for "coming up") and done; a filter is saved
// and reused with its count; a supervisor reassigns every case matching the list in one action and each
// is an ordinary assigned_counselor_id change in the outbox (at least 200 cases: the departing
// counselor); a supervisor closes picked cases with one reason (each an ordinary close); a counselor sees
// no bulk actions. A store of 1,100 people gives each of the five counselors over 200 cases.

let app: E2eApp;
let page: Page;

beforeAll(async () => {
  app = await startE2eApp(1_100);
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ko-KR' });
  page = await context.newPage();
});
afterAll(async () => {
  await app.close();
});

async function attributes(name: string): Promise<string[]> {
  const items = await page.getByTestId('inbox-item').all();
  return Promise.all(items.map(async (i) => (await i.getAttribute(name)) ?? ''));
}

async function statuses(): Promise<string[]> {
  return attributes('data-status');
}

describe('the to-do inbox, saved filters and bulk reassignment', () => {
  it('lists due reassessments and follow-ups, overdue first', async () => {
    await signIn(page, app.host.url, 'counselor1');
    // A reassessment that fell due (the demo's counselor1 has follow-ups due but no reassessment yet).
    const db = app.host.store.db;
    const me = await db
      .selectFrom('users')
      .select('id')
      .where('login_id', '=', 'counselor1')
      .executeTakeFirstOrThrow();
    const mine = await db
      .selectFrom('jobseekers')
      .select('id')
      .where('assigned_counselor_id', '=', me.id)
      .where('status', '=', 'active')
      .where('archived', '=', 0)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('jobseekers')
      .set({ reassess_due_on: '2026-01-05' })
      .where('id', '=', mine.id)
      .execute();
    await page.goto(`${app.host.url}/#/inbox`);
    await page.getByTestId('inbox-summary').waitFor();
    const sources = await attributes('data-source');
    expect(sources).toContain('reassessment');
    expect(sources).toContain('follow-up');
    const order = await statuses();
    const firstToday = order.indexOf('today');
    if (firstToday >= 0) expect(order.slice(firstToday)).not.toContain('overdue');
    expect(order[0]).toBe('overdue');
  });

  it('makes a to-do due today, snoozes it to tomorrow, then marks it done', async () => {
    // The reassessment above was set behind the app's back: load the page (and its badge) afresh.
    await page.reload();
    await page.getByTestId('inbox-summary').waitFor();
    const before = await page.getByTestId('inbox-item').count();
    const badge = async () => Number(await page.getByTestId('inbox-badge').getAttribute('data-count'));
    await expect.poll(badge).toBe(before);
    await page.getByTestId('task-new').click();
    await page.getByTestId('task-title').fill('이력서 받기 전화');
    await page.getByTestId('task-save').click();
    const item = page.getByTestId('inbox-item').filter({ hasText: '이력서 받기 전화' });
    await item.waitFor();
    expect(await item.getAttribute('data-status')).toBe('today');
    await expect
      .poll(async () => Number(await page.getByTestId('inbox-badge').getAttribute('data-count')))
      .toBe(before + 1);

    await item.getByTestId('task-snooze').click();
    await page.getByTestId('snooze-apply').click();
    const later = page.getByTestId('later-item').filter({ hasText: '이력서 받기 전화' });
    await later.waitFor();
    expect(await item.count()).toBe(0);

    await later.getByTestId('task-done').click();
    await later.waitFor({ state: 'detached' });
    expect(await page.getByTestId('inbox-item').filter({ hasText: '이력서 받기 전화' }).count()).toBe(0);
  });

  it('saves a filter and reuses it with its count', async () => {
    await page.goto(`${app.host.url}/#/jobseekers`);
    await page.getByTestId('filter-counselor').click();
    await page.getByRole('option', { name: '나', exact: true }).click();
    await page.getByTestId('filter-reassessment').check();
    await expect.poll(async () => page.getByTestId('jobseeker-count').textContent()).toMatch(/\d/);
    const count = (await page.getByTestId('jobseeker-count').textContent())?.replace(/\D/g, '') ?? '';
    await page.getByTestId('filter-save').click();
    await page.getByTestId('filter-name').fill('재평가 할 내 사례');
    await page.getByTestId('filter-save-apply').click();
    const chip = page.getByTestId('saved-filter').filter({ hasText: '재평가 할 내 사례' });
    await chip.waitFor();
    expect(await chip.textContent()).toContain(`(${count})`);
    await page.getByRole('button', { name: '조건 지우기' }).click();
    await expect
      .poll(async () => (await page.getByTestId('jobseeker-count').textContent())?.replace(/\D/g, ''))
      .not.toBe(count);
    await chip.click();
    await expect
      .poll(async () => (await page.getByTestId('jobseeker-count').textContent())?.replace(/\D/g, ''))
      .toBe(count);
  });

  it('a supervisor reassigns every case of a counselor in one action; each is an ordinary assignment', async () => {
    await page.getByRole('button', { name: '로그아웃' }).click();
    await signIn(page, app.host.url, 'supervisor1');
    await page.goto(`${app.host.url}/#/jobseekers`);
    const db = app.host.store.db;
    const from = await db
      .selectFrom('users')
      .select('id')
      .where('login_id', '=', 'counselor1')
      .executeTakeFirstOrThrow();
    const to = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('login_id', '=', 'counselor2')
      .executeTakeFirstOrThrow();
    const theirs = await db
      .selectFrom('jobseekers')
      .select('id')
      .where('assigned_counselor_id', '=', from.id)
      .where('archived', '=', 0)
      .execute();
    expect(theirs.length).toBeGreaterThanOrEqual(200);
    await page.getByTestId('filter-counselor').click();
    await page
      .getByRole('option', {
        name: (
          await db
            .selectFrom('users')
            .select('display_name')
            .where('id', '=', from.id)
            .executeTakeFirstOrThrow()
        ).display_name,
      })
      .click();
    await expect
      .poll(async () => (await page.getByTestId('jobseeker-count').textContent())?.replace(/\D/g, ''))
      .toBe(String(theirs.length));
    await page.getByTestId('select-all-matching').click();
    await page.getByTestId('bulk-assign').click();
    await page.getByTestId('bulk-assignee').click();
    await page.getByRole('option', { name: to.display_name }).click();
    const outboxBefore = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('table_name', '=', 'jobseekers')
      .executeTakeFirstOrThrow();
    await page.getByTestId('bulk-apply').click();
    await expect
      .poll(async () => (await page.getByTestId('jobseeker-count').textContent())?.replace(/\D/g, ''))
      .toBe('0');
    const now = await db
      .selectFrom('jobseekers')
      .select('id')
      .where(
        'id',
        'in',
        theirs.map((r) => r.id),
      )
      .where('assigned_counselor_id', '=', to.id)
      .execute();
    expect(now).toHaveLength(theirs.length);
    const entries = await db
      .selectFrom('outbox')
      .select(['fields'])
      .where('table_name', '=', 'jobseekers')
      .orderBy('client_seq')
      .execute();
    const added = entries.slice(Number(outboxBefore.n));
    expect(added).toHaveLength(theirs.length);
    for (const e of added) expect(JSON.parse(e.fields)).toEqual({ assigned_counselor_id: to.id });
    // The result stays on screen after the selection (and its bar) is gone.
    await page
      .getByTestId('bulk-notice')
      .getByText(`${theirs.length}건의 담당자를 바꿨습니다`, { exact: false })
      .waitFor();
  });

  it('a supervisor closes picked cases with one reason; each is an ordinary close with its history', async () => {
    const db = app.host.store.db;
    await page.getByRole('button', { name: '조건 지우기' }).click();
    await page.getByTestId('jobseeker-row').first().waitFor();
    const boxes = page.getByTestId('row-select');
    const picked: string[] = [];
    for (const i of [0, 1, 2]) {
      const row = page.getByTestId('jobseeker-row').nth(i);
      picked.push((await row.getAttribute('data-id')) ?? '');
      await boxes.nth(i).check();
    }
    expect(await page.getByTestId('bulk-count').textContent()).toContain('3');
    const before = await db
      .selectFrom('jobseekers')
      .select(['id', 'status'])
      .where('id', 'in', picked)
      .execute();
    await page.getByTestId('bulk-close').click();
    await page.getByTestId('bulk-close-reason').click();
    await page.getByRole('option', { name: '본인 요청' }).click();
    await page.getByTestId('bulk-close-text').fill('일괄 종결 e2e');
    await page.getByTestId('bulk-apply').click();
    await page.getByTestId('bulk-notice').getByText('3건을 종결했습니다', { exact: false }).waitFor();
    const after = await db
      .selectFrom('jobseekers')
      .select(['id', 'status'])
      .where('id', 'in', picked)
      .execute();
    expect(after.map((r) => r.status)).toEqual(after.map(() => 'closed'));
    const events = await db
      .selectFrom('case_status_events')
      .select(['jobseeker_id', 'kind', 'reason', 'text', 'from_status'])
      .where('jobseeker_id', 'in', picked)
      .where('text', '=', '일괄 종결 e2e')
      .execute();
    expect(events).toHaveLength(3);
    for (const e of events) {
      expect(e).toMatchObject({ kind: 'closed', reason: 'own-request' });
      expect(e.from_status).toBe(before.find((b) => b.id === e.jobseeker_id)?.status);
    }
  });

  it('a counselor sees no bulk actions on the list', async () => {
    await page.getByRole('button', { name: '로그아웃' }).click();
    await signIn(page, app.host.url, 'counselor2');
    await page.goto(`${app.host.url}/#/jobseekers`);
    await page.getByTestId('jobseeker-row').first().waitFor();
    expect(await page.getByTestId('row-select').count()).toBe(0);
    expect(await page.getByTestId('select-all-matching').count()).toBe(0);
    expect(await page.getByTestId('bulk-bar').count()).toBe(0);
  });
});
