import { describe, expect, it } from 'vitest';
import {
  cancelTransfer,
  decideTransfer,
  requestTransfer,
  transferInbox,
} from '../../../electron/services/case-transfers.ts';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import { refusedChanges } from '../../../electron/services/sync/refused.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { refusalAdvice, refusalText } from '../../../shared/sync/refusals.ts';
import { TRANSFER_WITHDRAW_TABLE } from '../../../shared/sync/transfer-directory.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import type { SyncDesk } from '../../support/sync-desktop.ts';
import { transferHttp } from '../../support/transfer-http.ts';

// Issue 16 leftovers, item 2, over real HTTP on both dialects: a supervisor of the sending center, who
// does not hold a transfer request's row, withdraws it offline; the withdrawal waits in the outbox and
// the server applies it at the next push. If the receiving center accepted it in the meantime, the
// acceptance stands (the case moved) and the withdrawal comes back refused with the reason, which the
// inbox and the sync dialog's refused list show.

describe.each(SERVER_DIALECTS)('a queued transfer withdrawal over HTTP on %s', (dialect) => {
  const net = transferHttp(dialect, ['counselor1', 'supervisor1', 'busansup']);
  const { desk, ctxOf } = net;
  async function serverRow(table: string, id: string): Promise<Record<string, unknown>> {
    const row = await net.server.opened.db
      .selectFrom('sync_rows')
      .select(['data', 'scope_center'])
      .where('table_name', '=', table)
      .where('row_id', '=', id)
      .executeTakeFirstOrThrow();
    return { ...(JSON.parse(row.data) as Record<string, unknown>), scope_center: row.scope_center };
  }
  async function asked(a: SyncDesk, name: string) {
    const created = await createJobseeker(
      a.store.context,
      a.session,
      jobseekerFieldsSchema.parse({ name, birthYear: 1985, sido: '11' }),
      true,
    );
    const request = await requestTransfer(a.store.context, a.session, {
      jobseekerId: created.id,
      toCenter: 'BUS01',
      reason: '부산 이사',
    });
    await a.client.syncOnce();
    return { caseId: created.id, id: request.id };
  }

  it('withdraws offline, then the push applies it; the receiving center can no longer accept', async () => {
    const a = await desk('counselor1');
    const lead = await desk('supervisor1');
    const busan = await desk('busansup');
    const t = await asked(a, '오프라인철회');
    await lead.client.syncOnce();
    await busan.client.syncOnce();

    lead.online = false;
    expect(await cancelTransfer(ctxOf(lead), lead.session, t.id)).toMatchObject({ withdrawal: 'queued' });
    const queued = await lead.store.db
      .selectFrom('outbox')
      .select(['table_name', 'op', 'fields', 'status'])
      .where('table_name', '=', TRANSFER_WITHDRAW_TABLE)
      .execute();
    expect(queued).toEqual([
      {
        table_name: TRANSFER_WITHDRAW_TABLE,
        op: 'insert',
        fields: JSON.stringify({ transfer_id: t.id }),
        status: 'pending',
      },
    ]);
    expect(await serverRow('case_transfers', t.id)).toMatchObject({ status: 'requested' });

    lead.online = true;
    expect(await lead.client.syncOnce()).toMatchObject({ refused: 0 });
    expect(await serverRow('case_transfers', t.id)).toMatchObject({
      status: 'cancelled',
      decided_by: net.server.users.get('supervisor1'),
    });
    const after = (await transferInbox(lead.store.context, lead.session)).outgoing.find((r) => r.id === t.id);
    expect(after).toMatchObject({ status: 'cancelled', withdrawal: null, mayCancel: false });

    // The receiving center, which had not synced since, answers too late: its acceptance is refused.
    await decideTransfer(busan.store.context, busan.session, {
      transferId: t.id,
      decision: 'accepted',
      assignTo: null,
    });
    expect(await busan.client.syncOnce()).toMatchObject({ refused: 1 });
    expect(await serverRow('jobseekers', t.caseId)).toMatchObject({ scope_center: 'SEL01' });
  });

  it('an acceptance that arrived first wins: the withdrawal comes back refused, with the reason shown', async () => {
    const a = await desk('counselor1');
    const lead = await desk('supervisor1');
    const busan = await desk('busansup');
    const t = await asked(a, '경합철회');
    await lead.client.syncOnce();
    await busan.client.syncOnce();

    lead.online = false;
    await cancelTransfer(ctxOf(lead), lead.session, t.id);
    await decideTransfer(busan.store.context, busan.session, {
      transferId: t.id,
      decision: 'accepted',
      assignTo: null,
    });
    expect(await busan.client.syncOnce()).toMatchObject({ refused: 0 });

    lead.online = true;
    expect(await lead.client.syncOnce()).toMatchObject({ refused: 1 });
    const reason = refusalText('transferWithdrawAnswered', { status: 'accepted' });
    expect(await serverRow('case_transfers', t.id)).toMatchObject({ status: 'accepted' });
    expect(await serverRow('jobseekers', t.caseId)).toMatchObject({ scope_center: 'BUS01' });

    // The inbox says it was not withdrawn; the sync dialog lists the refused withdrawal by the person's
    // name, with a reason the desk words for the counselor.
    const row = (await transferInbox(lead.store.context, lead.session)).outgoing.find((r) => r.id === t.id);
    expect(row).toMatchObject({
      status: 'accepted',
      withdrawal: 'refused',
      withdrawalRefusal: reason,
      mayCancel: false,
    });
    const refused = await refusedChanges(lead.store.db);
    expect(refused).toEqual([
      expect.objectContaining({ table: TRANSFER_WITHDRAW_TABLE, reason, recordLabel: '경합철회' }),
    ]);
    expect(refusalAdvice(reason)).toBe('transferAnswered');
  });
});
