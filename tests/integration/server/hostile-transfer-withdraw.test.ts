import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestTransfer } from '../../../electron/services/case-transfers.ts';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import { nextHlc } from '../../../db/repositories/outbox.ts';
import { appendSyncOutbox } from '../../../db/repositories/sync-lifecycle.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { refusalText } from '../../../shared/sync/refusals.ts';
import { TRANSFER_WITHDRAW_TABLE } from '../../../shared/sync/transfer-directory.ts';
import { push, serverDigest, signInAgent } from '../../support/hostile-http.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { transferHttp } from '../../support/transfer-http.ts';

// A hostile desktop against queued transfer withdrawals (the transfer_withdrawals pseudo-table), over
// real HTTP on both dialects. Only the request's requester or a supervisor of the sending center
// withdraws it: a counselor of that center who did not ask (even when their own desktop queued it, past
// the desk's check), the receiving center's supervisor, another center's counselor and an admin are
// refused, in words that do not say whether such a request exists, and the store is unchanged. A
// malformed withdrawal is refused; the requester's own goes through.

describe.each(SERVER_DIALECTS)('hostile transfer withdrawals on %s', (dialect) => {
  const net = transferHttp(dialect, ['counselor1', 'counselor2', 'admin1', 'busansup', 'busan1']);
  let transferId = '';

  beforeAll(async () => {
    const a = await net.desk('counselor1');
    const created = await createJobseeker(
      a.store.context,
      a.session,
      jobseekerFieldsSchema.parse({ name: '공격대상', birthYear: 1991, sido: '11' }),
      true,
    );
    transferId = (
      await requestTransfer(a.store.context, a.session, {
        jobseekerId: created.id,
        toCenter: 'BUS01',
        reason: '부산 이사',
      })
    ).id;
    await a.client.syncOnce();
  });

  const withdrawal = (fields: Record<string, unknown> = { transfer_id: transferId }) => ({
    table: TRANSFER_WITHDRAW_TABLE,
    rowId: uuidv7(),
    op: 'insert' as const,
    fields,
  });
  const unknown = refusalText('transferWithdrawUnknown');

  it('refuses a counselor of the sending center who did not ask, though their own desktop queued it', async () => {
    const other = await net.desk('counselor2');
    await other.client.syncOnce();
    const before = await serverDigest(net.server.opened.db);
    // Past the desk's own check (which refuses it: not found): the entry written straight to the outbox.
    await other.store.db.transaction().execute(async (trx) => {
      await appendSyncOutbox(trx, {
        ...withdrawal(),
        hlc: await nextHlc(trx, other.store.context.deviceId, Date.now()),
        baseSeq: 0,
        createdAt: new Date().toISOString(),
      });
    });
    expect(await other.client.syncOnce()).toMatchObject({ refused: 1 });
    const entry = await other.store.db
      .selectFrom('outbox')
      .select(['status', 'error'])
      .where('table_name', '=', TRANSFER_WITHDRAW_TABLE)
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ status: 'refused', error: unknown });
    expect(await serverDigest(net.server.opened.db)).toEqual(before);
  });

  it('refuses the receiving center, another center’s counselor and an admin, changing nothing', async () => {
    const before = await serverDigest(net.server.opened.db);
    for (const loginId of ['busansup', 'busan1', 'admin1', 'counselor2']) {
      const agent = await signInAgent(net.server.url, loginId);
      const answer = await push(agent, [withdrawal()]);
      expect(answer.status).toBe(200);
      expect(answer.body.results[0], loginId).toMatchObject({ status: 'refused', reason: unknown });
    }
    // A request that does not exist reads the same as one of another center.
    const agent = await signInAgent(net.server.url, 'busansup');
    expect((await push(agent, [withdrawal({ transfer_id: uuidv7() })])).body.results[0]).toMatchObject({
      status: 'refused',
      reason: unknown,
    });
    expect(await serverDigest(net.server.opened.db)).toEqual(before);
  });

  it('refuses a malformed withdrawal: an update, another field, no id', async () => {
    const before = await serverDigest(net.server.opened.db);
    const agent = await signInAgent(net.server.url, 'counselor1');
    const answer = await push(agent, [
      { ...withdrawal(), op: 'update' as const, baseSeq: 1 },
      withdrawal({ transfer_id: transferId, status: 'accepted' }),
      withdrawal({}),
      withdrawal({ transfer_id: 7 }),
    ]);
    for (const r of answer.body.results) expect(r).toMatchObject({ status: 'refused' });
    expect(await serverDigest(net.server.opened.db)).toEqual(before);
  });

  it('lets the requester withdraw it this way, once', async () => {
    const agent = await signInAgent(net.server.url, 'counselor1');
    expect((await push(agent, [withdrawal()])).body.results[0]).toMatchObject({ status: 'applied' });
    const row = await net.server.opened.db
      .selectFrom('sync_rows')
      .select('data')
      .where('table_name', '=', 'case_transfers')
      .where('row_id', '=', transferId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.data)).toMatchObject({
      status: 'cancelled',
      decided_by: net.server.users.get('counselor1'),
    });
    expect((await push(agent, [withdrawal()])).body.results[0]).toMatchObject({
      status: 'refused',
      reason: refusalText('transferWithdrawAnswered', { status: 'cancelled' }),
    });
    // Nothing of the pseudo-table is stored as a row.
    const stored = await sql<{
      n: number;
    }>`select count(*) as n from sync_rows where table_name = ${TRANSFER_WITHDRAW_TABLE}`.execute(
      net.server.opened.db,
    );
    expect(Number(stored.rows[0]?.n)).toBe(0);
  });
});
