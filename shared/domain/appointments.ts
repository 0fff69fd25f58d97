// Appointments (상담 예약, issue 16 item 1): the words of the domain and the pure rules the desk, the
// sync declarations and the tests share — overlaps (warned, never refused), what a reschedule records,
// and which outcomes count as a no-show to follow up.

export const APPOINTMENT_KINDS = ['in_person', 'phone', 'video'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

export const APPOINTMENT_OUTCOMES = [
  'attended',
  'no_show',
  'cancelled_by_jobseeker',
  'cancelled_by_center',
  'rescheduled',
] as const;
export type AppointmentOutcome = (typeof APPOINTMENT_OUTCOMES)[number];

export const APPOINTMENT_EVENT_KINDS = ['booked', 'rescheduled', 'outcome', 'changed'] as const;
export type AppointmentEventKind = (typeof APPOINTMENT_EVENT_KINDS)[number];

/** Bounds of a meeting's length in minutes (a 5-minute call up to a half-day workshop). */
export const DURATION_MIN = 5;
export const DURATION_MAX = 480;

/** Outcomes after which the slot is free again: they never overlap anything. */
const FREEING: ReadonlySet<AppointmentOutcome> = new Set([
  'cancelled_by_jobseeker',
  'cancelled_by_center',
  'rescheduled',
]);

export interface Slot {
  id: string;
  startsAt: string;
  durationMin: number;
  outcome: AppointmentOutcome | null;
}

export function endsAt(s: Pick<Slot, 'startsAt' | 'durationMin'>): string {
  return new Date(Date.parse(s.startsAt) + s.durationMin * 60_000).toISOString();
}

/** Whether the slot still takes the counselor's time (not cancelled or moved away). */
export function holdsTime(s: Pick<Slot, 'outcome'>): boolean {
  return s.outcome === null || !FREEING.has(s.outcome);
}

/**
 * The counselor's other appointments that share time with `candidate` (half-open intervals: one ending
 * at 10:00 and one starting at 10:00 do not overlap). The candidate itself (same id) is left out, so a
 * reschedule does not warn about its own old time.
 */
export function overlapping<T extends Slot>(
  candidate: Pick<Slot, 'startsAt' | 'durationMin'> & { id?: string },
  others: readonly T[],
): T[] {
  const start = Date.parse(candidate.startsAt);
  const end = start + candidate.durationMin * 60_000;
  return others.filter((o) => {
    if (o.id === candidate.id || !holdsTime(o)) return false;
    const oStart = Date.parse(o.startsAt);
    const oEnd = oStart + o.durationMin * 60_000;
    return oStart < end && start < oEnd;
  });
}

export interface RescheduleChange {
  /** Fields of the appointment row to change (only those that differ). */
  fields: { starts_at?: string; duration_min?: number };
  /** The history event, or null when nothing moved. */
  event: { from: string; to: string } | null;
}

/**
 * What moving an appointment changes. Only an open appointment moves: one with an outcome is history
 * (the caller refuses it). Times are compared as instants, so "…T01:00:00.000Z" and "…T01:00:00Z" are
 * the same start.
 */
export function reschedule(
  current: Pick<Slot, 'startsAt' | 'durationMin'>,
  to: { startsAt: string; durationMin?: number },
): RescheduleChange {
  const fields: RescheduleChange['fields'] = {};
  const newStart = new Date(Date.parse(to.startsAt)).toISOString();
  const moved = Date.parse(current.startsAt) !== Date.parse(newStart);
  if (moved) fields.starts_at = newStart;
  if (to.durationMin !== undefined && to.durationMin !== current.durationMin)
    fields.duration_min = to.durationMin;
  const changed = moved || fields.duration_min !== undefined;
  return { fields, event: changed ? { from: current.startsAt, to: newStart } : null };
}

/** Whether an outcome may be recorded: once only (a second, different one is a correction by review). */
export function mayRecordOutcome(current: AppointmentOutcome | null): boolean {
  return current === null;
}

/** The last four digits of a phone number as the kiosk asks for them. */
export function lastFour(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/** A person's name as the kiosk compares it: no spaces, case folded (Latin names typed either way). */
export function comparableName(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}
