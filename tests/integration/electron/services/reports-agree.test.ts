import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../../../electron/services/auth.ts';
import { generateDemo } from '../../../../electron/services/demo/generate.ts';
import { placementCounts, recordPlacement } from '../../../../electron/services/placements.ts';
import { computeReport } from '../../../../electron/services/reports/compute.ts';
import { openDesktopStore, type DesktopStore } from '../../../../electron/services/store.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { ReportData, Row } from '../../../../shared/reports/definitions.ts';
import { tempDir } from '../../../support/temp-store.ts';
import { TEST_STORE_KEY } from '../../../support/store-key.ts';

// Issue 15 item 5: the caseload tab showed 0 placements per counselor (it counted the status field,
// which the demo and synced records never set) while the referral tab showed hundreds and the
// time-to-placement tab counted per the referring counselor. Every report now counts the one
// definition of a placement; this compares them on one demo store.

const PASSWORD = 'Agree-pass-2026';
const FILTERS = { from: '2025-11-02', to: '2026-11-01' };

let store: DesktopStore;
let remove: () => void;
let supervisor: SessionInfo;
let counselor: SessionInfo;

beforeAll(async () => {
  let dir: string;
  ({ dir, remove } = tempDir('caseworker-agree-'));
  store = await openDesktopStore(dir, { key: TEST_STORE_KEY });
  await generateDemo(store.context, {
    centerCode: 'AGR',
    centerName: '서울강남고용센터',
    sido: '11',
    sigungu: '11680',
    jobseekers: 300,
    employers: 40,
    seed: 11,
    password: PASSWORD,
    anchor: new Date('2026-11-01T00:00:00Z'),
  });
  supervisor = await login(store.context, 'supervisor1', PASSWORD);
  counselor = await login(store.context, 'counselor1', PASSWORD);
  // Two placements without a referral: one of a jobseeker with no other, one of a jobseeker counted once.
  const people = await store.context.db
    .selectFrom('jobseekers')
    .select('id')
    .where('assigned_counselor_id', '=', counselor.userId)
    .orderBy('id')
    .limit(2)
    .execute();
  for (const p of people)
    await recordPlacement(store.context, counselor, {
      jobseekerId: p.id,
      employerName: '(주)한빛',
      occupation: '5501',
      hiredOn: '2026-09-15',
    });
}, 120_000);

afterAll(async () => {
  await store.close();
  remove();
});

function table(data: ReportData, key: string): Row[] {
  const found = data.tables.find((t) => t.key === key);
  if (!found) throw new Error(`no table ${key}`);
  return found.rows;
}
const sum = (rows: Row[], key: string) => rows.reduce((a, r) => a + Number(r[key] ?? 0), 0);

describe('one definition of a placement in every report', () => {
  it('caseload, referrals, occupations, time to placement and retention agree', async () => {
    const caseload = table(await computeReport(store.context, supervisor, 'caseload', FILTERS), 'caseload');
    const rate = table(
      await computeReport(store.context, supervisor, 'referrals', FILTERS),
      'placementRate',
    )[0];
    const occupations = await computeReport(store.context, supervisor, 'placements-by-occupation', FILTERS);
    const ttp = await computeReport(store.context, supervisor, 'time-to-placement', FILTERS);
    const retention = table(
      await computeReport(store.context, supervisor, 'retention', FILTERS),
      'retention',
    );

    const placements = Number(rate?.['placements']);
    expect(placements).toBeGreaterThan(10);
    // People: the caseload's per-counselor figures add up to the referral tab's placed jobseekers.
    expect(sum(caseload, 'placed')).toBe(rate?.['placedJobseekers']);
    // Placements: the same count on every tab that counts them.
    expect(sum(table(occupations, 'occupations'), 'placements')).toBe(placements);
    expect(table(ttp, 'summary')[0]?.['placements']).toBe(placements);
    expect(sum(table(ttp, 'byCounselor'), 'placements')).toBe(placements);
    // Retention follows the same placements: those whose 1-month check is due by the period's end.
    const due = Number(retention.find((r) => r['months'] === '1개월')?.['due']);
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThanOrEqual(placements);
    // Per counselor: the caseload's placed people are the people of that counselor's placements.
    const peoplePer = new Map<string, Set<unknown>>();
    for (const p of table(ttp, 'placements')) {
      const key = String(p['counselor']);
      peoplePer.set(key, (peoplePer.get(key) ?? new Set()).add(p['regNo']));
    }
    for (const row of caseload)
      expect([row['counselor'], row['placed']]).toEqual([
        row['counselor'],
        peoplePer.get(String(row['counselor']))?.size ?? 0,
      ]);
    const perCounselor = new Map(table(ttp, 'byCounselor').map((r) => [r['counselor'], r['placements']]));
    for (const [name, people] of peoplePer)
      expect(Number(perCounselor.get(name))).toBeGreaterThanOrEqual(people.size);
    // The service's own counts (the case screens) are the referral tab's.
    expect(
      await placementCounts(store.context, 'AGR', '2025-11-02T00:00:00.000Z', '2026-11-02T00:00:00.000Z'),
    ).toEqual({
      placements,
      withoutReferral: rate?.['withoutReferral'],
      jobseekersPlaced: rate?.['placedJobseekers'],
    });
  });

  it('a counselor scope sees the same figures as their row of the center', async () => {
    const center = table(await computeReport(store.context, supervisor, 'caseload', FILTERS), 'caseload');
    const own = table(await computeReport(store.context, counselor, 'caseload', FILTERS), 'caseload');
    const rate = table(
      await computeReport(store.context, counselor, 'referrals', FILTERS),
      'placementRate',
    )[0];
    const row = center.find((r) => r['counselor'] === counselor.displayName);
    expect(Number(row?.['placed'])).toBeGreaterThan(0);
    expect(own[0]?.['placed']).toBe(row?.['placed']);
    expect(rate?.['placedJobseekers']).toBe(row?.['placed']);
  });
});
