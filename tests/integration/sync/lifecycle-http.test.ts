import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeRows } from '../../../db/repositories/sync-lifecycle.ts';
import { addNote } from '../../../electron/services/casework.ts';
import { createEmployer, createOpening } from '../../../electron/services/employers.ts';
import { createJobseeker, openJobseeker, updateJobseeker } from '../../../electron/services/jobseekers.ts';
import { createReferral, recordReferralEvent } from '../../../electron/services/referrals.ts';
import { syncStatus } from '../../../electron/services/sync/desktop-sync.ts';
import { exportOutbox } from '../../../electron/services/sync/outbox-export.ts';
import { handRefused, resendRefused } from '../../../electron/services/sync/refused.ts';
import { listReviews, resolveReview } from '../../../electron/services/sync/reviews.ts';
import { SyncScheduler, type SyncState } from '../../../electron/services/sync/scheduler.ts';
import { appendOutbox, nextHlc } from '../../../db/repositories/outbox.ts';
import { deleteRecord, restoreRecord } from '../../../server/records.ts';
import { businessNumberCheckDigit } from '../../../shared/domain/business-number.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { transferOnServer } from '../../support/server-transfer.ts';
import {
  openSyncDesk,
  startSyncServer,
  writeLocally,
  type SyncDesk,
  type SyncServer,
} from '../../support/sync-desktop.ts';

// The life of synced records over real HTTP, on both server dialects (sync.md § Conflicts, § Scopes,
// § Auth): review items end to end, refused changes that are never silently dropped, a revoked device
// whose outbox is kept and exported, real deletes with tombstones and restores, cases leaving a
// desktop's scopes, and impossible derived results.

describe.each(SERVER_DIALECTS)('record lifecycle over HTTP with the server on %s', (dialect) => {
  let server: SyncServer;
  const desks: SyncDesk[] = [];

  beforeAll(async () => {
    server = await startSyncServer(
      dialect,
      [
        { code: 'SEL01', name: '서울고용센터', region: '11' },
        { code: 'BUS01', name: '부산고용센터', region: '26' },
      ],
      [
        { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
        { loginId: 'counselor2', role: 'counselor', center: 'SEL01' },
        { loginId: 'counselor3', role: 'counselor', center: 'SEL01' },
        { loginId: 'supervisor1', role: 'supervisor', center: 'SEL01' },
        { loginId: 'busan1', role: 'counselor', center: 'BUS01' },
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
  const userId = (login: string) => server.users.get(login) ?? '';

  async function newCase(d: SyncDesk, name: string, phone = '010-1000-2000') {
    const fields = jobseekerFieldsSchema.parse({ name, birthYear: 1987, phone, sido: '11' });
    return createJobseeker(d.store.context, d.session, fields, true);
  }
  async function localJobseeker(d: SyncDesk, id: string) {
    return d.store.db.selectFrom('jobseekers').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async function outbox(d: SyncDesk, status: 'pending' | 'refused' | 'sent') {
    return d.store.db.selectFrom('outbox').selectAll().where('status', '=', status).execute();
  }
  async function serverRow(table: string, id: string) {
    return server.opened.db
      .selectFrom('sync_rows')
      .selectAll()
      .where('table_name', '=', table)
      .where('row_id', '=', id)
      .executeTakeFirstOrThrow();
  }
  async function serverItems(rowId: string) {
    return server.opened.db.selectFrom('review_items').selectAll().where('row_id', '=', rowId).execute();
  }

  it('merges the phone, raises the counselor conflict on both desktops, and converges on the resolution', async () => {
    const a = await desk('supervisor1');
    const b = await desk('counselor2');
    const created = await newCase(a, '오세훈');
    await a.client.syncOnce();
    await b.client.syncOnce();
    const onB = await openJobseeker(b.store.context, b.session, created.id);

    // Offline on both: A, the team lead, changes the phone and hands the case to counselor3 (담당 상담사
    // 변경); B takes the free case itself (내가 맡기).
    a.online = false;
    b.online = false;
    const afterPhone = await updateJobseeker(a.store.context, a.session, created.id, onB.seq, {
      phone: '01055556666',
    });
    await writeLocally(a, 'jobseekers', created.id, afterPhone.seq, {
      assigned_counselor_id: userId('counselor3'),
    });
    await writeLocally(b, 'jobseekers', created.id, onB.seq, { assigned_counselor_id: userId('counselor2') });
    await expect(a.client.syncOnce()).rejects.toThrow(/offline/);

    a.online = true;
    b.online = true;
    expect(await a.client.syncOnce()).toMatchObject({ refused: 0, review: 0 });
    expect(await b.client.syncOnce()).toMatchObject({ refused: 0, review: 1 });
    await a.client.syncOnce();

    // The conflict is visible on both desktops, on the list and on the case, with both values and authors.
    for (const d of [a, b]) {
      const items = await listReviews(d.store.context, d.session);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        kind: 'conflict',
        table: 'jobseekers',
        rowId: created.id,
        caseId: created.id,
        field: 'assigned_counselor_id',
        keptValue: userId('counselor3'),
        keptAuthor: userId('supervisor1'),
        keptAuthorName: 'supervisor1 님',
        heldValue: userId('counselor2'),
        heldAuthor: userId('counselor2'),
        heldAuthorName: 'counselor2 님',
        valueLabels: { [userId('counselor3')]: 'counselor3 님', [userId('counselor2')]: 'counselor2 님' },
        recordLabel: '오세훈',
        mayResolve: true,
        // The held change's author may give it up but never apply it alone (review-rules.ts).
        choices: d === a ? ['kept', 'held'] : ['kept'],
      });
      expect(items[0]?.keptAt).toMatch(/^\d{4}-/);
      expect(items[0]?.heldAt).toMatch(/^\d{4}-/);
      expect(await listReviews(d.store.context, d.session, created.id)).toHaveLength(1);
      expect((await syncStatus(d.store.db, undefined)).openReviews).toBe(1);
      const j = await openJobseeker(d.store.context, d.session, created.id);
      expect(j.phone).toBe('01055556666'); // the descriptive edit merged everywhere
      expect(j.assignedCounselorId).toBe(userId('counselor3')); // the first committed decisive value stays
    }

    // B may not apply its own held value: the desk refuses before anything is queued.
    const itemId = (await listReviews(b.store.context, b.session))[0]?.id ?? '';
    await expect(resolveReview(b.store.context, b.session, itemId, 'held')).rejects.toMatchObject({
      error: { code: 'forbidden', message: 'reviews.notYours' },
    });
    expect((await outbox(b, 'pending')).map((e) => e.table_name)).not.toContain('review_resolutions');

    // A (the kept value's author) decides offline for B's value: the choice is queued like any write
    // and shown as waiting.
    a.online = false;
    const chosen = await resolveReview(a.store.context, a.session, itemId, 'held');
    expect(chosen).toMatchObject({ pendingChoice: 'held', mayResolve: false });
    expect((await outbox(a, 'pending')).map((e) => e.table_name)).toContain('review_resolutions');
    await expect(a.client.syncOnce()).rejects.toThrow(/offline/);
    a.online = true;
    await a.client.syncOnce();

    const [item] = await serverItems(created.id);
    expect(item).toMatchObject({
      status: 'resolved',
      resolution: 'held',
      resolved_by: userId('supervisor1'), // A, the team lead, resolved it
    });
    expect(item?.resolved_at).toBeTruthy();
    expect(Number(item?.resolved_seq)).toBe(Number((await serverRow('jobseekers', created.id)).seq));
    // The value the resolution replaced is kept in history, with its author.
    const history = await server.opened.db
      .selectFrom('value_history')
      .selectAll()
      .where('row_id', '=', created.id)
      .where('field', '=', 'assigned_counselor_id')
      .execute();
    expect(history.map((h) => JSON.parse(h.value ?? 'null') as unknown)).toContain(userId('counselor3'));

    // B still shows the item (it has not synced) and gives its value up: the server refuses with the
    // reason, which B sees; nothing is dropped silently.
    await resolveReview(b.store.context, b.session, itemId, 'kept');
    expect(await b.client.syncOnce()).toMatchObject({ refused: 1 });
    const status = await syncStatus(b.store.db, undefined);
    expect(status.refused[0]?.reason).toMatch(/already resolved by supervisor1 님/);
    expect(status.openReviews).toBe(0);

    for (const d of [a, b]) {
      const j = await openJobseeker(d.store.context, d.session, created.id);
      expect(j.assignedCounselorId).toBe(userId('counselor2'));
      expect(j.phone).toBe('01055556666');
      expect(await listReviews(d.store.context, d.session)).toEqual([]);
      await d.client.syncOnce(); // the reads' audit entries
      expect(await outbox(d, 'pending')).toEqual([]);
    }
  });

  it('refuses a revoked device, keeps its outbox and exports it for a supervisor', async () => {
    const c = await desk('counselor3');
    await newCase(c, '표지훈');
    await server.opened.db
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

  it('keeps a refused change until a person acts: sent again, then handed to a supervisor who decides', async () => {
    const a = await desk('counselor1');
    const sup = await desk('supervisor1');
    await a.client.syncOnce();
    const created = await newCase(a, '김민서');
    await addNote(a.store.context, a.session, {
      jobseekerId: created.id,
      kind: 'phone',
      body: '첫 상담 전화',
    });
    await a.client.syncOnce();
    const note = await a.store.db
      .selectFrom('counseling_notes')
      .select(['id', 'seq'])
      .where('jobseeker_id', '=', created.id)
      .executeTakeFirstOrThrow();
    // What an outdated client might send: an edit of an append-only record.
    await a.store.db.transaction().execute(async (trx) => {
      const hlc = await nextHlc(trx, a.store.context.deviceId, Date.now());
      await appendOutbox(trx, {
        table: 'counseling_notes',
        rowId: note.id,
        op: 'update',
        fields: { body: '고친 메모' },
        hlc,
        baseSeq: Number(note.seq),
        createdAt: new Date().toISOString(),
      });
    });
    expect(await a.client.syncOnce()).toMatchObject({ refused: 1 });
    let status = await syncStatus(a.store.db, undefined);
    expect(status.refused).toHaveLength(1);
    expect(status.refused[0]).toMatchObject({
      table: 'counseling_notes',
      op: 'update',
      fields: ['body'],
      reason: 'This record cannot be changed; add a new one instead.',
    });

    await resendRefused(a.store.context, a.session, status.refused[0]?.clientSeq ?? 0);
    expect(await a.client.syncOnce()).toMatchObject({ refused: 1 });
    status = await syncStatus(a.store.db, undefined);
    expect(status.refused).toHaveLength(1); // the first is handled, the new attempt was refused again
    await expect(
      resendRefused(a.store.context, a.session, (status.refused[0]?.clientSeq ?? 0) - 1),
    ).rejects.toThrow();

    await handRefused(a.store.context, a.session, status.refused[0]?.clientSeq ?? 0);
    await a.client.syncOnce();
    expect((await syncStatus(a.store.db, undefined)).refused).toEqual([]);
    const [handed] = (await serverItems(note.id)).filter((i) => i.kind === 'refused');
    expect(handed).toMatchObject({ status: 'open', held_author: userId('counselor1'), case_id: created.id });
    expect(JSON.parse(handed?.held_value ?? 'null')).toEqual({ body: '고친 메모' });

    await sup.client.syncOnce();
    const items = (await listReviews(sup.store.context, sup.session)).filter((i) => i.kind === 'refused');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      mayResolve: true,
      detail: { reason: expect.stringMatching(/cannot be changed/) },
    });
    // A counselor not concerned may see the center's item only for a case they may see, and not decide it.
    await resolveReview(sup.store.context, sup.session, items[0]?.id ?? '', 'kept');
    await sup.client.syncOnce();
    const [closed] = (await serverItems(note.id)).filter((i) => i.kind === 'refused');
    expect(closed).toMatchObject({
      status: 'resolved',
      resolution: 'kept',
      resolved_by: userId('supervisor1'),
    });
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
        server.opened.db,
        server.opened.dialect,
        { table: 'jobseekers', id: created.id, reason: 'x', actor: 'it', data: null },
        new Date(),
      ),
    ).rejects.toThrow(/is not deleted/);
    const done = await deleteRecord(
      server.opened.db,
      server.opened.dialect,
      { table: 'jobseekers', id: created.id, reason: '보존기간 만료', actor: 'it-admin' },
      new Date(),
    );
    expect(done.rows).toBe(2); // the case and its note
    const tomb = await serverRow('jobseekers', created.id);
    expect(tomb.deleted_at).toBeTruthy();
    expect(tomb.data).not.toContain('박서준');
    expect(tomb.data).not.toContain('3333');
    expect(
      await server.opened.db
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
        server.opened.db,
        server.opened.dialect,
        { table: 'jobseekers', id: created.id, reason: '잘못 삭제', actor: 'it-admin', data: null },
        new Date(),
      ),
    ).rejects.toThrow(/missing: .*name/);
    await restoreRecord(
      server.opened.db,
      server.opened.dialect,
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
    await transferOnServer(server.opened, 'jobseekers', created.id, {
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

  it('opens review items for impossible derived results: hired and cancelled, more hires than positions', async () => {
    const a = await desk('counselor1');
    const b = await desk('counselor2');
    const first9 = '220811234';
    const employer = await createEmployer(a.store.context, a.session, {
      businessNo: `${first9}${businessNumberCheckDigit(first9)}`,
      name: '(주)한빛물류',
      industry: 'H',
      employees: 40,
      sido: '11',
      sigungu: null,
      contactName: null,
      contactPhone: null,
      contactEmail: null,
      potentialClient: false,
      focusSupport: false,
    });
    const opening = await createOpening(a.store.context, a.session, employer.employer.id, {
      title: '물류 상하차',
      occupation: '5501',
      sido: '11',
      sigungu: null,
      wage: 2_500_000,
      positions: 1,
      requiredQualifications: [],
      public: false,
    });
    const js1 = await newCase(a, '이하늘', '010-5555-0001');
    const js2 = await newCase(a, '정다운', '010-5555-0002');
    const r1 = await createReferral(a.store.context, a.session, {
      jobseekerId: js1.id,
      openingId: opening.id,
    });
    const r2 = await createReferral(a.store.context, a.session, {
      jobseekerId: js2.id,
      openingId: opening.id,
    });
    for (const r of [r1, r2])
      await recordReferralEvent(a.store.context, a.session, { referralId: r.id, kind: 'referred' });
    await a.client.syncOnce();
    await b.client.syncOnce();

    // Offline: A records the hire of the first, B the cancellation of the first and the hire of the second.
    a.online = false;
    b.online = false;
    await recordReferralEvent(a.store.context, a.session, { referralId: r1.id, kind: 'hired' });
    await recordReferralEvent(b.store.context, b.session, { referralId: r1.id, kind: 'cancelled' });
    await recordReferralEvent(b.store.context, b.session, { referralId: r2.id, kind: 'hired' });
    a.online = true;
    b.online = true;
    await a.client.syncOnce();
    await b.client.syncOnce();
    await a.client.syncOnce();

    const derived = await server.opened.db
      .selectFrom('review_items')
      .selectAll()
      .where('kind', '=', 'derived')
      .where('status', '=', 'open')
      .execute();
    expect(derived.map((d) => [d.table_name, d.row_id, d.field]).sort()).toEqual(
      [
        ['job_openings', opening.id, 'positions'],
        ['referrals', r1.id, 'outcome'],
      ].sort(),
    );
    for (const d of [a, b]) {
      const items = (await listReviews(d.store.context, d.session)).filter((i) => i.kind === 'derived');
      expect(items).toHaveLength(2);
      const outcome = items.find((i) => i.table === 'referrals');
      expect(outcome).toMatchObject({
        caseId: js1.id,
        keptValue: 'hired',
        heldValue: 'cancelled',
        keptAuthor: userId('counselor1'),
        heldAuthor: userId('counselor2'),
        choices: ['acknowledged'],
      });
      const filled = items.find((i) => i.table === 'job_openings');
      expect(filled).toMatchObject({
        keptValue: 1,
        heldValue: 2,
        detail: { rule: 'over-filled', positions: 1, hires: 2 },
      });
      expect(filled?.recordLabel).toBe('물류 상하차');
    }
    const outcome = (await listReviews(a.store.context, a.session)).find((i) => i.table === 'referrals');
    await resolveReview(a.store.context, a.session, outcome?.id ?? '', 'acknowledged');
    await a.client.syncOnce();
    expect((await serverItems(r1.id)).find((i) => i.kind === 'derived')).toMatchObject({
      status: 'resolved',
      resolution: 'acknowledged',
      resolved_by: userId('counselor1'),
    });
  });
});
