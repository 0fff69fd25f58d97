import { randomUUID } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConsent } from '../../../electron/services/consent-record.ts';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import { checklistFromAnswers, type IntakeAnswers } from '../../../shared/casework/intake.ts';
import { businessNumberCheckDigit } from '../../../shared/domain/business-number.ts';
import { classifyJobseeker } from '../../../shared/profiling/index.ts';
import type { MutationResult } from '../../../shared/sync/protocol.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import { refusalCodeOf } from '../../../shared/sync/refusals.ts';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/index.ts';
import { READY_ANSWERS } from '../../support/case-fixtures.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import {
  openSyncDesk,
  startSyncServer,
  SYNC_PASSWORD,
  type SyncDesk,
  type SyncServer,
} from '../../support/sync-desktop.ts';
import { dispatcherFor } from '../../support/temp-store.ts';

// The server enforces consent itself (domain.md §10; issue 13 item 9): a modified client that skips the
// desk's checks sends hand-made pushes over real HTTP, and the server refuses what the jobseeker's
// consent in force does not allow, with a reason from the catalog; nothing is stored, and a colleague's
// desktop receives nothing of it. The consent in force comes from the honest desktop's own pushes
// (the decisive fields), or, for rows from before them, from the latest consent record.

const WELFARE: IntakeAnswers = { ...READY_ANSWERS, economicHardship: ['livelihood-recipient'] };
const HEALTH: IntakeAnswers = { ...READY_ANSWERS, barriers: ['health'] };

/** An assessment row exactly as an honest desktop makes it (classified from its answers). */
function assessment(jobseekerId: string, userId: string, answers: IntakeAnswers): Record<string, unknown> {
  const checklist = checklistFromAnswers(answers);
  const result = classifyJobseeker(checklist);
  return {
    jobseeker_id: jobseekerId,
    rule_set: result.ruleSet,
    inputs: JSON.stringify({ ...checklist, declined: answers.declined, kioskItems: [] }),
    result: JSON.stringify(result),
    type: result.type,
    track: result.track,
    decision: 'accepted',
    final_type: result.type,
    final_track: result.track,
    override_reason_code: null,
    override_reason_text: null,
    created_by: userId,
    created_at: new Date().toISOString(),
    reassess_due_on: null,
    conversion: 0,
  };
}

/** A modified client: its own device, signed in with the counselor's password, pushing by hand. */
async function handMade(server: SyncServer, loginId: string) {
  const deviceId = randomUUID();
  const r = await fetch(`${server.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, password: SYNC_PASSWORD, deviceId, deviceName: 'modified client' }),
  });
  expect(r.status).toBe(200);
  const { accessToken } = (await r.json()) as { accessToken: string };
  let clientSeq = 0;
  return async (table: string, rowId: string, fields: Record<string, unknown>): Promise<MutationResult> => {
    const res = await fetch(`${server.url}/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        schemaVersion: LATEST_SCHEMA_VERSION,
        mutations: [
          {
            clientSeq: ++clientSeq,
            table,
            rowId,
            op: 'insert',
            fields,
            hlc: formatHlc({ wall: Date.now(), counter: 0, node: deviceId }),
            baseSeq: 0,
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: MutationResult[] };
    expect(body.results).toHaveLength(1);
    return body.results[0] as MutationResult;
  };
}

describe.each(SERVER_DIALECTS)('the server enforces consent on pushes (%s)', (dialect) => {
  let server: SyncServer;
  let desk: SyncDesk;
  let colleague: SyncDesk;
  let openingId: string;
  let push: Awaited<ReturnType<typeof handMade>>;

  beforeAll(async () => {
    server = await startSyncServer(
      dialect,
      [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
      [
        { loginId: 'kim01', role: 'counselor', center: 'SEL01' },
        { loginId: 'lee02', role: 'counselor', center: 'SEL01' },
      ],
    );
    desk = await openSyncDesk(server.url, 'kim01');
    colleague = await openSyncDesk(server.url, 'lee02');
    await desk.client.syncOnce();
    const { dispatch, desk: caller } = dispatcherFor(desk.store);
    const first9 = '123456789';
    const employer = await dispatch(caller(desk.session), 'employers:create', {
      fields: {
        businessNo: `${first9}${businessNumberCheckDigit(first9)}`,
        name: '(주)늘봄',
        industry: 'Q',
        employees: 20,
        sido: '11',
      },
    });
    if (!employer.ok) throw new Error(JSON.stringify(employer.error));
    const opening = await dispatch(caller(desk.session), 'openings:create', {
      employerId: (employer.value as { employer: { id: string } }).employer.id,
      fields: {
        title: '요양보호사',
        occupation: '5501',
        sido: '11',
        wage: 2_400_000,
        positions: 2,
        requiredQualifications: [],
        public: true,
      },
    });
    if (!opening.ok) throw new Error(JSON.stringify(opening.error));
    openingId = (opening.value as { id: string }).id;
    push = await handMade(server, 'kim01');
  });

  afterAll(async () => {
    await colleague.close();
    await desk.close();
    await server.close();
  });

  async function newCase(name: string, granted: Parameters<typeof recordConsent>[2]['granted']) {
    const js = await createJobseeker(
      desk.store.context,
      desk.session,
      {
        name,
        birthYear: 1990,
        gender: null,
        phone: '01023456789', // stored form: the IPC layer parses before the service,
        email: null,
        sido: '11',
        sigungu: null,
        desiredOccupation: '5501',
        desiredWage: null,
        mobile: false,
      },
      true,
    );
    await recordConsent(desk.store.context, desk.session, {
      jobseekerId: js.id,
      channel: 'counter',
      granted,
    });
    expect(await desk.client.syncOnce()).toMatchObject({ refused: 0, review: 0 });
    return js.id;
  }

  async function onServer(table: string, rowId: string) {
    return server.opened.db
      .selectFrom('sync_rows')
      .select('row_id')
      .where('table_name', '=', table)
      .where('row_id', '=', rowId)
      .executeTakeFirst();
  }

  /** Refused for `code`, not stored, and not delivered to a colleague of the same center. */
  async function refusedEverywhere(result: MutationResult, code: string, table: string, rowId: string) {
    expect(result.status).toBe('refused');
    expect(refusalCodeOf(result.reason ?? '')).toBe(code);
    expect(result.reason).not.toMatch(/livelihood|010/);
    expect(await onServer(table, rowId)).toBeUndefined();
    await colleague.client.syncOnce();
    const held = await colleague.store.db
      .selectFrom(table as 'assessments')
      .select('id')
      .where('id', '=', rowId)
      .executeTakeFirst();
    expect(held).toBeUndefined();
  }

  it('refuses health and welfare answers without the sensitive consent; takes them once it is given', async () => {
    const id = await newCase('최민감', { required: true, sensitive: false });
    for (const answers of [WELFARE, HEALTH]) {
      const rowId = uuidv7();
      const result = await push('assessments', rowId, assessment(id, desk.session.userId, answers));
      expect(result.reason).toContain('sensitive');
      await refusedEverywhere(result, 'consentMissing', 'assessments', rowId);
    }
    // Answers that are not sensitive need no such consent.
    const plain = uuidv7();
    expect(
      await push('assessments', plain, assessment(id, desk.session.userId, READY_ANSWERS)),
    ).toMatchObject({
      status: 'applied',
    });

    await recordConsent(desk.store.context, desk.session, {
      jobseekerId: id,
      channel: 'counter',
      granted: { sensitive: true },
    });
    await desk.client.syncOnce();
    const given = uuidv7();
    expect(await push('assessments', given, assessment(id, desk.session.userId, WELFARE))).toMatchObject({
      status: 'applied',
    });

    // Withdrawn again: refused again.
    await recordConsent(desk.store.context, desk.session, {
      jobseekerId: id,
      channel: 'counter',
      granted: { sensitive: false },
    });
    await desk.client.syncOnce();
    const after = uuidv7();
    await refusedEverywhere(
      await push('assessments', after, assessment(id, desk.session.userId, HEALTH)),
      'consentMissing',
      'assessments',
      after,
    );
  });

  it('refuses a referral that gives the contact to the employer without the sharing consent', async () => {
    const id = await newCase('박선택', { required: true, optional: false });
    const referral = (rowId: string, share: number) =>
      push('referrals', rowId, {
        jobseeker_id: id,
        opening_id: openingId,
        counselor_id: desk.session.userId,
        created_at: new Date().toISOString(),
        share_contact: share,
      });
    const shared = uuidv7();
    await refusedEverywhere(await referral(shared, 1), 'consentMissing', 'referrals', shared);
    const plain = uuidv7();
    expect(await referral(plain, 0)).toMatchObject({ status: 'applied' });

    await recordConsent(desk.store.context, desk.session, {
      jobseekerId: id,
      channel: 'counter',
      granted: { optional: true },
    });
    await desk.client.syncOnce();
    const given = uuidv7();
    expect(await push('referrals', given, { ...(await referralFields(id)), share_contact: 1 })).toMatchObject(
      {
        status: 'applied',
      },
    );
  });

  async function referralFields(jobseekerId: string) {
    // A second opening: one referral per jobseeker and opening.
    const { dispatch, desk: caller } = dispatcherFor(desk.store);
    const employers = await desk.store.db.selectFrom('employers').select('id').executeTakeFirstOrThrow();
    const opening = await dispatch(caller(desk.session), 'openings:create', {
      employerId: employers.id,
      fields: {
        title: '간호조무사',
        occupation: '5501',
        sido: '11',
        wage: 2_500_000,
        positions: 1,
        requiredQualifications: [],
        public: true,
      },
    });
    if (!opening.ok) throw new Error(JSON.stringify(opening.error));
    await desk.client.syncOnce();
    return {
      jobseeker_id: jobseekerId,
      opening_id: (opening.value as { id: string }).id,
      counselor_id: desk.session.userId,
      created_at: new Date().toISOString(),
    };
  }

  it('refuses notes, assessments and referrals for a case whose required consent was withdrawn', async () => {
    const id = await newCase('김필수', { required: true });
    await recordConsent(desk.store.context, desk.session, {
      jobseekerId: id,
      channel: 'counter',
      granted: { required: false },
    });
    await desk.client.syncOnce();
    const note = uuidv7();
    await refusedEverywhere(
      await push('counseling_notes', note, {
        jobseeker_id: id,
        kind: 'phone',
        body: '전화 상담',
        author_id: desk.session.userId,
        created_at: new Date().toISOString(),
        revision_of: null,
      }),
      'consentWithdrawn',
      'counseling_notes',
      note,
    );
    const a = uuidv7();
    await refusedEverywhere(
      await push('assessments', a, assessment(id, desk.session.userId, READY_ANSWERS)),
      'consentWithdrawn',
      'assessments',
      a,
    );
    // Given again: the case is served again.
    await recordConsent(desk.store.context, desk.session, {
      jobseekerId: id,
      channel: 'counter',
      granted: { required: true },
    });
    await desk.client.syncOnce();
    expect(
      await push('counseling_notes', uuidv7(), {
        jobseeker_id: id,
        kind: 'phone',
        body: '다시 상담',
        author_id: desk.session.userId,
        created_at: new Date().toISOString(),
        revision_of: null,
      }),
    ).toMatchObject({ status: 'applied' });
  });

  it('reads the latest consent record for a case from before the decisive field', async () => {
    // An older desktop: the case and its consent record, no consent field on the case.
    const id = uuidv7();
    const now = new Date().toISOString();
    expect(
      await push('jobseekers', id, {
        reg_no: '26-ABCD-EFGH', // the app's own form (shared/domain/registration-number.ts)
        center_code: 'SEL01',
        name: '정이전',
        birth_year: 1980,
        gender: null,
        phone: null,
        email: null,
        sido: '11',
        sigungu: null,
        desired_occupation: null,
        desired_wage: null,
        mobile: 0,
        assigned_counselor_id: desk.session.userId,
        current_type: null,
        current_track: null,
        registered_at: now,
        created_at: now,
        updated_at: now,
      }),
    ).toMatchObject({ status: 'applied' });
    const record = (granted: number) => ({
      jobseeker_id: id,
      item_group: 'sensitive',
      granted,
      notice_version: '2026-01',
      channel: 'counter',
      recorded_by: desk.session.userId,
      recorded_at: new Date().toISOString(),
    });
    expect(await push('consent_records', uuidv7(), record(0))).toMatchObject({ status: 'applied' });
    const refused = uuidv7();
    await refusedEverywhere(
      await push('assessments', refused, assessment(id, desk.session.userId, WELFARE)),
      'consentMissing',
      'assessments',
      refused,
    );
    expect(await push('consent_records', uuidv7(), record(1))).toMatchObject({ status: 'applied' });
    expect(await push('assessments', uuidv7(), assessment(id, desk.session.userId, WELFARE))).toMatchObject({
      status: 'applied',
    });
  });
});
