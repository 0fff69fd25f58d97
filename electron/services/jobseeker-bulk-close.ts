import type { SessionInfo } from '../../shared/contract/auth.ts';
import type { BulkResult, BulkSelection } from '../../shared/contract/worklist.ts';
import type { CloseReason } from '../../shared/casework/lifecycle.ts';
import { closeCases } from './case-lifecycle.ts';
import type { ServiceContext } from './context.ts';
import { selectedIds, supervisorOnly } from './jobseeker-bulk.ts';

// 일괄 종결 (issue 16 items 3 and 6): a supervisor closes a selection (picked, or all matching the list's
// filters) with one reason. Each case is closed exactly as on its own page (closeCases: the decisive
// status change, its status event, outbox entry and audit entry, all in one transaction); cases already
// closed, of another center or archived are counted as skipped, never touched.

export async function bulkClose(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { selection: BulkSelection; reason: CloseReason; noContactMonths: number | null; text: string },
): Promise<BulkResult> {
  supervisorOnly(actor);
  const ids = await selectedIds(ctx, actor, input.selection);
  const result = await closeCases(ctx, actor, ids, input.reason, input.text, input.noContactMonths);
  return { selected: ids.length, changed: result.closed.length, skipped: result.skipped.length };
}
