import Hangul from 'hangul-js';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startE2eApp, type E2eApp } from './support/app.ts';

// Appointments (issue 16 item 1) in Chromium on the real services: the counselor lands on today's
// agenda; books from the case; the person checks in at the lobby kiosk with "예약하고 왔어요" (a wrong
// match reveals nothing); the counselor sees the arrival and records the meeting as attended; a move
// by dialog keeps its history; a no-show is counted on the case; a supervisor sees the team's day.

let app: E2eApp;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startE2eApp(200);
});
afterAll(() => app.close());
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

async function newPage(width: number, height: number): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width, height }, locale: 'ko-KR' });
  contexts.push(context);
  return context.newPage();
}

/** Jamo a visitor can type without the shift key. */
const PLAIN = /^[ㄱ-ㅎㅏ-ㅣ]$/;
const SHIFTED = new Set(['ㄲ', 'ㄸ', 'ㅃ', 'ㅆ', 'ㅉ', 'ㅒ', 'ㅖ']);

async function personOf(login: string) {
  const user = await app.host.store.db
    .selectFrom('users')
    .select('id')
    .where('login_id', '=', login)
    .executeTakeFirstOrThrow();
  const rows = await app.host.store.db
    .selectFrom('jobseekers')
    .select(['id', 'name', 'phone'])
    .where('assigned_counselor_id', '=', user.id)
    .where('phone', 'is not', null)
    .where('archived', '=', 0)
    .orderBy('id')
    .execute();
  const typeable = rows.find((r) =>
    Hangul.disassemble(r.name).every((k) => PLAIN.test(k) && !SHIFTED.has(k)),
  );
  if (!typeable) throw new Error('no typeable demo name');
  return { userId: user.id, ...typeable, phone: typeable.phone ?? '' };
}

/** The datetime-local value of a moment `minutes` from now, in the page's own time zone. */
function localInput(page: Page, minutes: number): Promise<string> {
  return page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    d.setMinutes(Math.floor(d.getMinutes() / 5) * 5, 0, 0);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, minutes);
}

async function bookFromCase(
  page: Page,
  jobseekerId: string,
  start: string,
  purpose: string,
): Promise<string> {
  await page.goto(`${app.host.url}/#/jobseekers/${jobseekerId}/appointments`);
  await page.getByTestId('case-appointments').waitFor();
  await page.getByTestId('case-book').click();
  await page.getByTestId('booking-start').fill(start);
  await page.getByTestId('booking-purpose').fill(purpose);
  await page.getByTestId('booking-save').click();
  await page.getByTestId('booking-dialog').waitFor({ state: 'detached' });
  const row = await app.host.store.db
    .selectFrom('appointments')
    .select('id')
    .where('jobseeker_id', '=', jobseekerId)
    .where('purpose', '=', purpose)
    .executeTakeFirstOrThrow();
  await page.getByTestId(`case-appt-${row.id}`).waitFor();
  return row.id;
}

async function noShows(page: Page): Promise<number> {
  const text = (await page.getByTestId('case-no-shows').textContent()) ?? '';
  return Number(/(\d+)/.exec(text)?.[1] ?? NaN);
}

async function recordOutcome(page: Page, outcome: string): Promise<void> {
  await page.getByRole('combobox', { name: /상담 결과|Outcome/ }).click();
  await page.getByTestId(`outcome-${outcome}`).click();
  await page.getByTestId('outcome-save').click();
  await page.getByTestId('outcome-save').waitFor({ state: 'detached' });
}

describe('appointments, as a counselor and a supervisor', () => {
  let apptId = '';
  let person: Awaited<ReturnType<typeof personOf>>;

  it('lands on today’s agenda and books from the case', async () => {
    const page = await newPage(1366, 768);
    await signIn(page, app.host.url, 'counselor1');
    person = await personOf('counselor1');
    await page.goto(`${app.host.url}/#/`);
    await page.getByTestId('appointments-page').waitFor();
    expect(page.url()).toContain('#/appointments');
    apptId = await bookFromCase(page, person.id, await localInput(page, 0), '이력서 점검 e2e');
  });

  it('checks the person in at the kiosk by name and the last four digits, revealing nothing on a miss', async () => {
    const kiosk = await newPage(1080, 1920);
    const keys = Hangul.disassemble(person.name);
    const last4 = person.phone.slice(-4);
    const wrong = last4 === '0000' ? '1111' : '0000';
    for (const digits of [wrong, last4]) {
      await kiosk.goto(`${app.host.url}/#/kiosk`);
      await kiosk.getByTestId('menu-appointment').click();
      await kiosk.getByTestId('kiosk-appointment').waitFor();
      for (const k of keys) await kiosk.getByTestId(`key-${k}`).click();
      expect(await kiosk.getByTestId('appointment-name').inputValue()).toBe(person.name);
      await kiosk.getByTestId('appointment-digits').click();
      for (const d of digits) await kiosk.getByTestId(`key-${d}`).click();
      await kiosk.getByTestId('appointment-check').click();
      if (digits === wrong) {
        await kiosk.getByTestId('appointment-not-found').waitFor();
        // Nothing about the person or the appointment is on the screen.
        const text = (await kiosk.getByTestId('kiosk-appointment').textContent()) ?? '';
        expect(text).not.toContain('이력서 점검');
      }
    }
    await kiosk.getByTestId('appointment-arrived').waitFor();
    expect(Number(await kiosk.getByTestId('appointment-ticket-number').textContent())).toBeGreaterThan(0);
    const ticket = await app.host.store.db
      .selectFrom('checkins')
      .select(['jobseeker_id', 'visitor_name', 'visitor_phone'])
      .where('appointment_id', '=', apptId)
      .executeTakeFirstOrThrow();
    expect(ticket).toEqual({ jobseeker_id: person.id, visitor_name: null, visitor_phone: null });
  });

  it('shows the arrival on the agenda and records the meeting as attended', async () => {
    const page = await newPage(1366, 768);
    await signIn(page, app.host.url, 'counselor1');
    await page.goto(`${app.host.url}/#/appointments`);
    const event = page.getByTestId(`appt-${apptId}`);
    await event.waitFor();
    expect(await event.textContent()).toContain('도착함');
    await event.click();
    await page.getByTestId('appointment-arrived').waitFor();
    await recordOutcome(page, 'attended');
    expect(await page.getByTestId('appointment-state').textContent()).toBe('상담 완료');
  });

  it('moves an appointment by dialog keeping its history, and counts a no-show on the case', async () => {
    const page = await newPage(1920, 1080);
    await signIn(page, app.host.url, 'counselor1');
    const id = await bookFromCase(page, person.id, await localInput(page, 24 * 60), '면접 준비 e2e');
    const before = await noShows(page);
    await page.getByTestId(`case-appt-${id}`).click();
    await page.getByTestId('appointment-move').click();
    await page.getByTestId('booking-start').fill(await localInput(page, 25 * 60));
    await page.getByTestId('booking-note').fill('구직자 요청');
    await page.getByTestId('booking-save').click();
    await page.getByTestId('booking-dialog').waitFor({ state: 'detached' });
    await page.getByTestId(`case-appt-${id}`).click();
    const history = page.getByTestId('appointment-history');
    await history.getByText(/일정 변경/).waitFor();
    expect(await history.textContent()).toContain('구직자 요청');
    await recordOutcome(page, 'no_show');
    // The dialog's own close button: an Escape pressed while the outcome's reload re-renders it was lost.
    await page.getByTestId('appointment-close').click();
    await page.getByTestId('appointment-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => noShows(page)).toBe(before + 1);
    const events = await app.host.store.db
      .selectFrom('appointment_events')
      .select('kind')
      .where('appointment_id', '=', id)
      .orderBy('at')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['booked', 'rescheduled', 'outcome']);
  });

  it('moves an appointment by dragging it in the week, keeping its history and warning of an overlap', async () => {
    const page = await newPage(1920, 1080);
    await signIn(page, app.host.url, 'counselor1');
    // A weekday three to five days ahead, so both meetings are open (no outcome) and on the grid.
    const day = await page.evaluate(() => {
      const d = new Date(Date.now() + 3 * 86_400_000);
      while (d.getDay() === 0 || d.getDay() === 6) d.setDate(d.getDate() + 1);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    });
    const moving = await bookFromCase(page, person.id, `${day}T10:00`, '드래그 이동 e2e');
    const other = await bookFromCase(page, person.id, `${day}T12:00`, '겹치는 예약 e2e');
    await page.goto(`${app.host.url}/#/appointments?view=week&date=${day}`);
    const block = page.locator('.rbc-event', { has: page.getByTestId(`appt-${moving}`) });
    await block.waitFor();
    await page.locator('.rbc-event', { has: page.getByTestId(`appt-${other}`) }).waitFor();
    // Its name shows in the block, not only its time (a half-hour used to show the time alone).
    expect(await block.textContent()).toContain(person.name);
    const hour = await page.locator('.rbc-time-view .rbc-timeslot-group').first().boundingBox();
    const from = await block.boundingBox();
    if (!hour || !from) throw new Error('the week grid is not laid out');
    // Two hours down the same day: press on the block, move in steps as a hand would, release.
    const x = from.x + from.width / 2;
    const y = from.y + 6;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + hour.height, { steps: 8 });
    await page.mouse.move(x, y + hour.height * 2, { steps: 8 });
    await page.mouse.up();
    await page.getByText(/같은 시간에 다른 예약이 1건/).waitFor();
    const [moved, booked] = await Promise.all(
      [moving, other].map((id) =>
        app.host.store.db
          .selectFrom('appointments')
          .select('starts_at')
          .where('id', '=', id)
          .executeTakeFirstOrThrow(),
      ),
    );
    expect(moved?.starts_at).toBe(booked?.starts_at);
    const events = await app.host.store.db
      .selectFrom('appointment_events')
      .select(['kind', 'from_starts_at', 'to_starts_at'])
      .where('appointment_id', '=', moving)
      .orderBy('at')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['booked', 'rescheduled']);
    expect(events[1]?.to_starts_at).toBe(booked?.starts_at);
    expect(Date.parse(events[1]?.to_starts_at ?? '') - Date.parse(events[1]?.from_starts_at ?? '')).toBe(
      2 * 3_600_000,
    );
  });

  it('shows the supervisor the team’s day, one column per counselor', async () => {
    const page = await newPage(1920, 1080);
    await signIn(page, app.host.url, 'supervisor1');
    const day = await page.evaluate(() => {
      const d = new Date();
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    });
    await page.goto(`${app.host.url}/#/appointments?view=day&date=${day}`);
    await page.getByTestId('calendar-team').click();
    await page.getByTestId(`appt-${apptId}`).waitFor();
    const staff = await app.host.store.db
      .selectFrom('users')
      .select('id')
      .where('role', 'in', ['counselor', 'supervisor'])
      .where('active', '=', 1)
      .execute();
    await expect.poll(() => page.locator('.rbc-time-header .rbc-row-resource').count()).toBe(staff.length);
  });
});
