import type { Insertable } from 'kysely';
import { appendAudit } from '../../../db/repositories/audit.ts';
import type { Database } from '../../../db/schema.ts';
import {
  classifyEmployer,
  classifyJobseeker,
  type JobseekerChecklist,
} from '../../../shared/profiling/index.ts';
import { makeRegistrationNumber } from '../../../shared/domain/registration-number.ts';
import { OCCUPATIONS, SIDO, type Occupation } from '../../../shared/reference/index.ts';
import { createAccount, ensureCenter } from '../accounts.ts';
import type { ServiceContext } from '../context.ts';
import { generateDemoAppointments } from './appointments.ts';
import { generateDemoServiceReferrals } from './service-referrals.ts';
import { generateDemoProgrammes } from './programmes.ts';
import { generateDemoGroups } from './groups.ts';
import { generateAuditHistory } from './audit-history.ts';
import { COMPANY_PREFIXES, COMPANY_SUFFIXES, GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './korean-names.ts';
import { seededRng, seededUuidv7, type Rng } from './random.ts';
import { makeBusinessNumber } from './business-number.ts';
import { DEFAULT_KIOSK_SETTINGS, ticketDay } from '../../../shared/domain/kiosk.ts';

// Realistic, reproducible demo data: the same seed and anchor date give the same store. Rows are
// written in batches inside one transaction per table (a 100,000-jobseeker store takes seconds, not
// minutes). Demo rows are seed data, not counselor writes, so they bypass the outbox.

export interface DemoOptions {
  centerCode: string;
  centerName: string;
  sido: string;
  sigungu: string;
  jobseekers: number;
  employers: number;
  seed: number;
  password: string;
  /** The day the data is "as of": events fall in the two years before it. */
  anchor: Date;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface DemoSummary {
  accounts: string[];
  jobseekers: number;
  assessments: number;
  notes: number;
  employers: number;
  openings: number;
  referrals: number;
  referralEvents: number;
  checkins: number;
}

const DAY = 86_400_000;
const BATCH = 400;
const HLC_ZERO = '000000000000000:00000:demo';

type Row<T extends keyof Database> = Insertable<Database[T]>;

async function insertBatched<T extends keyof Database>(
  ctx: ServiceContext,
  table: T,
  rows: Array<Row<T>>,
  progress?: (done: number) => void,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx
        .insertInto(table)
        .values(rows.slice(i, i + BATCH))
        .execute();
      progress?.(Math.min(i + BATCH, rows.length));
    }
  });
}

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

function personName(rng: Rng, gender: 'female' | 'male' | 'other' | null): string {
  const given =
    gender === 'male'
      ? GIVEN_MALE
      : gender === 'female'
        ? GIVEN_FEMALE
        : rng.chance(0.5)
          ? GIVEN_MALE
          : GIVEN_FEMALE;
  return rng.weighted(SURNAMES) + rng.pick(given);
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

/** Each counselor's jobseekers (the demo's appointments are booked within them). */
function caseloadsOf(rows: ReadonlyArray<Row<'jobseekers'>>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.assigned_counselor_id) continue;
    const list = out.get(r.assigned_counselor_id) ?? [];
    list.push(r.id);
    out.set(r.assigned_counselor_id, list);
  }
  return out;
}

export async function generateDemo(ctx: ServiceContext, o: DemoOptions): Promise<DemoSummary> {
  const rng = seededRng(o.seed);
  const anchor = Date.UTC(o.anchor.getUTCFullYear(), o.anchor.getUTCMonth(), o.anchor.getUTCDate());
  const iso = (ms: number) => new Date(ms).toISOString();
  const progress = o.onProgress ?? (() => undefined);

  await ensureCenter(ctx, { code: o.centerCode, name: o.centerName, sido: o.sido, sigungu: o.sigungu });
  const accounts = [
    'admin',
    'supervisor1',
    'counselor1',
    'counselor2',
    'counselor3',
    'counselor4',
    'counselor5',
  ];
  const counselorIds: string[] = [];
  for (const [i, loginId] of accounts.entries()) {
    const role = i === 0 ? 'admin' : i === 1 ? 'supervisor' : 'counselor';
    const displayName =
      i === 0 ? '시스템관리자' : i === 1 ? `${rng.weighted(SURNAMES)}팀장` : personName(rng, null);
    const id = await createAccount(ctx, {
      loginId,
      displayName,
      role,
      centerCode: o.centerCode,
      password: o.password,
    });
    if (role === 'counselor') counselorIds.push(id);
    progress('accounts', i + 1, accounts.length);
  }

  const nearbySido = [o.sido, o.sido, o.sido, o.sido, ...SIDO.map((s) => s.code)];
  const sigunguOf = (sido: string) => SIDO.find((s) => s.code === sido)?.sigungu ?? [];
  const pickRegion = () => {
    const sido = rng.pick(nearbySido);
    const list = sigunguOf(sido);
    return {
      sido,
      sigungu: sido === o.sido && rng.chance(0.6) ? o.sigungu : list.length > 0 ? rng.pick(list).code : null,
    };
  };
  const occupationWeights: ReadonlyArray<readonly [Occupation, number]> = OCCUPATIONS.map((occ) => [
    occ,
    occ.easy ? 4 : 1,
  ]);

  // Jobseekers, their assessments and notes.
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

  // Employers and their openings.
  const employers: Array<Row<'employers'>> = [];
  const employerAssessments: Array<Row<'employer_assessments'>> = [];
  const openings: Array<Row<'job_openings'>> = [];
  const businessNos = new Set<string>();
  const levels = ['high', 'mid', 'low'] as const;
  for (let i = 0; i < o.employers; i++) {
    const created = anchor - rng.int(1, 900) * DAY;
    const id = seededUuidv7(created, rng);
    const industry = rng.pick(Object.keys(COMPANY_SUFFIXES));
    let businessNo = makeBusinessNumber(rng);
    while (businessNos.has(businessNo)) businessNo = makeBusinessNumber(rng);
    businessNos.add(businessNo);
    const region = pickRegion();
    const employees = rng.weighted([
      [rng.int(1, 29), 6],
      [rng.int(30, 299), 3],
      [rng.int(300, 2000), 1],
    ]);
    const wage = rng.pick(levels);
    const welfare = rng.pick(levels);
    const recognition = rng.pick(levels);
    const mainOccupation = rng.weighted(occupationWeights);
    const profile = {
      uniformConditions: mainOccupation.uniformConditions === true,
      wage,
      welfare,
      recognition,
      employees,
    };
    const result = classifyEmployer(profile);
    employers.push({
      id,
      hlc: HLC_ZERO,
      business_no: businessNo,
      name: `(주)${rng.pick(COMPANY_PREFIXES)}${rng.pick(COMPANY_SUFFIXES[industry] ?? ['산업'])}`,
      industry,
      employees,
      sido: region.sido,
      sigungu: region.sigungu,
      contact_name: `${rng.weighted(SURNAMES)}과장`,
      contact_phone: `0${rng.int(2, 64)}${String(rng.int(1_000_000, 9_999_999))}`,
      potential_client: rng.chance(0.15) ? 1 : 0,
      focus_support: rng.chance(0.1) ? 1 : 0,
      wage_level: wage,
      welfare_level: welfare,
      recognition_level: recognition,
      current_type: result.type,
      center_code: o.centerCode,
      created_at: iso(created),
      updated_at: iso(created),
    });
    employerAssessments.push({
      id: seededUuidv7(created, rng),
      hlc: HLC_ZERO,
      employer_id: id,
      rule_set: result.ruleSet,
      inputs: JSON.stringify(profile),
      result: JSON.stringify(result),
      type: result.type,
      decision: 'accepted',
      final_type: result.type,
      override_reason_code: null,
      override_reason_text: null,
      created_by: rng.pick(counselorIds),
      created_at: iso(created),
    });
    for (let n = rng.int(1, 4); n > 0; n--) {
      const at = created + rng.int(0, 600) * DAY;
      if (at >= anchor) continue;
      const occupation = rng.chance(0.6) ? mainOccupation : rng.weighted(occupationWeights);
      openings.push({
        id: seededUuidv7(at, rng),
        hlc: HLC_ZERO,
        employer_id: id,
        title: `${occupation.ko} 채용`,
        occupation: occupation.code,
        sido: region.sido,
        sigungu: region.sigungu,
        wage: rng.int(210, 420) * 10_000,
        positions: rng.weighted([
          [1, 5],
          [2, 3],
          [rng.int(3, 10), 2],
        ]),
        required_qualifications: '[]',
        status: anchor - at > 200 * DAY ? rng.pick(['open', 'filled', 'closed'] as const) : 'open',
        public: rng.chance(0.7) ? 1 : 0,
        center_code: o.centerCode,
        created_at: iso(at),
        updated_at: iso(at),
      });
    }
  }
  await insertBatched(ctx, 'employers', employers, (d) => progress('employers', d, employers.length));
  await insertBatched(ctx, 'employer_assessments', employerAssessments);
  await insertBatched(ctx, 'job_openings', openings, (d) => progress('openings', d, openings.length));

  // Referrals with their event histories, drawn from the same occupation where possible.
  const referrals: Array<Row<'referrals'>> = [];
  const events: Array<Row<'referral_events'>> = [];
  const openingsByOccupation = new Map<string, Array<Row<'job_openings'>>>();
  for (const op of openings) {
    const list = openingsByOccupation.get(op.occupation) ?? [];
    list.push(op);
    openingsByOccupation.set(op.occupation, list);
  }
  for (const js of jobseekers) {
    if (openings.length === 0 || !rng.chance(0.3)) continue;
    const pool =
      (js.desired_occupation ? openingsByOccupation.get(js.desired_occupation) : undefined) ?? openings;
    const taken = new Set<string>();
    for (let n = rng.int(1, 2); n > 0; n--) {
      const opening = rng.pick(pool);
      if (taken.has(opening.id)) continue;
      taken.add(opening.id);
      const counselor = js.assigned_counselor_id ?? rng.pick(counselorIds);
      let at = Math.max(Date.parse(js.registered_at), Date.parse(opening.created_at)) + rng.int(1, 30) * DAY;
      if (at >= anchor) continue;
      const referralId = seededUuidv7(at, rng);
      referrals.push({
        id: referralId,
        hlc: HLC_ZERO,
        jobseeker_id: js.id,
        opening_id: opening.id,
        counselor_id: counselor,
        created_at: iso(at),
      });
      const path = rng.weighted([
        [['proposed'], 1],
        [['proposed', 'declined'], 1],
        [['proposed', 'referred'], 2],
        [['proposed', 'referred', 'no-show'], 1],
        [['proposed', 'referred', 'interview'], 2],
        [['proposed', 'referred', 'interview', 'not-hired'], 3],
        [['proposed', 'referred', 'interview', 'hired'], 3],
      ] as const);
      for (const kind of path) {
        if (at >= anchor) break;
        events.push({
          id: seededUuidv7(at, rng),
          hlc: HLC_ZERO,
          referral_id: referralId,
          kind,
          at: iso(at),
          counselor_id: counselor,
          note: null,
          data: '{}',
        });
        at += rng.int(2, 14) * DAY;
      }
      if (path.at(-1) === 'hired') {
        for (const months of [1, 3, 6]) {
          const check = at + months * 30 * DAY;
          if (check >= anchor) break;
          events.push({
            id: seededUuidv7(check, rng),
            hlc: HLC_ZERO,
            referral_id: referralId,
            kind: 'follow-up',
            at: iso(check),
            counselor_id: counselor,
            note: null,
            data: JSON.stringify({ months, employed: rng.chance(0.8) }),
          });
        }
      }
    }
  }
  await insertBatched(ctx, 'referrals', referrals, (d) => progress('referrals', d, referrals.length));
  await insertBatched(ctx, 'referral_events', events, (d) => progress('referral events', d, events.length));

  // Today's lobby check-ins, all taken before the demo's own moment (a ticket from the future would
  // show as waiting 0 minutes), each at the counter its service is sent to by the default settings
  // (shared/domain/kiosk.ts), as the kiosk does.
  const checkins: Array<Row<'checkins'>> = [];
  const services = DEFAULT_KIOSK_SETTINGS.services;
  const checkinCount = Math.min(40, Math.max(5, Math.round(o.jobseekers / 100)));
  // The last ticket half an hour before that moment, so every finished one ended before it too.
  const lastTicketAt = o.anchor.getTime() - 30 * 60_000;
  for (let n = 1; n <= checkinCount; n++) {
    const at = lastTicketAt - (checkinCount - n) * 300_000;
    const status =
      n < checkinCount * 0.6
        ? rng.pick(['done', 'left'] as const)
        : n < checkinCount * 0.7
          ? 'called'
          : 'waiting';
    const service = rng.pick(services);
    checkins.push({
      id: seededUuidv7(at, rng),
      hlc: HLC_ZERO,
      center_code: o.centerCode,
      ticket_no: n,
      ticket_day: ticketDay(new Date(at)),
      service: service.id,
      status,
      self_check: rng.chance(0.4)
        ? JSON.stringify({ searchActivities4w: '1-2', startWish: 'within3m', willToWork: 4 })
        : null,
      created_at: iso(at),
      called_at: status === 'waiting' ? null : iso(at + 600_000),
      done_at: status === 'done' || status === 'left' ? iso(at + 1_500_000) : null,
      counter: service.counterId,
      called_by: status === 'waiting' ? null : rng.pick(counselorIds),
    });
  }
  await insertBatched(ctx, 'checkins', checkins);
  await generateDemoAppointments(ctx, { anchorMs: anchor, caseloads: caseloadsOf(jobseekers), rng });
  // Its own stream of the seed, so the referrals never shift what the generators above made.
  await generateDemoServiceReferrals(ctx, { anchorMs: anchor, jobseekers, assessments, seed: o.seed });
  // Issue 17: enrolments in 국민취업지원제도 for needs-preparation jobseekers who gave the sensitive consent
  // (its own generator seeded apart, so the records above stay as they were for a given seed).
  const sensitive = new Set(
    consents.filter((c) => c.item_group === 'sensitive' && c.granted === 1).map((c) => c.jobseeker_id),
  );
  await generateDemoProgrammes(ctx, {
    anchorMs: anchor,
    rng: seededRng(o.seed ^ 0x17),
    candidates: jobseekers
      .filter((j) => j.current_type === 'needs-preparation' && j.assigned_counselor_id && sensitive.has(j.id))
      .map((j) => ({ id: j.id, counselorId: j.assigned_counselor_id as string, birthYear: j.birth_year })),
  });
  await generateDemoGroups(ctx, { centerCode: o.centerCode, anchorMs: anchor, seed: o.seed });

  await generateAuditHistory(ctx, { centerCode: o.centerCode, anchorMs: anchor, seed: o.seed });
  await appendAudit(ctx.db, {
    at: ctx.now().toISOString(),
    actorId: null,
    actorLogin: null,
    deviceId: ctx.deviceId,
    action: 'demo.generate',
    subjectType: 'store',
    subjectId: null,
    personId: null,
    detail: { seed: o.seed, jobseekers: o.jobseekers, employers: o.employers },
  });

  return {
    accounts,
    jobseekers: jobseekers.length,
    assessments: assessments.length,
    notes: notes.length,
    employers: employers.length,
    openings: openings.length,
    referrals: referrals.length,
    referralEvents: events.length,
    checkins: checkins.length,
  };
}
