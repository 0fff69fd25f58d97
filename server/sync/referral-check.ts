import {
  foldReferral,
  refusalFor,
  type ReferralEventData,
  type ReferralEventLike,
  type ReferralStatus,
} from '../../shared/referrals/state-machine.ts';
import type { PushWork } from './push-work.ts';
import { Refusal } from './rows.ts';

// A referral's events are checked by its state machine (shared/referrals, domain.md §6) on the server
// too (issue 13 §4): a hand-made "hired" on a referral nobody sent, or a second outcome after a closed
// one, is refused. Two desktops offline may each record an outcome that was allowed where they stood
// (hired on one, cancelled on the other): an event that follows from the state after some earlier
// point of the history is such a concurrent write and goes in; the derived check (derived.ts) then
// opens a review item for the impossible pair. An event that follows from no point is refused.

function eventOf(data: Record<string, unknown>): ReferralEventLike {
  let extra: ReferralEventData = {};
  if (typeof data['data'] === 'string') {
    try {
      extra = JSON.parse(data['data']) as ReferralEventData;
    } catch {
      extra = {};
    }
  }
  return { kind: String(data['kind']), at: String(data['at']), data: extra };
}

export async function checkReferralEvent(work: PushWork, fields: Record<string, unknown>): Promise<void> {
  const referralId = String(fields['referral_id']);
  const history = (await work.children(`referrals:${referralId}`))
    .filter((r) => r.table_name === 'referral_events' && !r.deleted_at)
    .map((r) => eventOf(JSON.parse(r.data) as Record<string, unknown>))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const event = eventOf(fields);
  const points: ReferralStatus[] =
    history.length === 0 ? [foldReferral([])] : history.map((_, i) => foldReferral(history.slice(0, i + 1)));
  if (points.some((status) => refusalFor(status, event) === null)) return;
  const state = points.at(-1)?.state ?? 'new';
  throw new Refusal('referralTransition', { kind: event.kind, state });
}
