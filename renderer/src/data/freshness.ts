import { useSyncExternalStore } from 'react';

// The refresh model (issue 15 item 7). Screens read through hooks that call a channel once; a write
// elsewhere on the screen (a follow-up recorded in a dialog over the due list, a hire that changes the
// board, the opening and the jobseeker's status) left every other list showing what it had loaded.
// Writes cascade across areas in main, so the rule is simple and general: every successful write
// through `call()` moves the data generation on, and every query hook that depends on it loads again.
// The store is local and its reads take milliseconds; only the mounted hooks (one screen) reload.
//
// The audited case-file read (casework:get) does not follow the generation: a reload there would be a
// new read of personal data in the audit log, and its tabs already take the file their write returns.

/** Verbs of the channels that change data (`area:verb`); everything else is a read. */
const WRITE_VERB =
  /^(create|update\w*|save\w*|assess|log\w*|record\w*|set[A-Z]\w*|add\w*|revise\w*|import|issue\w*|requestReview|decideReview|callNext|call|finish|redirect|link|assign|archive\w*|make|restore|purge|resolve\w*|resend\w*|hand\w*|now|unlock|reset\w*|takeTicket|endVisit|placementFollowUp|apply|snooze|reassign|delete|bulkAssign|bulkClose|close\w*|reopen|requestTransfer|decideTransfer|cancelTransfer|sign|remove|chooseForReferral|book|reschedule|outcome|merge|appointmentArrive|enrol|precheck|decide|move|agreePlan|decidePeriod|transition|dismiss|undoDismiss)$/;

/** Sign-in, the session's own channels and a form's draft change no records any list shows. */
const NOT_DATA = new Set(['auth', 'app', 'drafts']);

/**
 * A sync review decision waits on this desk for the next sync and its card shows it ("이 값으로 반영");
 * reloading the lists at once dropped that pending state before the counselor could read it.
 */
const SHOWN_BY_ITS_OWN_SCREEN = new Set(['sync:decideReview']);

export function isWrite(channel: string): boolean {
  const [area = '', verb = ''] = channel.split(':');
  return !NOT_DATA.has(area) && !SHOWN_BY_ITS_OWN_SCREEN.has(channel) && WRITE_VERB.test(verb);
}

let generation = 0;
const listeners = new Set<() => void>();

/** Called by `call()` after a channel answered: a write makes every mounted query stale. */
export function noteAnswered(channel: string): void {
  if (!isWrite(channel)) return;
  generation += 1;
  for (const listener of listeners) listener();
}

/**
 * Called when rows arrived from elsewhere (a background sync pulled them): every mounted query is stale,
 * as after a write here. `received` is the sync's running count, so a repeated status changes nothing.
 */
let lastReceived = 0;
export function noteReceived(received: number): void {
  if (received <= lastReceived) {
    lastReceived = received; // the app (and its count) started again
    return;
  }
  lastReceived = received;
  generation += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A listener on the generation, outside React (the refresh model's unit test). */
export const subscribeForTest = subscribe;

/** The data generation: put it in a query effect's dependencies to load again after any write. */
export function useDataGeneration(): number {
  return useSyncExternalStore(subscribe, () => generation);
}
