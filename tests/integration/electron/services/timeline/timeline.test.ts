import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../../electron/main/dispatcher.ts';
import type { SessionInfo } from '../../../../../shared/contract/auth.ts';
import type { Result } from '../../../../../shared/contract/result.ts';
import type { TimelinePage } from '../../../../../shared/contract/timeline.ts';
import { sortInstant } from '../../../../../electron/services/timeline/index.ts';
import { caller, READY_ANSWERS, seedFixture, type Fixture } from '../../../../support/case-fixtures.ts';
import {
  dispatcherFor,
  makeTestStore,
  sessionHolder,
  type TestStore,
} from '../../../../support/temp-store.ts';

// The timeline service through the real dispatcher: events of every source newest first, filtered by
// kind (with counts per kind for the chips), paged by cursor without overlap or gap even when an event
// is added between pages, every page an audit entry naming the person, and the refusals (another
// center's case answered as not found, an admin, a bad kind or cursor).

let t: TestStore;
let f: Fixture;
let dispatch: Dispatch;
let person = '';

const setNow = (iso: string) => {
  t.store.context.now = () => new Date(iso);
};

beforeAll(async () => {
  t = await makeTestStore();
  f = await seedFixture(t);
  dispatch = dispatcherFor(t.store).dispatch;
  const call = caller(dispatch);
  const c = f.sessions.counselor;
  // A case whose records are made a day apart, in an order unlike the kinds' order.
  setNow('2026-09-01T01:00:00Z');
  const js = await call(c, 'jobseekers:create', {
    fields: { name: '정시간', birthYear: 1990, sido: '11', desiredOccupation: '5501' },
    confirmedNotDuplicate: true,
  });
  person = js.id;
  setNow('2026-09-02T01:00:00Z');
  await call(c, 'casework:addNote', { jobseekerId: person, kind: 'in-person', body: '첫 만남' });
  setNow('2026-09-03T01:00:00Z');
  await call(c, 'casework:saveAssessment', {
    jobseekerId: person,
    answers: READY_ANSWERS,
    decision: { kind: 'accepted' },
  });
  setNow('2026-09-04T01:00:00Z');
  await call(c, 'casework:addNote', { jobseekerId: person, kind: 'phone', body: '전화 확인' });
  setNow('2026-09-05T01:00:00Z');
  await call(c, 'referrals:create', { jobseekerId: person, openingId: f.openingId });
});
afterAll(() => t.cleanup());

const list = (s: SessionInfo, input: unknown) =>
  dispatch({ surface: 'desk', session: sessionHolder(s) }, 'timeline:list', input) as Promise<
    Result<TimelinePage>
  >;

async function ok(s: SessionInfo, input: unknown): Promise<TimelinePage> {
  const r = await list(s, input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('order', () => {
  it('lists every kind newest first, with the names of who recorded them', async () => {
    const page = await ok(f.sessions.counselor, { jobseekerId: person });
    expect(page.items.map((e) => e.title.key)).toEqual([
      'timeline.referral.proposed',
      'timeline.note.written',
      'timeline.assessment.done',
      'timeline.note.written',
      'timeline.lifecycle.registered',
    ]);
    expect(page.items[1]?.detail).toBe('전화 확인');
    expect(page.total).toBe(5);
    expect(page.next).toBeNull();
    expect(page.counts).toEqual({ 'job-referral': 1, note: 2, assessment: 1, lifecycle: 1 });
    expect(page.actors[f.sessions.counselor.userId]).toBeTruthy();
  });

  it('sorts a bare day (a hire date) as the start of that day in Korea', () => {
    expect(sortInstant('2026-10-25')).toBe('2026-10-24T15:00:00.000Z');
    expect(sortInstant('2026-10-25T03:00:00+09:00')).toBe('2026-10-24T18:00:00.000Z');
  });
});

describe('filter', () => {
  it('keeps only the chosen kinds; the counts still cover every kind', async () => {
    const page = await ok(f.sessions.counselor, { jobseekerId: person, kinds: ['note', 'assessment'] });
    expect(page.items.map((e) => e.kind)).toEqual(['note', 'assessment', 'note']);
    expect(page.total).toBe(3);
    expect(page.counts.lifecycle).toBe(1);
    const none = await ok(f.sessions.counselor, { jobseekerId: person, kinds: ['appointment'] });
    expect(none).toMatchObject({ items: [], total: 0, next: null });
  });
});

describe('paging', () => {
  it('walks a long case page by page without overlap or gap, even with an event added meanwhile', async () => {
    const call = caller(dispatch);
    const c = f.sessions.counselor;
    const js = await call(c, 'jobseekers:create', {
      fields: { name: '장기록', birthYear: 1980, sido: '11', desiredOccupation: '5501' },
      confirmedNotDuplicate: true,
    });
    // 30 notes at the same instant: the key orders them, so a page boundary inside a tie is exact.
    setNow('2026-10-01T01:00:00Z');
    for (let i = 0; i < 30; i++)
      await call(c, 'casework:addNote', { jobseekerId: js.id, kind: 'phone', body: `기록 ${i}` });
    const whole = await ok(c, { jobseekerId: js.id, limit: 500 });
    expect(whole.total).toBe(31);
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const page: TimelinePage = await ok(c, { jobseekerId: js.id, limit: 7, after: next });
      seen.push(...page.items.map((e) => e.key));
      next = page.next;
      pages += 1;
      // A newer event added mid-walk lands on the first page, not in the pages still to come.
      if (pages === 2) {
        setNow('2026-10-02T01:00:00Z');
        await call(c, 'casework:addNote', { jobseekerId: js.id, kind: 'phone', body: '나중 기록' });
      }
    } while (next !== null);
    expect(pages).toBe(5);
    expect(seen).toEqual(whole.items.map((e) => e.key));
  });
});

describe('audit', () => {
  it('makes every page an audited read naming the person', async () => {
    const before = await t.store.db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'timeline.list')
      .where('person_id', '=', person)
      .executeTakeFirstOrThrow();
    await ok(f.sessions.supervisor, { jobseekerId: person, kinds: ['note'] });
    const entries = await t.store.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'timeline.list')
      .where('person_id', '=', person)
      .execute();
    expect(entries.length).toBe(Number(before.n) + 1);
    expect(entries.filter((e) => e.actor_id === f.sessions.supervisor.userId)).toEqual([
      expect.objectContaining({ subject_id: person, subject_type: 'jobseeker' }),
    ]);
  });
});

describe('refusals', () => {
  it("answers another center's case as not found, and audits nothing for it", async () => {
    const r = await list(f.sessions.counselor, { jobseekerId: f.other.jobseekerId });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const entries = await t.store.db
      .selectFrom('audit_entries')
      .select('id')
      .where('action', '=', 'timeline.list')
      .where('person_id', '=', f.other.jobseekerId)
      .execute();
    expect(entries).toEqual([]);
  });

  it('refuses an admin, an unknown kind, an oversized page and a made-up cursor', async () => {
    expect(await list(f.sessions.admin, { jobseekerId: person })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await list(f.sessions.counselor, { jobseekerId: person, kinds: ['gossip'] })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await list(f.sessions.counselor, { jobseekerId: person, limit: 5000 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await list(f.sessions.counselor, { jobseekerId: person, after: 'nonsense' })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'timeline.v.cursor' },
    });
  });
});
