import { uuidv7 } from 'uuidv7';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../../db/repositories/audit.ts';
import { purgeExpiredAudit } from '../../../db/repositories/audit-retention.ts';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import { withoutForeignKeys } from '../../../electron/services/sync/lifecycle.ts';
import { ACCOUNT_AUDIT_YEARS, purgeServerAudit, verifyServerAudit } from '../../../server/audit-retention.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { retentionHorizon } from '../../../shared/domain/audit.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from '../../support/sync-desktop.ts';

// Issue #13 item 3 / #14 item 2: the server's audit retention and the desktops' checksums agree. Over
// real HTTP on both dialects, one desktop purges before the server and another after it: at every
// step the per-scope checksums match (nothing differs, nothing is downloaded again, nothing reported),
// each desktop's chain still verifies, the server's copy still verifies, and no purged entry comes
// back, not even through a re-download. The server's account trail is kept three years.

describe.each(SERVER_DIALECTS)('audit retention and checksums agree (%s)', (dialect) => {
  let server: SyncServer;
  beforeAll(async () => {
    server = await startSyncServer(
      dialect,
      [{ code: 'SEL01', name: '서울센터', region: '11' }],
      [{ loginId: 'counselor1', role: 'counselor', center: 'SEL01' }],
    );
  });
  afterAll(async () => {
    await server.close();
  });

  const clean = (v: { differed: string[]; redownloaded: string[]; mismatched: string[] }) => ({
    differed: v.differed,
    redownloaded: v.redownloaded,
    mismatched: v.mismatched,
  });
  const agreed = { differed: [], redownloaded: [], mismatched: [] };
  const ids = async (desk: SyncDesk) =>
    (await desk.store.context.db.selectFrom('audit_entries').select('id').execute()).map((r) => r.id);

  it('desktop first or server first: checksums match, no re-download, chains verify, nothing returns', async () => {
    const a = await openSyncDesk(server.url, 'counselor1');
    const b = await openSyncDesk(server.url, 'counselor1');
    try {
      const now = new Date();
      const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
      const ctx = a.store.context;
      await createJobseeker(
        ctx,
        a.session,
        jobseekerFieldsSchema.parse({ name: '정하늘', birthYear: 1992, phone: '010-2222-3333', sido: '11' }),
        true,
      );
      // Desktop A's chain: entries as if made years ago (expired), then a recent one (kept).
      const old: string[] = [];
      for (const days of [1200, 1100, 800, 10]) {
        const id = await appendAudit(ctx.db, {
          at: ago(days),
          actorId: a.session.userId,
          actorLogin: a.session.loginId,
          deviceId: ctx.deviceId,
          action: 'jobseeker.read',
          subjectType: 'jobseeker',
          subjectId: null,
          personId: null,
        });
        if (days > 730) old.push(id);
      }
      await a.client.syncOnce();
      await a.client.syncOnce();
      await b.client.syncOnce();
      await b.client.syncOnce();
      expect(await ids(b)).toEqual(expect.arrayContaining(old));
      expect(clean(await a.client.verify())).toEqual(agreed);
      expect(clean(await b.client.verify())).toEqual(agreed);

      const horizons = { before: retentionHorizon(now, 2), accessBefore: retentionHorizon(now, 3) };
      // A purges before the server: its purged entries still count, as the server still holds them.
      expect((await purgeExpiredAudit(ctx.db, horizons, now.toISOString())).purged).toBe(3);
      expect(clean(await a.client.verify())).toEqual(agreed);

      // The server purges: tombstones (no content, not counted), delivered by the next pull.
      expect((await purgeServerAudit(server.opened.db, server.opened.dialect, now)).purged).toBe(3);
      const tombstones = await server.opened.db
        .selectFrom('sync_rows')
        .select(['row_id', 'data', 'deleted_at'])
        .where('row_id', 'in', old)
        .execute();
      expect(tombstones.map((t) => [t.data, t.deleted_at !== null])).toEqual(old.map(() => ['{}', true]));
      expect(await verifyServerAudit(server.opened.db)).toMatchObject({ ok: true });

      // Desktop first (A): the tombstones arrive; both sides stop counting the entries.
      await a.client.syncOnce();
      expect(clean(await a.client.verify())).toEqual(agreed);
      const marks = await ctx.db
        .selectFrom('audit_purged')
        .select(['id', 'seq'])
        .where('id', 'in', old)
        .execute();
      expect(marks.map((m) => m.seq)).toEqual(old.map(() => 0));
      expect(await verifyAuditChain(ctx.db, ctx.deviceId)).toMatchObject({ ok: true, purgedGaps: 1 });

      // Server first (B): B still holds the entries; they count nowhere, its chain is untouched.
      await b.client.syncOnce();
      expect(await ids(b)).toEqual(expect.arrayContaining(old));
      expect(clean(await b.client.verify())).toEqual(agreed);
      expect(await verifyAuditChain(b.store.context.db)).toMatchObject({ ok: true });
      // …and B's own purge afterwards changes nothing in the comparison.
      expect(
        (await purgeExpiredAudit(b.store.context.db, horizons, now.toISOString())).purged,
      ).toBeGreaterThanOrEqual(3);
      expect(clean(await b.client.verify())).toEqual(agreed);
      expect(await verifyAuditChain(b.store.context.db)).toMatchObject({ ok: true });

      // A re-download (forced by a real difference: a case row lost on B) brings no purged entry back.
      const bdb = b.store.context.db;
      await withoutForeignKeys(bdb, async () => {
        await sql`delete from jobseekers`.execute(bdb);
      });
      const repaired = await b.client.verify();
      expect(repaired.redownloaded.length).toBeGreaterThan(0);
      expect(repaired.mismatched).toEqual([]);
      expect(await ids(b)).not.toEqual(expect.arrayContaining([old[0]]));
      for (const id of old) {
        expect(await ids(a)).not.toContain(id);
        expect(await ids(b)).not.toContain(id);
      }
      expect(clean(await a.client.verify())).toEqual(agreed);
      expect(clean(await b.client.verify())).toEqual(agreed);
      expect(await verifyAuditChain(bdb)).toMatchObject({ ok: true });
      // A second server purge changes nothing (tombstones are not purged again, no new seqs).
      expect(await purgeServerAudit(server.opened.db, server.opened.dialect, now)).toMatchObject({
        purged: 0,
      });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('keeps the account trail three years', async () => {
    const now = new Date();
    const row = (at: string) => ({
      id: uuidv7(),
      at,
      actor_id: null,
      actor_label: 'operator',
      device_id: null,
      action: 'role' as const,
      target_id: 'someone',
      center_code: 'SEL01',
      detail: null,
    });
    const horizon = retentionHorizon(now, ACCOUNT_AUDIT_YEARS);
    const expired = row(new Date(Date.parse(horizon) - 86_400_000).toISOString());
    const kept = row(new Date(Date.parse(horizon) + 86_400_000).toISOString());
    await server.opened.db.insertInto('account_audit').values([expired, kept]).execute();
    const done = await purgeServerAudit(server.opened.db, server.opened.dialect, now);
    expect(done.accountAudit).toBe(1);
    const left = await server.opened.db
      .selectFrom('account_audit')
      .select('id')
      .where('id', 'in', [expired.id, kept.id])
      .execute();
    expect(left.map((r) => r.id)).toEqual([kept.id]);
  });
});
