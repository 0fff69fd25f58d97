import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../electron/main/dispatcher.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import type { BulkResult } from '../../../../shared/contract/worklist.ts';
import { caller, caseWithRecords, seedFixture, type Fixture } from '../../../support/case-fixtures.ts';
import { dispatcherFor, makeTestStore, sessionHolder, type TestStore } from '../../../support/temp-store.ts';

// 일괄 종결 (issue 16 items 3 and 6): a supervisor closes a selection with one reason; each case closes as
// on its own page (status, status event, outbox entry, audit entry); what cannot be closed is skipped and
// counted, bad input and a counselor are refused with nothing changed.

let t: TestStore;
let f: Fixture;
let dispatch: Dispatch;
let a: string;
let b: string;

beforeAll(async () => {
  t = await makeTestStore();
  f = await seedFixture(t);
  dispatch = dispatcherFor(t.store).dispatch;
  const call = caller(dispatch);
  a = (await caseWithRecords(call, f.sessions.counselor, '종결하나', f.openingId)).jobseekerId;
  b = (await caseWithRecords(call, f.sessions.counselor, '종결둘', f.openingId)).jobseekerId;
});
afterAll(() => t.cleanup());

const run = (s: SessionInfo, input: unknown): Promise<Result<unknown>> =>
  dispatch({ surface: 'desk', session: sessionHolder(s) }, 'jobseekers:bulkClose', input);

const statusOf = (id: string) =>
  t.store.db.selectFrom('jobseekers').select('status').where('id', '=', id).executeTakeFirstOrThrow();

describe('bulk close', () => {
  it('refuses a counselor and bad input, changing nothing', async () => {
    const before = (await statusOf(a)).status;
    const byCounselor = await run(f.sessions.counselor, {
      selection: { kind: 'ids', ids: [a] },
      reason: 'own-request',
    });
    expect(byCounselor).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const noText = await run(f.sessions.supervisor, {
      selection: { kind: 'ids', ids: [a] },
      reason: 'other',
    });
    expect(noText).toMatchObject({ ok: false, error: { field: 'text' } });
    const noMonths = await run(f.sessions.supervisor, {
      selection: { kind: 'ids', ids: [a] },
      reason: 'no-contact',
    });
    expect(noMonths).toMatchObject({ ok: false, error: { field: 'noContactMonths' } });
    expect((await statusOf(a)).status).toBe(before);
  });

  it('closes each selected case once with its event, outbox entry and audit entry; skips the rest', async () => {
    const first = await run(f.sessions.supervisor, {
      selection: { kind: 'ids', ids: [a, b, f.other.jobseekerId] },
      reason: 'no-contact',
      noContactMonths: 6,
    });
    expect(first).toMatchObject({
      ok: true,
      value: { selected: 3, changed: 2, skipped: 1 } satisfies BulkResult,
    });
    for (const id of [a, b]) {
      expect((await statusOf(id)).status).toBe('closed');
      const events = await t.store.db
        .selectFrom('case_status_events')
        .select(['kind', 'reason', 'no_contact_months'])
        .where('jobseeker_id', '=', id)
        .execute();
      expect(events).toEqual([{ kind: 'closed', reason: 'no-contact', no_contact_months: 6 }]);
      const outbox = await t.store.db
        .selectFrom('outbox')
        .select('table_name')
        .where('row_id', '=', id)
        .where('table_name', '=', 'jobseekers')
        .execute();
      expect(outbox.length).toBeGreaterThan(0);
      const audit = await t.store.db
        .selectFrom('audit_entries')
        .select('action')
        .where('person_id', '=', id)
        .where('action', '=', 'jobseeker.close')
        .execute();
      expect(audit).toHaveLength(1);
    }
    expect((await statusOf(f.other.jobseekerId)).status).not.toBe('closed');
    // Again: both already closed, nothing written twice.
    const again = await run(f.sessions.supervisor, {
      selection: { kind: 'ids', ids: [a, b] },
      reason: 'own-request',
    });
    expect(again).toMatchObject({ ok: true, value: { selected: 2, changed: 0, skipped: 2 } });
  });
});
