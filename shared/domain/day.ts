import { z } from 'zod';

// A calendar day as the forms send it: YYYY-MM-DD, a day that exists (no 2026-02-30), between 1900 and
// 2100. A pattern alone let "2026-13-45" through to the services, where date arithmetic on it threw.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The schema of a day field, with the message key the area's form shows. */
export function daySchema(message: string) {
  return z
    .string()
    .max(10, message)
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine(isRealDay, message);
}
