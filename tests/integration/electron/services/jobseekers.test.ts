import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../db/repositories/audit.ts';
import { createJobseeker, openJobseeker, updateJobseeker } from '../../../../electron/services/jobseekers.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import { jobseekerFieldsSchema } from '../../../../shared/domain/jobseeker.ts';
import { makeTestStore, type TestStore } from '../../../support/temp-store.ts';

let t: TestStore;
let counselor: SessionInfo;
beforeEach(async () => {
  t = await makeTestStore();
  counselor = await t.signIn('counselor1');
});
afterEach(() => t.cleanup());

const fields = jobseekerFieldsSchema.parse({
  name: '정하은',
  birthYear: 1994,
  phone: '010-4444-1234',
  sido: '41',
});

describe('jobseeker use cases', () => {
  it('creates a record, its outbox entry and its audit entry together', async () => {
    const created = await createJobseeker(t.store.context, counselor, fields, false);
    expect(created).toMatchObject({
      name: '정하은',
      assignedCounselorId: counselor.userId,
      seq: 0,
      centerCode: 'T01',
    });
    expect(created.regNo).toMatch(/^\d{2}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Audit entries travel in the outbox too (to the server); here: the record's own entry.
    const outbox = await t.store.db
      .selectFrom('outbox')
      .selectAll()
      .where('table_name', '!=', 'audit_entries')
      .execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      table_name: 'jobseekers',
      row_id: created.id,
      op: 'insert',
      base_seq: 0,
      status: 'pending',
    });
    expect(JSON.parse(outbox[0]?.fields ?? '{}')).toMatchObject({ name: '정하은', phone: '01044441234' });
    const audit = await t.store.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'jobseeker.create')
      .execute();
    expect(audit).toMatchObject([
      { person_id: created.id, actor_id: counselor.userId, device_id: t.store.context.deviceId },
    ]);
  });

  it('refuses a likely duplicate unless the counselor confirms, and writes nothing when refusing', async () => {
    await createJobseeker(t.store.context, counselor, fields, false);
    const countBefore = await t.store.db
      .selectFrom('jobseekers')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      createJobseeker(t.store.context, counselor, { ...fields, phone: null }, false),
    ).rejects.toMatchObject({
      error: { code: 'conflict', message: 'jobseekers.possibleDuplicate' },
    });
    const countAfter = await t.store.db
      .selectFrom('jobseekers')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(countAfter.n).toBe(countBefore.n);
    await expect(
      createJobseeker(t.store.context, counselor, { ...fields, phone: null }, true),
    ).resolves.toMatchObject({ name: '정하은' });
  });

  it('audits every opening of a record, without copying personal data into the trail', async () => {
    const created = await createJobseeker(t.store.context, counselor, fields, false);
    await openJobseeker(t.store.context, counselor, created.id);
    await openJobseeker(t.store.context, counselor, created.id);
    const reads = await t.store.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'jobseeker.read')
      .execute();
    expect(reads).toHaveLength(2);
    const trail = JSON.stringify(await t.store.db.selectFrom('audit_entries').selectAll().execute());
    expect(trail).not.toContain('정하은');
    expect(trail).not.toContain('01044441234');
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true });
  });

  it('sends only the changed fields, with the base seq, on an update', async () => {
    const created = await createJobseeker(t.store.context, counselor, fields, false);
    const updated = await updateJobseeker(t.store.context, counselor, created.id, 0, {
      ...fields,
      phone: '01055556666',
    });
    expect(updated.phone).toBe('01055556666');
    const entries = await t.store.db
      .selectFrom('outbox')
      .selectAll()
      .where('table_name', '!=', 'audit_entries')
      .orderBy('client_seq')
      .execute();
    expect(entries.map((e) => e.op)).toEqual(['insert', 'update']);
    expect(JSON.parse(entries[1]?.fields ?? '{}')).toEqual({ phone: '01055556666' });
    expect((entries[1]?.hlc ?? '') > (entries[0]?.hlc ?? '')).toBe(true);
    const audit = await t.store.db
      .selectFrom('audit_entries')
      .select('detail')
      .where('action', '=', 'jobseeker.update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail ?? '{}')).toEqual({ fields: ['phone'] });
  });

  it('writes nothing for an update that changes nothing', async () => {
    const created = await createJobseeker(t.store.context, counselor, fields, false);
    await updateJobseeker(t.store.context, counselor, created.id, 0, fields);
    expect(
      await t.store.db.selectFrom('outbox').selectAll().where('table_name', '!=', 'audit_entries').execute(),
    ).toHaveLength(1);
  });

  it('reports an unknown record as not found', async () => {
    await expect(
      openJobseeker(t.store.context, counselor, '01900000-0000-7000-8000-000000000000'),
    ).rejects.toMatchObject({
      error: { code: 'not-found' },
    });
  });

  it('detects a tampered audit entry by its broken link', async () => {
    const created = await createJobseeker(t.store.context, counselor, fields, false);
    await openJobseeker(t.store.context, counselor, created.id);
    // Tampering means bypassing the append-only trigger, as someone with the raw file could.
    t.store.raw.exec('DROP TRIGGER audit_entries_no_update');
    t.store.raw.exec(
      `UPDATE audit_entries SET actor_login = 'someone-else' WHERE action = 'jobseeker.create'`,
    );
    const result = await verifyAuditChain(t.store.db);
    expect(result.ok).toBe(false);
  });
});
