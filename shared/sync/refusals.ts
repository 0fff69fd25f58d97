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
  | 'consent'
  | 'transferAnswered';

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
  supervisorOnly: {
    text: 'A refused change handed to a supervisor is decided by a supervisor.',
    advice: 'notConcerned',
  },
  ownHeldChange: {
    text: 'The author of the held change cannot apply it alone; a supervisor or another person it concerns decides.',
    advice: 'notConcerned',
  },
  auditDevice: { text: 'An audit entry names another device than the one sending it.', advice: null },
  auditActor: { text: 'An audit entry names another account than the one sending it.', advice: null },
  auditCenter: { text: 'An audit entry names another center than the account’s.', advice: null },
  auditHash: { text: 'An audit entry’s hash does not match its content.', advice: null },
  auditLink: {
    text: 'An audit entry does not link to this device’s last accepted entry.',
    advice: null,
  },
  auditMalformed: { text: 'Malformed audit entry: "{field}" {problem}.', advice: 'outdated' },
  auditChanged: {
    text: 'An audit entry with this id was already received with other content.',
    advice: null,
  },
  // Issue 13: every pushed change is checked against its table's declaration (shared/sync/tables/).
  undeclaredField: { text: 'Records of kind {table} have no field "{field}".', advice: 'outdated' },
  invalidValue: { text: 'The value of "{field}" is not valid for a {table} record.', advice: 'outdated' },
  missingFields: { text: 'A new {table} record needs the fields {fields}.', advice: 'outdated' },
  notUpdatable: {
    text: 'The field "{field}" cannot be changed once the record is made.',
    advice: 'appendOnly',
  },
  roleMayNotChange: { text: 'Your role may not change the field "{field}".', advice: 'otherScope' },
  roleMayNotAdd: { text: 'Your role may not add {table} records.', advice: 'otherScope' },
  notCaller: {
    text: 'The field "{field}" must name the person, device and center signed in here; the server records them.',
    advice: 'outdated',
  },
  centerTransfer: {
    text: 'A case moves to another center only by a transfer the receiving center accepts, not by an edit.',
    advice: 'otherScope',
  },
  otherCenter: { text: 'Records are added to your own center only.', advice: 'otherScope' },
  regionNotServed: {
    text: 'Employers and openings are kept in your center’s region only.',
    advice: 'otherScope',
  },
  assignOnlySupervisor: {
    text: 'Only a supervisor assigns a case; a counselor may take a free case for themselves.',
    advice: 'otherScope',
  },
  assigneeUnknown: {
    text: 'A case is assigned only to an active counselor or supervisor of its center.',
    advice: 'outdated',
  },
  archiveNotYours: {
    text: 'Only a supervisor or the counselor the case is assigned to may archive it or bring it back.',
    advice: 'otherScope',
  },
  taskNotYours: {
    text: 'Only the person a to-do is for, its author or a supervisor may change it; only they or a supervisor may hand it on.',
    advice: 'otherScope',
  },
  centerSettingsRole: {
    text: 'Only an admin or a supervisor of the center may change its settings.',
    advice: 'otherScope',
  },
  referenceMissing: {
    text: 'The {table} record named in "{field}" is not on the server or not yours.',
    advice: 'parentMissing',
  },
  unknownRuleSet: { text: 'The rule set {ruleSet} is not known to this server.', advice: 'outdated' },
  classificationMismatch: {
    text: 'The stored classification does not follow from the checklist under rule set {ruleSet}.',
    advice: 'outdated',
  },
  overrideIncomplete: {
    text: 'A result that differs from the rule set’s is an override, with its reason code and a written reason.',
    advice: 'outdated',
  },
  referralTransition: {
    text: 'The referral event "{kind}" does not follow from the referral’s state ({state}).',
    advice: 'outdated',
  },
  serviceReferralTransition: {
    text: 'The service referral cannot go from {from} to {to}.',
    advice: 'outdated',
  },
  baseSeqAhead: {
    text: 'The change is based on version {baseSeq} of the record, which the server never issued (it has {seq}).',
    advice: 'outdated',
  },
  badRowId: { text: 'The record id is not valid for a {table} record.', advice: 'outdated' },
  badClock: { text: 'The change’s clock value (HLC) is not valid.', advice: 'outdated' },
  tooLarge: { text: 'The change is too large ({size}; at most {max}).', advice: 'outdated' },
  nulCharacter: {
    text: 'The change contains a NUL character, which no record may hold.',
    advice: 'outdated',
  },
  payloadMismatch: {
    text: 'Change {clientSeq} of this device was already received with other content; nothing was changed.',
    advice: 'outdated',
  },
  // Group programmes (issue 17 item 3, server/sync/group-check.ts).
  groupFacilitator: {
    text: 'A group programme is run by an active counselor or supervisor of its center.',
    advice: 'outdated',
  },
  groupSessionOtherRun: {
    text: 'An attendance mark names a session of the participant’s own group programme.',
    advice: 'outdated',
  },
  // Consent (domain.md §10, server/sync/consent.ts): what the jobseeker's consent in force does not allow.
  consentMissing: {
    text: 'The jobseeker has not given the {group} consent this needs ({what}).',
    advice: 'consent',
  },
  consentWithdrawn: {
    text: 'The jobseeker withdrew the required consent: the case is closed to {what}.',
    advice: 'consent',
  },
  // Case lifecycle and transfers between centers (issue 16 items 3–4, server/sync/transfer.ts).
  statusEventMismatch: {
    text: 'A status event must match the case’s status change ({problem}).',
    advice: 'outdated',
  },
  transferCase: {
    text: 'A transfer names a case of your center, with its own name and birth year.',
    advice: 'otherScope',
  },
  transferCenter: {
    text: 'A case is transferred to another existing center ({center}).',
    advice: 'outdated',
  },
  transferOpen: { text: 'This case already has a transfer request waiting for an answer.', advice: null },
  transferDecider: {
    text: 'Only a supervisor of the receiving center accepts or declines a transfer; its requester may withdraw it.',
    advice: 'otherScope',
  },
  transferDecided: {
    text: 'This transfer was already answered ({status}); nothing was changed.',
    advice: 'alreadyResolved',
  },
  transferWithdrawUnknown: {
    text: 'No transfer request of your center has this id: only its requester or a supervisor of the sending center withdraws it.',
    advice: 'otherScope',
  },
  transferWithdrawAnswered: {
    text: 'The transfer request was answered ({status}) before this withdrawal reached the server; the withdrawal was not applied.',
    advice: 'transferAnswered',
  },
  transferMoved: {
    text: 'The case is no longer in the center the transfer was asked from.',
    advice: 'outdated',
  },
  // Case merges (issue 16 item 5, server/sync/merge.ts).
  mergeOnce: { text: 'A merge is sent once, as a new record.', advice: 'outdated' },
  malformedMerge: {
    text: 'Malformed merge: it names two cases, the values kept and what each side saw.',
    advice: 'outdated',
  },
  mergeSupervisorOnly: { text: 'Only a supervisor merges two cases.', advice: 'otherScope' },
  mergeNotFound: {
    text: 'A case of this merge is not on the server, or belongs to another center.',
    advice: 'otherScope',
  },
  mergeSameCase: { text: 'A case cannot be merged with itself.', advice: 'outdated' },
  mergeAlreadyMerged: {
    text: 'The case was already merged into another case; nothing was changed.',
    advice: 'alreadyResolved',
  },
  mergeSameOpening: {
    text: 'Both cases were referred to the same opening; close one of those referrals first.',
    advice: null,
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
