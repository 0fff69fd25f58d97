import { classifyJobseeker, type JobseekerChecklist } from '../../../shared/profiling/index.ts';
import { makeRegistrationNumber } from '../../../shared/domain/registration-number.ts';
import type { ServiceContext } from '../context.ts';
import { DAY, HLC_ZERO, insertBatched, iso, type Progress, type Row } from './batch.ts';
import { personName } from './korean-names.ts';
import type { DemoPlaces } from './places.ts';
import { seededUuidv7, type Rng } from './random.ts';

// Demo jobseekers with their consents, assessments (some reassessed, a few overridden) and counseling
// notes, registered over the two years before the anchor day.

function checklistFor(rng: Rng, hasOccupation: boolean): JobseekerChecklist {
  return {
    searchActivities4w: rng.weighted([
      ['0', 3],
      ['1-2', 4],
      ['3+', 3],
    ] as const),
    startWish: rng.weighted([
      ['undecided', 2],
      ['over6m', 1],
      ['3to6m', 2],
      ['within3m', 5],
    ] as const),
    willToWork: rng.weighted([
      [1, 1],
      [2, 1],
      [3, 3],
      [4, 4],
      [5, 3],
    ] as const),
    preparation: rng.weighted([
      ['none', 4],
      ['education', 3],
      ['license', 3],
    ] as const),
    experience: rng.weighted([
      ['none', 3],
      ['under2y', 3],
      ['2y+', 4],
    ] as const),
    sinceLastJob: rng.weighted([
      ['never', 1],
      ['over24m', 2],
      ['6to24m', 3],
      ['under6m', 4],
    ] as const),
    barriers: (['health', 'caregiving', 'language', 'digital'] as const).filter(() => rng.chance(0.12)),
    economicHardship: (['livelihood-recipient', 'low-income', 'housing'] as const).filter(() =>
      rng.chance(0.1),
    ),
    fieldDecided: hasOccupation && rng.chance(0.75),
    mobile: rng.chance(0.3),
  };
}

function mobilePhone(rng: Rng): string {
  return `010${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

const OVERRIDE_REASONS = [
  'health-disclosed',
  'caregiving-change',
  'counselor-judgement',
  'jobseeker-request',
] as const;
const NOTE_TEXTS = [
  '구직 의욕이 높고 희망 직종이 분명함. 이력서 보완 후 알선 예정.',
  '최근 실직으로 생계 부담이 큼. 국민취업지원제도 안내함.',
  '직업훈련(내일배움카드) 과정 상담. 다음 주 훈련기관 방문 예정.',
  '전화 상담: 면접 결과 대기 중. 다음 주 재연락하기로 함.',
  '희망임금이 지역 평균보다 높아 눈높이 조절 상담 진행.',
  '화상 상담: 자기소개서 작성 지도. 초안 이메일로 받기로 함.',
  '돌봄 부담으로 시간제 일자리 희망. 지역 내 알선 검토.',
  '디지털 역량 부족으로 온라인 지원에 어려움. 디지털 기초교육 연계.',
];

export interface DemoPeople {
  jobseekers: Array<Row<'jobseekers'>>;
  assessments: Array<Row<'assessments'>>;
  notes: Array<Row<'counseling_notes'>>;
  consents: Array<Row<'consent_records'>>;
}

export async function generateDemoJobseekers(
  ctx: ServiceContext,
  o: {
    rng: Rng;
    anchor: number;
    centerCode: string;
    jobseekers: number;
    counselorIds: string[];
    places: DemoPlaces;
    progress: Progress;
  },
): Promise<DemoPeople> {
  const { rng, anchor, counselorIds, progress } = o;
  const { pickRegion, occupationWeights } = o.places;
  const jobseekers: Array<Row<'jobseekers'>> = [];
  const assessments: Array<Row<'assessments'>> = [];
  const notes: Array<Row<'counseling_notes'>> = [];
  const consents: Array<Row<'consent_records'>> = [];
  const regNos = new Set<string>();
  for (let i = 0; i < o.jobseekers; i++) {
    const registered = anchor - rng.int(1, 730) * DAY + rng.int(9 * 3600, 17 * 3600) * 1000;
    const id = seededUuidv7(registered, rng);
    const gender = rng.weighted([
      ['female', 48],
      ['male', 48],
      [null, 4],
    ] as const);
    const region = pickRegion();
    const occupation = rng.chance(0.9) ? rng.weighted(occupationWeights) : null;
    let regNo = makeRegistrationNumber(new Date(registered).getUTCFullYear(), () => rng.int(0, 31));
    while (regNos.has(regNo))
      regNo = makeRegistrationNumber(new Date(registered).getUTCFullYear(), () => rng.int(0, 31));
    regNos.add(regNo);
    const counselor = rng.pick(counselorIds);
    const checklist = checklistFor(rng, occupation !== null);
    const row: Row<'jobseekers'> = {
      id,
      hlc: HLC_ZERO,
      reg_no: regNo,
      center_code: o.centerCode,
      name: personName(rng, gender),
      birth_year: rng.weighted([
        [rng.int(1960, 1969), 2],
        [rng.int(1970, 1984), 3],
        [rng.int(1985, 1999), 4],
        [rng.int(2000, 2006), 2],
      ]),
      gender,
      phone: rng.chance(0.95) ? mobilePhone(rng) : null,
      email: null,
      sido: region.sido,
      sigungu: region.sigungu,
      desired_occupation: occupation?.code ?? null,
      desired_wage: rng.int(200, 450) * 10_000,
      mobile: checklist.mobile ? 1 : 0,
      assigned_counselor_id: counselor,
      current_type: null,
      current_track: null,
      registered_at: iso(registered),
      created_at: iso(registered),
      updated_at: iso(registered),
    };
    for (const group of ['required', 'optional', 'sensitive'] as const) {
      consents.push({
        id: seededUuidv7(registered, rng),
        hlc: HLC_ZERO,
        jobseeker_id: id,
        item_group: group,
        granted: group === 'required' ? 1 : rng.chance(0.6) ? 1 : 0,
        notice_version: '2026-01',
        channel: 'counter',
        recorded_by: counselor,
        recorded_at: iso(registered),
      });
    }
    if (rng.chance(0.85)) {
      const rounds = rng.chance(0.15) ? 2 : 1;
      let at = registered + rng.int(0, 7) * DAY;
      let list = checklist;
      for (let r = 0; r < rounds && at < anchor; r++) {
        const result = classifyJobseeker(list);
        const override = rng.chance(0.07);
        const finalTrack = override ? rng.pick(['counseling', 'training', 'local'] as const) : result.track;
        const finalType =
          finalTrack === 'local' || finalTrack === 'wide-area' ? 'ready' : 'needs-preparation';
        assessments.push({
          id: seededUuidv7(at, rng),
          hlc: HLC_ZERO,
          jobseeker_id: id,
          rule_set: result.ruleSet,
          inputs: JSON.stringify(list),
          result: JSON.stringify(result),
          type: result.type,
          track: result.track,
          decision: override ? 'overridden' : 'accepted',
          final_type: finalType,
          final_track: finalTrack,
          // A reassessment that turns needs-preparation into ready is a conversion (전환), which reports count.
          conversion: row.current_type === 'needs-preparation' && finalType === 'ready' ? 1 : 0,
          override_reason_code: override ? rng.pick(OVERRIDE_REASONS) : null,
          override_reason_text: override ? '상담 결과 다른 경로가 더 적합하다고 판단함' : null,
          created_by: counselor,
          created_at: iso(at),
        });
        row.current_type = finalType;
        row.current_track = finalTrack;
        // A reassessment after a programme: motivation and preparation tend to improve.
        list = {
          ...list,
          willToWork: 4,
          searchActivities4w: '3+',
          preparation: 'education',
          fieldDecided: occupation !== null,
        };
        at += rng.int(60, 200) * DAY;
      }
    }
    for (let n = rng.int(0, 3); n > 0; n--) {
      const at = registered + rng.int(0, 300) * DAY;
      if (at >= anchor) continue;
      notes.push({
        id: seededUuidv7(at, rng),
        hlc: HLC_ZERO,
        jobseeker_id: id,
        kind: rng.weighted([
          ['in-person', 6],
          ['phone', 3],
          ['video', 1],
        ] as const),
        body: rng.pick(NOTE_TEXTS),
        author_id: counselor,
        created_at: iso(at),
        revision_of: null,
      });
    }
    jobseekers.push(row);
  }
  await insertBatched(ctx, 'jobseekers', jobseekers, (d) => progress('jobseekers', d, jobseekers.length));
  await insertBatched(ctx, 'consent_records', consents);
  await insertBatched(ctx, 'assessments', assessments, (d) => progress('assessments', d, assessments.length));
  await insertBatched(ctx, 'counseling_notes', notes, (d) => progress('notes', d, notes.length));
  return { jobseekers, assessments, notes, consents };
}
