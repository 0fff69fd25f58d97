import type { SyncStatus } from '../../../shared/contract/sync.ts';
import { countPendingChanges } from '../../../db/repositories/outbox.ts';
import type { CaseDb } from '../../../db/connection.ts';
import type { SyncClient } from './client.ts';
import type { SyncScheduler } from './scheduler.ts';

/** The desktop's sync machinery as the rest of the services see it. */
export interface DesktopSync {
  client: SyncClient;
  scheduler: SyncScheduler;
}

export async function syncStatus(db: CaseDb, sync: DesktopSync | undefined): Promise<SyncStatus> {
  const refusedRows = await db
    .selectFrom('outbox')
    .select(['client_seq', 'table_name', 'row_id', 'error', 'created_at'])
    .where('status', '=', 'refused')
    .orderBy('client_seq', 'desc')
    .limit(100)
    .execute();
  const base = {
    pending: await countPendingChanges(db),
    refused: refusedRows.map((r) => ({
      clientSeq: Number(r.client_seq),
      table: r.table_name,
      rowId: r.row_id,
      reason: r.error ?? '',
      createdAt: r.created_at,
    })),
  };
  if (!sync) {
    return {
      configured: false,
      online: false,
      running: false,
      lastSuccess: null,
      lastError: null,
      nextAttempt: null,
      openReviews: 0,
      ...base,
    };
  }
  const s = sync.scheduler.status;
  return {
    configured: true,
    online: s.online,
    running: s.running,
    lastSuccess: s.lastSuccess,
    lastError: s.lastError,
    nextAttempt: s.nextAttempt,
    openReviews: sync.client.lastReviewCount,
    ...base,
  };
}
