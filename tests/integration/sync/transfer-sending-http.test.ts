import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import {
  cancelTransfer,
  decideTransfer,
  requestTransfer,
  transferCenters,
  transferInbox,
} from '../../../electron/services/case-transfers.ts';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { refusalText } from '../../../shared/sync/refusals.ts';
import { transferWithdrawPath } from '../../../shared/sync/transfer-directory.ts';
import { push, signInAgent } from '../../support/hostile-http.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { transferHttp } from '../../support/transfer-http.ts';

// Issue 16 item 4, the sending center's side, over real HTTP on both dialects: the receiving center is
// picked from every center the server knows (offline from the last list); the sending center's supervisor,
// who does not hold the request's row, sees it with its status and withdraws it while it is asked; the
// server refuses a second open request for the same case from another desktop, with the reason.

describe.each(SERVER_DIALECTS)('the sending center’s transfers over HTTP on %s', (dialect) => {
  const net = transferHttp(dialect, ['counselor1', 'counselor2', 'supervisor1', 'busansup']);
  const { desk, ctxOf } = net;
  async function serverData(id: string): Promise<Record<string, unknown>> {
    const row = await net.server.opened.db
      .selectFrom('sync_rows')
      .select('data')
      .where('table_name', '=', 'case_transfers')
      .where('row_id', '=', id)
      .executeTakeFirstOrThrow();
    return JSON.parse(row.data) as Record<string, unknown>;
  }

  it('lists every center the server knows, offline too, and refuses a second open request', async () => {
    const a = await desk('counselor1');
    const lead = await desk('supervisor1');
    const created = await createJobseeker(
      a.store.context,
      a.session,
      jobseekerFieldsSchema.parse({ name: '두번요청', birthYear: 1979, sido: '11' }),
      true,
    );
    await a.client.syncOnce();
    await lead.client.syncOnce();
    // The other centers were never in this store: they come from the server's list, kept for offline use.
    const local = await lead.store.db.selectFrom('centers').select('code').execute();
    expect(local.map((c) => c.code)).toEqual(['SEL01']);
    lead.online = false;
    expect((await transferCenters(lead.store.context, lead.session)).map((c) => c.code)).toEqual([
      'BUS01',
      'DAE01',
    ]);
    lead.online = true;

    // Both desktops ask before either has seen the other's request: the server keeps the first.
    await requestTransfer(a.store.context, a.session, {
      jobseekerId: created.id,
      toCenter: 'BUS01',
      reason: '부산 이사',
    });
    const second = await requestTransfer(lead.store.context, lead.session, {
      jobseekerId: created.id,
      toCenter: 'DAE01',
      reason: '대구 이사',
    });
    expect(await a.client.syncOnce()).toMatchObject({ refused: 0 });
    expect(await lead.client.syncOnce()).toMatchObject({ refused: 1 });
    const refused = await lead.store.db
      .selectFrom('outbox')
      .select(['status', 'error'])
      .where('row_id', '=', second.id)
      .executeTakeFirstOrThrow();
    expect(refused).toEqual({ status: 'refused', error: refusalText('transferOpen') });

    // A hand-made second request on the wire is refused the same way.
    const agent = await signInAgent(net.server.url, 'counselor1');
    const wire = await push(agent, [
      {
        table: 'case_transfers',
        rowId: uuidv7(),
        op: 'insert',
        fields: {
          jobseeker_id: created.id,
          jobseeker_name: '두번요청',
          birth_year: 1979,
          from_center: 'SEL01',
          from_center_name: '서울고용센터',
          requested_by_name: 'counselor1 님',
          to_center: 'DAE01',
          reason: '다시',
          status: 'requested',
          requested_by: net.server.users.get('counselor1') ?? '',
          requested_at: new Date().toISOString(),
        },
      },
    ]);
    expect(wire.body.results[0]).toMatchObject({ status: 'refused', reason: refusalText('transferOpen') });
  });

  it('shows the sending center’s supervisor its requests with their status, and lets it withdraw one', async () => {
    const a = await desk('counselor1');
    const lead = await desk('supervisor1');
    const other = await desk('counselor2');
    const busan = await desk('busansup');
    const created = await createJobseeker(
      a.store.context,
      a.session,
      jobseekerFieldsSchema.parse({ name: '철회대상', birthYear: 1988, sido: '11' }),
      true,
    );
    const declinedCase = await createJobseeker(
      a.store.context,
      a.session,
      jobseekerFieldsSchema.parse({ name: '거절대상', birthYear: 1990, sido: '11' }),
      true,
    );
    const asked = await requestTransfer(a.store.context, a.session, {
      jobseekerId: created.id,
      toCenter: 'BUS01',
      reason: '부산 이사',
    });
    const toDecline = await requestTransfer(a.store.context, a.session, {
      jobseekerId: declinedCase.id,
      toCenter: 'BUS01',
      reason: '부산 직장',
    });
    await a.client.syncOnce();
    await busan.client.syncOnce();
    await decideTransfer(busan.store.context, busan.session, {
      transferId: toDecline.id,
      decision: 'declined',
      reason: '관할 아님',
    });
    await busan.client.syncOnce();

    // The supervisor holds neither row, yet sees both with their status and the decline's reason.
    await lead.client.syncOnce();
    expect(await lead.store.db.selectFrom('case_transfers').select('id').execute()).toEqual([]);
    const inbox = await transferInbox(lead.store.context, lead.session);
    expect(inbox.outgoingAsOf).toEqual(expect.any(String));
    const byId = new Map(inbox.outgoing.map((r) => [r.id, r]));
    expect(byId.get(asked.id)).toMatchObject({
      status: 'requested',
      mayCancel: true,
      toCenterName: '부산고용센터',
    });
    expect(byId.get(toDecline.id)).toMatchObject({
      status: 'declined',
      decisionReason: '관할 아님',
      mayCancel: false,
    });
    // A counselor who did not ask sees nothing of it and cannot withdraw it, on the desk or the wire.
    await other.client.syncOnce();
    expect((await transferInbox(other.store.context, other.session)).outgoing).toEqual([]);
    await expect(cancelTransfer(ctxOf(other), other.session, asked.id)).rejects.toMatchObject({
      error: { message: 'lifecycle.error.transferNotFound' },
    });
    await expect(other.client.post(transferWithdrawPath(asked.id), {})).rejects.toMatchObject({
      status: 404,
    });

    // Offline, the withdrawal is queued like any write (and said so); it goes at the next sync, once.
    lead.online = false;
    expect(await cancelTransfer(ctxOf(lead), lead.session, asked.id)).toMatchObject({
      status: 'requested',
      withdrawal: 'queued',
      mayCancel: false,
    });
    expect(
      (await transferInbox(lead.store.context, lead.session)).outgoing.find((r) => r.id === asked.id),
    ).toMatchObject({ status: 'requested', withdrawal: 'queued', mayCancel: false });
    await expect(cancelTransfer(ctxOf(lead), lead.session, asked.id)).rejects.toMatchObject({
      error: { message: 'lifecycle.error.withdrawQueued' },
    });
    await expect(lead.client.syncOnce()).rejects.toThrow();
    expect(await serverData(asked.id)).toMatchObject({ status: 'requested' });
    lead.online = true;
    expect(await lead.client.syncOnce()).toMatchObject({ refused: 0 });
    expect(await serverData(asked.id)).toMatchObject({
      status: 'cancelled',
      decided_by: net.server.users.get('supervisor1'),
    });
    await expect(lead.client.post(transferWithdrawPath(asked.id), {})).rejects.toMatchObject({ status: 409 });
    await expect(lead.client.post(transferWithdrawPath(toDecline.id), {})).rejects.toMatchObject({
      status: 409,
    });
    expect(
      await lead.store.db
        .selectFrom('audit_entries')
        .select('action')
        .where('subject_id', '=', asked.id)
        .execute(),
    ).toContainEqual({ action: 'transfer.cancel' });

    // The requester's desktop and the receiving center learn it; an acceptance after it is refused.
    await a.client.syncOnce();
    expect(
      await a.store.db.selectFrom('case_transfers').select('status').where('id', '=', asked.id).execute(),
    ).toEqual([{ status: 'cancelled' }]);
    const late = await signInAgent(net.server.url, 'busansup');
    const seq = Number(
      (
        await net.server.opened.db
          .selectFrom('sync_rows')
          .select('seq')
          .where('table_name', '=', 'case_transfers')
          .where('row_id', '=', asked.id)
          .executeTakeFirstOrThrow()
      ).seq,
    );
    const answer = await push(late, [
      {
        table: 'case_transfers',
        rowId: asked.id,
        op: 'update',
        fields: { status: 'accepted' },
        baseSeq: seq,
      },
    ]);
    expect(answer.body.results[0]).toMatchObject({
      status: 'refused',
      reason: refusalText('transferDecided', { status: 'cancelled' }),
    });
    await lead.client.syncOnce();
    const after = await transferInbox(lead.store.context, lead.session);
    expect(after.outgoing.find((r) => r.id === asked.id)).toMatchObject({
      status: 'cancelled',
      mayCancel: false,
    });
  });
});
