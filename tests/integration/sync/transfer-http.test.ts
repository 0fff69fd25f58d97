import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { closeCase, reopenCase } from '../../../electron/services/case-lifecycle.ts';
import { decideTransfer, requestTransfer, transferInbox } from '../../../electron/services/case-transfers.ts';
import { addNote } from '../../../electron/services/casework.ts';
import { createJobseeker, openJobseeker, updateJobseeker } from '../../../electron/services/jobseekers.ts';
import { listReviews } from '../../../electron/services/sync/reviews.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { refusalText } from '../../../shared/sync/refusals.ts';
import { push, signInAgent } from '../../support/hostile-http.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import type { SyncDesk } from '../../support/sync-desktop.ts';
import { transferHttp } from '../../support/transfer-http.ts';

// Issue 16 item 4 over real HTTP, on both server dialects: a transfer asked offline waits in the outbox;
// the receiving center's supervisor sees it and accepts; the server moves the case and every record
// under it once, in one sequenced write; the old center's desktops drop it all after pushing an unsent
// edit (held for the new owner, not lost); the new center's desktops receive it. Then the attacks: a
// counselor or another center's supervisor answering, a forged center, a request for a case not yours.

const CHILD_TABLES = ['counseling_notes', 'case_status_events', 'assessments', 'consent_records'] as const;

describe.each(SERVER_DIALECTS)('transfers between centers over HTTP with the server on %s', (dialect) => {
  const net = transferHttp(dialect, [
    'counselor1',
    'counselor2',
    'supervisor1',
    'busansup',
    'busan1',
    'daegusup',
  ]);
  const { desk, userId } = net;
  async function serverRow(table: string, id: string) {
    return net.server.opened.db
      .selectFrom('sync_rows')
      .selectAll()
      .where('table_name', '=', table)
      .where('row_id', '=', id)
      .executeTakeFirstOrThrow();
  }
  async function localCount(
    d: SyncDesk,
    table: 'jobseekers' | (typeof CHILD_TABLES)[number],
    caseId: string,
  ) {
    const column = table === 'jobseekers' ? 'id' : 'jobseeker_id';
    const r = await sql<{
      n: number;
    }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${caseId}`.execute(
      d.store.db,
    );
    return Number(r.rows[0]?.n ?? 0);
  }

  it('moves a case and every record under it once; the old center drops it, the new one gets it', async () => {
    const a = await desk('counselor1');
    const b = await desk('counselor2');
    const fields = jobseekerFieldsSchema.parse({
      name: '한이사',
      birthYear: 1984,
      phone: '010-3333-4444',
      sido: '11',
    });
    const created = await createJobseeker(a.store.context, a.session, fields, true);
    await addNote(a.store.context, a.session, {
      jobseekerId: created.id,
      kind: 'phone',
      body: '부산으로 이사 예정',
    });
    await closeCase(a.store.context, a.session, {
      jobseekerId: created.id,
      reason: 'moved-center',
      noContactMonths: null,
      text: '',
    });
    await reopenCase(a.store.context, a.session, {
      jobseekerId: created.id,
      reason: 'new-request',
      text: '',
    });
    await a.client.syncOnce();
    await b.client.syncOnce();

    // Asked while offline: the request waits in the outbox like any write, then goes.
    a.online = false;
    const asked = await requestTransfer(a.store.context, a.session, {
      jobseekerId: created.id,
      toCenter: 'BUS01',
      reason: '부산 거주지 이전',
    });
    expect(asked).toMatchObject({ status: 'requested', mayCancel: true, mayDecide: false });
    await expect(a.client.syncOnce()).rejects.toThrow();
    expect(
      await a.store.db
        .selectFrom('outbox')
        .select('table_name')
        .where('status', '=', 'pending')
        .where('table_name', '!=', 'audit_entries')
        .execute(),
    ).toEqual([{ table_name: 'case_transfers' }]);
    a.online = true;
    expect(await a.client.syncOnce()).toMatchObject({ refused: 0 });

    // An edit on another desktop of the old center that has not gone out yet.
    const onB = await openJobseeker(b.store.context, b.session, created.id);
    b.online = false;
    await updateJobseeker(b.store.context, b.session, created.id, onB.seq, { phone: '01055556666' });

    // The receiving center's supervisor sees the request with the name and birth year only.
    const sup = await desk('busansup');
    await sup.client.syncOnce();
    expect(await localCount(sup, 'jobseekers', created.id)).toBe(0);
    const inbox = await transferInbox(sup.store.context, sup.session);
    expect(inbox.incoming).toHaveLength(1);
    expect(inbox.incoming[0]).toMatchObject({
      id: asked.id,
      jobseekerName: '한이사',
      birthYear: 1984,
      fromCenter: 'SEL01',
      fromCenterName: '서울고용센터',
      requestedByName: 'counselor1 님',
      mayDecide: true,
    });

    const childIds = new Map<string, string[]>();
    for (const table of CHILD_TABLES) {
      const rows = await net.server.opened.db
        .selectFrom('sync_rows')
        .select('row_id')
        .where('table_name', '=', table)
        .where('parent_key', '=', `jobseekers:${created.id}`)
        .execute();
      childIds.set(
        table,
        rows.map((r) => r.row_id),
      );
    }
    expect(childIds.get('counseling_notes')).toHaveLength(1);
    expect(childIds.get('case_status_events')).toHaveLength(2);

    await decideTransfer(sup.store.context, sup.session, {
      transferId: asked.id,
      decision: 'accepted',
      assignTo: userId('busan1'),
    });
    expect(await sup.client.syncOnce()).toMatchObject({ refused: 0 });

    // On the server: the case and each record under it changed center once, in one run of seqs.
    const moved = await serverRow('jobseekers', created.id);
    expect(moved).toMatchObject({ scope_center: 'BUS01', scope_owner: userId('busan1') });
    const all = [...childIds.entries()].flatMap(([table, ids]) => ids.map((id) => ({ table, id })));
    const seqs = [Number(moved.seq)];
    for (const { table, id } of all) {
      const row = await serverRow(table, id);
      expect(row.scope_center).toBe('BUS01');
      seqs.push(Number(row.seq));
      const exits = await net.server.opened.db
        .selectFrom('scope_exits')
        .select('old_center')
        .where('table_name', '=', table)
        .where('row_id', '=', id)
        .execute();
      expect(exits).toEqual([{ old_center: 'SEL01' }]);
    }
    seqs.sort((x, y) => x - y);
    expect((seqs.at(-1) ?? 0) - (seqs[0] ?? 0)).toBe(seqs.length - 1);

    // The old center: the requester's desktop drops the case and everything under it, keeps its request.
    await a.client.syncOnce();
    expect(await localCount(a, 'jobseekers', created.id)).toBe(0);
    for (const table of CHILD_TABLES) expect(await localCount(a, table, created.id)).toBe(0);
    const kept = await a.store.db
      .selectFrom('case_transfers')
      .select('status')
      .where('id', '=', asked.id)
      .execute();
    expect(kept).toEqual([{ status: 'accepted' }]);

    // The other desktop still holds an unsent edit: it is pushed first (held for the new owner), then dropped.
    b.online = true;
    expect(await b.client.syncOnce()).toMatchObject({ review: 1, refused: 0 });
    expect(await localCount(b, 'jobseekers', created.id)).toBe(0);
    for (const table of CHILD_TABLES) expect(await localCount(b, table, created.id)).toBe(0);
    expect(await b.store.db.selectFrom('sync_deferred_removals').selectAll().execute()).toEqual([]);

    // The new center's counselor receives the case with all its records and the held edit to decide.
    const busan = await desk('busan1');
    await busan.client.syncOnce();
    expect((await openJobseeker(busan.store.context, busan.session, created.id)).assignedCounselorId).toBe(
      userId('busan1'),
    );
    expect(await localCount(busan, 'counseling_notes', created.id)).toBe(1);
    expect(await localCount(busan, 'case_status_events', created.id)).toBe(2);
    const items = await listReviews(busan.store.context, busan.session);
    expect(items).toEqual([
      expect.objectContaining({ kind: 'scope-exit', field: 'phone', heldValue: '01055556666' }),
    ]);

    // Both sides audited: the request on the sending desktop, the acceptance on the receiving one.
    const actions = async (d: SyncDesk) =>
      (
        await d.store.db
          .selectFrom('audit_entries')
          .select('action')
          .where('subject_id', '=', asked.id)
          .execute()
      ).map((r) => r.action);
    expect(await actions(a)).toContain('transfer.request');
    expect(await actions(sup)).toContain('transfer.accept');
  });

  it('refuses answers from anyone but the receiving center’s supervisors, and forged moves', async () => {
    const a = await desk('counselor1');
    const fields = jobseekerFieldsSchema.parse({ name: '공격대상', birthYear: 1990, sido: '11' });
    const created = await createJobseeker(a.store.context, a.session, fields, true);
    await a.client.syncOnce();
    const asked = await requestTransfer(a.store.context, a.session, {
      jobseekerId: created.id,
      toCenter: 'BUS01',
      reason: '이사',
    });
    await a.client.syncOnce();
    const transferSeq = Number((await serverRow('case_transfers', asked.id)).seq);
    const answer = (status: string) => ({
      table: 'case_transfers',
      rowId: asked.id,
      op: 'update' as const,
      fields: { status },
      baseSeq: transferSeq,
    });
    const reasonOf = async (login: string, m: Parameters<typeof push>[1][number]) => {
      const agent = await signInAgent(net.server.url, login);
      const r = await push(agent, [m]);
      return r.body.results[0];
    };

    // A counselor of the receiving center, another center's supervisor, the sending center's supervisor.
    expect(await reasonOf('busan1', answer('accepted'))).toMatchObject({
      status: 'refused',
      reason: refusalText('transferDecider'),
    });
    expect(await reasonOf('daegusup', answer('accepted'))).toMatchObject({
      status: 'refused',
      reason: refusalText('otherScope'),
    });
    expect(await reasonOf('supervisor1', answer('accepted'))).toMatchObject({
      status: 'refused',
      reason: refusalText('otherScope'),
    });
    // Someone else than the requester withdrawing it.
    expect(await reasonOf('busansup', { ...answer('cancelled') })).toMatchObject({
      status: 'refused',
      reason: refusalText('transferDecider'),
    });
    // A forged center on the case itself, by its own counselor and by a supervisor.
    const caseSeq = Number((await serverRow('jobseekers', created.id)).seq);
    for (const login of ['counselor1', 'supervisor1']) {
      expect(
        await reasonOf(login, {
          table: 'jobseekers',
          rowId: created.id,
          op: 'update',
          fields: { center_code: 'BUS01' },
          baseSeq: caseSeq,
        }),
      ).toMatchObject({ status: 'refused', reason: refusalText('centerTransfer', { field: 'center_code' }) });
    }
    // A request naming another center as its sender, another center's case, or a made-up name.
    const request = (over: Record<string, unknown>) => ({
      table: 'case_transfers',
      rowId: uuidv7(),
      op: 'insert' as const,
      fields: {
        jobseeker_id: created.id,
        jobseeker_name: '공격대상',
        birth_year: 1990,
        from_center: 'SEL01',
        from_center_name: '서울고용센터',
        requested_by_name: 'counselor1 님',
        to_center: 'DAE01',
        reason: '이사',
        status: 'requested',
        requested_by: userId('counselor1'),
        requested_at: new Date().toISOString(),
        ...over,
      },
    });
    expect(await reasonOf('counselor1', request({ from_center: 'BUS01' }))).toMatchObject({
      status: 'refused',
    });
    expect(await reasonOf('counselor1', request({ requested_by_name: '팀장님' }))).toMatchObject({
      status: 'refused',
      reason: refusalText('notCaller', { field: 'requested_by_name' }),
    });
    expect(await reasonOf('counselor1', request({ jobseeker_name: '다른이름' }))).toMatchObject({
      status: 'refused',
      reason: refusalText('transferCase'),
    });
    expect(
      await reasonOf('busan1', request({ from_center: 'BUS01', requested_by: userId('busan1') })),
    ).toMatchObject({ status: 'refused', reason: refusalText('transferCase') });
    expect(await reasonOf('counselor1', request({ to_center: 'XXX99' }))).toMatchObject({
      status: 'refused',
      reason: refusalText('transferCenter', { center: 'XXX99' }),
    });
    expect(await reasonOf('counselor1', request({ status: 'accepted' }))).toMatchObject({
      status: 'refused',
      reason: refusalText('transferDecider'),
    });

    // Nothing moved; the real answer still works, and a second answer is refused as already given.
    expect(await serverRow('jobseekers', created.id)).toMatchObject({ scope_center: 'SEL01' });
    expect(
      await reasonOf('busansup', {
        ...answer('declined'),
        fields: { status: 'declined', decision_reason: '관할 아님' },
      }),
    ).toMatchObject({
      status: 'applied',
    });
    expect(await reasonOf('busansup', answer('accepted'))).toMatchObject({
      status: 'refused',
      reason: refusalText('transferDecided', { status: 'declined' }),
    });
    expect(await serverRow('jobseekers', created.id)).toMatchObject({ scope_center: 'SEL01' });
  });
});
