import type { SyncStatus } from '../../../shared/contract/sync.ts';
import { getClockOffset } from '../../../db/repositories/clock-offset.ts';
import { countPendingChanges } from '../../../db/repositories/outbox.ts';
import type { CaseDb } from '../../../db/connection.ts';
import type { DesktopSync } from './desktop-sync-handle.ts';
import { countLocalReviewItems } from '../../../db/repositories/sync-lifecycle.ts';
import { refusedChanges } from './refused.ts';
import { verifyState } from './verify.ts';

export type { DesktopSync } from './desktop-sync-handle.ts';

export async function syncStatus(db: CaseDb, sync: DesktopSync | undefined): Promise<SyncStatus> {
  const pending = await countPendingChanges(db);
  const unsent = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['pending', 'refused'])
    .executeTakeFirstOrThrow();
  const base = {
    pending,
    // Refused changes nobody has acted on yet, with what they were about (refused.ts).
    refused: await refusedChanges(db),
    unsent: Number(unsent.n),
    // From the store, so the count is right offline and after a restart.
    openReviews: await countLocalReviewItems(db),
    // Reported once, kept until the copy matches again (sync/verify.ts).
    mismatchedScopes: (await verifyState(db)).mismatched,
    // How far this PC's clock is from the server's (db/repositories/clock-offset.ts).
    clockOffsetMs: await getClockOffset(db),
  };
  if (!sync) {
    return {
      configured: false,
      online: false,
      running: false,
      lastSuccess: null,
      lastError: null,
      lastErrorCode: null,
      nextAttempt: null,
      revoked: false,
      received: 0,
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
    lastErrorCode: s.lastErrorCode,
    nextAttempt: s.nextAttempt,
    revoked: s.lastErrorCode === 'device-revoked',
    received: s.received,
    ...base,
  };
}
