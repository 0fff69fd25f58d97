import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ticketDay } from '../../shared/domain/kiosk.ts';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';

// The lobby kiosk in Chromium against the real services: a visitor takes a ticket with a self-check in
// Korean, the counselor's waiting list shows it, calling it leads to the intake with the answers, the
// idle reset clears the screen, the kiosk has no desk bridge and its bridge refuses case channels, and
// every kiosk screen passes axe-core without serious violations.

interface Bridge {
  invoke: (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
}
interface PageGlobals {
  caseworker?: Bridge;
  kiosk?: Bridge;
  axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
  history: { state: { usr?: unknown } | null };
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

let app: E2eApp;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startE2eApp(120);
});
afterAll(() => app.close());
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

async function newPage(width = 1080, height = 1920): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width, height }, locale: 'ko-KR' });
  contexts.push(context);
  return context.newPage();
}

/** The kiosk's own page, as Electron loads it (kiosk.html: a bundle without the desk). */
async function openKiosk(page: Page, route = ''): Promise<void> {
  await page.goto(`${app.host.url}/kiosk.html#/kiosk${route}`);
  await page.getByTestId('kiosk-root').waitFor();
}

/** Types on the on-screen keyboard, one key at a time, as a visitor would. */
async function typeKeys(page: Page, keys: string[]): Promise<void> {
  for (const k of keys) await page.getByTestId(`key-${k}`).click();
}

async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script> tag: the page's CSP refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals & { document: unknown };
    return w.axe.run(w.document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.waitForTimeout(300); // let transitions settle so colours are final
  const violations = await seriousViolations(page);
  expect(
    violations.map(
      (v) => `${screen}: ${v.id} (${v.impact}) ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    ),
  ).toEqual([]);
}

describe('a visitor at the kiosk and the counselor at the counter', () => {
  it('takes a ticket with a self-check in Korean; the counselor calls it into a pre-filled intake', async () => {
    const kiosk = await newPage();
    await openKiosk(kiosk);
    await kiosk.getByRole('heading', { level: 1, name: /서울강남고용센터에 오신 것을 환영합니다/ }).waitFor();

    // Self-check: three questions in plain Korean.
    await kiosk.getByTestId('menu-self-check').click();
    await kiosk.getByText('최근 4주 동안 일자리를 찾으려고 몇 번 움직이셨나요?', { exact: false }).waitFor();
    await kiosk.getByTestId('answer-searchActivities4w-1-2').click();
    await kiosk.getByTestId('answer-startWish-within3m').click();
    await kiosk.getByTestId('answer-willToWork-4').click();
    await kiosk.getByTestId('self-check-done').click();
    await kiosk.getByTestId('self-check-ticket').click();

    // Ticket: service, consent notice first, then name and phone on the on-screen keyboard.
    await kiosk.getByTestId('ticket-service-job-search').click();
    await kiosk.getByTestId('consent-notice').waitFor();
    expect(await kiosk.getByTestId('consent-notice').textContent()).toContain(
      '동의하지 않아도 번호표를 받고',
    );
    await kiosk.getByTestId('consent-agree').click();
    await typeKeys(kiosk, ['ㄱ', 'ㅣ', 'ㅁ', 'ㅁ', 'ㅣ', 'ㄴ', 'ㅅ', 'ㅓ']);
    await typeKeys(kiosk, ['backspace']); // takes back the last jamo: 김민서 → 김민ㅅ
    await typeKeys(kiosk, ['ㅗ']);
    expect(await kiosk.getByTestId('visitor-name').inputValue()).toBe('김민소');
    await typeKeys(kiosk, ['backspace', 'ㅓ']);
    expect(await kiosk.getByTestId('visitor-name').inputValue()).toBe('김민서');
    await kiosk.getByTestId('visitor-phone').click();
    await typeKeys(kiosk, '01055550123'.split(''));
    await kiosk.getByTestId('ticket-issue').click();
    await kiosk.getByTestId('ticket-issued').waitFor();
    const ticketNo = Number(await kiosk.getByTestId('ticket-number').textContent());
    expect(ticketNo).toBe(1);
    expect(await kiosk.getByTestId('ticket-counter').textContent()).toBe('1번 창구로 오세요');

    // The counselor's side: the ticket waits in the list with its service and waiting time.
    const desk = await newPage(1440, 900);
    await signIn(desk, app.host.url);
    const jobseeker = (await desk.evaluate(() =>
      (globalThis as unknown as PageGlobals).caseworker?.invoke('jobseekers:create', {
        fields: { name: '김민서', birthYear: 1991, sido: '11', phone: '010-5555-0123' },
        confirmedNotDuplicate: true,
      }),
    )) as { ok: boolean; value: { id: string } };
    expect(jobseeker.ok).toBe(true);
    await desk.goto(`${app.host.url}/#/queue`);
    const row = desk.getByTestId('queue-row').filter({ hasText: '일자리 찾기·취업 상담' });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 4)).toEqual(['1', '일자리 찾기·취업 상담', '1번 창구', '0분']);
    expect(cells[4]).toContain('자가진단');

    // Calling it: the visitor's answers come with it and the pick-or-register step opens.
    await desk.getByTestId('queue-call-next').click();
    await desk.getByTestId('queue-current').waitFor();
    expect(await desk.getByTestId('queue-current-no').textContent()).toBe('1번');
    const current = await desk.getByTestId('queue-current').textContent();
    expect(current).toContain('김민서');
    expect(current).toContain('3개월 안에(가능하면 바로)');
    await desk.getByTestId('intake-search').waitFor();
    expect(await desk.getByTestId('intake-search').inputValue()).toBe('김민서');
    // A center-wide search: the phone masked, as on every list (the full number is on the case).
    const candidate = desk.getByTestId('intake-candidate').filter({ hasText: '김민서 (1991)' });
    await expect.poll(() => candidate.textContent()).toContain('010-****-0123');
    expect(await candidate.textContent()).not.toContain('5555');
    await candidate.click();
    await desk.waitForURL(new RegExp(`#/jobseekers/${jobseeker.value.id}/intake$`));
    const state = await desk.evaluate(() => (globalThis as unknown as PageGlobals).history.state?.usr);
    expect(state).toMatchObject({
      prefill: { searchActivities4w: '1-2', startWish: 'within3m', willToWork: 4 },
    });
    expect(typeof (state as { checkinId?: unknown }).checkinId).toBe('string');

    // The kiosk forgets the visitor; the queue records the times and forgets the name once done.
    await kiosk.getByTestId('ticket-finish').click();
    await kiosk.getByTestId('kiosk-welcome').waitFor();
    await desk.goto(`${app.host.url}/#/queue`);
    await desk.getByTestId('queue-done').click();
    await expect.poll(() => desk.getByTestId('queue-stats').textContent()).toContain('완료 1건');
    const stored = await app.host.store.db
      .selectFrom('checkins')
      .selectAll()
      .where('ticket_day', '=', ticketDay(new Date())) // the demo data's check-ins are on its own (earlier) day
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'done', visitor_name: null, visitor_phone: null });
    expect(stored.jobseeker_id).toBe(jobseeker.value.id);
    expect(stored.called_at).not.toBeNull();
    expect(stored.done_at).not.toBeNull();
  });

  it('has no desk bridge, and its bridge refuses case, queue and settings channels', async () => {
    const kiosk = await newPage();
    // The desk page's kiosk address (a shortcut made before the kiosk had its own page) moves there.
    await kiosk.goto(`${app.host.url}/#/kiosk`);
    await kiosk.getByTestId('kiosk-root').waitFor();
    expect(new URL(kiosk.url()).pathname).toBe('/kiosk.html');
    expect(await kiosk.evaluate(() => typeof (globalThis as unknown as PageGlobals).caseworker)).toBe(
      'undefined',
    );
    for (const channel of [
      'jobseekers:list',
      'jobseekers:get',
      'checkins:queue',
      'checkins:get',
      'settings:getKiosk',
    ]) {
      const refused = await kiosk.evaluate(
        (c) => (globalThis as unknown as PageGlobals).kiosk?.invoke(c, {}),
        channel,
      );
      expect(refused, channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const openings = (await kiosk.evaluate(() =>
      (globalThis as unknown as PageGlobals).kiosk?.invoke('kiosk:openings', { limit: 5 }),
    )) as {
      ok: boolean;
      value: { items: object[] };
    };
    expect(openings.ok).toBe(true);
    for (const item of openings.value.items)
      expect(Object.keys(item).sort()).toEqual([
        'employerName',
        'id',
        'occupation',
        'sido',
        'sigungu',
        'title',
        'wage',
      ]);
  });
});

describe('kiosk screens', () => {
  it('pass axe-core without serious violations, in both layouts and in high contrast', async () => {
    for (const [w, h] of [
      [1080, 1920],
      [1920, 1080],
    ] as const) {
      const page = await newPage(w, h);
      await openKiosk(page);
      await expectAccessible(page, `welcome ${w}x${h}`);
      for (const route of ['/services', '/floor', '/openings', '/self-check']) {
        await openKiosk(page, route);
        await page.waitForTimeout(300);
        await expectAccessible(page, `${route} ${w}x${h}`);
      }
      await page.getByTestId('kiosk-home').click();
      await page.getByTestId('menu-openings').click();
      await page.getByTestId('openings-query').click();
      await page.getByTestId('onscreen-keyboard').waitFor();
      await expectAccessible(page, `openings keyboard ${w}x${h}`);
      await typeKeys(page, ['ㅊ', 'ㅐ', 'ㅇ', 'ㅛ', 'ㅇ']);
      await page.getByTestId('openings-search').click();
      await expect.poll(() => page.getByTestId('openings-count').textContent()).toMatch(/일자리 \d+건/);

      await openKiosk(page, '/ticket');
      await expectAccessible(page, `ticket service ${w}x${h}`);
      await page.getByTestId('ticket-service-job-search').click();
      await page.getByTestId('ticket-step-offer').waitFor();
      await expectAccessible(page, `ticket offer ${w}x${h}`);
      await page.getByTestId('offer-skip').click();
      await expectAccessible(page, `ticket consent ${w}x${h}`);
      await page.getByTestId('consent-agree').click();
      await expectAccessible(page, `ticket details ${w}x${h}`);
      await page.getByTestId('ticket-issue').click();
      await page.getByTestId('ticket-issued').waitFor();
      await expectAccessible(page, `ticket issued ${w}x${h}`);
      await page.getByTestId('ticket-finish').click();
      await page.getByTestId('kiosk-contrast').click();
      await page.getByTestId('kiosk-large-text').click();
      await expectAccessible(page, `welcome high contrast ${w}x${h}`);
      await page.getByTestId('kiosk-language').click();
      await page.getByRole('heading', { level: 1, name: /Welcome to/ }).waitFor();
      await expectAccessible(page, `welcome english ${w}x${h}`);
      await page.getByTestId('menu-ticket').click();
      await page.getByTestId('ticket-service-unemployment-benefit').click();
      await expectAccessible(page, `ticket consent high contrast english ${w}x${h}`);
    }
  });
});

describe('idle reset', () => {
  it('warns, lets the visitor stay, then clears everything and returns to the welcome screen', async () => {
    // The admin shortens the idle time in the settings screen.
    const admin = await newPage(1440, 900);
    await signIn(admin, app.host.url, 'admin');
    await admin.goto(`${app.host.url}/#/settings/kiosk`);
    await admin.getByTestId('settings-idle').fill('5');
    await admin.getByTestId('settings-save').click();
    await admin.getByText('저장했습니다.', { exact: false }).waitFor();

    const kiosk = await newPage();
    await openKiosk(kiosk);
    await kiosk.getByTestId('kiosk-language').click(); // English
    await kiosk.getByTestId('kiosk-large-text').click();
    await kiosk.getByTestId('menu-ticket').click();
    await kiosk.getByTestId('ticket-service-unemployment-benefit').click();
    await kiosk.getByTestId('consent-agree').click();
    await typeKeys(kiosk, ['k', 'i', 'm']); // the keyboard starts in the visitor's language
    expect(await kiosk.getByTestId('visitor-name').inputValue()).toBe('kim');

    // After 5 s the countdown asks; "I'm still here" keeps everything.
    await kiosk.getByTestId('idle-stay').waitFor({ timeout: 15_000 });
    expect(await kiosk.getByTestId('idle-dialog').textContent()).toContain('Are you still there?');
    await kiosk.getByTestId('idle-stay').click();
    await kiosk.getByTestId('idle-dialog').waitFor({ state: 'hidden' });
    expect(await kiosk.getByTestId('visitor-name').inputValue()).toBe('kim');

    // Left alone, the kiosk goes back to the start: Korean, normal text, nothing typed.
    await kiosk.getByTestId('kiosk-welcome').waitFor({ timeout: 20_000 });
    await kiosk.getByRole('heading', { level: 1, name: /환영합니다/ }).waitFor();
    expect(await kiosk.getByTestId('kiosk-root').getAttribute('data-large-text')).toBe('off');
    await kiosk.getByTestId('menu-ticket').click();
    await kiosk.getByTestId('ticket-step-service').waitFor();
    await kiosk.getByTestId('ticket-service-unemployment-benefit').click();
    await kiosk.getByTestId('consent-agree').click();
    expect(await kiosk.getByTestId('visitor-name').inputValue()).toBe('');
    expect(
      await app.host.store.db.selectFrom('checkins').selectAll().where('visitor_name', '=', 'kim').execute(),
    ).toEqual([]);

    // Put the default back for other tests.
    await admin.getByTestId('settings-idle').fill('90');
    await admin.getByTestId('settings-save').click();
  });
});
