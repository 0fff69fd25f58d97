import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount, ensureCenter } from '../../../../electron/services/accounts.ts';
import { createJobseeker } from '../../../../electron/services/jobseekers.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import { jobseekerFieldsSchema, type Jobseeker } from '../../../../shared/domain/jobseeker.ts';
import { dispatcherFor, makeTestStore, TEST_PASSWORD, type TestStore } from '../../../support/temp-store.ts';

// Who a case belongs to and whether it is in work (electron/services/jobseekers.ts: assignJobseeker,
// archiveJobseeker) through the dispatcher, as the desk calls them: 담당 상담사 변경 by a supervisor,
// 내가 맡기 by a counselor on a free case, 보관 and 보관 해제 (archiving is how a case is deleted). Each
// change is the row, one outbox entry with only that column on the version seen, and an audit entry;
// each refusal writes nothing at all.

let t: TestStore;
let d: ReturnType<typeof dispatcherFor>;
let counselor1: SessionInfo;
let counselor2: SessionInfo;
let supervisor: SessionInfo;
beforeEach(async () => {
  t = await makeTestStore();
  d = dispatcherFor(t.store);
  counselor1 = await t.signIn('counselor1');
  counselor2 = await t.signIn('counselor2');
  supervisor = await t.signIn('supervisor1');
});
afterEach(() => t.cleanup());

const fields = jobseekerFieldsSchema.parse({
  name: '배정민',
  birthYear: 1988,
  phone: '010-2323-4545',
  sido: '11',
});

async function call<T>(session: SessionInfo, channel: string, input: unknown): Promise<T> {
  const r = (await d.dispatch(d.desk(session), channel, input)) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } };
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value;
}

/** Everything a refusal must leave untouched. */
async function footprint() {
  const rows = await t.store.db
    .selectFrom('jobseekers')
    .select(['id', 'assigned_counselor_id', 'archived', 'hlc'])
    .execute();
  const outbox = await t.store.db.selectFrom('outbox').select('client_seq').execute();
  const audit = await t.store.db.selectFrom('audit_entries').select('id').execute();
  return { rows, outbox: outbox.length, audit: audit.length };
}

async function lastOutbox() {
  return t.store.db
    .selectFrom('outbox')
    .selectAll()
    .where('table_name', '=', 'jobseekers')
    .orderBy('client_seq', 'desc')
    .executeTakeFirstOrThrow();
}

async function auditActions(personId: string): Promise<string[]> {
  const rows = await t.store.db
    .selectFrom('audit_entries')
    .select('action')
    .where('person_id', '=', personId)
    .orderBy('at')
    .execute();
  return rows.map((r) => r.action);
}

describe('담당 상담사 변경', () => {
  it('lets a supervisor hand a case to another counselor: the row, one outbox entry, one audit entry', async () => {
    const j = await createJobseeker(t.store.context, counselor1, fields, false);
    const choices = await call<Array<{ id: string; name: string; role: string }>>(
      supervisor,
      'jobseekers:assignees',
      {
        id: j.id,
      },
    );
    expect(choices.map((c) => c.id).sort()).toEqual(
      [counselor1.userId, counselor2.userId, supervisor.userId].sort(),
    );
    expect(Object.keys(choices[0] ?? {}).sort()).toEqual(['id', 'name', 'role']);

    const hlcOf = async () =>
      (
        await t.store.db
          .selectFrom('jobseekers')
          .select('hlc')
          .where('id', '=', j.id)
          .executeTakeFirstOrThrow()
      ).hlc;
    const hlcBefore = await hlcOf();
    const moved = await call<Jobseeker>(supervisor, 'jobseekers:assign', {
      id: j.id,
      baseSeq: 0,
      counselorId: counselor2.userId,
    });
    expect(moved.assignedCounselorId).toBe(counselor2.userId);
    const row = await t.store.db
      .selectFrom('jobseekers')
      .select(['assigned_counselor_id', 'hlc'])
      .where('id', '=', j.id)
      .executeTakeFirstOrThrow();
    expect(row.assigned_counselor_id).toBe(counselor2.userId);
    expect(row.hlc).not.toBe(hlcBefore);
    const entry = await lastOutbox();
    expect(entry).toMatchObject({ row_id: j.id, op: 'update', base_seq: 0, status: 'pending' });
    expect(JSON.parse(entry.fields)).toEqual({ assigned_counselor_id: counselor2.userId });
    expect(await auditActions(j.id)).toContain('jobseeker.assign');
    // The entry names the column and the accounts by id: no name, no value of the record.
    const assigned = await t.store.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'jobseeker.assign')
      .executeTakeFirstOrThrow();
    expect(assigned).toMatchObject({ actor_id: supervisor.userId, person_id: j.id, subject_id: j.id });
    expect(JSON.parse(String(assigned.detail))).toEqual({ fields: ['assigned_counselor_id'] });
    expect(JSON.stringify(assigned)).not.toContain(fields.name);

    // The same counselor again: a read (its audit entry is all that is written), the case unchanged.
    const caseOutbox = () =>
      t.store.db.selectFrom('outbox').select('client_seq').where('table_name', '=', 'jobseekers').execute();
    const before = { ...(await footprint()), caseOutbox: (await caseOutbox()).length };
    const again = await call<Jobseeker>(supervisor, 'jobseekers:assign', {
      id: j.id,
      baseSeq: 0,
      counselorId: counselor2.userId,
    });
    expect(again.assignedCounselorId).toBe(counselor2.userId);
    const after = await footprint();
    expect(after.rows).toEqual(before.rows);
    expect((await caseOutbox()).length).toBe(before.caseOutbox);
    expect(after.audit).toBe(before.audit + 1);
    expect((await auditActions(j.id)).at(-1)).toBe('jobseeker.read');

    // Cleared: nobody's case (the center still sees it).
    const cleared = await call<Jobseeker>(supervisor, 'jobseekers:assign', {
      id: j.id,
      baseSeq: 0,
      counselorId: null,
    });
    expect(cleared.assignedCounselorId).toBeNull();
  });

  it('lets a counselor take a free case for themselves, and nothing else', async () => {
    const j = await createJobseeker(t.store.context, supervisor, fields, false);
    expect(j.assignedCounselorId).toBeNull();
    // For a counselor the dialog offers only themselves, and only on a free case.
    expect(await call(counselor2, 'jobseekers:assignees', { id: j.id })).toEqual([
      expect.objectContaining({ id: counselor2.userId }),
    ]);
    const before = await footprint();
    await expect(
      call(counselor2, 'jobseekers:assign', { id: j.id, baseSeq: 0, counselorId: counselor1.userId }),
    ).rejects.toMatchObject({ code: 'forbidden', message: 'jobseekers.assignSupervisorOnly' });
    expect(await footprint()).toEqual(before);

    const taken = await call<Jobseeker>(counselor2, 'jobseekers:assign', {
      id: j.id,
      baseSeq: 0,
      counselorId: counselor2.userId,
    });
    expect(taken.assignedCounselorId).toBe(counselor2.userId);
    // Once it is someone's, another counselor can neither take it nor give it away.
    expect(await call(counselor1, 'jobseekers:assignees', { id: j.id })).toEqual([]);
    const after = await footprint();
    await expect(
      call(counselor1, 'jobseekers:assign', { id: j.id, baseSeq: 0, counselorId: counselor1.userId }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      call(counselor2, 'jobseekers:assign', { id: j.id, baseSeq: 0, counselorId: null }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await footprint()).toEqual(after);
  });

  it('refuses an account of another center, an inactive one or an admin, and writes nothing', async () => {
    const j = await createJobseeker(t.store.context, counselor1, fields, false);
    await ensureCenter(t.store.context, { code: 'B01', name: '부산고용센터', sido: '26', sigungu: null });
    const elsewhere = await createAccount(t.store.context, {
      loginId: 'busan9',
      displayName: '부산 상담사',
      role: 'counselor',
      centerCode: 'B01',
      password: TEST_PASSWORD,
    });
    const admin = await t.signIn('admin');
    await t.store.db.updateTable('users').set({ active: 0 }).where('id', '=', counselor2.userId).execute();
    const before = await footprint();
    for (const counselorId of [
      elsewhere,
      counselor2.userId,
      admin.userId,
      '01990000-0000-7000-8000-0000000000ff',
    ]) {
      await expect(
        call(supervisor, 'jobseekers:assign', { id: j.id, baseSeq: 0, counselorId }),
      ).rejects.toMatchObject({
        code: 'validation',
        field: 'counselorId',
        message: 'jobseekers.assigneeUnknown',
      });
    }
    expect(await footprint()).toEqual(before);
  });

  it('answers bad input with the field that is wrong, and changes nothing', async () => {
    const j = await createJobseeker(t.store.context, counselor1, fields, false);
    const before = await footprint();
    await expect(
      call(supervisor, 'jobseekers:assign', { id: 'not-an-id', baseSeq: 0, counselorId: null }),
    ).rejects.toMatchObject({
      code: 'validation',
      field: 'id',
    });
    await expect(
      call(supervisor, 'jobseekers:assign', { id: j.id, counselorId: null }),
    ).rejects.toMatchObject({
      code: 'validation',
      field: 'baseSeq',
    });
    await expect(
      call(supervisor, 'jobseekers:assign', { id: j.id, baseSeq: 0, counselorId: 'counselor2' }),
    ).rejects.toMatchObject({
      code: 'validation',
      field: 'counselorId',
    });
    await expect(call(supervisor, 'jobseekers:archive', { id: j.id, archived: true })).rejects.toMatchObject({
      code: 'validation',
      field: 'baseSeq',
    });
    await expect(
      call(supervisor, 'jobseekers:archive', { id: j.id, baseSeq: 0, archived: 'yes' }),
    ).rejects.toMatchObject({
      code: 'validation',
      field: 'archived',
    });
    expect(await footprint()).toEqual(before);
  });
});

describe('보관 and 보관 해제', () => {
  const list = (session: SessionInfo, archived?: boolean) =>
    call<{ rows: Array<{ id: string }> }>(session, 'jobseekers:list', {
      query: '',
      ...(archived === undefined ? {} : { archived }),
    }).then((p) => p.rows.map((r) => r.id));

  it('moves a case from the lists to the 보관함 and back, each step a change sent and audited', async () => {
    const j = await createJobseeker(t.store.context, counselor1, fields, false);
    const other = await createJobseeker(
      t.store.context,
      counselor1,
      { ...fields, name: '남궁민', phone: '01099998888' },
      true,
    );
    expect(await list(counselor1)).toEqual(expect.arrayContaining([j.id, other.id]));

    const archived = await call<Jobseeker>(counselor1, 'jobseekers:archive', {
      id: j.id,
      baseSeq: 0,
      archived: true,
    });
    expect(archived.archived).toBe(true);
    expect(JSON.parse((await lastOutbox()).fields)).toEqual({ archived: 1 });
    expect(await list(counselor1)).toEqual([other.id]);
    expect(await list(counselor1, true)).toEqual([j.id]);
    // A page of the 보관함 is recorded as one; pages of the cases in work as they always were.
    const listed = await t.store.db
      .selectFrom('audit_entries')
      .select('detail')
      .where('action', '=', 'jobseeker.list')
      .execute();
    const details = listed.map((e) => JSON.parse(String(e.detail)) as Record<string, unknown>);
    expect(details.filter((d) => d['archived'] === true)).toEqual([expect.objectContaining({ rows: 1 })]);
    expect(details.filter((d) => !('archived' in d)).length).toBe(details.length - 1);
    // Still opened from the 보관함 (and that reading is audited like any other).
    expect(await call<Jobseeker>(counselor1, 'jobseekers:get', { id: j.id })).toMatchObject({
      archived: true,
    });
    // While archived it takes no other change.
    await expect(
      call(counselor1, 'jobseekers:update', { id: j.id, baseSeq: 0, fields: { desiredWage: 3_000_000 } }),
    ).rejects.toMatchObject({ code: 'not-found' });

    const restored = await call<Jobseeker>(supervisor, 'jobseekers:archive', {
      id: j.id,
      baseSeq: 0,
      archived: false,
    });
    expect(restored.archived).toBe(false);
    expect(JSON.parse((await lastOutbox()).fields)).toEqual({ archived: 0 });
    expect(await list(counselor1, true)).toEqual([]);
    expect(await auditActions(j.id)).toEqual(
      expect.arrayContaining(['jobseeker.archive', 'jobseeker.restore']),
    );
  });

  it('is for supervisors and the case’s own counselor only', async () => {
    const j = await createJobseeker(t.store.context, counselor1, fields, false);
    const before = await footprint();
    await expect(
      call(counselor2, 'jobseekers:archive', { id: j.id, baseSeq: 0, archived: true }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      message: 'jobseekers.archiveNotYours',
    });
    expect(await footprint()).toEqual(before);
  });
});
