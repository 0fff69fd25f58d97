// Group programmes (집단상담·프로그램, issue 17 item 3): the words of the domain that the desk, the sync
// declarations, the store and the tests share. A run (회차/과정) of a catalogue programme at a center has
// sessions; jobseekers take part as participants; each session's attendance is an append-only mark whose
// latest record wins (a correction is a new record, never an edit).

export const PARTICIPANT_STATUSES = [
  'enrolled',
  'waiting',
  'withdrawn',
  'completed',
  'not_completed',
] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** Statuses that hold a seat of the run's capacity. */
export const SEATED: ReadonlySet<ParticipantStatus> = new Set(['enrolled', 'completed', 'not_completed']);

export const ATTENDANCE_MARKS = ['attended', 'absent', 'excused'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

/** Bounds shared by the forms and the sync declarations. */
export const GROUP_TITLE_MAX = 100;
export const GROUP_PLACE_MAX = 200;
export const GROUP_CAPACITY_MIN = 1;
export const GROUP_CAPACITY_MAX = 200;
export const GROUP_SESSIONS_MAX = 40;
export const GROUP_SESSION_MINUTES_MIN = 10;
export const GROUP_SESSION_MINUTES_MAX = 600;
export const GROUP_NOTE_MAX = 500;

/** Whether a participant of this status may still be marked and completed. */
export function isActiveParticipant(status: ParticipantStatus): boolean {
  return status === 'enrolled';
}

export interface AttendanceRecord {
  id: string;
  sessionId: string;
  mark: AttendanceMark;
  recordedAt: string;
}

/**
 * The mark in force per session: the latest record (by its time, then its UUIDv7 id, which grows with
 * time) wins. Two desktops marking the same session both keep their record; the later one counts.
 */
export function latestMarks(records: readonly AttendanceRecord[]): Map<string, AttendanceMark> {
  const best = new Map<string, AttendanceRecord>();
  for (const r of records) {
    const cur = best.get(r.sessionId);
    if (!cur || r.recordedAt > cur.recordedAt || (r.recordedAt === cur.recordedAt && r.id > cur.id))
      best.set(r.sessionId, r);
  }
  return new Map([...best].map(([k, v]) => [k, v.mark]));
}

/** Seats taken and whether `adding` more people fit; over-capacity is never silent. */
export function seatsLeft(capacity: number, seated: number): number {
  return Math.max(0, capacity - seated);
}

/** A session's mark records (any participant), as attendedCount reads them. */
export interface SessionMarkRecord {
  id: string;
  participant_id: string;
  mark: AttendanceMark;
  recorded_at: string;
}

/** How many people a session's marks in force count as attended (each participant's latest record). */
export function attendedCount(records: readonly SessionMarkRecord[], except?: string): number {
  const best = new Map<string, SessionMarkRecord>();
  for (const r of records) {
    const cur = best.get(r.participant_id);
    if (!cur || r.recorded_at > cur.recorded_at || (r.recorded_at === cur.recorded_at && r.id > cur.id))
      best.set(r.participant_id, r);
  }
  let n = 0;
  for (const [participant, r] of best) if (r.mark === 'attended' && participant !== except) n += 1;
  return n;
}

/** A session's own capacity when it has one, else its run's. */
export function sessionCapacity(session: { capacity: number | null }, runCapacity: number): number {
  return session.capacity ?? runCapacity;
}
