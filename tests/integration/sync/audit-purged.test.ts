import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { entryHash, GENESIS_HASH, verifyAuditChain } from '../../../db/repositories/audit.ts';
import { purgeExpiredAudit } from '../../../db/repositories/audit-retention.ts';
import { applyPulledPage } from '../../../electron/services/sync/apply-pulled.ts';
import { localChecksums } from '../../../electron/services/sync/verify.ts';
import type { PulledRow } from '../../../shared/sync/protocol.ts';
import { makeTestStore, type TestStore } from '../../support/temp-store.ts';

// Issue #14 item 2: the audit trail is in the per-scope checksums, and each desktop's retention purge
// removes old entries that the server keeps. The purge leaves the synced entries' keys in
// `audit_purged`, so this desktop's checksums are the same before and after a purge (no false mismatch,
// no re-download loop), and a re-download does not bring the purged entries back.

const YEAR_MS = 365 * 86_400_000;
const stores: TestStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.cleanup();
});

/** Another device's chain as the server would send it: `ages` in years, oldest first. */
function remoteChain(ages: number[], device: string, actor: string): PulledRow[] {
  let prev = GENESIS_HASH;
  return ages.map((years, i) => {
    const fields = {
      id: uuidv7(),
      at: new Date(Date.now() - years * YEAR_MS).toISOString(),
      actor_id: actor,
      actor_login: 'kim',
      device_id: device,
      action: 'jobseeker.read',
      subject_type: 'jobseeker',
      subject_id: null,
      person_id: null,
      detail: null,
      center_code: 'T01',
    };
    const hash = entryHash(prev, fields);
    const row = {
      table: 'audit_entries',
      id: fields.id,
      seq: 100 + i,
      data: { ...fields, prev_hash: prev, hash },
    };
    prev = hash;
    return row;
  });
}

describe('audit entries removed by the retention purge still count in the checksums', () => {
  it('keeps the checksums across a purge and does not store a purged entry again', async () => {
    const t = await makeTestStore();
    stores.push(t);
    const db = t.store.db;
    const chain = remoteChain([4, 3.5, 3, 0.1], 'other-device', 'actor-1');
    await db.transaction().execute((trx) => applyPulledPage(trx, chain));
    const scopes = ['center:T01', 'owner:actor-1'];
    const before = await localChecksums(db, scopes, 'supervisor');
    expect(before.get('center:T01')?.['audit_entries']?.count).toBe(4);
    expect(before.get('owner:actor-1')?.['audit_entries']?.count).toBe(4);

    const now = Date.now();
    const purged = await purgeExpiredAudit(
      db,
      {
        before: new Date(now - 2 * YEAR_MS).toISOString(),
        accessBefore: new Date(now - 3 * YEAR_MS).toISOString(),
      },
      new Date(now).toISOString(),
    );
    expect(purged.purged).toBe(3);
    const held = await db.selectFrom('audit_entries').select('id').execute();
    expect(held.map((r) => r.id)).toEqual([chain[3]?.id]);
    expect(await localChecksums(db, scopes, 'supervisor')).toEqual(before);
    expect(await verifyAuditChain(db, 'this-device')).toMatchObject({ ok: true, purgedGaps: 1, awaiting: 0 });

    // A re-download of the scope brings the whole chain again: the purged entries stay gone.
    await db.transaction().execute((trx) => applyPulledPage(trx, chain));
    expect((await db.selectFrom('audit_entries').select('id').execute()).length).toBe(1);
    expect(await localChecksums(db, scopes, 'supervisor')).toEqual(before);
    // A counselor's desktop does not count the center's entries in its center scope.
    expect(
      (await localChecksums(db, scopes, 'counselor')).get('center:T01')?.['audit_entries'],
    ).toBeUndefined();
  });
});
