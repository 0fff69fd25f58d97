import { ApiError } from '../api.ts';

// How group programme times read on the desk (the desktop's own time zone, the center's; 24-hour clock),
// and the message of a failed call.

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-01" */
export function dayOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "12/01 10:00" */
export function shortDayClock(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getMonth() + 1)}/${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of an <input type="datetime-local"> for an instant. */
export function toLocalInput(date: Date): string {
  return `${dayOf(date.toISOString())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An <input type="datetime-local"> value as an instant ('' or nonsense: null). */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Next week's same weekday at 10:00: where a new run's first session starts unless changed. */
export function defaultFirstSession(now = new Date()): Date {
  const d = new Date(now);
  d.setDate(d.getDate() + 7);
  d.setHours(10, 0, 0, 0);
  return d;
}

export function errorMessage(err: unknown): string {
  return err instanceof ApiError ? err.error.message : 'errors.internal';
}
