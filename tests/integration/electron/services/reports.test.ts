import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStoreKey } from '../../../../db/connection.ts';
import { login } from '../../../../electron/services/auth.ts';
import { generateDemo } from '../../../../electron/services/demo/generate.ts';
import { recordPackageStep } from '../../../../electron/services/employers.ts';
import { recordPlacement, recordPlacementFollowUp } from '../../../../electron/services/placements.ts';
import { computeReport } from '../../../../electron/services/reports/compute.ts';
import { exportReport } from '../../../../electron/services/reports/export.ts';
import { openDesktopStore, type DesktopStore } from '../../../../electron/services/store.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import { OCCUPATIONS } from '../../../../shared/reference/index.ts';
import { REPORT_NAMES, type ReportData, type Row } from '../../../../shared/reports/definitions.ts';
import { dispatcherFor, tempDir } from '../../../support/temp-store.ts';
import { TEST_STORE_KEY } from '../../../support/store-key.ts';
import { pdfText } from '../../../support/pdf-text.ts';

// Issue 7 on generated demo data: every report's figures against an independent SQL query, and the
// three export formats read back (XLSX with exceljs, CSV with papaparse, PDF with PDF.js through unpdf).

const PASSWORD = 'Report-pass-2026';
const FILTERS = { from: '2025-11-02', to: '2026-11-01' };
const FROM = '2025-11-02T00:00:00.000Z';
const TO = '2026-11-02T00:00:00.000Z';

let store: DesktopStore;
let dir: string;
let remove: () => void;
let raw: BetterSqlite3.Database;
let supervisor: SessionInfo;
let counselor: SessionInfo;

beforeAll(async () => {
  ({ dir, remove } = tempDir('caseworker-reports-'));
  store = await openDesktopStore(dir, { key: TEST_STORE_KEY });
  await generateDemo(store.context, {
    centerCode: 'RPT',
    centerName: '서울강남고용센터',
    sido: '11',
    sigungu: '11680',
    jobseekers: 600,
    employers: 60,
    seed: 7,
    password: PASSWORD,
    anchor: new Date('2026-11-01T00:00:00Z'),
  });
  supervisor = await login(store.context, 'supervisor1', PASSWORD);
  counselor = await login(store.context, 'counselor1', PASSWORD);
  // The demo has no placements without referral and no package steps: add a few through the services.
  const people = await store.context.db
    .selectFrom('jobseekers')
    .select('id')
    .where('assigned_counselor_id', '=', counselor.userId)
    .orderBy('id')
    .limit(3)
    .execute();
  const codes = ['5501', '7101', '2101'];
  for (const [i, p] of people.entries()) {
    const placement = await recordPlacement(store.context, counselor, {
      jobseekerId: p.id,
      employerName: '(주)한빛',
      occupation: codes[i],
      hiredOn: '2026-09-1' + String(i),
    });
    await recordPlacementFollowUp(store.context, counselor, {
      placementId: placement.id,
      months: 1,
      employed: i !== 1,
    });
  }
  const firms = await store.context.db.selectFrom('employers').select('id').orderBy('id').limit(2).execute();
  for (const f of firms) {
    await recordPackageStep(store.context, supervisor, {
      employerId: f.id,
      step: 'hiring-capacity',
      status: 'planned',
      on: null,
    });
    await recordPackageStep(store.context, supervisor, {
      employerId: f.id,
      step: 'hiring-capacity',
      status: 'done',
      on: '2026-10-01',
    });
  }
  await recordPackageStep(store.context, supervisor, {
    employerId: firms[0]?.id ?? '',
    step: 'dormitory',
    status: 'in-progress',
    on: null,
  });
  raw = new BetterSqlite3(join(dir, 'caseworker.db'), { readonly: true });
  applyStoreKey(raw, TEST_STORE_KEY);
}, 120_000);

afterAll(async () => {
  raw.close();
  await store.close();
  remove();
});

const one = <T>(query: string, ...params: unknown[]) => raw.prepare(query).get(...params) as T;
const all = <T>(query: string, ...params: unknown[]) => raw.prepare(query).all(...params) as T[];

function table(data: ReportData, key: string): Row[] {
  const found = data.tables.find((t) => t.key === key);
  if (!found) throw new Error(`no table ${key}`);
  return found.rows;
}
const sum = (rows: Row[], key: string) => rows.reduce((a, r) => a + Number(r[key] ?? 0), 0);
const report = (name: (typeof REPORT_NAMES)[number], who = supervisor) =>
  computeReport(store.context, who, name, FILTERS);

describe('report figures against independent SQL', () => {
  it('caseload by counselor', async () => {
    const data = await report('caseload');
    const expected = all<{ name: string; n: number; ready: number }>(
      `select u.display_name name, count(j.id) n,
         count(case when j.current_type = 'ready' then 1 end) ready
       from users u join jobseekers j on j.assigned_counselor_id = u.id
       where j.center_code = 'RPT' and j.archived = 0 group by u.display_name order by u.display_name`,
    );
    const rows = table(data, 'caseload').filter((r) => r['counselor'] !== '미배정');
    expect(rows.map((r) => [r['counselor'], r['total'], r['ready']])).toEqual(
      expected.map((e) => [e.name, e.n, e.ready]),
    );
    expect(sum(table(data, 'caseload'), 'total')).toBe(600);
  });

  it('a counselor sees only their own caseload', async () => {
    const data = await report('caseload', counselor);
    const rows = table(data, 'caseload');
    expect(rows.map((r) => r['counselor'])).toEqual([counselor.displayName]);
    const own = one<{ n: number }>(
      'select count(*) n from jobseekers where assigned_counselor_id = ?',
      counselor.userId,
    );
    expect(rows[0]?.['total']).toBe(own.n);
  });

  it('classification mix, override rate and conversions', async () => {
    const data = await report('classification');
    const ready = one<{ n: number }>(
      "select count(*) n from jobseekers where center_code = 'RPT' and current_type = 'ready'",
    );
    expect(
      sum(
        table(data, 'mix').filter((r) => r['type'] === '준비된 구직자'),
        'jobseekers',
      ),
    ).toBe(ready.n);
    const a = one<{ n: number; over: number; conv: number }>(
      `select count(*) n, total(decision = 'overridden') over, total(conversion) conv from assessments
       where created_at >= ? and created_at < ?`,
      FROM,
      TO,
    );
    const summary = table(data, 'summary')[0];
    expect(a.n).toBeGreaterThan(0);
    expect(summary?.['assessments']).toBe(a.n);
    expect(summary?.['overridden']).toBe(a.over);
    expect(summary?.['conversions']).toBe(a.conv);
    expect(summary?.['overrideRate']).toBeCloseTo(a.over / a.n, 10);
    expect(sum(table(data, 'overrides'), 'assessments')).toBe(a.n);
  });

  it('referral funnel and placement rate', async () => {
    const data = await report('referrals');
    const made = one<{ n: number }>(
      'select count(*) n from referrals where created_at >= ? and created_at < ?',
      FROM,
      TO,
    );
    const hired = one<{ n: number }>(
      `select count(distinct r.id) n from referrals r join referral_events e on e.referral_id = r.id
       where e.kind = 'hired' and r.created_at >= ? and r.created_at < ?`,
      FROM,
      TO,
    );
    const funnel = table(data, 'funnel');
    expect(funnel[0]?.['referrals']).toBe(made.n);
    expect(funnel.find((r) => r['stage'] === '채용')?.['referrals']).toBe(hired.n);
    expect(sum(table(data, 'states'), 'referrals')).toBe(made.n);
    const placed = one<{ n: number }>(
      `select count(distinct jobseeker_id) n from (
         select r.jobseeker_id from referral_events e join referrals r on r.id = e.referral_id
         where e.kind = 'hired' and e.at >= ? and e.at < ?
         union all select jobseeker_id from placements where hired_on between ? and ?)`,
      FROM,
      TO,
      FILTERS.from,
      FILTERS.to,
    );
    const rate = table(data, 'placementRate')[0];
    expect(placed.n).toBeGreaterThan(3);
    expect(rate?.['placedJobseekers']).toBe(placed.n);
    expect(rate?.['withoutReferral']).toBe(3);
    expect(rate?.['placementRate']).toBeCloseTo(placed.n / Number(rate?.['served']), 10);
  });

  it('placements by occupation and the share of the three easiest', async () => {
    const data = await report('placements-by-occupation');
    const easy = OCCUPATIONS.filter((o) => o.easy)
      .map((o) => `'${o.code}'`)
      .join(',');
    const counts = one<{ total: number; easy: number }>(
      `select count(*) total, total(occupation in (${easy})) easy from (
         select o.occupation from referral_events e join referrals r on r.id = e.referral_id
         join job_openings o on o.id = r.opening_id where e.kind = 'hired' and e.at >= ? and e.at < ?
         union all select occupation from placements where hired_on between ? and ?)`,
      FROM,
      TO,
      FILTERS.from,
      FILTERS.to,
    );
    const share = table(data, 'easyShare').find((r) => r['group'] === '쉬운 일자리 3개 직종 합계');
    expect(share?.['placements']).toBe(counts.easy);
    expect(share?.['share']).toBeCloseTo(counts.easy / counts.total, 10);
    expect(sum(table(data, 'occupations'), 'placements')).toBe(counts.total);
  });

  it('employer types and package progress', async () => {
    // Package steps were recorded today: the default period (the last twelve months) holds them.
    const data = await computeReport(store.context, supervisor, 'employers', {});
    const types = all<{ t: string | null; n: number }>(
      "select current_type t, count(*) n from employers where center_code = 'RPT' group by 1",
    );
    expect(sum(table(data, 'types'), 'employers')).toBe(types.reduce((a, r) => a + r.n, 0));
    const diagnosis = table(data, 'package').find((r) => r['stage'] === '진단');
    expect(diagnosis).toMatchObject({ employers: 2, done: 2, planned: 0 });
    expect(table(data, 'package').find((r) => r['stage'] === '근로조건 개선')).toMatchObject({
      inProgress: 1,
    });
  });

  it('time from registration to placement', async () => {
    const data = await report('time-to-placement');
    const days = one<{ n: number; avg: number; max: number }>(
      `select count(*) n, avg(d) avg, max(d) max from (
         select julianday(substr(e.at, 1, 10)) - julianday(substr(j.registered_at, 1, 10)) d
         from referral_events e join referrals r on r.id = e.referral_id join jobseekers j on j.id = r.jobseeker_id
         where e.kind = 'hired' and e.at >= ? and e.at < ?
         union all select julianday(p.hired_on) - julianday(substr(j.registered_at, 1, 10))
         from placements p join jobseekers j on j.id = p.jobseeker_id where p.hired_on between ? and ?)`,
      FROM,
      TO,
      FILTERS.from,
      FILTERS.to,
    );
    const s = table(data, 'summary')[0];
    expect(s?.['placements']).toBe(days.n);
    expect(s?.['meanDays']).toBeCloseTo(days.avg, 1);
    expect(s?.['maxDays']).toBe(days.max);
    expect(table(data, 'placements')).toHaveLength(days.n);
    expect(Object.keys(table(data, 'placements')[0] ?? {})).not.toContain('name');
  });

  it('follow-up retention at 1, 3 and 6 months', async () => {
    const data = await report('retention');
    const oneMonth = one<{ n: number; employed: number }>(
      `select count(*) n, total(employed) employed from (
         select json_extract(f.data, '$.employed') employed from referral_events f
         where f.kind = 'follow-up' and json_extract(f.data, '$.months') = 1 and f.referral_id in (
           select referral_id from referral_events where kind = 'hired' and at >= ? and at < ?)
         union all select f.employed from placement_follow_ups f join placements p on p.id = f.placement_id
         where f.months = 1 and p.hired_on between ? and ?)`,
      FROM,
      TO,
      FILTERS.from,
      FILTERS.to,
    );
    const row = table(data, 'retention')[0];
    expect(row?.['months']).toBe('1개월');
    expect(row?.['recorded']).toBe(oneMonth.n);
    expect(row?.['employed']).toBe(oneMonth.employed);
    expect(row?.['retentionRate']).toBeCloseTo(oneMonth.employed / oneMonth.n, 10);
    expect(table(data, 'retention').map((r) => r['months'])).toEqual(['1개월', '3개월', '6개월']);
  });

  it('fairness by gender and age band', async () => {
    const data = await report('fairness');
    const women = one<{ n: number; ready: number }>(
      `select count(*) n, total(a.final_type = 'ready') ready from assessments a join jobseekers j on j.id = a.jobseeker_id
       where j.gender = 'female' and a.created_at >= ? and a.created_at < ?`,
      FROM,
      TO,
    );
    const row = table(data, 'byGender').find((r) => r['group'] === '여성');
    expect(row?.['assessments']).toBe(women.n);
    expect(row?.['ready']).toBe(women.ready);
    const young = one<{ n: number }>(
      `select count(*) n from assessments a join jobseekers j on j.id = a.jobseeker_id
       where cast(substr(a.created_at, 1, 4) as integer) - j.birth_year < 30 and a.created_at >= ? and a.created_at < ?`,
      FROM,
      TO,
    );
    expect(table(data, 'byAge').find((r) => r['group'] === '15-29')?.['assessments']).toBe(young.n);
    expect(sum(table(data, 'byAge'), 'assessments')).toBe(sum(table(data, 'byGender'), 'assessments'));
  });
});

describe('exports', () => {
  it('XLSX: one sheet per table, headers, typed cells, number formats, frozen header', async () => {
    const data = await report('classification');
    const { bytes } = await exportReport(store.context, supervisor, {
      report: 'classification',
      format: 'xlsx',
      purpose: '월간 실적 점검',
      ...FILTERS,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '현재 유형·경로별 구직자',
      '기간 내 유형분류',
      '상담사별 프로파일링 조정률',
    ]);
    const summary = wb.worksheets[1];
    expect(summary?.getRow(1).values).toEqual([
      undefined,
      '유형분류',
      '준비된 구직자',
      '준비가 필요한 구직자',
      '조정',
      '조정률',
      '전환(준비 필요 → 준비됨)',
    ]);
    const s = table(data, 'summary')[0];
    expect(summary?.getCell('A2').value).toBe(s?.['assessments']);
    expect(typeof summary?.getCell('E2').value).toBe('number');
    expect(summary?.getCell('E2').numFmt).toBe('0.0%');
    expect(summary?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('XLSX dates are dates; names only when a supervisor asks', async () => {
    const plain = await exportReport(store.context, supervisor, {
      report: 'time-to-placement',
      format: 'xlsx',
      purpose: '취업 소요기간 분석',
      ...FILTERS,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(plain.bytes as unknown as ArrayBuffer);
    const list = wb.getWorksheet('취업 목록');
    expect(list?.getRow(1).values).not.toContain('성명');
    expect(list?.getCell('D2').value).toBeInstanceOf(Date);
    const named = await exportReport(store.context, supervisor, {
      report: 'time-to-placement',
      format: 'xlsx',
      purpose: '사후관리 대상자 연락',
      withNames: true,
      ...FILTERS,
    });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(named.bytes as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('취업 목록')?.getRow(1).values).toEqual([
      undefined,
      '구직번호',
      '성명',
      '연락처',
      '상담사',
      '등록일',
      '취업일',
      '기간(일)',
      '경로',
    ]);
    const regNo = wb2.getWorksheet('취업 목록')?.getCell('A2').text;
    const person = one<{ name: string }>('select name from jobseekers where reg_no = ?', regNo);
    expect(wb2.getWorksheet('취업 목록')?.getCell('B2').value).toBe(person.name);
  });

  it('CSV starts with the BOM and parses', async () => {
    const data = await report('caseload');
    const { bytes } = await exportReport(store.context, supervisor, {
      report: 'caseload',
      format: 'csv',
      purpose: '팀 회의 자료',
      ...FILTERS,
    });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(['상담사별 담당 구직자']);
    expect(parsed.data[1]?.slice(0, 3)).toEqual(['상담사', '전체', '진행 중']);
    const first = table(data, 'caseload')[0];
    expect(parsed.data[2]?.[0]).toBe(first?.['counselor']);
    expect(Number(parsed.data[2]?.[1])).toBe(first?.['total']);
  });

  it('PDF holds the Korean title, the filters and a known figure as text', async () => {
    const data = await report('referrals');
    const { bytes } = await exportReport(store.context, supervisor, {
      report: 'referrals',
      format: 'pdf',
      purpose: '분기 보고',
      ...FILTERS,
    });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(dir, 'referrals.pdf');
    writeFileSync(file, bytes);
    const text = await pdfText(file);
    expect(text).toContain('알선 단계와 취업률');
    expect(text).toContain('2025-11-02 ~ 2026-11-01');
    expect(text).toMatch(/1 ?\/ ?\d+/);
    const served = Number(table(data, 'placementRate')[0]?.['served']);
    expect(text).toContain(served.toLocaleString('ko-KR'));
  });

  it('every format of every report renders, and each export is an audit entry without personal data', async () => {
    const before = one<{ n: number }>(
      "select count(*) n from audit_entries where action = 'report.export'",
    ).n;
    for (const name of REPORT_NAMES)
      for (const format of ['xlsx', 'csv', 'pdf'] as const) {
        const { bytes } = await exportReport(store.context, supervisor, {
          report: name,
          format,
          purpose: '전체 점검',
          ...FILTERS,
        });
        expect(bytes.length).toBeGreaterThan(100);
      }
    const entries = all<{ detail: string; subject_id: string; person_id: string | null }>(
      "select detail, subject_id, person_id from audit_entries where action = 'report.export' order by rowid",
    );
    expect(entries.length - before).toBe(REPORT_NAMES.length * 3);
    const last = entries.at(-1);
    expect(last?.person_id).toBeNull();
    expect(JSON.parse(last?.detail ?? '{}')).toEqual({
      report: REPORT_NAMES.at(-1),
      format: 'pdf',
      purpose: '전체 점검',
      filters: { ...FILTERS, centerCode: 'RPT', counselorId: null },
      withNames: false,
      rows: expect.any(Number) as number,
    });
  });

  it('refuses an export without a purpose, and names for a counselor, through the dispatcher', async () => {
    const { dispatch, desk } = dispatcherFor(store);
    const before = one<{ n: number }>(
      "select count(*) n from audit_entries where action = 'report.export'",
    ).n;
    const noPurpose = await dispatch(desk(supervisor), 'reports:export', {
      report: 'caseload',
      format: 'csv',
      purpose: '  ',
    });
    expect(noPurpose).toMatchObject({ ok: false, error: { code: 'validation', field: 'purpose' } });
    const names = await dispatch(desk(counselor), 'reports:export', {
      report: 'time-to-placement',
      format: 'xlsx',
      purpose: '연락',
      withNames: true,
    });
    expect(names).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const otherCounselor = await dispatch(desk(counselor), 'reports:get', {
      report: 'caseload',
      filters: { counselorId: supervisor.userId },
    });
    expect(otherCounselor).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(one<{ n: number }>("select count(*) n from audit_entries where action = 'report.export'").n).toBe(
      before,
    );
    const fine = await dispatch(desk(counselor), 'reports:export', {
      report: 'caseload',
      format: 'csv',
      purpose: '본인 실적 확인',
      filters: FILTERS,
    });
    expect(fine.ok).toBe(true);
  });

  it('the dashboard channel returns the same figures as the export', async () => {
    const { dispatch, desk } = dispatcherFor(store);
    const viaChannel = await dispatch(desk(supervisor), 'reports:get', {
      report: 'retention',
      filters: FILTERS,
    });
    const direct = await report('retention');
    expect(viaChannel).toMatchObject({ ok: true, value: { tables: direct.tables } });
  });
});
