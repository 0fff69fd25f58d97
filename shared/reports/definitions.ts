// Supervisor reports (domain.md §9, issue 7): every report's tables and the columns each declares.
// The computation fills exactly these columns; every export writes only these columns, and the ones
// marked `personal` only when names were asked for and allowed.

export const REPORT_NAMES = [
  'caseload',
  'classification',
  'referrals',
  'placements-by-occupation',
  'employers',
  'time-to-placement',
  'retention',
  'fairness',
  'programmes',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const EXPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How a cell is typed and formatted: `percent` holds a fraction (0.25 = 25%), `date` YYYY-MM-DD. */
export type ColumnKind = 'text' | 'int' | 'number' | 'percent' | 'date';

export interface Texts {
  ko: string;
  en: string;
}

export interface ColumnDef extends Texts {
  key: string;
  kind: ColumnKind;
  /** Names and contacts: only in exports with names, by a supervisor. */
  personal?: true;
}

export interface ChartDef {
  kind: 'bar' | 'pie';
  /** The column giving each bar's or slice's label. */
  label: string;
  /** The numeric columns drawn (one series each). */
  series: string[];
  stacked?: boolean;
}

export interface TableDef {
  key: string;
  title: Texts;
  columns: ColumnDef[];
  chart?: ChartDef;
}

export interface ReportDef {
  name: ReportName;
  title: Texts;
  tables: TableDef[];
}

const c = (key: string, kind: ColumnKind, ko: string, en: string, personal?: true): ColumnDef =>
  personal ? { key, kind, ko, en, personal } : { key, kind, ko, en };

const counselor = c('counselor', 'text', '상담사', 'Counselor');

export const REPORTS: Readonly<Record<ReportName, ReportDef>> = {
  caseload: {
    name: 'caseload',
    title: { ko: '상담사별 담당 사례', en: 'Caseload by counselor' },
    tables: [
      {
        key: 'caseload',
        title: { ko: '상담사별 담당 구직자', en: 'Jobseekers per counselor' },
        columns: [
          counselor,
          c('total', 'int', '전체', 'Total'),
          c('active', 'int', '진행 중', 'Active'),
          c('placed', 'int', '기간 내 취업', 'Placed in period'),
          c('closed', 'int', '종결', 'Closed'),
          c('ready', 'int', '준비된 구직자', 'Ready'),
          c('needsPreparation', 'int', '준비가 필요한 구직자', 'Needs preparation'),
          c('unclassified', 'int', '미분류', 'Unclassified'),
          c('newInPeriod', 'int', '기간 내 신규 등록', 'Registered in period'),
        ],
        chart: {
          kind: 'bar',
          label: 'counselor',
          series: ['ready', 'needsPreparation', 'unclassified'],
          stacked: true,
        },
      },
    ],
  },
  classification: {
    name: 'classification',
    title: { ko: '유형분류 현황과 전환', en: 'Classification mix and conversions' },
    tables: [
      {
        key: 'mix',
        title: { ko: '현재 유형·경로별 구직자', en: 'Jobseekers by current type and track' },
        columns: [
          c('type', 'text', '유형', 'Type'),
          c('track', 'text', '경로', 'Track'),
          c('jobseekers', 'int', '구직자', 'Jobseekers'),
          c('share', 'percent', '비율', 'Share'),
        ],
        chart: { kind: 'pie', label: 'track', series: ['jobseekers'] },
      },
      {
        key: 'summary',
        title: { ko: '기간 내 유형분류', en: 'Assessments in the period' },
        columns: [
          c('assessments', 'int', '유형분류', 'Assessments'),
          c('ready', 'int', '준비된 구직자', 'Ready'),
          c('needsPreparation', 'int', '준비가 필요한 구직자', 'Needs preparation'),
          c('overridden', 'int', '조정', 'Overridden'),
          c('overrideRate', 'percent', '조정률', 'Override rate'),
          c('conversions', 'int', '전환(준비 필요 → 준비됨)', 'Conversions (needs preparation → ready)'),
        ],
      },
      {
        key: 'overrides',
        title: { ko: '상담사별 프로파일링 조정률', en: 'Profiling override rate per counselor' },
        columns: [
          counselor,
          c('assessments', 'int', '유형분류', 'Assessments'),
          c('overridden', 'int', '조정', 'Overridden'),
          c('overrideRate', 'percent', '조정률', 'Override rate'),
          c('conversions', 'int', '전환', 'Conversions'),
        ],
        chart: { kind: 'bar', label: 'counselor', series: ['overrideRate'] },
      },
    ],
  },
  referrals: {
    name: 'referrals',
    title: { ko: '알선 단계와 취업률', en: 'Referral funnel and placement rate' },
    tables: [
      {
        key: 'placementRate',
        title: { ko: '취업률', en: 'Placement rate' },
        columns: [
          c('served', 'int', '서비스 받은 구직자', 'Jobseekers served'),
          c('placedJobseekers', 'int', '취업한 구직자', 'Jobseekers placed'),
          c('placementRate', 'percent', '취업률', 'Placement rate'),
          c('placements', 'int', '취업 건수', 'Placements'),
          c('withoutReferral', 'int', '알선 외 취업', 'Placements without referral'),
        ],
      },
      {
        key: 'funnel',
        title: { ko: '알선 단계(기간 내 알선)', en: 'Referral funnel (referrals made in the period)' },
        columns: [
          c('stage', 'text', '단계', 'Stage'),
          c('referrals', 'int', '알선', 'Referrals'),
          c('share', 'percent', '추천 대비', 'Of proposed'),
        ],
        chart: { kind: 'bar', label: 'stage', series: ['referrals'] },
      },
      {
        key: 'states',
        title: { ko: '현재 상태', en: 'Current state' },
        columns: [c('state', 'text', '상태', 'State'), c('referrals', 'int', '알선', 'Referrals')],
      },
    ],
  },
  'placements-by-occupation': {
    name: 'placements-by-occupation',
    title: { ko: '직종별 취업', en: 'Placements by occupation' },
    tables: [
      {
        key: 'easyShare',
        title: { ko: '쉬운 일자리 3개 직종 비중', en: 'Share of the three easiest occupations' },
        columns: [
          c('group', 'text', '직종군', 'Group'),
          c('placements', 'int', '취업', 'Placements'),
          c('share', 'percent', '비중', 'Share'),
        ],
        chart: { kind: 'pie', label: 'group', series: ['placements'] },
      },
      {
        key: 'occupations',
        title: { ko: '직종별 취업', en: 'Placements per occupation' },
        columns: [
          c('code', 'text', 'KECO', 'KECO'),
          c('occupation', 'text', '직종', 'Occupation'),
          c('group', 'text', '직종군', 'Group'),
          c('placements', 'int', '취업', 'Placements'),
          c('share', 'percent', '비중', 'Share'),
        ],
        chart: { kind: 'bar', label: 'occupation', series: ['placements'] },
      },
    ],
  },
  employers: {
    name: 'employers',
    title: { ko: '구인기업 유형과 채용지원 패키지', en: 'Employer types and recruitment packages' },
    tables: [
      {
        key: 'types',
        title: { ko: '기업 유형별', en: 'By employer type' },
        columns: [
          c('type', 'text', '유형', 'Type'),
          c('employers', 'int', '기업', 'Employers'),
          c('potentialClient', 'int', '잠재고객기업', 'Potential clients'),
          c('focusSupport', 'int', '중점지원기업', 'Focus support'),
          c('share', 'percent', '비율', 'Share'),
        ],
        chart: { kind: 'pie', label: 'type', series: ['employers'] },
      },
      {
        key: 'package',
        title: { ko: '채용지원 패키지 진행', en: 'Recruitment-package progress' },
        columns: [
          c('stage', 'text', '단계', 'Stage'),
          c('employers', 'int', '기업', 'Employers'),
          c('planned', 'int', '계획', 'Planned'),
          c('inProgress', 'int', '진행 중', 'In progress'),
          c('done', 'int', '완료', 'Done'),
          c('notNeeded', 'int', '불필요', 'Not needed'),
          c('doneRate', 'percent', '완료율', 'Done'),
        ],
        chart: { kind: 'bar', label: 'stage', series: ['planned', 'inProgress', 'done'], stacked: true },
      },
    ],
  },
  'time-to-placement': {
    name: 'time-to-placement',
    title: { ko: '등록부터 취업까지 기간', en: 'Time from registration to placement' },
    tables: [
      {
        key: 'summary',
        title: { ko: '요약(일)', en: 'Summary (days)' },
        columns: [
          c('placements', 'int', '취업', 'Placements'),
          c('meanDays', 'number', '평균', 'Mean'),
          c('medianDays', 'int', '중앙값', 'Median'),
          c('p75Days', 'int', '75백분위', '75th percentile'),
          c('maxDays', 'int', '최장', 'Longest'),
        ],
      },
      {
        key: 'byCounselor',
        title: { ko: '상담사별(일)', en: 'Per counselor (days)' },
        columns: [
          counselor,
          c('placements', 'int', '취업', 'Placements'),
          c('meanDays', 'number', '평균', 'Mean'),
          c('medianDays', 'int', '중앙값', 'Median'),
        ],
        chart: { kind: 'bar', label: 'counselor', series: ['medianDays'] },
      },
      {
        key: 'placements',
        title: { ko: '취업 목록', en: 'Placements' },
        columns: [
          c('regNo', 'text', '구직번호', 'Registration no.'),
          c('name', 'text', '성명', 'Name', true),
          c('phone', 'text', '연락처', 'Phone', true),
          counselor,
          c('registeredOn', 'date', '등록일', 'Registered'),
          c('hiredOn', 'date', '취업일', 'Hired'),
          c('days', 'int', '기간(일)', 'Days'),
          c('source', 'text', '경로', 'Source'),
        ],
      },
    ],
  },
  retention: {
    name: 'retention',
    title: { ko: '사후관리 고용유지', en: 'Follow-up retention' },
    tables: [
      {
        key: 'retention',
        title: { ko: '1·3·6개월 고용유지', en: 'Retention at 1, 3 and 6 months' },
        columns: [
          c('months', 'text', '시점', 'Check'),
          c('due', 'int', '대상', 'Due'),
          c('recorded', 'int', '확인', 'Recorded'),
          c('employed', 'int', '고용유지', 'Still employed'),
          c('retentionRate', 'percent', '유지율', 'Retention'),
          c('coverage', 'percent', '확인율', 'Checked'),
        ],
        chart: { kind: 'bar', label: 'months', series: ['retentionRate'] },
      },
    ],
  },
  fairness: {
    name: 'fairness',
    title: { ko: '성별·연령대별 유형분류 결과', en: 'Classification outcomes by gender and age band' },
    tables: [
      {
        key: 'byGender',
        title: { ko: '성별', en: 'By gender' },
        columns: [
          c('group', 'text', '성별', 'Gender'),
          c('assessments', 'int', '유형분류', 'Assessments'),
          c('ready', 'int', '준비된 구직자', 'Ready'),
          c('needsPreparation', 'int', '준비가 필요한 구직자', 'Needs preparation'),
          c('readyShare', 'percent', '준비됨 비율', 'Ready share'),
          c('overrideRate', 'percent', '조정률', 'Override rate'),
        ],
        chart: { kind: 'bar', label: 'group', series: ['readyShare'] },
      },
      {
        key: 'byAge',
        title: { ko: '연령대별', en: 'By age band' },
        columns: [
          c('group', 'text', '연령대', 'Age band'),
          c('assessments', 'int', '유형분류', 'Assessments'),
          c('ready', 'int', '준비된 구직자', 'Ready'),
          c('needsPreparation', 'int', '준비가 필요한 구직자', 'Needs preparation'),
          c('readyShare', 'percent', '준비됨 비율', 'Ready share'),
          c('overrideRate', 'percent', '조정률', 'Override rate'),
        ],
        chart: { kind: 'bar', label: 'group', series: ['readyShare'] },
      },
    ],
  },
  // Issue 17 item 6: 국민취업지원제도 enrolments, group programmes and service referrals to training or
  // work experience, one row per catalogue programme (electron/services/reports/programmes.ts).
  programmes: {
    name: 'programmes',
    title: { ko: '프로그램 참여·성과', en: 'Programme participation and outcomes' },
    tables: [
      {
        key: 'participation',
        title: { ko: '프로그램별 참여와 성과', en: 'Participation and outcomes by programme' },
        columns: [
          c('programme', 'text', '프로그램', 'Programme'),
          c('started', 'int', '기간 내 참여', 'Started in period'),
          c('inEligibility', 'int', '요건 확인 중', 'In eligibility check'),
          c('inPlan', 'int', '계획 수립 중', 'In action planning'),
          c('inService', 'int', '서비스 중', 'In services'),
          c('inFollowUp', 'int', '사후관리 중', 'In follow-up'),
          c('ended', 'int', '기간 내 종료', 'Ended in period'),
          c('completed', 'int', '완료', 'Completed'),
          c('employed6m', 'int', '종료 후 6개월 내 취업', 'Employed within 6 months of the end'),
          c('employedRate', 'percent', '취업률', 'Employment rate'),
        ],
        chart: { kind: 'bar', label: 'programme', series: ['started', 'completed', 'employed6m'] },
      },
      {
        key: 'conversions',
        title: {
          ko: '프로그램 후 준비된 구직자로 전환',
          en: 'Needs-preparation → ready after a programme',
        },
        columns: [
          c('programme', 'text', '프로그램', 'Programme'),
          c('needsPreparation', 'int', '준비가 필요한 구직자 종료', 'Needs-preparation people who ended'),
          c('converted', 'int', '준비된 구직자로 전환', 'Reassessed as ready'),
          c('conversionRate', 'percent', '전환율', 'Conversion rate'),
        ],
        chart: { kind: 'bar', label: 'programme', series: ['conversionRate'] },
      },
      {
        key: 'partners',
        title: { ko: '연계기관별 연계 취업 실적', en: 'Placements linked to partner agencies' },
        columns: [
          c('provider', 'text', '연계기관', 'Partner agency or resource'),
          c('referred', 'int', '기간 내 연계', 'Referred in period'),
          c('accepted', 'int', '수락', 'Accepted'),
          c('completed', 'int', '완료', 'Completed'),
          c('linkedPlacements', 'int', '연계 취업', 'Linked placements'),
          c('linkedRate', 'percent', '연계 취업률', 'Linked placement rate'),
        ],
        chart: { kind: 'bar', label: 'provider', series: ['referred', 'linkedPlacements'] },
      },
      {
        key: 'compliance',
        title: { ko: '기간별 구직활동 의무 이행', en: 'Obligation compliance per period' },
        columns: [
          c('month', 'text', '이행 기간 종료 월', 'Period ending in'),
          c('decisions', 'int', '판정', 'Decisions'),
          c('met', 'int', '이행', 'Met'),
          c('notMet', 'int', '미이행', 'Not met'),
          c('complianceRate', 'percent', '이행률', 'Compliance rate'),
        ],
        chart: { kind: 'bar', label: 'month', series: ['met', 'notMet'], stacked: true },
      },
    ],
  },
};

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface ReportFilters {
  from: string;
  to: string;
  centerCode: string;
  counselorId: string | null;
}

export interface ReportTable {
  key: string;
  rows: Row[];
}

/** A computed report: the tables in the order of its definition, rows holding the declared columns. */
export interface ReportData {
  report: ReportName;
  filters: ReportFilters & { counselorName: string | null; centerName: string };
  generatedAt: string;
  tables: ReportTable[];
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  base64: string;
  rows: number;
}

export const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  pdf: 'application/pdf',
};

/** The columns an output carries: the declared ones, without names and contacts unless asked for. */
export function outputColumns(table: TableDef, withNames: boolean): ColumnDef[] {
  return table.columns.filter((col) => withNames || !col.personal);
}

export function tableDef(report: ReportName, key: string): TableDef {
  const found = REPORTS[report].tables.find((t) => t.key === key);
  if (!found) throw new Error(`unknown table ${report}/${key}`);
  return found;
}

// Pure aggregation helpers, shared by the computation and the tests.

export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** Nearest-rank percentile of sorted numbers (p in 0..1); 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? 0;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

export const AGE_BANDS = ['15-29', '30-39', '40-49', '50-59', '60+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number): AgeBand {
  if (age < 30) return '15-29';
  if (age < 40) return '30-39';
  if (age < 50) return '40-49';
  if (age < 60) return '50-59';
  return '60+';
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Calendar months later (or earlier); the end of a shorter month clamps (Jan 31 + 1 → Feb 28/29). */
export function addMonths(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const month = d.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(d.getUTCFullYear(), month, Math.min(d.getUTCDate(), lastDay)))
    .toISOString()
    .slice(0, 10);
}
