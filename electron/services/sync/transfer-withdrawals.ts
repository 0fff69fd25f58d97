import type { CaseDb } from '../../../db/connection.ts';
import {
  TRANSFER_WITHDRAW_TABLE,
  transferWithdrawFieldsSchema,
} from '../../../shared/sync/transfer-directory.ts';

// Withdrawals of transfer requests this desktop queued for the server (case-transfers.ts): the outbox
// says where each stands. Pending: waiting for the next push ('queued'). Refused and not yet acted on:
// the request was answered first ('refused', with the server's reason). Sent ones are the server's: the
// next list of the sending center's requests shows them withdrawn.

export interface QueuedWithdrawal {
  state: 'queued' | 'refused';
  /** The server's reason for a refused one. */
  reason: string | null;
}

export async function withdrawalsQueued(db: CaseDb): Promise<Map<string, QueuedWithdrawal>> {
  const rows = await db
    .selectFrom('outbox as o')
    .leftJoin('sync_refused_actions as a', 'a.client_seq', 'o.client_seq')
    .select(['o.fields', 'o.status', 'o.error'])
    .where('o.table_name', '=', TRANSFER_WITHDRAW_TABLE)
    .where((eb) =>
      eb.or([
        eb('o.status', '=', 'pending'),
        eb.and([eb('o.status', '=', 'refused'), eb('a.client_seq', 'is', null)]),
      ]),
    )
    .orderBy('o.client_seq')
    .execute();
  const out = new Map<string, QueuedWithdrawal>();
  for (const r of rows) {
    let id: string;
    try {
      id = transferWithdrawFieldsSchema.parse(JSON.parse(r.fields)).transfer_id;
    } catch {
      continue;
    }
    // The latest entry for a request says where it stands (a later queued one after a refusal).
    out.set(
      id,
      r.status === 'pending' ? { state: 'queued', reason: null } : { state: 'refused', reason: r.error },
    );
  }
  return out;
}
