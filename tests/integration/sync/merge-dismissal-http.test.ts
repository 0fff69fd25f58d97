import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import {
  dismissPair,
  listDismissedPairs,
  undoDismissal,
} from '../../../electron/services/merge-dismissals.ts';
import { listDuplicatePairs } from '../../../electron/services/merges.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from '../../support/sync-desktop.ts';

// "Not the same person" (다른 사람, issue 16 item 5) over real HTTP on both dialects: a supervisor dismisses
// a suggested pair with a reason; after a sync the pair is gone from the duplicate list of the center's
// other desktops (a counselor's and another supervisor's), which list it as dismissed; taking it back on
// that other desktop brings the pair back everywhere. A counselor cannot dismiss.

describe.each(SERVER_DIALECTS)('dismissed duplicate pairs over HTTP on %s', (dialect) => {
  let server: SyncServer;
  const desks: SyncDesk[] = [];

  beforeAll(async () => {
    server = await startSyncServer(
      dialect,
      [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
      [
        { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
        { loginId: 'supervisor1', role: 'supervisor', center: 'SEL01' },
        { loginId: 'supervisor2', role: 'supervisor', center: 'SEL01' },
      ],
    );
  });
  afterAll(async () => {
    for (const d of desks) await d.close();
    await server.close();
  });
  async function desk(loginId: string): Promise<SyncDesk> {
    const d = await openSyncDesk(server.url, loginId);
    desks.push(d);
    return d;
  }

  it('leaves the pair out for everyone at the center until a supervisor takes it back', async () => {
    const counselor = await desk('counselor1');
    const lead = await desk('supervisor1');
    const other = await desk('supervisor2');
    const person = (phone: string) =>
      jobseekerFieldsSchema.parse({ name: '김동명', birthYear: 1985, phone, sido: '11' });
    const a = await createJobseeker(
      counselor.store.context,
      counselor.session,
      person('010-1111-2222'),
      true,
    );
    const b = await createJobseeker(
      counselor.store.context,
      counselor.session,
      person('010-3333-4444'),
      true,
    );
    await counselor.client.syncOnce();
    await lead.client.syncOnce();
    await other.client.syncOnce();
    const pairOf = async (d: SyncDesk) =>
      (await listDuplicatePairs(d.store.context, d.session)).filter(
        (p) => [p.a.id, p.b.id].sort().join() === [a.id, b.id].sort().join(),
      );
    expect(await pairOf(counselor)).toHaveLength(1);

    await expect(
      dismissPair(counselor.store.context, counselor.session, { a: a.id, b: b.id, reason: '다른 사람' }),
    ).rejects.toMatchObject({ error: { code: 'forbidden' } });
    const { id } = await dismissPair(lead.store.context, lead.session, {
      a: b.id,
      b: a.id,
      reason: '동명이인: 주소와 연락처가 다르고 본인 확인함',
    });
    expect(await pairOf(lead)).toEqual([]);
    await expect(
      dismissPair(lead.store.context, lead.session, { a: a.id, b: b.id, reason: '다시' }),
    ).rejects.toMatchObject({ error: { message: 'merges.dismiss.already' } });
    expect(await lead.client.syncOnce()).toMatchObject({ refused: 0 });

    await counselor.client.syncOnce();
    await other.client.syncOnce();
    expect(await pairOf(counselor)).toEqual([]);
    expect(await pairOf(other)).toEqual([]);
    const listed = await listDismissedPairs(other.store.context, other.session);
    expect(listed).toEqual([
      expect.objectContaining({
        id,
        reason: '동명이인: 주소와 연락처가 다르고 본인 확인함',
        dismissedByName: 'supervisor1 님',
        a: expect.objectContaining({ id: [a.id, b.id].sort()[0] }),
      }),
    ]);

    // Taken back on the other supervisor's desktop: the pair is suggested again everywhere.
    await undoDismissal(other.store.context, other.session, { id, seq: listed[0]?.seq ?? 0 });
    expect(await other.client.syncOnce()).toMatchObject({ refused: 0 });
    await counselor.client.syncOnce();
    await lead.client.syncOnce();
    expect(await pairOf(counselor)).toHaveLength(1);
    expect(await pairOf(lead)).toHaveLength(1);
    expect(await listDismissedPairs(lead.store.context, lead.session)).toEqual([]);
    const actions = (
      await other.store.db
        .selectFrom('audit_entries')
        .select('action')
        .where('actor_id', '=', other.session.userId)
        .execute()
    ).map((r) => r.action);
    expect(actions).toContain('jobseeker.merge.undismiss');
  });
});
