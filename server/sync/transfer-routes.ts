import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SqlDialect } from '../../db/migrations/types.ts';
import type { ServerDb } from '../../db/server/connection.ts';
import { lockSequencer } from '../../db/server/repositories/sync.ts';
import { refusalText } from '../../shared/sync/refusals.ts';
import {
  OUTGOING_RECENT_DAYS,
  TRANSFER_DIRECTORY_PATH,
  outgoingTransferSchema,
  type OutgoingTransfer,
  type TransferDirectory,
  type TransferWithdrawAnswer,
} from '../../shared/sync/transfer-directory.ts';
import { HttpError, parseOr400 } from '../http-errors.ts';
import { PushWork } from './push-work.ts';
import { isCaseBlind } from './roles.ts';
import type { SyncCaller } from './rows.ts';
import { withdrawTransfer } from './transfer-withdraw.ts';

// The sending center's side of a transfer (이관, issue 16 item 4). A request's row is scoped to the
// receiving center and owned by its requester (shared/sync/tables.ts), so the sending center's other
// supervisors never pull it. They read their center's requests here (the desktop keeps the last answer
// for offline use). A withdrawal is queued and pushed like any write (transfer-withdraw.ts); the route
// below, kept for desktops of an earlier version, applies the same rules at once, which writes the answer
// like a push would: under the sequencer lock, one sequenced write, the value history kept. The same
// answer also carries the server's list of centers, from which a request names its receiving center.

export interface TransferRouteDeps {
  db: ServerDb;
  dialect: SqlDialect;
  now: () => Date;
  authenticate: (req: FastifyRequest) => Promise<SyncCaller>;
}

const OUTGOING_LIMIT = 500;
const idParam = z.object({ id: z.string().min(1).max(64) });

function fromCenterLike(center: string): string {
  return `%${JSON.stringify('from_center')}:${JSON.stringify(center)}%`;
}

async function outgoingOf(d: TransferRouteDeps, center: string): Promise<OutgoingTransfer[]> {
  const since = new Date(d.now().getTime() - OUTGOING_RECENT_DAYS * 86_400_000).toISOString();
  const rows = await d.db
    .selectFrom('sync_rows')
    .select(['row_id', 'seq', 'data'])
    .where('table_name', '=', 'case_transfers')
    .where('deleted_at', 'is', null)
    .where('data', 'like', fromCenterLike(center))
    .execute();
  const out: OutgoingTransfer[] = [];
  for (const r of rows) {
    const data = JSON.parse(r.data) as Record<string, unknown>;
    if (data['from_center'] !== center) continue;
    const asked = typeof data['requested_at'] === 'string' ? data['requested_at'] : '';
    if (data['status'] !== 'requested' && asked < since) continue;
    const parsed = outgoingTransferSchema.safeParse({
      decided_by: null,
      decided_at: null,
      decision_reason: null,
      assigned_to: null,
      status: 'requested',
      ...data,
      id: r.row_id,
      seq: Number(r.seq),
    });
    if (parsed.success) out.push(parsed.data);
  }
  out.sort((a, b) => b.requested_at.localeCompare(a.requested_at));
  return out.slice(0, OUTGOING_LIMIT);
}

export function registerTransferRoutes(app: FastifyInstance, d: TransferRouteDeps): void {
  app.get(TRANSFER_DIRECTORY_PATH, async (req): Promise<TransferDirectory> => {
    const caller = await d.authenticate(req);
    const centers = await d.db.selectFrom('centers').select(['code', 'name']).orderBy('code').execute();
    // Names of the people asked about go to the sending center's supervisors only (a counselor holds
    // their own requests as rows); admins hold no case data.
    const outgoing =
      caller.role === 'supervisor' && !isCaseBlind(caller) ? await outgoingOf(d, caller.centerCode) : [];
    return { centers, outgoing, serverTime: d.now().toISOString() };
  });

  app.post('/v1/sync/transfers/:id/withdraw', async (req): Promise<TransferWithdrawAnswer> => {
    const caller = await d.authenticate(req);
    const { id } = parseOr400(idParam, req.params);
    const now = d.now().toISOString();
    return d.db.transaction().execute(async (trx) => {
      await lockSequencer(trx, d.dialect);
      const work = new PushWork(trx);
      const outcome = await withdrawTransfer(work, caller, id, now);
      // Another center's request is not this caller's to learn about: the same answer as a missing one.
      if (outcome.kind === 'unknown')
        throw new HttpError(404, 'not-found', 'No transfer request of your center has this id.');
      if (outcome.kind === 'answered')
        throw new HttpError(409, 'conflict', refusalText('transferDecided', { status: outcome.status }));
      await work.flush();
      return { status: 'cancelled', seq: outcome.seq };
    });
  });
}
