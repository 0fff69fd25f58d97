import type { Mutation, MutationResult } from '../../shared/sync/protocol.ts';
import { formatHlc } from '../../shared/sync/hlc.ts';
import { transferWithdrawFieldsSchema } from '../../shared/sync/transfer-directory.ts';
import type { PushWork } from './push-work.ts';
import { isCaseBlind } from './roles.ts';
import { Refusal, forceFields, type SyncCaller } from './rows.ts';

// Withdrawing a transfer request (이관 철회, issue 16 item 4) by someone who may not hold its row: a
// supervisor of the sending center (the row is scoped to the receiving center and owned by its
// requester). One rule for both ways it arrives: the online route (transfer-routes.ts) and a queued
// withdrawal pushed later (the TRANSFER_WITHDRAW_TABLE pseudo-table, apply.ts). Only the requester or a
// supervisor of the sending center, only while the request is still asked: one answered in the meantime
// (accepted, declined, withdrawn) wins, and the withdrawal changes nothing. Runs under the sequencer lock.

export type WithdrawOutcome =
  | { kind: 'withdrawn'; seq: number }
  /** Not a request of the caller's center (or theirs): said like a missing one, so nothing is learnt. */
  | { kind: 'unknown' }
  | { kind: 'answered'; status: string };

export async function withdrawTransfer(
  work: PushWork,
  caller: SyncCaller,
  id: string,
  now: string,
): Promise<WithdrawOutcome> {
  const row = await work.getRow('case_transfers', id);
  const data = row && !row.deleted_at ? (JSON.parse(row.data) as Record<string, unknown>) : null;
  const mine =
    data !== null &&
    ((caller.role === 'supervisor' && data['from_center'] === caller.centerCode) ||
      data['requested_by'] === caller.userId);
  if (!row || !data || !mine || isCaseBlind(caller)) return { kind: 'unknown' };
  if (data['status'] !== 'requested') return { kind: 'answered', status: String(data['status']) };
  const hlc = formatHlc({ wall: Date.parse(now), counter: 0, node: 'server' });
  const seq = await forceFields(
    work,
    caller,
    'case_transfers',
    row,
    { status: 'cancelled', decided_by: caller.userId, decided_at: now },
    hlc,
    now,
  );
  return { kind: 'withdrawn', seq: seq ?? Number(row.seq) };
}

/** A queued withdrawal, pushed: applied like the route, or refused with the reason the desk shows. */
export async function applyTransferWithdrawal(
  work: PushWork,
  caller: SyncCaller,
  m: Mutation,
  now: string,
): Promise<MutationResult> {
  const parsed = transferWithdrawFieldsSchema.safeParse(m.fields);
  if (m.op !== 'insert' || !parsed.success)
    throw new Refusal('malformedChange', { path: 'transfer_id', problem: 'names one transfer request' });
  const outcome = await withdrawTransfer(work, caller, parsed.data.transfer_id, now);
  if (outcome.kind === 'unknown') throw new Refusal('transferWithdrawUnknown');
  if (outcome.kind === 'answered') throw new Refusal('transferWithdrawAnswered', { status: outcome.status });
  // No seq: the one written is the request's row, which the caller's desktop may not hold.
  return { clientSeq: m.clientSeq, status: 'applied' };
}
