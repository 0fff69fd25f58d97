// Why the server refuses a change (sync.md: "rejected with a reason that the counselor sees"), in one
// catalog both sides read. The server words every refusal from it (server/sync/rows.ts `Refusal`), the
// reason travels and is kept as that sentence (the push log, the desktop's outbox), and the desk
// recognises the sentence by the same template to show the counselor's words and what to do
// (renderer/src/sync/format.ts). A sentence that changes here changes on both sides at once, and one
// this desk does not know (from a newer server) is still shown as it came.

/** What the desk tells the counselor (keys under `refusedChanges.reasons`), or null: the sentence as is. */
export type RefusalAdvice =
  | 'otherScope'
  | 'appendOnly'
  | 'missing'
  | 'alreadyResolved'
  | 'deleted'
  | 'notConcerned'
  | 'parentMissing'
  | 'outdated'
  | 'consent';

interface RefusalEntry {
  /** The sentence, with `{name}` where a value goes. */
  text: string;
  advice: RefusalAdvice | null;
}

export const REFUSALS = {
  noCenter: { text: 'The record has no center.', advice: 'outdated' },
  noRegion: { text: 'The record has no region.', advice: 'outdated' },
  noParentField: { text: 'The record does not name its {field}.', advice: 'outdated' },
  parentMissing: { text: 'The {table} record it belongs to is not on the server.', advice: 'parentMissing' },
  notSynced: { text: 'Records of kind {table} are not synced by this server.', advice: 'outdated' },
  serverFields: { text: 'The fields {fields} are set by the server only.', advice: 'outdated' },
  malformedChange: { text: 'Malformed change: "{path}" {problem}.', advice: 'outdated' },
  otherScope: { text: 'This record belongs to another center or caseload.', advice: 'otherScope' },
  missing: {
    text: 'The record to change is not on the server (it may have been deleted).',
    advice: 'missing',
  },
  recordMissing: { text: 'The record is not on the server.', advice: 'missing' },
  appendOnly: { text: 'This record cannot be changed; add a new one instead.', advice: 'appendOnly' },
  deleted: {
    text: 'The record was deleted on the server; it comes back only with an explicit restore.',
    advice: 'deleted',
  },
  caseDeleted: {
    text: 'The case it belongs to was deleted; it comes back only with an explicit restore.',
    advice: 'deleted',
  },
  resolutionOnce: { text: 'A resolution is sent once, as a new record.', advice: 'outdated' },
  malformedResolution: {
    text: 'Malformed resolution: it names a review item and a choice.',
    advice: 'outdated',
  },
  reviewNotFound: {
    text: 'This review item is not on the server, or belongs to another center or caseload.',
    advice: 'otherScope',
  },
  alreadyResolved: {
    text: 'This review item was already resolved by {who} at {at}; nothing was changed.',
    advice: 'alreadyResolved',
  },
  notConcerned: {
    text: 'Only a supervisor or the counselors this item concerns may resolve it.',
    advice: 'notConcerned',
  },
  wrongChoice: { text: 'A {kind} item cannot be resolved with "{choice}".', advice: 'outdated' },
  notSyncedItem: { text: 'Records of kind {table} are not synced.', advice: 'outdated' },
  heldRecordUnreadable: { text: 'The held record cannot be read.', advice: null },
  heldChangeUnreadable: { text: 'The held change cannot be read.', advice: null },
  handoverOnce: { text: 'A hand-over is sent once, as a new record.', advice: 'outdated' },
  adminNoCases: { text: 'Admins do not handle case data.', advice: null },
  malformedHandover: { text: 'Malformed hand-over of a refused change.', advice: 'outdated' },
  handoverUnreadable: { text: 'The handed-over change cannot be read.', advice: null },
  // Consent (domain.md §10, server/sync/consent.ts): what the jobseeker's consent in force does not allow.
  consentMissing: {
    text: 'The jobseeker has not given the {group} consent this needs ({what}).',
    advice: 'consent',
  },
  consentWithdrawn: {
    text: 'The jobseeker withdrew the required consent: the case is closed to {what}.',
    advice: 'consent',
  },
} as const satisfies Record<string, RefusalEntry>;

export type RefusalCode = keyof typeof REFUSALS;

/** The sentence for a refusal, its `{name}`s filled from `values`. */
export function refusalText(code: RefusalCode, values: Record<string, string> = {}): string {
  return REFUSALS[code].text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

function templatePattern(text: string): RegExp {
  const parts = text.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 's');
}

const PATTERNS = (Object.keys(REFUSALS) as RefusalCode[]).map(
  (code) => [code, templatePattern(REFUSALS[code].text)] as const,
);

/** The catalog entry a refusal sentence was made from, or null for one this version does not know. */
export function refusalCodeOf(reason: string): RefusalCode | null {
  return PATTERNS.find(([, pattern]) => pattern.test(reason))?.[0] ?? null;
}

/** What to tell the counselor about a refusal sentence (null: show it as it came). */
export function refusalAdvice(reason: string): RefusalAdvice | null {
  const code = refusalCodeOf(reason);
  return code ? REFUSALS[code].advice : null;
}
