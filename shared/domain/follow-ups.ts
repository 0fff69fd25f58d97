// Follow-up checks after a placement (사후관리, domain.md §6): 1, 3 and 6 calendar months after the
// `hired` event. Shared by the caseload (issue 3), the referral due list (issue 4) and reports (issue 7).

export const FOLLOW_UP_MONTHS = [1, 3, 6] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];

/** The day (UTC, YYYY-MM-DD) a follow-up falls due; the end of a shorter month clamps (Jan 31 + 1 → Feb 28/29). */
export function followUpDueDate(hiredAt: string, months: FollowUpMonths): string {
  const hired = new Date(hiredAt);
  const year = hired.getUTCFullYear();
  const month = hired.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const due = new Date(Date.UTC(year, month, Math.min(hired.getUTCDate(), lastDay)));
  return due.toISOString().slice(0, 10);
}

/**
 * A follow-up event's data as the inbox reads it: its month (1, 3 or 6) and whether the person still
 * works there (unless it says `employed: false`), or null for data it cannot read, which counts for
 * nothing. Desktop migration 0026 (follow_up_series) writes the same reading out in SQL.
 */
export function parseFollowUp(data: string): { months: FollowUpMonths; employed: boolean } | null {
  try {
    const d = JSON.parse(data) as { months?: unknown; employed?: unknown };
    const months = FOLLOW_UP_MONTHS.find((m) => m === d.months);
    return months ? { months, employed: d.employed !== false } : null;
  } catch {
    return null;
  }
}

/**
 * The day a hire's follow-ups count from: the `hired` event's first day of work (`hiredOn`, issue 15), or
 * the time it was recorded when it names none (as shared/referrals/state-machine.ts reads it).
 */
export function hireDayOf(event: { at: string; data: string }): string {
  try {
    const d = JSON.parse(event.data) as { hiredOn?: unknown };
    return typeof d?.hiredOn === 'string' && d.hiredOn !== '' ? d.hiredOn : event.at;
  } catch {
    return event.at;
  }
}
