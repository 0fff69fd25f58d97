import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility.ts';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';

// A jobseeker hired through one referral (or a placement found without one) has other referrals still
// 기업에 알선 / 알선 제안 (issue 15, item 11): the counselor is asked, naming each one, whether to close
// them; closing records 알선 취소 with the reason, and leaving them open changes nothing.

interface Globals {
  caseworker?: {
    invoke: (c: string, i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
  };
}
interface Summary {
  id: string;
  openingTitle: string;
  state: string;
}

const SHOTS = process.env.CASEWORKER_SHOTS ?? tmpdir();
// The prompt itself: the page behind it (its chips and buttons, issue 15 "Contrast") is another change's.
const SCOPE = { include: ['[aria-labelledby="close-referrals-title"]'] };

let app: E2eApp;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startE2eApp(60);
});
afterAll(() => app.close());
afterEach(() => context.close());

async function open(lang: 'ko' | 'en' = 'ko', width = 1366, height = 768): Promise<void> {
  context = await app.browser.newContext({ viewport: { width, height }, locale: 'ko-KR' });
  page = await context.newPage();
  await signIn(page, app.host.url);
  await page.evaluate((l) => localStorage.setItem('caseworker.language', l), lang);
  await page.reload();
  await page.getByTestId('signed-in-as').waitFor();
}

async function invoke<T>(channel: string, input: unknown): Promise<T> {
  const r = await page.evaluate(([c, i]) => (globalThis as unknown as Globals).caseworker?.invoke(c, i), [
    channel,
    input,
  ] as const);
  if (!r?.ok) throw new Error(`${channel} failed: ${JSON.stringify(r?.error)}`);
  return r.value as T;
}

/** A new jobseeker with a referral to each of `count` open openings, moved to 기업에 알선 but the last. */
async function jobseekerWithReferrals(
  name: string,
  count: number,
): Promise<{ id: string; referrals: Summary[] }> {
  const js = await invoke<{ id: string }>('jobseekers:create', {
    fields: { name, birthYear: 1990, sido: '11' },
    confirmedNotDuplicate: true,
  });
  const openings = await invoke<{ rows: Array<{ id: string; status: string }> }>('openings:list', {
    query: '',
    status: 'open',
    limit: count,
  });
  const referrals: Summary[] = [];
  for (const [n, o] of openings.rows.slice(0, count).entries()) {
    const r = await invoke<Summary>('referrals:create', { jobseekerId: js.id, openingId: o.id });
    referrals.push(
      n < count - 1 ? await invoke<Summary>('referrals:record', { referralId: r.id, kind: 'referred' }) : r,
    );
  }
  return { id: js.id, referrals };
}

const statesOf = async (jobseekerId: string) =>
  (await invoke<{ referrals: Summary[] }>('referrals:forJobseeker', { jobseekerId })).referrals
    .map((r) => [r.openingTitle, r.state] as const)
    .sort();

describe('older open referrals after a hire', () => {
  it('asks to close the others when one referral ends in a hire, and closes the chosen ones', async () => {
    await open();
    const js = await jobseekerWithReferrals('서하람', 3);
    const [hired, other, proposed] = js.referrals as [Summary, Summary, Summary];
    await page.goto(`${app.host.url}/#/jobseekers/${js.id}/referrals`);
    await page.getByTestId('history-row').filter({ hasText: hired.openingTitle }).click();
    await page.getByTestId('event-hired').click();
    await page.getByTestId('save-event').click();

    const options = page.getByTestId('close-referral-option');
    await expect.poll(() => options.count()).toBe(2);
    expect(await options.filter({ hasText: other.openingTitle }).textContent()).toContain('알선');
    expect(await options.filter({ hasText: proposed.openingTitle }).textContent()).toContain('추천');
    await page.screenshot({ path: join(SHOTS, 'referrals-close-others-ko-1366.png') });
    await expectAccessible(page, 'close other referrals', SCOPE);

    // Only the one at the employer is closed; the proposal is kept.
    await options.filter({ hasText: proposed.openingTitle }).getByRole('checkbox').uncheck();
    await page.getByTestId('close-referrals-confirm').click();
    expect(await page.getByTestId('closed-other-referrals').textContent()).toBe(
      '진행 중이던 다른 알선 1건을 닫았습니다.',
    );
    expect(await statesOf(js.id)).toEqual(
      [
        [hired.openingTitle, 'hired'],
        [other.openingTitle, 'cancelled'],
        [proposed.openingTitle, 'proposed'],
      ].sort(),
    );
    const detail = await invoke<{ events: Array<{ kind: string; note: string }> }>('referrals:get', {
      id: other.id,
    });
    expect(detail.events.at(-1)).toMatchObject({ kind: 'cancelled', note: '다른 일자리에 취업하여 종료' });
  });

  it('asks after a placement found without a referral too; leaving them open changes nothing', async () => {
    await open('en', 1920, 1080);
    const js = await jobseekerWithReferrals('Ryu Dahye', 2);
    const before = await statesOf(js.id);
    await page.goto(`${app.host.url}/#/jobseekers/${js.id}/referrals`);
    await page.getByTestId('add-placement').click();
    await page.getByTestId('placement-employer').fill('한빛물류');
    await page.getByTestId('save-placement').click();

    await expect.poll(() => page.getByTestId('close-referral-option').count()).toBe(2);
    expect(await page.getByRole('dialog').last().textContent()).toContain('2 other referrals still open');
    await page.screenshot({ path: join(SHOTS, 'referrals-close-others-en-1920.png') });
    await expectAccessible(page, 'close other referrals (en)', SCOPE);
    await page.getByTestId('close-referrals-keep').click();
    await page.getByTestId('close-referral-option').first().waitFor({ state: 'detached' });
    expect(await statesOf(js.id)).toEqual(before);
  });
});
