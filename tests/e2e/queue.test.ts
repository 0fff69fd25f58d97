import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ticketDay } from '../../shared/domain/kiosk.ts';
import { expectAccessible as axeCheck, type AxeScope } from './support/accessibility.ts';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';

// The counselor's waiting list (방문 접수 대기) in Chromium on the real services (issue 15): the card
// of the visitor being served is tall enough to use at desk sizes, calls blocked while serving say
// why, closing the pick-or-register dialog leaves the counselor on the card, the figures agree with
// the rows, a ticket no counter holds is reachable by 다음 번호 호출, and registering a visitor keeps
// what they typed at the kiosk and leads to the pre-filled, linked intake.

interface Bridge {
  invoke: (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
}
type Globals = { kiosk?: Bridge };

const SELF_CHECK = { searchActivities4w: '1-2', startWish: 'within3m', willToWork: 4 };
const SHOTS = process.env.CASEWORKER_SHOTS ?? tmpdir();

let app: E2eApp;
let kiosk: Page;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startE2eApp(120);
  const context = await app.browser.newContext({ viewport: { width: 1080, height: 1920 } });
  kiosk = await context.newPage();
  await kiosk.goto(`${app.host.url}/#/kiosk`);
  await kiosk.getByTestId('kiosk-root').waitFor();
});
afterAll(() => app.close());
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

async function desk(width: number, height: number, lang: 'ko' | 'en', login: string): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width, height }, locale: 'ko-KR' });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, app.host.url, login);
  // The language switch remembers its choice on this PC (renderer/src/i18n/index.ts).
  await page.evaluate((l) => localStorage.setItem('caseworker.language', l), lang);
  await page.goto(`${app.host.url}/#/queue`);
  await page.reload();
  await page.getByTestId('queue-stats').waitFor();
  return page;
}

/** A ticket taken at the kiosk through its own bridge; returns its stored id. */
async function takeTicket(input: Record<string, unknown> = {}): Promise<{ id: string; no: number }> {
  const result = (await kiosk.evaluate(
    (i) => (globalThis as unknown as Globals).kiosk?.invoke('kiosk:takeTicket', i),
    { serviceId: 'job-search', language: 'ko', consent: false, ...input },
  )) as { ok: boolean; value: { ticketNo: number } };
  expect(result.ok).toBe(true);
  const row = await app.host.store.db
    .selectFrom('checkins')
    .select('id')
    .where('ticket_day', '=', ticketDay(new Date()))
    .where('ticket_no', '=', result.value.ticketNo)
    .executeTakeFirstOrThrow();
  return { id: row.id, no: result.value.ticketNo };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

async function expectServingCardUsable(page: Page): Promise<void> {
  const card = page.getByTestId('queue-current');
  await card.waitFor();
  const box = await card.boundingBox();
  // The card holds the number, the visitor's line, answers and a row of buttons: far above 100 px.
  expect(box?.height ?? 0).toBeGreaterThan(150);
  for (const id of ['queue-start-intake', 'queue-done', 'queue-left', 'queue-redirect']) {
    const button = page.getByTestId(id);
    await button.scrollIntoViewIfNeeded();
    const b = await button.boundingBox();
    expect(b?.height ?? 0, id).toBeGreaterThan(30);
    // A trial click: Playwright checks the button itself would receive it (nothing clips or covers it).
    await button.click({ trial: true, timeout: 5000 });
  }
}

// The shell's language button (its name and visible text, issue 15 "Contrast") is another change's;
// this file answers for the queue and registration screens.
const SCOPE: AxeScope = { exclude: ['[data-testid="language-switch"]'] };
const expectAccessible = (page: Page, screen: string) => axeCheck(page, screen, SCOPE);

const cellsOf = async (page: Page, testId: string) =>
  Promise.all((await page.getByTestId(testId).all()).map((r) => r.locator('td').allTextContents()));

describe('the waiting list at the counter', () => {
  it('serves a visitor on a usable card at 1366x768, reaches a ticket no counter holds, and its figures agree with its rows', async () => {
    // Enough people in line that the page scrolls at both sizes.
    const first = await takeTicket({ consent: true, name: '이수빈', selfCheck: SELF_CHECK });
    for (let n = 0; n < 11; n++) await takeTicket();
    // A ticket no counter holds (synced from a kiosk whose counters were since changed), 7 minutes old.
    const orphan = await takeTicket();
    await app.host.store.db
      .updateTable('checkins')
      .set({ counter: null, created_at: minutesAgo(7) })
      .where('id', '=', orphan.id)
      .execute();
    // A ticket finished on another PC that synced only its row (no call events): 5 min wait, 15 min served.
    const synced = await takeTicket({ serviceId: 'unemployment-benefit' });
    await app.host.store.db
      .updateTable('checkins')
      .set({ status: 'done', created_at: minutesAgo(40), called_at: minutesAgo(35), done_at: minutesAgo(20) })
      .where('id', '=', synced.id)
      .execute();

    const page = await desk(1366, 768, 'ko', 'counselor1');
    const orphanRow = page
      .getByTestId('queue-row')
      .filter({ has: page.getByRole('cell', { name: String(orphan.no), exact: true }) });
    expect((await orphanRow.locator('td').allTextContents()).slice(2, 4)).toEqual([
      '배정 전 (어느 창구나)',
      '7분',
    ]);
    expect(await page.getByTestId('queue-call-next').textContent()).toContain('대기 13명');
    expect(await page.getByTestId('queue-avg-service').textContent()).toBe('평균 상담 15분');
    await page.screenshot({ path: join(SHOTS, 'queue-waiting-ko-1366.png') });
    await expectAccessible(page, 'queue (waiting)');

    // 다음 번호 호출 reaches the oldest ticket even though no counter holds it.
    await page.getByTestId('queue-call-next').click();
    expect(await page.getByTestId('queue-current-no').textContent()).toBe(`${orphan.no}번`);
    await expectServingCardUsable(page);
    // Calling others waits for this visitor, and the page says so.
    expect(await page.getByTestId('queue-call-next').isDisabled()).toBe(true);
    expect(await page.getByTestId('queue-call').first().isDisabled()).toBe(true);
    expect(await page.locator('#queue-call-blocked').textContent()).toContain(`${orphan.no}번 상담 중`);
    await page.screenshot({ path: join(SHOTS, 'queue-serving-ko-1366.png') });
    await expectAccessible(page, 'queue (serving)');
    await page.getByTestId('queue-done').click();
    await page.getByTestId('queue-call-next').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('queue-call-next').isEnabled()).toBe(true);

    // The figures at the top are the averages of the minutes the finished rows show.
    await expect.poll(async () => (await cellsOf(page, 'queue-finished-row')).length).toBe(2);
    const rows = await cellsOf(page, 'queue-finished-row');
    const mins = (cell: string | undefined) => Number(/^(\d+)분$/.exec(cell ?? '')?.[1]);
    const waited = rows.map((r) => mins(r[4]));
    const served = rows.map((r) => mins(r[5]));
    expect(waited.every(Number.isInteger) && served.every(Number.isInteger)).toBe(true);
    expect(waited).toContain(7);
    expect(waited).toContain(5);
    expect(served).toContain(15);
    const avg = (v: number[]) => Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10;
    expect(await page.getByTestId('queue-avg-wait').textContent()).toBe(`평균 대기 ${avg(waited)}분`);
    expect(await page.getByTestId('queue-avg-service').textContent()).toBe(`평균 상담 ${avg(served)}분`);

    // The visitor with answers: the pick-or-register dialog opens by itself; closing it leaves the
    // counselor on the card, focus on 초기상담, every action at hand.
    await page.getByTestId('queue-call-next').click();
    expect(await page.getByTestId('queue-current-no').textContent()).toBe(`${first.no}번`);
    await page.getByTestId('intake-search').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('intake-search').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-testid="queue-start-intake"]:focus').count()).toBe(1);
    await expectServingCardUsable(page);
    await page.getByTestId('queue-left').click();
    await expect.poll(() => page.getByTestId('queue-call-next').isEnabled()).toBe(true);
  }, 240_000);

  it('shows the served visitor on a usable card at 1920x1080 and in English too', async () => {
    for (let n = 0; n < 3; n++) await takeTicket();
    for (const [lang, width, height] of [
      ['en', 1920, 1080],
      ['ko', 1920, 1080],
      ['en', 1366, 768],
    ] as const) {
      const other = await desk(width, height, lang, 'counselor3');
      await other.getByTestId('queue-call-next').click();
      await expectServingCardUsable(other);
      await other.screenshot({ path: join(SHOTS, `queue-serving-${lang}-${width}.png`) });
      await expectAccessible(other, `queue (serving, ${lang}, ${width})`);
      await other.getByTestId('queue-done').click();
      await expect.poll(() => other.getByTestId('queue-call-next').isEnabled()).toBe(true);
    }
  }, 240_000);

  it('registers a new visitor with the name and phone from the kiosk, then links the ticket and opens the pre-filled intake', async () => {
    const ticket = await takeTicket({
      consent: true,
      name: '도하윤',
      phone: '01055550177',
      selfCheck: SELF_CHECK,
    });
    const page = await desk(1366, 768, 'ko', 'counselor2');
    const row = page
      .getByTestId('queue-row')
      .filter({ has: page.getByRole('cell', { name: String(ticket.no), exact: true }) });
    await row.getByRole('button', { name: '호출', exact: true }).click();
    await page.getByTestId('intake-register').click();
    await page.waitForURL(/#\/jobseekers\/new$/);

    expect(await page.getByTestId('field-name').inputValue()).toBe('도하윤');
    expect(await page.getByTestId('field-phone').inputValue()).toBe('010-5555-0177');
    expect(await page.getByTestId('registration-from-ticket').textContent()).toContain(
      `${ticket.no}번 방문자`,
    );
    await page.screenshot({ path: join(SHOTS, 'queue-register-ko-1366.png') });
    await expectAccessible(page, 'registration from a ticket');

    await page.getByTestId('field-birthYear').fill('1994');
    await page.getByTestId('field-sido').click();
    await page.getByRole('option', { name: '서울특별시' }).click();
    await page.getByTestId('save-jobseeker').click();

    await page.waitForURL(/#\/jobseekers\/[0-9a-f-]+\/intake$/);
    const jobseekerId = /#\/jobseekers\/([0-9a-f-]+)\/intake$/.exec(page.url())?.[1];
    await page.getByTestId('kiosk-prefill').waitFor();
    const stored = await app.host.store.db
      .selectFrom('checkins')
      .select('jobseeker_id')
      .where('id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(stored.jobseeker_id).toBe(jobseekerId);
  }, 240_000);
});
