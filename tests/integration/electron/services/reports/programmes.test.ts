import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../../../../electron/services/auth.ts';
import { generateDemo } from '../../../../../electron/services/demo/generate.ts';
import { computeReport } from '../../../../../electron/services/reports/compute.ts';
import { openDesktopStore, type DesktopStore } from '../../../../../electron/services/store.ts';
import type { SessionInfo } from '../../../../../shared/contract/auth.ts';
import { CURRENT_CATALOGUE } from '../../../../../shared/programmes/catalogue.ts';
import { LINKED_PLACEMENT_DAYS } from '../../../../../shared/programmes/service-referral-status.ts';
import type { ReportData, Row } from '../../../../../shared/reports/definitions.ts';
import { tempDir } from '../../../../support/temp-store.ts';
import { TEST_STORE_KEY } from '../../../../support/store-key.ts';

// Issue 17 item 6: the programme report against independent SQL on a demo store (the demo makes
// enrolments, group places, service referrals and obligation decisions). The SQL here is written apart
// from db/repositories/programme-reports.ts, window arithmetic included, so a slip in either shows.

const PASSWORD = 'Programme-rep-2026';
const FROM = '2025-11-02';
const TO = '2026-11-01';
const END = '2026-11-02'; // exclusive

let store: DesktopStore;
let remove: () => void;
let supervisor: SessionInfo;
let counselor: SessionInfo;
let data: ReportData;

beforeAll(async () => {
  let dir: string;
  ({ dir, remove } = tempDir('caseworker-programme-report-'));
  store = await openDesktopStore(dir, { key: TEST_STORE_KEY });
  await generateDemo(store.context, {
    centerCode: 'PRG',
    centerName: '서울강남고용센터',
    sido: '11',
    sigungu: '11680',
    jobseekers: 600,
    employers: 40,
    seed: 17,
    password: PASSWORD,
    anchor: new Date('2026-11-01T00:00:00Z'),
  });
  supervisor = await login(store.context, 'supervisor1', PASSWORD);
  counselor = await login(store.context, 'counselor1', PASSWORD);
  data = await computeReport(store.context, supervisor, 'programmes', { from: FROM, to: TO });
}, 180_000);

afterAll(async () => {
  await store.close();
  remove();
});

function table(d: ReportData, key: string): Row[] {
  return d.tables.find((t) => t.key === key)?.rows ?? [];
}

const nameOf = (code: string) =>
  [...CURRENT_CATALOGUE.programmes, ...CURRENT_CATALOGUE.providers].find((p) => p.code === code)?.ko ?? code;

async function query<T>(text: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await text.execute(store.context.db)).rows;
}

describe('the programme report', () => {
  it('has records to count: the demo makes enrolments, group places, service referrals and decisions', () => {
    const rows = table(data, 'participation');
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.reduce((a, r) => a + Number(r['started']), 0)).toBeGreaterThan(0);
    expect(table(data, 'compliance').length).toBeGreaterThan(0);
    expect(table(data, 'partners').length).toBeGreaterThan(0);
  });

  it('counts participations started and ended in the period per programme as SQL does', async () => {
    const expected = await query(sql<{ code: string; started: number; ended: number; completed: number }>`
      select code, sum(started) as started, sum(ended) as ended, sum(completed) as completed from (
        select e.programme_code as code,
          (e.enrolled_on between ${FROM} and ${TO}) as started,
          (e.ended_on between ${FROM} and ${TO}) as ended,
          (e.ended_on between ${FROM} and ${TO}
            and e.outcome in ('employed', 'self-employed', 'completed')) as completed
        from programme_enrolments e join jobseekers j on j.id = e.jobseeker_id
        where e.archived = 0 and coalesce(e.decision, 'admit') = 'admit' and j.archived = 0
          and j.center_code = 'PRG'
        union all
        select g.programme_code, date(p.enrolled_at) between ${FROM} and ${TO},
          p.status <> 'enrolled' and p.status <> 'waiting'
            and date(coalesce(p.decided_at, p.enrolled_at)) between ${FROM} and ${TO},
          p.status = 'completed' and date(coalesce(p.decided_at, p.enrolled_at)) between ${FROM} and ${TO}
        from group_participants p join group_programmes g on g.id = p.programme_id
        join jobseekers j on j.id = p.jobseeker_id
        where g.archived = 0 and j.archived = 0 and j.center_code = 'PRG'
        union all
        select r.programme_code, r.referred_on between ${FROM} and ${TO},
          r.status in ('completed', 'dropped', 'declined')
            and coalesce(r.completed_on, r.dropped_on, r.declined_on) between ${FROM} and ${TO},
          r.status = 'completed' and r.completed_on between ${FROM} and ${TO}
        from service_referrals r join jobseekers j on j.id = r.jobseeker_id
        where r.archived = 0 and r.programme_code is not null and j.archived = 0 and j.center_code = 'PRG'
      ) group by code`);
    const rows = table(data, 'participation');
    expect(rows).toHaveLength(expected.length);
    for (const e of expected) {
      const row = rows.find((r) => r['programme'] === nameOf(e.code));
      expect(row, e.code).toBeDefined();
      expect([row?.['started'], row?.['ended'], row?.['completed']], e.code).toEqual([
        Number(e.started),
        Number(e.ended),
        Number(e.completed),
      ]);
    }
  });

  it('counts the people employed within six months of their end from the placements', async () => {
    // Placements: hired job-referral events and placements recorded without a referral.
    const expected = await query(sql<{ code: string; n: number }>`
      with hires as (
        select r.jobseeker_id, date(e.at) as day from referral_events e
        join referrals r on r.id = e.referral_id where e.kind = 'hired'
        union all select jobseeker_id, hired_on from placements where archived = 0
      )
      select e.programme_code as code, count(*) as n
      from programme_enrolments e join jobseekers j on j.id = e.jobseeker_id
      where e.archived = 0 and coalesce(e.decision, 'admit') = 'admit' and j.archived = 0
        and j.center_code = 'PRG' and e.ended_on between ${FROM} and ${TO}
        and (e.outcome in ('employed', 'self-employed') or exists (
          select 1 from hires h where h.jobseeker_id = e.jobseeker_id
            and h.day >= e.ended_on and h.day <= date(e.ended_on, '+6 months')))
      group by e.programme_code`);
    for (const e of expected) {
      const row = table(data, 'participation').find((r) => r['programme'] === nameOf(e.code));
      // Enrolments alone are a lower bound: group places and service referrals add to the same row.
      expect(Number(row?.['employed6m']), e.code).toBeGreaterThanOrEqual(Number(e.n));
    }
  });

  it('counts each period’s decision in force once, corrections replacing what they correct', async () => {
    const expected = await query(sql<{ month: string; met: number; not_met: number }>`
      with live as (
        select d.* from obligation_decisions d
        join programme_enrolments e on e.id = d.enrolment_id join jobseekers j on j.id = e.jobseeker_id
        where e.archived = 0 and j.archived = 0 and j.center_code = 'PRG'
          and d.id not in (select corrects from obligation_decisions where corrects is not null)
      ), firsts as (
        select * from live l where not exists (
          select 1 from live o where o.enrolment_id = l.enrolment_id and o.obligation_code = l.obligation_code
            and o.period_no = l.period_no and (o.created_at < l.created_at
              or (o.created_at = l.created_at and o.id < l.id)))
      )
      select substr(period_to, 1, 7) as month, sum(decision = 'met') as met, sum(decision = 'not-met') as not_met
      from firsts where period_to >= ${FROM} and period_to < ${END}
      group by month order by month`);
    expect(table(data, 'compliance').map((r) => [r['month'], r['met'], r['notMet']])).toEqual(
      expected.map((e) => [e.month, Number(e.met), Number(e.not_met)]),
    );
  });

  it('counts referrals to partner agencies and the placements linked to them', async () => {
    const expected = await query(sql<{ provider: string; referred: number; linked: number }>`
      with hires as (
        select r.jobseeker_id, date(e.at) as day from referral_events e
        join referrals r on r.id = e.referral_id where e.kind = 'hired'
        union all select jobseeker_id, hired_on from placements where archived = 0
      )
      select coalesce(s.provider_code, s.provider_name) as provider, count(*) as referred,
        sum(exists (select 1 from hires h where h.jobseeker_id = s.jobseeker_id and h.day >= s.referred_on
          and h.day <= date(s.referred_on, '+' || ${LINKED_PLACEMENT_DAYS.value} || ' days'))) as linked
      from service_referrals s join jobseekers j on j.id = s.jobseeker_id
      where s.archived = 0 and j.archived = 0 and j.center_code = 'PRG'
        and (s.provider_code is not null or s.provider_name is not null)
        and s.referred_on between ${FROM} and ${TO}
      group by provider`);
    const rows = table(data, 'partners');
    expect(rows).toHaveLength(expected.length);
    for (const e of expected) {
      const row = rows.find((r) => r['provider'] === nameOf(e.provider));
      expect([row?.['referred'], row?.['linkedPlacements']], e.provider).toEqual([
        Number(e.referred),
        Number(e.linked),
      ]);
    }
  });

  it('shows a counselor only their own caseload’s programmes', async () => {
    const mine = await computeReport(store.context, counselor, 'programmes', { from: FROM, to: TO });
    const all = table(data, 'participation').reduce((a, r) => a + Number(r['started']), 0);
    const theirs = table(mine, 'participation').reduce((a, r) => a + Number(r['started']), 0);
    expect(theirs).toBeLessThan(all);
    expect(mine.filters.counselorId).toBe(counselor.userId);
  });
});
