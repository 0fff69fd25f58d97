// The case timeline (issue 17 item 5): one chronological list of everything on a case. Each kind of record
// gives its events through one source file (electron/services/timeline/sources/); the renderer filters by
// `kind` and opens `link`. Text is never translated here: `title` is a message key with values, so the
// list reads in the counselor's language.

export const TIMELINE_KINDS = [
  'assessment',
  'note',
  'appointment',
  'programme',
  'obligation',
  'group-session',
  'service-referral',
  'job-referral',
  'placement',
  'document',
  'lifecycle',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEvent {
  /** Unique within the case's timeline: kind and record (and the event's own id where a record has many). */
  key: string;
  kind: TimelineKind;
  /** When it happened (ISO instant, or YYYY-MM-DD for a dated decision); the list sorts on it, newest first. */
  at: string;
  /** A message key (renderer i18n) and its values, e.g. { key: 'timeline.programme.stage', values: {...} }. */
  title: { key: string; values?: Record<string, string | number> };
  /** Who recorded it (a user's id), when known; the renderer shows the name. */
  actorId: string | null;
  /** What to open on the case: a tab and, where it has one, the record. */
  link: { tab: string; id?: string } | null;
  /**
   * A short line in the record's own words, shown as is under the title (a note's first line, a reason
   * given); optional: most events say everything in `title`.
   */
  detail?: string | null;
}

/** A record's own text cut to one short line for the list (the record itself holds the rest). */
export function firstLine(text: string | null | undefined, max = 80): string | null {
  if (!text) return null;
  const line = text.trim().split(/\r?\n/, 1)[0]?.trim() ?? '';
  if (line === '') return null;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
