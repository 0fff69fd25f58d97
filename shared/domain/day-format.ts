// How dates and times read for people, on every screen, PDF and export (issue 15: screens showed
// "2026. 12. 4.", "12/06/2025", "Dec 4, 2026" and PDFs "2026-11-02 09:00 (UTC)"). One format in both
// languages: the day as YYYY-MM-DD (what date fields take and exports hold), the time as 24-hour HH:mm,
// in this PC's local time, never with a time-zone label.

type When = string | Date | null | undefined;

const PLAIN_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

function instant(value: When): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A calendar day, YYYY-MM-DD: a plain day as it is (it names a day, not an instant); an instant as its local day. */
export function formatDay(value: When, empty = '-'): string {
  if (typeof value === 'string' && PLAIN_DAY.test(value)) return value;
  const d = instant(value);
  return d ? `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` : empty;
}

/** The local time of an instant, HH:mm (24-hour). */
export function formatTime(value: When, empty = '-'): string {
  const d = instant(value);
  return d ? `${pad(d.getHours())}:${pad(d.getMinutes())}` : empty;
}

/** An instant as local day and time, YYYY-MM-DD HH:mm. */
export function formatDateTime(value: When, empty = '-'): string {
  const d = instant(value);
  return d ? `${formatDay(d)} ${formatTime(d)}` : empty;
}
