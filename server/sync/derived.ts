import { addOpeningFill, findOpenItem, openingFillSources } from '../../db/server/repositories/lifecycle.ts';
import { CLOSED_STATES } from '../../shared/referrals/state-machine.ts';
import type { PushWork } from './push-work.ts';
import { openReview, type Meta, type SyncCaller } from './rows.ts';
import { moveAcceptedCase } from './transfer.ts';

// Derived state (sync.md § Conflicts, "derived"): a referral's state and an opening's filled positions
// are computed from events, never synced as counters. Each desktop checks its own writes, but two
// desktops offline can each record an outcome that is fine alone and impossible together. The server
// sees every event in commit order, so it checks here, after each write that can change the result,
// and opens one review item per impossibility (none while one is still open for the same thing).

const CLOSING = new Set<string>(CLOSED_STATES);

export const REFERRAL_OUTCOME_FIELD = 'outcome';
export const OPENING_POSITIONS_FIELD = 'positions';

export async function afterWrite(
  work: PushWork,
  caller: SyncCaller,
  table: string,
  rowId: string,
  data: Record<string, unknown>,
  change: 'insert' | string[],
  now: string,
): Promise<void> {
  if (table === 'referral_events' && change === 'insert') {
    const referralId = typeof data['referral_id'] === 'string' ? data['referral_id'] : null;
    const kind = typeof data['kind'] === 'string' ? data['kind'] : '';
    if (!referralId) return;
    if (kind === 'hired') {
      const referral = await work.getRow('referrals', referralId);
      const openingId = referral
        ? (JSON.parse(referral.data) as Record<string, unknown>)['opening_id']
        : null;
      if (typeof openingId === 'string') {
        await addOpeningFill(work.trx, `referrals:${referralId}`, openingId);
        await checkOpening(work, caller, openingId, now);
      }
    }
    if (kind === 'hired' || CLOSING.has(kind)) await checkReferral(work, referralId, now);
  } else if (table === 'placements' && change === 'insert') {
    const openingId = data['opening_id'];
    if (typeof openingId === 'string') {
      await addOpeningFill(work.trx, `placements:${rowId}`, openingId);
      await checkOpening(work, caller, openingId, now);
    }
  } else if (table === 'job_openings' && change !== 'insert' && change.includes('positions')) {
    await checkOpening(work, caller, rowId, now);
  } else if (table === 'case_transfers' && change !== 'insert' && change.includes('status')) {
    // Issue 16 item 4: an accepted transfer moves the case in this same sequenced write.
    if (data['status'] === 'accepted') await moveAcceptedCase(work, caller, data, now);
  }
}

interface EventData {
  kind: string;
  at: string;
  counselor_id: string;
}

/** Hired and also cancelled, declined, not hired or a no-show: two outcomes that cannot both be true. */
async function checkReferral(work: PushWork, referralId: string, now: string): Promise<void> {
  const referral = await work.getRow('referrals', referralId);
  if (!referral || referral.deleted_at) return;
  const events = (await work.children(`referrals:${referralId}`))
    .filter((e) => e.table_name === 'referral_events' && !e.deleted_at)
    .map((e) => JSON.parse(e.data) as EventData)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const hired = events.find((e) => e.kind === 'hired');
  const closed = events.find((e) => CLOSING.has(e.kind));
  if (!hired || !closed) return;
  if (await findOpenItem(work.trx, 'referrals', referralId, REFERRAL_OUTCOME_FIELD, 'derived')) return;
  const jobseekerId = (JSON.parse(referral.data) as Record<string, unknown>)['jobseeker_id'];
  await openReview(
    work,
    {
      kind: 'derived',
      table: 'referrals',
      rowId: referralId,
      about: referral,
      scope: referral,
      field: REFERRAL_OUTCOME_FIELD,
      kept: hired.kind,
      keptAuthor: hired.counselor_id ?? '',
      keptAt: hired.at ?? null,
      held: closed.kind,
      heldAuthor: closed.counselor_id ?? '',
      heldAt: closed.at ?? null,
      detail: { rule: 'hired-and-closed' },
      caseId: typeof jobseekerId === 'string' ? jobseekerId : null,
    },
    now,
  );
}

/** More hires (referrals with a hired event, placements) than the opening has positions. */
async function checkOpening(
  work: PushWork,
  caller: SyncCaller,
  openingId: string,
  now: string,
): Promise<void> {
  const opening = await work.getRow('job_openings', openingId);
  if (!opening || opening.deleted_at) return;
  const data = JSON.parse(opening.data) as Record<string, unknown>;
  const positions = Number(data['positions']);
  if (!Number.isFinite(positions)) return;
  let hires = 0;
  for (const source of await openingFillSources(work.trx, openingId)) {
    const colon = source.indexOf(':');
    const row = await work.getRow(source.slice(0, colon), source.slice(colon + 1));
    if (!row || row.deleted_at) continue;
    const archived = (JSON.parse(row.data) as Record<string, unknown>)['archived'];
    if (archived === 1 || archived === true) continue;
    hires++;
  }
  if (hires <= positions) return;
  if (await findOpenItem(work.trx, 'job_openings', openingId, OPENING_POSITIONS_FIELD, 'derived')) return;
  const meta = JSON.parse(opening.field_meta) as Meta;
  await openReview(
    work,
    {
      kind: 'derived',
      table: 'job_openings',
      rowId: openingId,
      about: opening,
      scope: opening,
      field: OPENING_POSITIONS_FIELD,
      kept: positions,
      keptAuthor: meta['positions']?.author ?? '',
      keptHlc: meta['positions']?.hlc ?? null,
      held: hires,
      heldAuthor: caller.userId,
      heldAt: now,
      detail: { rule: 'over-filled', positions, hires },
      caseId: null,
    },
    now,
  );
}
