import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCaseFile } from '../../../../electron/services/casework.ts';
import {
  createJobseeker,
  listForCounselor,
  openJobseeker,
} from '../../../../electron/services/jobseekers.ts';
import { referralDetail } from '../../../../electron/services/referrals.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { ChannelName, Contract, InputOf } from '../../../../shared/contract/index.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { jobseekerFieldsSchema } from '../../../../shared/domain/jobseeker.ts';
import {
  READY_ANSWERS,
  seedFixture,
  type CaseRecords,
  type Fixture,
} from '../../../support/case-fixtures.ts';
import { storeWatch } from '../../../support/store-digest.ts';
import { dispatcherFor, makeTestStore, sessionHolder, type TestStore } from '../../../support/temp-store.ts';

// Center and owner restriction (domain.md §1): counselors and supervisors reach the cases of their own
// center, plus (counselors) the jobseekers assigned to them from another center; admins reach none.
// Every case path is tried by hand with another center's ids: refused as not found, with the store,
// its outbox and its audit trail unchanged; then the same call on an own case succeeds, so the refusal
// is about whose case it is and nothing else.

let t: TestStore;
let f: Fixture;
let call: <K extends ChannelName>(
  session: SessionInfo,
  channel: K,
  input: InputOf<Contract[K]>,
) => Promise<Result<unknown>>;

beforeAll(async () => {
  t = await makeTestStore();
  f = await seedFixture(t);
  const { dispatch } = dispatcherFor(t.store);
  call = (session, channel, input) =>
    dispatch({ surface: 'desk', session: sessionHolder(session) }, channel, input);
});
afterAll(() => t.cleanup());

const CSV = [
  'kind,title,ncsCode,issuer,startedOn,endedOn,hours,grade,source',
  'training,용접 실무,,폴리텍,2021-03-02,2021-08-31,600,,hrd-net',
].join('\n');

/** One hand-made call per case path, built from the records of a case. */
function casePaths(c: CaseRecords, suffix: string): Array<[ChannelName, (f: Fixture) => unknown]> {
  return [
    ['jobseekers:get', () => ({ id: c.jobseekerId })],
    ['jobseekers:update', () => ({ id: c.jobseekerId, baseSeq: 0, fields: { name: `이름 바꿈 ${suffix}` } })],
    ['casework:get', () => ({ jobseekerId: c.jobseekerId })],
    [
      'casework:saveAssessment',
      () => ({
        jobseekerId: c.jobseekerId,
        answers: { ...READY_ANSWERS, mobile: false },
        decision: { kind: 'accepted' },
      }),
    ],
    [
      'casework:saveIntake',
      () => ({
        consent: { sensitive: true },
        assessment: {
          jobseekerId: c.jobseekerId,
          answers: { ...READY_ANSWERS, mobile: false },
          decision: { kind: 'accepted' },
        },
      }),
    ],
    ['casework:addNote', () => ({ jobseekerId: c.jobseekerId, kind: 'phone', body: `전화 상담 ${suffix}` })],
    ['casework:reviseNote', () => ({ noteId: c.noteId, kind: 'phone', body: `고친 기록 ${suffix}` })],
    ['casework:recordConsent', () => ({ jobseekerId: c.jobseekerId, granted: { sensitive: true } })],
    [
      'casework:addCompetency',
      () => ({
        jobseekerId: c.jobseekerId,
        item: {
          kind: 'education',
          title: `직업교육 ${suffix}`,
          ncsCode: null,
          issuer: null,
          startedOn: null,
          endedOn: null,
          hours: 40,
          grade: null,
          source: 'self-reported',
        },
      }),
    ],
    ['casework:previewImport', () => ({ jobseekerId: c.jobseekerId, format: 'csv', content: CSV })],
    ['casework:import', () => ({ jobseekerId: c.jobseekerId, format: 'csv', content: CSV })],
    ['casework:issueCertificate', () => ({ jobseekerId: c.jobseekerId, itemIds: c.competencyIds })],
    ['matching:forJobseeker', () => ({ jobseekerId: c.jobseekerId })],
    ['referrals:get', () => ({ id: c.referralId })],
    ['referrals:record', () => ({ referralId: c.referralId, kind: 'interview', interviewOn: '2026-11-20' })],
    ['referrals:forJobseeker', () => ({ jobseekerId: c.jobseekerId })],
    [
      'referrals:recordPlacement',
      () => ({ jobseekerId: c.jobseekerId, employerName: `(주)새직장 ${suffix}`, hiredOn: '2026-10-01' }),
    ],
    ['referrals:placementFollowUp', () => ({ placementId: c.placementId, months: 1, employed: true })],
    ['checkins:link', (fx) => ({ id: fx.checkinId, jobseekerId: c.jobseekerId })],
    // Last: the open review is decided, then a new one can be asked for.
    ['casework:decideReview', () => ({ reviewId: c.reviewId, outcome: 'upheld', text: `유지 ${suffix}` })],
    [
      'casework:requestReview',
      () => ({ jobseekerId: c.jobseekerId, assessmentId: c.assessmentId, text: '재검토' }),
    ],
  ];
}

async function refusedWithoutTrace(
  session: SessionInfo,
  channel: ChannelName,
  input: unknown,
  otherId: string,
) {
  const watch = storeWatch(t.store.db);
  await watch.before();
  const auditBefore = await t.store.db.selectFrom('audit_entries').select('id').execute();
  const result = await call(session, channel, input as never);
  expect(result.ok, `${channel} reached another center's case`).toBe(false);
  if (!result.ok) {
    expect(['not-found', 'forbidden'], `${channel}: ${JSON.stringify(result.error)}`).toContain(
      result.error.code,
    );
    expect(JSON.stringify(result.error)).not.toContain(otherId);
  }
  expect(await watch.changedSinceBefore(), `${channel} changed the store`).toEqual([]);
  const auditAfter = await t.store.db.selectFrom('audit_entries').select('id').execute();
  expect(auditAfter.length).toBe(auditBefore.length);
}

describe('another center’s cases', () => {
  it('are refused on every case path, for a counselor and for a supervisor, without a trace', async () => {
    let paths = 0;
    for (const session of [f.sessions.counselor, f.sessions.supervisor]) {
      for (const [channel, input] of casePaths(f.other, 'x')) {
        await refusedWithoutTrace(session, channel, input(f), f.other.jobseekerId);
        paths++;
      }
    }
    expect(paths).toBe(2 * casePaths(f.other, 'x').length);
  });

  it('are refused as if they did not exist: the same answer as for an unknown id', async () => {
    const unknown = await call(f.sessions.counselor, 'jobseekers:get', {
      id: '01900000-0000-7000-8000-000000000000',
    });
    const foreign = await call(f.sessions.counselor, 'jobseekers:get', { id: f.other.jobseekerId });
    expect(foreign).toEqual(unknown);
  });

  it('stay reachable to their own center: the same calls succeed there', async () => {
    for (const [channel, input] of casePaths(f.other, 'own')) {
      const result = await call(f.otherCounselor, channel, input(f) as never);
      if (channel === 'checkins:link') {
        // The ticket belongs to T01's queue: T02 cannot link it, whatever the jobseeker.
        expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
        continue;
      }
      expect(result, `${channel}: ${JSON.stringify(result)}`).toMatchObject({ ok: true });
    }
  });

  it('the same calls succeed on an own case, for a counselor of the center', async () => {
    for (const [channel, input] of casePaths(f.own, 'own')) {
      const result = await call(f.sessions.counselor2, channel, input(f) as never);
      if (channel === 'casework:reviseNote') {
        // Somebody else's note: only its author or a supervisor may revise it (notes.notAuthor).
        expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'notes.notAuthor' } });
        continue;
      }
      expect(result, `${channel}: ${JSON.stringify(result)}`).toMatchObject({ ok: true });
    }
  });
});

describe('a counselor’s own caseload across centers', () => {
  it('is reachable by the counselor it is assigned to, and by nobody else at their center', async () => {
    expect(await call(f.sessions.counselor, 'casework:get', { jobseekerId: f.travellingId })).toMatchObject({
      ok: true,
    });
    await refusedWithoutTrace(
      f.sessions.counselor2,
      'casework:get',
      { jobseekerId: f.travellingId },
      f.travellingId,
    );
    await refusedWithoutTrace(
      f.sessions.supervisor,
      'jobseekers:get',
      { id: f.travellingId },
      f.travellingId,
    );
  });
});

describe('lists and searches', () => {
  const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

  it('the jobseeker list holds the own center and the own caseload only', async () => {
    const list = async (s: SessionInfo) => {
      const r = await call(s, 'jobseekers:list', { limit: 500 });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return ids((r.value as { rows: Array<{ id: string }> }).rows);
    };
    const mine = await list(f.sessions.counselor);
    expect(mine).toContain(f.own.jobseekerId);
    expect(mine).toContain(f.travellingId);
    expect(mine).not.toContain(f.other.jobseekerId);
    const supervisors = await list(f.sessions.supervisor);
    expect(supervisors).toContain(f.own.jobseekerId);
    expect(supervisors).not.toContain(f.travellingId);
    expect(supervisors).not.toContain(f.other.jobseekerId);
    // A search by the other person's name finds nothing, not even a count.
    const search = await call(f.sessions.supervisor, 'jobseekers:list', { query: '이바다' });
    expect(search).toMatchObject({ ok: true, value: { total: 0, rows: [] } });
  });

  it('the duplicate check does not show another center’s people', async () => {
    const other = await call(f.sessions.counselor, 'jobseekers:findDuplicates', {
      name: '이바다',
      birthYear: 1985,
      phone: '010-2000-3000',
    });
    expect(other).toMatchObject({ ok: true });
    if (other.ok) {
      const found = ids(other.value as Array<{ id: string }>);
      expect(found).not.toContain(f.other.jobseekerId);
      expect(found).toContain(f.own.jobseekerId); // same phone: the own center's record is shown
    }
  });

  it('matching ranks only jobseekers the caller may see', async () => {
    const fields = jobseekerFieldsSchema.parse({
      name: '최후보',
      birthYear: 1990,
      sido: '11',
      desiredOccupation: '5501',
    });
    const foreign = await createJobseeker(t.store.context, f.otherCounselor, fields, true);
    const ranked = async (s: SessionInfo) => {
      const r = await call(s, 'matching:forOpening', { openingId: f.openingId });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return (r.value as { rows: Array<{ jobseekerId: string }> }).rows.map((x) => x.jobseekerId);
    };
    expect(await ranked(f.otherCounselor)).toContain(foreign.id); // a candidate at their own center
    const mine = await ranked(f.sessions.counselor);
    expect(mine).not.toContain(foreign.id);
    expect(mine).toContain(f.travellingId);
    expect(await ranked(f.sessions.supervisor)).not.toContain(f.travellingId);
  });

  it('an opening’s referrals list only the caller’s cases', async () => {
    const r = await call(f.sessions.supervisor, 'referrals:forOpening', { openingId: f.openingId });
    expect(r).toMatchObject({ ok: true });
    if (r.ok) {
      const js = (r.value as Array<{ jobseekerId: string }>).map((x) => x.jobseekerId);
      expect(js).toContain(f.own.jobseekerId);
      expect(js).not.toContain(f.other.jobseekerId);
    }
  });

  it('the caseload holds the counselor’s own jobseekers, wherever they were registered', async () => {
    const r = await call(f.sessions.counselor, 'casework:caseload', {});
    expect(r).toMatchObject({ ok: true });
    if (r.ok) {
      const js = ids((r.value as { rows: Array<{ id: string }> }).rows);
      expect(js).toContain(f.travellingId);
      expect(js).not.toContain(f.other.jobseekerId);
    }
  });
});

describe('admins', () => {
  it('get no case data, even from the services called directly', async () => {
    const admin = f.sessions.admin;
    const ctx = t.store.context;
    const forbidden = { error: { code: 'forbidden' } };
    await expect(openJobseeker(ctx, admin, f.own.jobseekerId)).rejects.toMatchObject(forbidden);
    await expect(getCaseFile(ctx, admin, f.own.jobseekerId)).rejects.toMatchObject(forbidden);
    await expect(referralDetail(ctx, admin, f.own.referralId)).rejects.toMatchObject(forbidden);
    await expect(
      listForCounselor(ctx, admin, {
        query: '',
        sort: 'name',
        direction: 'asc',
        offset: 0,
        limit: 10,
        mine: false,
      }),
    ).rejects.toMatchObject(forbidden);
    const fields = jobseekerFieldsSchema.parse({ name: '관리자등록', birthYear: 1990, sido: '11' });
    await expect(createJobseeker(ctx, admin, fields, true)).rejects.toMatchObject(forbidden);
    expect(await call(admin, 'casework:get', { jobseekerId: f.own.jobseekerId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
