import {
  mayTransition,
  type ServiceReferralStatus,
} from '../../shared/programmes/service-referral-status.ts';
import { Refusal } from './rows.ts';

// A service referral's steps follow its status machine (shared/programmes/service-referral-status.ts) on
// the server too (issue 17 item 4): a referral starts as `referred`, and a pushed status change must be a
// step the machine allows from the status the server holds (a hand-made `completed` on a referral the
// provider declined is refused). Two desktops offline may each record a step allowed where they stood
// (started on one, declined on the other): the later one changed the status after the version its
// desktop saw, so it is a concurrent change of a decisive field and goes to a review, not refused here.

export function checkServiceReferralInsert(fields: Record<string, unknown>): void {
  const status = fields['status'] ?? 'referred';
  if (status !== 'referred')
    throw new Refusal('serviceReferralTransition', { from: '-', to: String(status) });
}

export function checkServiceReferralUpdate(
  data: Record<string, unknown>,
  fields: Record<string, unknown>,
  concurrent: boolean,
): void {
  if (!('status' in fields) || fields['status'] === data['status'] || concurrent) return;
  const from = data['status'] as ServiceReferralStatus;
  const to = fields['status'] as ServiceReferralStatus;
  if (!mayTransition(from, to)) throw new Refusal('serviceReferralTransition', { from, to });
}
