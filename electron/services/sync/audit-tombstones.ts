import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { PulledRow } from '../../../shared/sync/protocol.ts';

// An audit entry the server's retention purged arrives as a tombstone (server/audit-retention.ts
// states the rule). It is not deleted here: this desktop's own purge cuts it with anchors, so the
// chain still verifies (verifyAuditChain). It is marked in `audit_purged` with seq 0, which counts in
// no checksum (electron/services/sync/verify.ts) and keeps a pulled copy from being stored again.

/** Splits a pulled page: audit tombstones are marked here, the rest is returned. */
export async function markServerPurgedAudit(
  trx: Transaction<Database>,
  page: PulledRow[],
): Promise<PulledRow[]> {
  const gone = page.filter((r) => r.deleted && r.table === 'audit_entries');
  if (gone.length === 0) return page;
  for (let i = 0; i < gone.length; i += 400) {
    await trx
      .insertInto('audit_purged')
      .values(gone.slice(i, i + 400).map((r) => ({ id: r.id, seq: 0, center_code: null, actor_id: null })))
      .onConflict((oc) => oc.column('id').doUpdateSet({ seq: 0 }))
      .execute();
  }
  return page.filter((r) => !(r.deleted && r.table === 'audit_entries'));
}
