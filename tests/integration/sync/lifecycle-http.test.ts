import { describe, expect, it } from 'vitest';
import { addNote } from '../../../electron/services/casework.ts';
import { createEmployer, createOpening } from '../../../electron/services/employers.ts';
import { openJobseeker, updateJobseeker } from '../../../electron/services/jobseekers.ts';
import { createReferral, recordReferralEvent } from '../../../electron/services/referrals.ts';
import { syncStatus } from '../../../electron/services/sync/desktop-sync.ts';
import { handRefused, resendRefused } from '../../../electron/services/sync/refused.ts';
import { listReviews, resolveReview } from '../../../electron/services/sync/reviews.ts';
import { appendOutbox, nextHlc } from '../../../db/repositories/outbox.ts';
import { businessNumberCheckDigit } from '../../../shared/domain/business-number.ts';
import { writeLocally } from '../../support/sync-desktop.ts';
import { lifecycleHttp } from '../../support/lifecycle-http.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';

// The life of synced records over real HTTP, on both server dialects (sync.md § Conflicts): review
// items end to end, refused changes that are never silently dropped, and impossible derived results.

describe.each(SERVER_DIALECTS)('record lifecycle over HTTP with the server on %s', (dialect) => {
  const env = lifecycleHttp(dialect);
  const { desk, userId, newCase, outbox, serverRow, serverItems } = env;

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
    const history = await env.server.opened.db
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

    const derived = await env.server.opened.db
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
