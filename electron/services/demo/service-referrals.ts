import type { Insertable } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { CURRENT_CATALOGUE } from '../../../shared/programmes/catalogue.ts';
import {
  PATH,
  STATUS_DAY_COLUMN,
  planStepOf,
  type ServiceCloseReason,
  type ServiceReferralReason,
  type ServiceReferralStatus,
  type ServiceTarget,
} from '../../../shared/programmes/service-referral-status.ts';
import { stepsOf } from '../../../shared/casework/service-plan.ts';
import type { JobseekerTrack } from '../../../shared/profiling/index.ts';
import type { ServiceContext } from '../context.ts';
import { seededRng, seededUuidv7, type Rng } from './random.ts';

// Demo service referrals (서비스 연계, issue 17 item 4): about a third of the needs-preparation
// jobseekers referred, by their track, to a 내일배움카드 course, work experience, a partner agency or a
// welfare resource over the six months before the anchor day, each at some step of the machine with
// its days and events (and a few ready jobseekers referred to a partner agency, for the linked
// placements), after the case's latest assessment; a completion closes its plan step where the track
// has it. Seed data: no outbox, like the rest of the demo.

const DAY = 86_400_000;
const HLC_ZERO = '000000000000000:00000:demo';
const BATCH = 400;

const COURSES = [
  '특수용접 기능사 과정',
  '전산회계 실무 과정',
  '요양보호사 양성 과정',
  '웹 프론트엔드 개발자 과정',
  '지게차 운전 기능사 과정',
  '제과제빵 기능사 과정',
  '물류관리 실무 과정',
  '바리스타 실무 과정',
];
const LOCAL_PROVIDERS = ['○○구 여성인력개발센터', '○○동 행정복지센터', '○○시 청년센터'];

type Referral = Insertable<Database['service_referrals']>;
type ReferralEvent = Insertable<Database['service_referral_events']>;
type PlanStep = Insertable<Database['service_plan_steps']>;

interface DemoServiceJobseeker {
  id: string;
  counselorId: string | null;
  type: string | null;
  track: string | null;
  /** The case's latest assessment: referrals come after it, and a completion closes its plan step. */
  assessment: { id: string; at: string } | null;
}

/** The demo's cases with their latest assessment (the assessments come oldest first per case). */
function casesOf(
  jobseekers: ReadonlyArray<Insertable<Database['jobseekers']>>,
  assessments: ReadonlyArray<Insertable<Database['assessments']>>,
): DemoServiceJobseeker[] {
  const latest = new Map(assessments.map((a) => [a.jobseeker_id, { id: a.id, at: a.created_at }]));
  return jobseekers.map((j) => ({
    id: j.id,
    counselorId: j.assigned_counselor_id ?? null,
    type: j.current_type ?? null,
    track: j.current_track ?? null,
    assessment: latest.get(j.id) ?? null,
  }));
}

function targetFor(rng: Rng, track: string | null, ready: boolean): [ServiceTarget, ServiceReferralReason] {
  const none = { programmeCode: null, providerCode: null, providerName: null, courseName: null };
  if (ready)
    return [
      {
        kind: 'partner-agency',
        ...none,
        providerCode: rng.pick(['saeil-center', 'middle-aged-center', 'local-job-center']),
      },
      'career-change',
    ];
  const kind = rng.weighted(
    track === 'training'
      ? ([
          ['training', 7],
          ['work-experience', 3],
        ] as const)
      : track === 'integrated-case-management'
        ? ([
            ['welfare-resource', 6],
            ['partner-agency', 2],
            ['training', 2],
          ] as const)
        : ([
            ['work-experience', 4],
            ['partner-agency', 3],
            ['welfare-resource', 2],
            ['training', 1],
          ] as const),
  );
  if (kind === 'training')
    return [
      {
        kind,
        ...none,
        programmeCode: 'training-naeil',
        providerCode: rng.chance(0.7) ? 'training-institution' : null,
        courseName: rng.pick(COURSES),
      },
      'skills-gap',
    ];
  if (kind === 'work-experience')
    return [
      { kind, ...none, programmeCode: rng.pick(['work-experience-trial', 'work-experience-intern']) },
      'work-experience',
    ];
  const providers = CURRENT_CATALOGUE.providers.filter((p) => p.kind === kind).map((p) => p.code);
  if (rng.chance(0.1)) return [{ kind, ...none, providerName: rng.pick(LOCAL_PROVIDERS) }, 'welfare-need'];
  const code = rng.pick(providers);
  const reason: ServiceReferralReason =
    code === 'microfinance'
      ? 'finance'
      : code === 'childcare'
        ? 'childcare'
        : code === 'mental-health'
          ? 'health'
          : 'welfare-need';
  return [{ kind, ...none, providerCode: code }, reason];
}

const day = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);

/** Writes the referrals and their events; returns how many referrals. */
export async function generateDemoServiceReferrals(
  ctx: ServiceContext,
  o: {
    anchorMs: number;
    jobseekers: ReadonlyArray<Insertable<Database['jobseekers']>>;
    assessments: ReadonlyArray<Insertable<Database['assessments']>>;
    /** The demo's seed: this generator draws from its own stream of it. */
    seed: number;
  },
): Promise<number> {
  const rng = seededRng(o.seed ^ 0x5e7_1ce);
  const version = CURRENT_CATALOGUE.version;
  const referrals: Referral[] = [];
  const events: ReferralEvent[] = [];
  const steps: PlanStep[] = [];
  for (const j of casesOf(o.jobseekers, o.assessments)) {
    if (!j.counselorId || !j.assessment) continue;
    const ready = j.type === 'ready';
    if (!(ready ? rng.chance(0.05) : j.type === 'needs-preparation' && rng.chance(0.12))) continue;
    const [target, reason] = targetFor(rng, j.track, ready);
    const referredMs = Math.max(o.anchorMs - rng.int(1, 180) * DAY, Date.parse(j.assessment.at) + DAY);
    if (referredMs >= o.anchorMs) continue;
    const age = Math.floor((o.anchorMs - referredMs) / DAY);
    // Older referrals have gone further; a decline or a drop-out now and then.
    const status: ServiceReferralStatus =
      age < 7
        ? 'referred'
        : rng.chance(0.12)
          ? 'declined'
          : age < 20
            ? 'accepted'
            : age < 60
              ? rng.weighted([
                  ['started', 8],
                  ['dropped', 1],
                ] as const)
              : rng.weighted([
                  ['completed', 7],
                  ['started', 2],
                  ['dropped', 1],
                ] as const);
    const days: Partial<Record<ServiceReferralStatus, string>> = {};
    let ms = referredMs;
    for (const s of PATH[status]) {
      if (s !== 'referred')
        ms = Math.min(o.anchorMs, ms + rng.int(2, Math.max(3, Math.floor(age / 3))) * DAY);
      days[s] = day(ms);
    }
    const closeReason: ServiceCloseReason | null =
      status === 'declined'
        ? rng.pick(['not-eligible', 'no-place', 'unreachable'] as const)
        : status === 'dropped'
          ? rng.pick(['employed', 'health', 'family', 'jobseeker-withdrew'] as const)
          : null;
    const id = seededUuidv7(referredMs, rng);
    const row: Referral = {
      id,
      hlc: HLC_ZERO,
      jobseeker_id: j.id,
      target_kind: target.kind,
      catalogue_version: version,
      programme_code: target.programmeCode,
      provider_code: target.providerCode,
      provider_name: target.providerName,
      course_name: target.courseName,
      plan_step: planStepOf(target, version),
      reason_code: reason,
      reason_text: null,
      status,
      referred_on: days.referred ?? day(referredMs),
      accepted_on: null,
      declined_on: null,
      started_on: null,
      completed_on: null,
      dropped_on: null,
      close_reason_code: closeReason,
      close_reason_text: null,
      outcome_note: null,
      counselor_id: j.counselorId,
      created_at: new Date(referredMs).toISOString(),
    };
    let from: ServiceReferralStatus | null = null;
    for (const s of PATH[status]) {
      const on = days[s] ?? row.referred_on;
      (row as Record<string, unknown>)[STATUS_DAY_COLUMN[s]] = on;
      events.push({
        id: seededUuidv7(Date.parse(`${on}T01:00:00Z`), rng),
        hlc: HLC_ZERO,
        service_referral_id: id,
        from_status: from,
        to_status: s,
        happened_on: on,
        reason_code: s === 'referred' ? reason : s === 'declined' || s === 'dropped' ? closeReason : null,
        note: null,
        counselor_id: j.counselorId,
        at: `${on}T01:00:00.000Z`,
      });
      from = s;
    }
    referrals.push(row);
    // The completion closes the plan step when the case's track has it, as the desk does.
    const step = row.plan_step;
    if (
      status === 'completed' &&
      step &&
      j.track &&
      (stepsOf(j.track as JobseekerTrack) as readonly string[]).includes(step)
    )
      steps.push({
        id: seededUuidv7(ms, rng),
        hlc: HLC_ZERO,
        jobseeker_id: j.id,
        assessment_id: j.assessment.id,
        step,
        done_on: days.completed ?? day(ms),
        note: null,
        recorded_by: j.counselorId,
        recorded_at: new Date(ms).toISOString(),
      });
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < referrals.length; i += BATCH)
      await trx
        .insertInto('service_referrals')
        .values(referrals.slice(i, i + BATCH))
        .execute();
    for (let i = 0; i < events.length; i += BATCH)
      await trx
        .insertInto('service_referral_events')
        .values(events.slice(i, i + BATCH))
        .execute();
    for (let i = 0; i < steps.length; i += BATCH)
      await trx
        .insertInto('service_plan_steps')
        .values(steps.slice(i, i + BATCH))
        .execute();
  });
  return referrals.length;
}
