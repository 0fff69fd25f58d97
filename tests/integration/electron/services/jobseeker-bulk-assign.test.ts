import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../db/repositories/audit.ts';
import { getMeta } from '../../../../db/repositories/meta.ts';
import { bulkAssign } from '../../../../electron/services/jobseeker-bulk.ts';
import { createJobseeker, updateJobseeker } from '../../../../electron/services/jobseekers.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import { jobseekerFieldsSchema } from '../../../../shared/domain/jobseeker.ts';
import { makeTestStore, type TestStore } from '../../../support/temp-store.ts';

// 일괄 담당자 변경 (issue 16 item 6) is written set-based for speed (HLCs and the audit chain computed in
// memory, rows in a few statements). What sync and the audit see must be exactly what one reassignment
// after another gives: per case the row's HLC equals its outbox entry's, the entries alternate row,
// then its audit entry, HLCs rise in outbox order, the chain verifies, and the next single write
// continues after the batch's last HLC.

let t: TestStore;
let lead: SessionInfo;
let counselor: SessionInfo;
const ids: string[] = [];
const N = 420; // more than one statement's chunk (300 rows, 200 outbox entries)

beforeAll(async () => {
  t = await makeTestStore();
  lead = await t.signIn('supervisor1');
  counselor = await t.signIn('counselor1');
  for (let i = 0; i < N; i++) {
    const fields = jobseekerFieldsSchema.parse({ name: `일괄${i}`, birthYear: 1980 + (i % 30), sido: '11' });
    ids.push((await createJobseeker(t.store.context, counselor, fields, i % 7 !== 0)).id);
  }
}, 120_000);
afterAll(() => t.cleanup());

const outboxAfter = (seq: number) =>
  t.store.db
    .selectFrom('outbox')
    .select(['client_seq', 'table_name', 'row_id', 'op', 'fields', 'hlc', 'base_seq'])
    .where('client_seq', '>', seq)
    .orderBy('client_seq')
    .execute();

describe('bulk reassignment', () => {
  it('changes each case as a single reassignment would, in outbox order', async () => {
    // One case was edited since, so its base differs from the others'.
    const edited = ids[3] ?? '';
    await updateJobseeker(t.store.context, counselor, edited, 0, { phone: '010-1234-5678' });
    const to = (
      await t.store.db
        .selectFrom('users')
        .select('id')
        .where('login_id', '=', 'counselor2')
        .executeTakeFirstOrThrow()
    ).id;
    const before = await t.store.db
      .selectFrom('jobseekers')
      .select(['id', 'seq', 'assigned_counselor_id', 'hlc'])
      .execute();
    const mine = before.filter((r) => r.assigned_counselor_id !== to);
    const lastSeq = Number(
      (
        await t.store.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.max('client_seq').as('m'))
          .executeTakeFirstOrThrow()
      ).m,
    );
    const lastHlc = (await getMeta(t.store.db, 'hlc')) ?? '';

    const result = await bulkAssign(t.store.context, lead, {
      selection: { kind: 'ids', ids },
      counselorId: to,
    });
    expect(result).toEqual({ selected: N, changed: mine.length, skipped: 0 });

    const entries = await outboxAfter(lastSeq);
    // Row, its audit entry, ... and the bulk action's own audit entry last.
    expect(entries).toHaveLength(2 * mine.length + 1);
    const rows = new Map(
      (
        await t.store.db
          .selectFrom('jobseekers')
          .select(['id', 'hlc', 'assigned_counselor_id', 'updated_at'])
          .execute()
      ).map((r) => [r.id, r]),
    );
    const audits = new Map(
      (
        await t.store.db
          .selectFrom('audit_entries')
          .selectAll()
          .where('action', '=', 'jobseeker.assign')
          .execute()
      ).map((a) => [a.id, a]),
    );
    const seen = new Set<string>();
    for (let i = 0; i < mine.length; i++) {
      const row = entries[2 * i];
      const audit = entries[2 * i + 1];
      expect(row?.table_name).toBe('jobseekers');
      expect(row?.op).toBe('update');
      expect(JSON.parse(row?.fields ?? '')).toEqual({ assigned_counselor_id: to });
      const current = rows.get(row?.row_id ?? '');
      expect(current?.assigned_counselor_id).toBe(to);
      expect(current?.hlc).toBe(row?.hlc);
      const was = before.find((r) => r.id === row?.row_id);
      expect(row?.base_seq).toBe(Number(was?.seq));
      seen.add(row?.row_id ?? '');
      expect(audit?.table_name).toBe('audit_entries');
      const entry = audits.get(audit?.row_id ?? '');
      expect(entry?.subject_id).toBe(row?.row_id);
      expect(JSON.parse(audit?.fields ?? '').hash).toBe(entry?.hash);
    }
    expect(seen.size).toBe(mine.length);
    expect(entries.at(-1)?.table_name).toBe('audit_entries');
    // Every HLC is new and later than the one before, starting after the store's last.
    const hlcs = [lastHlc, ...entries.map((e) => e.hlc)];
    for (let i = 1; i < hlcs.length; i++) expect((hlcs[i] ?? '') > (hlcs[i - 1] ?? '')).toBe(true);
    expect(await getMeta(t.store.db, 'hlc')).toBe(entries.at(-1)?.hlc);
    expect(await verifyAuditChain(t.store.db, t.store.context.deviceId)).toMatchObject({ ok: true });

    // A single write afterwards continues the clock and the chain.
    const second = ids[1] ?? '';
    const seqNow = (
      await t.store.db
        .selectFrom('jobseekers')
        .select('seq')
        .where('id', '=', second)
        .executeTakeFirstOrThrow()
    ).seq;
    await updateJobseeker(t.store.context, lead, second, Number(seqNow), { phone: '010-9999-0000' });
    const after = await outboxAfter(entries.at(-1)?.client_seq ?? 0);
    expect(after.length).toBeGreaterThan(0);
    for (const e of after) expect(e.hlc > (entries.at(-1)?.hlc ?? '')).toBe(true);
    expect(await verifyAuditChain(t.store.db, t.store.context.deviceId)).toMatchObject({ ok: true });
  });

  it('changes nothing the second time (every case already has that counselor)', async () => {
    const to = (
      await t.store.db
        .selectFrom('users')
        .select('id')
        .where('login_id', '=', 'counselor2')
        .executeTakeFirstOrThrow()
    ).id;
    const result = await bulkAssign(t.store.context, lead, {
      selection: { kind: 'ids', ids },
      counselorId: to,
    });
    expect(result).toEqual({ selected: N, changed: 0, skipped: 0 });
  });
});
