import { z } from 'zod';
import { rule } from '../contract/messages.ts';

// A calendar day as the forms send it: YYYY-MM-DD, a day that exists (no 2026-02-30), between 1900 and
// 2100. A pattern alone let "2026-13-45" through to the services, where date arithmetic on it threw.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export const DAY_MIN = '1900-01-01';
export const DAY_MAX = '2100-12-31';

/** A YYYY-MM-DD that exists on the calendar (no 2026-02-30), whatever its year. */
function isCalendarDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isRealDay(value: string): boolean {
  return isCalendarDay(value) && value >= DAY_MIN && value <= DAY_MAX;
}

/**
 * The schema of a day field: `message` (the area's key) for a value that is no day at all, the allowed
 * range for a day outside 1900–2100 (issue 15 item 8: "0001-01-01" is a day, just not one we keep).
 */
export function daySchema(message: string) {
  return z
    .string()
    .max(10, message)
    .refine(isCalendarDay, { message, abort: true })
    .refine((v) => v >= DAY_MIN && v <= DAY_MAX, rule('validation.dayRange', { min: DAY_MIN, max: DAY_MAX }));
}

// ---- Bounds (issue 15 item 4): every date a person types is held to a window that makes sense for
// what it records, here in one place, with messages that give the allowed range. The window moves with
// the calendar, so the figures are worked out when a value is checked (KST, the centers' calendar).

const KST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** Today in Korea (YYYY-MM-DD), from a clock in ms. */
export function todayKstOf(nowMs: number = Date.now()): string {
  return new Date(nowMs + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** `day` moved by `days` (negative: back). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The earliest birth year taken. The contract has always used 1900 and the demo seeds use 1960–2006:
 * nobody alive is born before it, and every record already stored stays valid. The latest is this year
 * (a birth year in the future is impossible); a working-age floor is left to the counselor, who may
 * register a 14-year-old's file ahead of a youth programme.
 */
export const BIRTH_YEAR_MIN = 1900;

export function birthYearSchema(clock: () => number = Date.now) {
  const message = () =>
    rule('validation.yearRange', { min: BIRTH_YEAR_MIN, max: todayKstOf(clock()).slice(0, 4) });
  return z
    .number({ error: message })
    .int({ error: message })
    .refine((v) => v >= BIRTH_YEAR_MIN && String(v) <= todayKstOf(clock()).slice(0, 4), { error: message });
}

/**
 * A day within a window around today: `past` days back and `future` days ahead. Interviews: a year back
 * (recorded late) to half a year ahead (scheduled); things that happened (a package step done, a hire):
 * never after today.
 */
export function recentDaySchema(
  window: { past: number; future: number },
  format = 'validation.date',
  clock: () => number = Date.now,
) {
  const bounds = () => {
    const today = todayKstOf(clock());
    return { min: addDays(today, -window.past), max: addDays(today, window.future) };
  };
  return daySchema(format).refine(
    (v) => {
      const { min, max } = bounds();
      return v >= min && v <= max;
    },
    { error: () => rule('validation.dayRange', bounds()) },
  );
}

/** Interview dates: recorded up to a year late, scheduled up to 180 days ahead. */
export const INTERVIEW_WINDOW = { past: 365, future: 180 } as const;
/** Things done (a package step, a hire, a contact): up to 5 years back, never after today. */
export const DONE_WINDOW = { past: 5 * 365, future: 0 } as const;
