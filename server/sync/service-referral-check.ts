import {
  mayTransition,
  pathProblem,
  type ServiceReferralStatus,
} from '../../shared/programmes/service-referral-status.ts';
import { Refusal } from './rows.ts';

// A service referral's steps follow its status machine (shared/programmes/service-referral-status.ts) on
// the server too (issue 17 item 4):
// - a new record's days tell the path to its status (a desktop records a referral as `referred`; one
//   that joins a server later sends each record once, as it stands, so a later status is allowed when
//   its days show how it got there);
// - a pushed status change is a step the machine allows from the status the server holds (a hand-made
//   `completed` on a referral the provider declined is refused), and the row as it would be tells the
//   path to its status (every day on the path, in order; none off it; a decline's reason);
// - two desktops offline may each record a step allowed where they stood (accepted on one, declined on
//   the other): the later one changed the status after the version its desktop saw, a concurrent change
//   of a decisive field, so it goes to a review (both values kept) instead of being refused here. Its
//   days, descriptive, land beside the status held; the person deciding the review sees both.

function pathRefusal(row: Record<string, unknown>): void {
  const field = pathProblem(row);
  if (field) throw new Refusal('invalidValue', { field, table: 'service_referrals' });
}

export function checkServiceReferralInsert(fields: Record<string, unknown>): void {
  pathRefusal({ status: 'referred', ...fields });
}

export function checkServiceReferralUpdate(
  data: Record<string, unknown>,
  fields: Record<string, unknown>,
  concurrent: boolean,
): void {
  if ('status' in fields && concurrent) return;
  if ('status' in fields && fields['status'] !== data['status']) {
    const from = data['status'] as ServiceReferralStatus;
    const to = fields['status'] as ServiceReferralStatus;
    if (!mayTransition(from, to)) throw new Refusal('serviceReferralTransition', { from, to });
  }
  pathRefusal({ ...data, ...fields });
}
