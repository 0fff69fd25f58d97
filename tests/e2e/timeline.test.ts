import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { READY_ANSWERS } from '../support/case-fixtures.ts';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';

// The case timeline (issue 17 item 5) in Chromium on the real services: a case with an assessment, a
// note, a job referral and an appointment shows them newest first under their days; the kind chips
// filter (by mouse and by keyboard, several at once, 전체 clears); selecting an entry opens its tab with
// that record outlined and focused.

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

async function newPage(): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ko-KR' });
  contexts.push(context);
  return context.newPage();
}

/** Calls a desk channel through the page's own bridge (the real IPC path and session). */
async function invoke<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.evaluate(
    ([c, i]) =>
      (
        globalThis as unknown as {
          caseworker: {
            invoke(c: string, i: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
          };
        }
      ).caseworker.invoke(c, i),
    [channel, input] as const,
  );
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Each record is made at its own moment of the store's clock, so the expected order is certain. */
function at(minutesAgo: number): void {
  const moment = new Date(Date.now() - minutesAgo * 60_000);
  app.host.store.context.now = () => moment;
}

/** The page's document, typed as far as these checks need (the tests' tsconfig has no DOM types). */
type Doc = { document: { activeElement: { getAttribute(name: string): string | null } | null } };

async function kindsShown(page: Page): Promise<string[]> {
  return page
    .getByTestId('timeline-title')
    .evaluateAll((cells: Array<{ getAttribute(name: string): string | null }>) =>
      cells.map((c) => c.getAttribute('data-kind') ?? ''),
    );
}

describe('the case timeline', () => {
  it('shows a case in order, filters by kind, and opens the record', async () => {
    const page = await newPage();
    await signIn(page, app.host.url, 'counselor1');
    const realNow = app.host.store.context.now;
    const opening = await app.host.store.db
      .selectFrom('job_openings')
      .select('id')
      .where('status', '=', 'open')
      .where('archived', '=', 0)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    let jobseekerId = '';
    let noteId = '';
    let appointmentId = '';
    try {
      at(240);
      jobseekerId = (
        await invoke<{ id: string }>(page, 'jobseekers:create', {
          fields: { name: '한시간', birthYear: 1988, sido: '11', desiredOccupation: '5501' },
          confirmedNotDuplicate: true,
        })
      ).id;
      at(180);
      await invoke(page, 'casework:saveAssessment', {
        jobseekerId,
        answers: READY_ANSWERS,
        decision: { kind: 'accepted' },
      });
      at(120);
      const noted = await invoke<{ notes: Array<{ id: string }> }>(page, 'casework:addNote', {
        jobseekerId,
        kind: 'phone',
        body: '희망 직종 확인\n자세한 내용은 다음 상담에서',
      });
      noteId = noted.notes[0]?.id ?? '';
      at(60);
      await invoke(page, 'referrals:create', { jobseekerId, openingId: opening.id });
      at(30);
      const booked = await invoke<{ appointment: { id: string } }>(page, 'appointments:book', {
        jobseekerId,
        kind: 'in_person',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        durationMin: 30,
        purpose: '이력서 점검',
      });
      appointmentId = booked.appointment.id;
    } finally {
      app.host.store.context.now = realNow;
    }

    await page.goto(`${app.host.url}/#/jobseekers/${jobseekerId}/timeline`);
    await page.getByTestId('case-timeline').waitFor();
    await page.getByTestId('timeline-row').first().waitFor();
    // Newest first: tomorrow's appointment, the referral, the note, the assessment, the registration.
    expect(await kindsShown(page)).toEqual([
      'appointment',
      'job-referral',
      'note',
      'assessment',
      'lifecycle',
    ]);
    expect(await page.getByTestId('timeline-total').textContent()).toContain('5');
    await expect.poll(() => page.getByTestId('timeline-day').count()).toBeGreaterThanOrEqual(2);
    // The note reads by its first line only.
    const noteRow = page.getByTestId('timeline-title').filter({ hasText: '희망 직종 확인' });
    expect(await noteRow.textContent()).not.toContain('다음 상담');

    // Filter by one kind, then a second one too; 전체 clears.
    await page.getByTestId('timeline-kind-note').click();
    await expect.poll(() => kindsShown(page)).toEqual(['note']);
    expect(await page.getByTestId('timeline-kind-note').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('timeline-kind-assessment').click();
    await expect.poll(() => kindsShown(page)).toEqual(['note', 'assessment']);
    await page.getByTestId('timeline-kind-all').click();
    await expect.poll(() => kindsShown(page)).toHaveLength(5);

    // By keyboard: from 전체 the arrow moves to the first kind (분류), Enter chooses it.
    await page.getByTestId('timeline-kind-all').focus();
    await page.keyboard.press('ArrowRight');
    expect(
      await page.evaluate(
        () => (globalThis as unknown as Doc).document.activeElement?.getAttribute('data-testid') ?? null,
      ),
    ).toBe('timeline-kind-assessment');
    await page.keyboard.press('Enter');
    await expect.poll(() => kindsShown(page)).toEqual(['assessment']);
    await page.getByTestId('timeline-kind-all').click();
    await expect.poll(() => kindsShown(page)).toHaveLength(5);

    // Selecting the appointment opens the appointments tab with that appointment outlined and focused.
    await page.getByTestId('timeline-title').filter({ hasText: '이력서 점검' }).click();
    await page.waitForURL(new RegExp(`/appointments\\?record=${appointmentId}`));
    const appointmentRow = page.locator(`[data-record-id="${appointmentId}"]`);
    await expect.poll(() => appointmentRow.getAttribute('data-linked')).toBe('true');
    expect(
      await appointmentRow.evaluate((el) => el === (globalThis as unknown as Doc).document.activeElement),
    ).toBe(true);

    // And from the timeline again by keyboard: the note's entry, Enter, the notes tab with that note.
    await page.goto(`${app.host.url}/#/jobseekers/${jobseekerId}/timeline`);
    await page.getByTestId('timeline-row').first().waitFor();
    await page.getByTestId('timeline-kind-note').click();
    await expect.poll(() => kindsShown(page)).toEqual(['note']);
    // The first row is the day's heading; the arrow moves to the note under it.
    await page.getByTestId('timeline-row').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/notes\\?record=${noteId}`));
    await expect
      .poll(() => page.locator(`[data-record-id="${noteId}"]`).getAttribute('data-linked'))
      .toBe('true');
  });
});
