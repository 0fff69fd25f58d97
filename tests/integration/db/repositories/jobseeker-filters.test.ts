import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobseekerInScope } from '../../../../db/repositories/case-scope.ts';
import { listJobseekers } from '../../../../db/repositories/jobseekers.ts';
import { login } from '../../../../electron/services/auth.ts';
import { generateDemo } from '../../../../electron/services/demo/generate.ts';
import { openDesktopStore, type DesktopStore } from '../../../../electron/services/store.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { JobseekerFilter } from '../../../../shared/domain/jobseeker-filters.ts';
import { CLOSED_STATES } from '../../../../shared/referrals/state-machine.ts';
import { tempDir } from '../../../support/temp-store.ts';
import { TEST_STORE_KEY } from '../../../support/store-key.ts';

// The filter bar's predicates (issue 16 item 7) are written set-based for speed at 100k (`j.id [not] in
// (one set)`, a scan of one covering index for the scope). They must pick exactly the cases the
// plain definitions pick: here the definitions are the correlated EXISTS they replaced, on a demo store
// around its anchor day (recent notes, open and ended referrals, this week's appointments).

const PASSWORD = 'Filter-pass-2026';
const TODAY = '2026-03-04';
const ENDING = ['hired', ...CLOSED_STATES];

let store: DesktopStore;
let remove: () => void;
let lead: SessionInfo;
let counselor: SessionInfo;

beforeAll(async () => {
  let dir: string;
  ({ dir, remove } = tempDir('caseworker-filters-'));
  store = await openDesktopStore(dir, { key: TEST_STORE_KEY });
  await generateDemo(store.context, {
    centerCode: 'FLT',
    centerName: '서울강남고용센터',
    sido: '11',
    sigungu: '11680',
    jobseekers: 400,
    employers: 60,
    seed: 16,
    password: PASSWORD,
    anchor: new Date(`${TODAY}T00:00:00Z`),
  });
  lead = await login(store.context, 'supervisor1', PASSWORD);
  counselor = await login(store.context, 'counselor1', PASSWORD);
}, 180_000);

afterAll(async () => {
  await store.close();
  remove();
});

function daysBefore(days: number): string {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** The definitions, one correlated predicate per key. */
function reference(f: JobseekerFilter, userId: string) {
  const parts = [];
  if (f.status) parts.push(sql`j.status = ${f.status}`);
  if (f.type) parts.push(sql`j.current_type = ${f.type}`);
  if (f.track) parts.push(sql`j.current_track = ${f.track}`);
  if (f.counselor === 'none') parts.push(sql`j.assigned_counselor_id is null`);
  else if (f.counselor)
    parts.push(sql`j.assigned_counselor_id = ${f.counselor === 'me' ? userId : f.counselor}`);
  if (f.lastContactOlderThanDays !== undefined)
    parts.push(
      sql`not exists (select 1 from counseling_notes n where n.jobseeker_id = j.id and n.created_at >= ${daysBefore(f.lastContactOlderThanDays)})`,
    );
  if (f.reassessmentDue) parts.push(sql`j.reassess_due_on <= ${TODAY}`);
  const open = sql`exists (select 1 from referrals r where r.jobseeker_id = j.id and not exists (
    select 1 from referral_events e where e.referral_id = r.id and e.kind in (${sql.join(ENDING)})))`;
  if (f.openReferral === true) parts.push(open);
  if (f.openReferral === false) parts.push(sql`not ${open}`);
  if (f.appointmentThisWeek) {
    // 2026-03-04 is a Wednesday: the week in Korea runs from Monday 2026-03-02 00:00 (+09:00).
    parts.push(sql`exists (select 1 from appointments a where a.jobseeker_id = j.id and a.archived = 0
      and a.starts_at >= '2026-03-01T15:00:00.000Z' and a.starts_at < '2026-03-08T15:00:00.000Z')`);
  }
  if (f.programme)
    parts.push(sql`(exists (select 1 from programme_enrolments e where e.jobseeker_id = j.id
        and e.programme_code = ${f.programme} and e.archived = 0 and e.stage <> 'ended')
      or exists (select 1 from group_participants p join group_programmes g on g.id = p.programme_id
        where p.jobseeker_id = j.id and g.programme_code = ${f.programme} and g.archived = 0
          and p.status in ('enrolled', 'waiting'))
      or exists (select 1 from service_referrals r where r.jobseeker_id = j.id
        and r.programme_code = ${f.programme} and r.archived = 0
        and r.status in ('referred', 'accepted', 'started')))`);
  return parts;
}

async function expected(actor: SessionInfo, f: JobseekerFilter): Promise<string[]> {
  let q = store.db
    .selectFrom('jobseekers as j')
    .select('j.id')
    .where('j.archived', '=', 0)
    .where(jobseekerInScope('j', { centerCode: actor.centerCode, userId: actor.userId }));
  for (const p of reference(f, actor.userId)) q = q.where(sql<boolean>`${p}`);
  const rows = await q.orderBy('j.registered_at', 'desc').orderBy('j.id', 'desc').execute();
  return rows.map((r) => r.id);
}

async function listed(actor: SessionInfo, f: JobseekerFilter) {
  const page = await listJobseekers(store.db, {
    query: '',
    sort: 'registeredAt',
    direction: 'desc',
    offset: 0,
    limit: 1000,
    scope: { centerCode: actor.centerCode, userId: actor.userId },
    archived: false,
    filter: { filter: f, env: { userId: actor.userId, today: TODAY } },
  });
  return { total: page.total, ids: page.rows.map((r) => r.id) };
}

const FILTERS: JobseekerFilter[] = [
  { status: 'active', lastContactOlderThanDays: 30, openReferral: false },
  { openReferral: true },
  { openReferral: false },
  { lastContactOlderThanDays: 7 },
  { lastContactOlderThanDays: 3650 },
  { appointmentThisWeek: true },
  { appointmentThisWeek: true, openReferral: true },
  { reassessmentDue: true, counselor: 'me' },
  { counselor: 'none' },
  { type: 'ready', track: 'local', lastContactOlderThanDays: 14 },
  { programme: 'nes-1' },
  { programme: 'nes-2', counselor: 'me' },
  { programme: 'group-achievement' },
  { programme: 'training-naeil', openReferral: false },
];

describe('jobseeker filters at scale', () => {
  it('the demo store has the cases each filter is about', async () => {
    const all = (await expected(lead, {})).length;
    for (const f of [
      { openReferral: true },
      { lastContactOlderThanDays: 7 },
      { appointmentThisWeek: true },
      { programme: 'nes-1' },
    ] as const) {
      const n = (await expected(lead, f)).length;
      expect(n, JSON.stringify(f)).toBeGreaterThan(0);
      expect(n, JSON.stringify(f)).toBeLessThan(all);
    }
  });

  for (const f of FILTERS)
    it(`picks the same cases as the definition: ${JSON.stringify(f)}`, async () => {
      for (const actor of [lead, counselor]) {
        const want = await expected(actor, f);
        const got = await listed(actor, f);
        expect(got.total).toBe(want.length);
        expect(got.ids).toEqual(want);
      }
    });
});
