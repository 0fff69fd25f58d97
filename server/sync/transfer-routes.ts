import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SqlDialect } from '../../db/migrations/types.ts';
import type { ServerDb } from '../../db/server/connection.ts';
import { lockSequencer } from '../../db/server/repositories/sync.ts';
import { formatHlc } from '../../shared/sync/hlc.ts';
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
import { forceFields, type SyncCaller } from './rows.ts';

// The sending center's side of a transfer (이관, issue 16 item 4). A request's row is scoped to the
// receiving center and owned by its requester (shared/sync/tables.ts), so the sending center's other
// supervisors never pull it. They read their center's requests here (the desktop keeps the last answer
// for offline use), and withdraw a request still asked through the route below, which writes the answer
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
      const row = await work.getRow('case_transfers', id);
      const data = row && !row.deleted_at ? (JSON.parse(row.data) as Record<string, unknown>) : null;
      const mine =
        data !== null &&
        ((caller.role === 'supervisor' && data['from_center'] === caller.centerCode) ||
          data['requested_by'] === caller.userId);
      // Another center's request is not this caller's to learn about: the same answer as a missing one.
      if (!row || !data || !mine || isCaseBlind(caller))
        throw new HttpError(404, 'not-found', 'No transfer request of your center has this id.');
      if (data['status'] !== 'requested')
        throw new HttpError(
          409,
          'conflict',
          refusalText('transferDecided', { status: String(data['status']) }),
        );
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
      await work.flush();
      return { status: 'cancelled', seq: seq ?? Number(row.seq) };
    });
  });
}
