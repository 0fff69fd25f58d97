import { describe, expect, it } from 'vitest';
import { removeRows } from '../../../db/repositories/sync-lifecycle.ts';
import { addNote } from '../../../electron/services/casework.ts';
import { openJobseeker, updateJobseeker } from '../../../electron/services/jobseekers.ts';
import { syncStatus } from '../../../electron/services/sync/desktop-sync.ts';
import { exportOutbox } from '../../../electron/services/sync/outbox-export.ts';
import { listReviews, resolveReview } from '../../../electron/services/sync/reviews.ts';
import { SyncScheduler, type SyncState } from '../../../electron/services/sync/scheduler.ts';
import { deleteRecord, restoreRecord } from '../../../server/records.ts';
import { transferOnServer } from '../../support/server-transfer.ts';
import { lifecycleHttp } from '../../support/lifecycle-http.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';

// Records leaving desktops over real HTTP, on both server dialects (sync.md § Scopes, § Auth): a revoked
// device whose outbox is kept and exported, real deletes with tombstones and restores, and cases
// leaving a desktop's scopes.

describe.each(SERVER_DIALECTS)('record lifecycle over HTTP with the server on %s', (dialect) => {
  const env = lifecycleHttp(dialect);
  const { desk, userId, newCase, localJobseeker, outbox, serverRow, serverItems } = env;

  it('refuses a revoked device, keeps its outbox and exports it for a supervisor', async () => {
    const c = await desk('counselor3');
    await newCase(c, '표지훈');
    await env.server.opened.db
      .updateTable('devices')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', c.store.context.deviceId)
      .execute();
    await expect(c.client.syncOnce()).rejects.toMatchObject({ code: 'device-revoked' });

    // The background loop reports it; the desk shows it and what to do.
    const pending: Array<() => void> = [];
    const scheduler = new SyncScheduler(() => c.client.syncOnce(), {
      setTimeout: (fn) => pending.push(fn),
      clearTimeout: () => undefined,
    });
    const ran = new Promise<SyncState>((resolve) => {
      let started = false;
      scheduler.onChange((s) => {
        if (s.running) started = true;
        else if (started) resolve(s);
      });
    });
    scheduler.start();
    pending.shift()?.();
    expect((await ran).lastErrorCode).toBe('device-revoked');
    scheduler.stop();
    const status = await syncStatus(c.store.db, { client: c.client, scheduler });
    const held = await outbox(c, 'pending');
    expect(held.map((e) => e.table_name).filter((t) => t !== 'audit_entries')).toEqual(['jobseekers']);
    // Pending changes count what the counselor wrote; the export holds everything unsent.
    expect(status).toMatchObject({ revoked: true, pending: 1, unsent: held.length });

    const file = await exportOutbox(c.store.context, c.session, '기기 해지 — 팀장 전달');
    const doc = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as {
      format: string;
      entries: Array<{ table: string; status: string; fields: Record<string, unknown> }>;
    };
    expect(doc.format).toBe('caseworker-outbox/1');
    expect(doc.entries).toHaveLength(held.length);
    expect(doc.entries.find((e) => e.table === 'jobseekers')).toMatchObject({
      status: 'pending',
      fields: { name: '표지훈' },
    });
    const audit = await c.store.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'sync.outbox.export')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).not.toContain('표지훈');
    // Exporting discards nothing (its own audit entry joins the outbox).
    expect((await outbox(c, 'pending')).length).toBe(held.length + 1);
  });

  it('deletes for real: tombstones reach the desktops, an offline edit is held and never brings the row back, restore does', async () => {
    const a = await desk('counselor1');
    const b = await desk('counselor2');
    const created = await newCase(a, '박서준', '010-3333-4444');
    await addNote(a.store.context, a.session, {
      jobseekerId: created.id,
      kind: 'in-person',
      body: '방문 상담',
    });
    await a.client.syncOnce();
    await b.client.syncOnce();
    const original = JSON.parse((await serverRow('jobseekers', created.id)).data) as Record<string, unknown>;
    const onB = await openJobseeker(b.store.context, b.session, created.id);
    b.online = false;
    await updateJobseeker(b.store.context, b.session, created.id, onB.seq, { phone: '01077778888' });

    await expect(
      restoreRecord(
        env.server.opened.db,
        env.server.opened.dialect,
        { table: 'jobseekers', id: created.id, reason: 'x', actor: 'it', data: null },
        new Date(),
      ),
    ).rejects.toThrow(/is not deleted/);
    const done = await deleteRecord(
      env.server.opened.db,
      env.server.opened.dialect,
      { table: 'jobseekers', id: created.id, reason: '보존기간 만료', actor: 'it-admin' },
      new Date(),
    );
    expect(done.rows).toBe(2); // the case and its note
    const tomb = await serverRow('jobseekers', created.id);
    expect(tomb.deleted_at).toBeTruthy();
    expect(tomb.data).not.toContain('박서준');
    expect(tomb.data).not.toContain('3333');
    expect(
      await env.server.opened.db
        .selectFrom('value_history')
        .selectAll()
        .where('row_id', '=', created.id)
        .execute(),
    ).toEqual([]);

    await a.client.syncOnce();
    expect(await localJobseeker(a, created.id)).toBeUndefined();
    expect(
      await a.store.db
        .selectFrom('counseling_notes')
        .select('id')
        .where('jobseeker_id', '=', created.id)
        .execute(),
    ).toEqual([]);

    b.online = true;
    expect(await b.client.syncOnce()).toMatchObject({ review: 1, refused: 0 });
    expect(await localJobseeker(b, created.id)).toBeUndefined();
    expect((await serverRow('jobseekers', created.id)).deleted_at).toBeTruthy(); // did not come back
    const held = (await serverItems(created.id)).filter((i) => i.status === 'open');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({
      kind: 'deleted',
      field: 'phone',
      held_author: userId('counselor2'),
      case_id: created.id,
    });
    await a.client.syncOnce();
    const onA = await listReviews(a.store.context, a.session);
    expect(onA.filter((i) => i.kind === 'deleted')).toHaveLength(1);
    // A no longer holds the case (deleted), so it is not A's to decide; B wrote the held change.
    expect(onA.find((i) => i.kind === 'deleted')).toMatchObject({
      recordLabel: null,
      choices: [],
      mayResolve: false,
    });

    // Restoring needs the data back: the server kept none.
    await expect(
      restoreRecord(
        env.server.opened.db,
        env.server.opened.dialect,
        { table: 'jobseekers', id: created.id, reason: '잘못 삭제', actor: 'it-admin', data: null },
        new Date(),
      ),
    ).rejects.toThrow(/missing: .*name/);
    await restoreRecord(
      env.server.opened.db,
      env.server.opened.dialect,
      { table: 'jobseekers', id: created.id, reason: '잘못 삭제', actor: 'it-admin', data: original },
      new Date(),
    );
    await a.client.syncOnce();
    await b.client.syncOnce();
    expect((await localJobseeker(a, created.id))?.name).toBe('박서준');
    expect((await localJobseeker(b, created.id))?.phone).toBe('01033334444');

    // The case is A's again: A (not B, the held change's author) applies B's edit.
    const item = (await listReviews(a.store.context, a.session)).find((i) => i.kind === 'deleted');
    expect(item?.choices).toEqual(['kept', 'held']);
    await resolveReview(a.store.context, a.session, item?.id ?? '', 'held');
    await a.client.syncOnce();
    await b.client.syncOnce();
    expect((await localJobseeker(a, created.id))?.phone).toBe('01077778888');
    expect((await localJobseeker(b, created.id))?.phone).toBe('01077778888');
  });

  it('removes a case that left a desktop’s scopes; an edit made before is held for the new owner', async () => {
    const a = await desk('counselor1');
    const b = await desk('counselor2');
    const created = await newCase(a, '최유진', '010-2222-1111');
    await addNote(a.store.context, a.session, {
      jobseekerId: created.id,
      kind: 'phone',
      body: '이관 전 메모',
    });
    await a.client.syncOnce();
    await b.client.syncOnce();
    const onB = await openJobseeker(b.store.context, b.session, created.id);
    b.online = false;
    await updateJobseeker(b.store.context, b.session, created.id, onB.seq, { phone: '01099990000' });

    // The case is transferred to a counselor of the Busan center (a transfer is its own request that
    // the receiving center accepts, not an edit a desktop pushes: made here on the server).
    await transferOnServer(env.server.opened, 'jobseekers', created.id, {
      center_code: 'BUS01',
      assigned_counselor_id: userId('busan1'),
    });
    await a.client.syncOnce();
    expect(await localJobseeker(a, created.id)).toBeUndefined();
    expect(
      await a.store.db
        .selectFrom('counseling_notes')
        .select('id')
        .where('jobseeker_id', '=', created.id)
        .execute(),
    ).toEqual([]);

    // B still has an unsent edit: the removal waits for it.
    const early = await b.store.db
      .transaction()
      .execute((trx) =>
        removeRows(trx, [
          { table: 'jobseekers', id: created.id, seq: Number.MAX_SAFE_INTEGER, reason: 'left-scope' },
        ]),
      );
    expect(early).toEqual({ removed: 0, deferred: 1 });
    expect(await localJobseeker(b, created.id)).toBeDefined();

    b.online = true;
    expect(await b.client.syncOnce()).toMatchObject({ review: 1, refused: 0 });
    expect(await localJobseeker(b, created.id)).toBeUndefined();
    expect(await b.store.db.selectFrom('sync_deferred_removals').selectAll().execute()).toEqual([]);

    const busan = await desk('busan1');
    await busan.client.syncOnce();
    expect((await localJobseeker(busan, created.id))?.name).toBe('최유진');
    expect(
      await busan.store.db
        .selectFrom('counseling_notes')
        .select('body')
        .where('jobseeker_id', '=', created.id)
        .execute(),
    ).toEqual([{ body: '이관 전 메모' }]);
    const items = await listReviews(busan.store.context, busan.session);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'scope-exit',
      field: 'phone',
      heldValue: '01099990000',
      heldAuthorName: 'counselor2 님',
      mayResolve: true,
    });
    await resolveReview(busan.store.context, busan.session, items[0]?.id ?? '', 'held');
    await busan.client.syncOnce();
    expect((await localJobseeker(busan, created.id))?.phone).toBe('01099990000');
    expect(await listReviews(b.store.context, b.session, created.id)).toEqual([]);
  });
});
