import type { AppointmentView } from '../../../shared/contract/appointments.ts';

// How appointment times read on the desk: in the desktop's own time zone (the center's), 24-hour clock.

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:30" */
export function clock(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2026-11-03 14:30" */
export function dayAndClock(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clock(iso)}`;
}

/** The value of an <input type="datetime-local"> for an instant. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An <input type="datetime-local"> value as an instant ('' or nonsense: null). */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The next quarter hour from now: where a new booking starts when nothing else says. */
export function nextQuarter(now = new Date()): Date {
  const d = new Date(now);
  d.setSeconds(0, 0);
  d.setMinutes(Math.ceil((d.getMinutes() + 1) / 15) * 15);
  return d;
}

export const DURATIONS = [15, 30, 45, 60, 90, 120] as const;

export type ChipColor = 'default' | 'info' | 'success' | 'warning' | 'error';

/** The chip colour of an appointment's state: open, arrived, or its outcome. */
export function stateColor(a: Pick<AppointmentView, 'outcome' | 'arrivedAt'>): ChipColor {
  if (a.outcome === 'attended') return 'success';
  if (a.outcome === 'no_show') return 'error';
  if (a.outcome !== null) return 'default';
  return a.arrivedAt ? 'warning' : 'info';
}

/** The i18n key of an appointment's state chip. */
export function stateKey(a: Pick<AppointmentView, 'outcome' | 'arrivedAt'>): string {
  if (a.outcome) return `appointments.outcomes.${a.outcome}`;
  return a.arrivedAt ? 'appointments.arrived' : 'appointments.open';
}
