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
