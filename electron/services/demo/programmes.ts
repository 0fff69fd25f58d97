import type { Insertable } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { programmeOf } from '../../../shared/programmes/catalogue.ts';
import { evaluateEligibility, type EligibilityInputs } from '../../../shared/programmes/eligibility.ts';
import { fixedObligationFigures, obligationPeriods } from '../../../shared/programmes/obligations.ts';
import {
  currentStageDay,
  moveStage,
  startEnrolment,
  type EnrolmentState,
} from '../../../shared/programmes/stages.ts';
import type { ProgrammeStage } from '../../../shared/programmes/catalogue.ts';
import type { ServiceContext } from '../context.ts';
import { seededUuidv7, type Rng } from './random.ts';

// Demo enrolments in 국민취업지원제도 (issue 17 item 2): for a share of the needs-preparation jobseekers who
// gave the sensitive consent, an enrolment started up to ten months before the anchor day and carried
// through the stage machine as far as its days reach: pre-check and decision (a few refused), an agreed
// action plan, obligation periods decided (mostly met, some not met with a reason; the latest ones still
// open, so they show in the inbox), follow-up and an outcome. Built with the same rules as the desk
// (shared/programmes), so every row fits the server's declaration. Seed data: no outbox.

const DAY = 86_400_000;
const HLC_ZERO = '000000000000000:00000:demo';

type Enrolment = Insertable<Database['programme_enrolments']>;
type EnrolmentEvent = Insertable<Database['enrolment_events']>;
type Plan = Insertable<Database['action_plans']>;
type Decision = Insertable<Database['obligation_decisions']>;

export interface DemoProgrammeInput {
  anchorMs: number;
  /** Needs-preparation jobseekers with the sensitive consent: id, counselor, birth year. */
  candidates: ReadonlyArray<{ id: string; counselorId: string; birthYear: number }>;
  rng: Rng;
  /** Share of the candidates enrolled (default 0.35). */
  share?: number;
}

const GOALS = [
  '6개월 안에 희망 직종 취업',
  '직업훈련 수료 후 관련 분야 취업',
  '구직 의욕 회복과 구직활동 습관화',
];
const ACTIVITIES: ReadonlyArray<readonly [string, 'counselor' | 'jobseeker' | 'partner', string | null]> = [
  ['이력서·자기소개서 작성', 'jobseeker', null],
  ['심층상담 (월 1회)', 'counselor', null],
  ['집단상담 프로그램 참여', 'jobseeker', null],
  ['내일배움카드 훈련 과정 상담', 'partner', 'training-institution'],
  ['구인기업 알선 3건 이상', 'counselor', null],
];

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function generateDemoProgrammes(ctx: ServiceContext, o: DemoProgrammeInput): Promise<number> {
  const { rng } = o;
  const enrolments: Enrolment[] = [];
  const events: EnrolmentEvent[] = [];
  const plans: Plan[] = [];
  const decisions: Decision[] = [];
  const anchorDay = dayOf(o.anchorMs);
  for (const c of o.candidates) {
    if (!rng.chance(o.share ?? 0.35)) continue;
    const code = rng.chance(0.7) ? 'nes-1' : 'nes-2';
    const programme = programmeOf(code);
    const startMs = o.anchorMs - rng.int(0, 300) * DAY;
    const start = startEnrolment(code, dayOf(startMs));
    if (!programme || 'error' in start) continue;
    let e: EnrolmentState = start;
    const id = seededUuidv7(startMs, rng);
    const at = (day: string) => `${day}T01:00:00.000Z`;
    const event = (day: string, kind: EnrolmentEvent['kind'], over: Partial<EnrolmentEvent> = {}) =>
      events.push({
        id: seededUuidv7(Date.parse(at(day)), rng),
        hlc: HLC_ZERO,
        enrolment_id: id,
        kind,
        at: at(day),
        counselor_id: c.counselorId,
        from_stage: null,
        to_stage: null,
        decision: null,
        reason_code: null,
        outcome: null,
        note: null,
        ...over,
      });
    event(e.enrolled_on, 'enrolled', { to_stage: 'eligibility' });
    const move = (to: ProgrammeStage, afterDays: number, outcome: string | null = null): boolean => {
      const day = dayOf(Date.parse(`${currentStageDay(e)}T00:00:00Z`) + afterDays * DAY);
      if (day > anchorDay) return false;
      const r = moveStage(e, to, day, { outcome });
      if ('error' in r) return false;
      event(day, 'stage', { from_stage: e.stage, to_stage: to, outcome });
      e = { ...e, ...r.patch };
      return true;
    };
    // The pre-check, on the enrolment day, with inputs that mostly meet the rules.
    const inputs: EligibilityInputs = {
      age: Math.max(15, new Date(o.anchorMs).getUTCFullYear() - c.birthYear),
      householdIncomePct: rng.int(20, rng.chance(0.85) ? 60 : 120),
      ...(programme.eligibility?.inputs.includes('assetsBand') ? { assetsBand: 'under-400m' as const } : {}),
      ...(programme.eligibility?.inputs.includes('recentWorkDays')
        ? { recentWorkDays: rng.int(100, 900) }
        : {}),
      ...(programme.eligibility?.inputs.includes('vulnerableGroup')
        ? { vulnerableGroup: rng.chance(0.2) }
        : {}),
    };
    const listed = Object.fromEntries(
      Object.entries(inputs).filter(([k]) => programme.eligibility?.inputs.includes(k as never)),
    );
    const result = evaluateEligibility(programme, listed);
    const decidedOn = dayOf(startMs + rng.int(1, 10) * DAY);
    const decided = decidedOn <= anchorDay;
    const admit = result.meets;
    event(e.enrolled_on, 'prechecked');
    if (decided) {
      e = { ...e, decision: admit ? 'admit' : 'refuse' };
      event(decidedOn, 'decided', {
        decision: e.decision,
        reason_code: admit ? 'meets-rules' : 'income-over-limit',
      });
    }
    let plan: Plan | null = null;
    if (decided && !admit) move('ended', rng.int(1, 10) + 10, 'ineligible');
    if (decided && admit && move('plan', rng.int(10, 14))) {
      const planDay = e.plan_on ?? e.enrolled_on;
      const agreed = dayOf(Date.parse(`${planDay}T00:00:00Z`) + rng.int(3, 12) * DAY);
      const items = [0, 1, 2].map(() => rng.pick(ACTIVITIES));
      plan = {
        id: seededUuidv7(Date.parse(at(planDay)), rng),
        hlc: HLC_ZERO,
        enrolment_id: id,
        goals: JSON.stringify([rng.pick(GOALS)]),
        items: JSON.stringify(
          [...new Set(items)].map(([activity, who, partner], i) => ({
            activity,
            who,
            partner,
            from: dayOf(Date.parse(`${agreed}T00:00:00Z`) + i * 14 * DAY),
            to: dayOf(Date.parse(`${agreed}T00:00:00Z`) + (i * 14 + 30) * DAY),
          })),
        ),
        agreed_on: agreed <= anchorDay ? agreed : null,
        agreed_by: agreed <= anchorDay ? c.counselorId : null,
        created_by: c.counselorId,
        created_at: at(planDay),
        updated_at: at(agreed <= anchorDay ? agreed : planDay),
      };
      if (plan.agreed_on) {
        event(plan.agreed_on, 'plan-agreed');
        if (rng.chance(0.08)) move('ended', rng.int(15, 25), 'withdrew');
        else if (move('service', rng.int(14, 20))) {
          const periods = obligationPeriods(programme, e.service_on);
          for (const p of periods) {
            // Decided a few days after the period; the latest ones are left open (the inbox shows them).
            const on = dayOf(Date.parse(`${p.dueOn}T00:00:00Z`) + rng.int(1, 6) * DAY);
            if (on > dayOf(o.anchorMs - 3 * DAY) || rng.chance(0.05)) continue;
            const met = rng.chance(0.85);
            decisions.push({
              id: seededUuidv7(Date.parse(at(on)), rng),
              hlc: HLC_ZERO,
              enrolment_id: id,
              obligation_code: p.obligation,
              period_no: p.period,
              period_from: p.from,
              period_to: p.to,
              decision: met ? 'met' : 'not-met',
              reason_code: met
                ? 'report-accepted'
                : rng.pick(['no-report', 'insufficient-activity', 'missed-appointment']),
              reason_text: met ? null : '기한 내 구직활동 보고 없음',
              decided_on: on,
              counselor_id: c.counselorId,
              corrects: null,
              created_at: at(on),
            });
          }
          if (rng.chance(0.25)) move('ended', rng.int(60, 180), 'employed');
          else if (move('follow-up', rng.int(150, 200)))
            move('ended', rng.int(30, 120), rng.pick(['employed', 'employed', 'completed']));
        }
      }
    }
    const nowIso = at(anchorDay);
    enrolments.push({
      id,
      hlc: HLC_ZERO,
      jobseeker_id: c.id,
      counselor_id: c.counselorId,
      ...e,
      eligibility_inputs: JSON.stringify(listed),
      eligibility_meets: result.meets ? 1 : 0,
      eligibility_failed: JSON.stringify(result.failed),
      prechecked_on: e.enrolled_on,
      decision_reason_code: e.decision ? (admit ? 'meets-rules' : 'income-over-limit') : null,
      decision_reason_text: null,
      decided_by: e.decision ? c.counselorId : null,
      decided_on: e.decision ? decidedOn : null,
      obligation_figures: JSON.stringify(fixedObligationFigures(programme)),
      created_at: at(e.enrolled_on),
      updated_at: nowIso,
    });
    if (plan) plans.push(plan);
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (const [table, rows] of [
      ['programme_enrolments', enrolments],
      ['enrolment_events', events],
      ['action_plans', plans],
      ['obligation_decisions', decisions],
    ] as const) {
      for (let i = 0; i < rows.length; i += 300)
        await trx
          .insertInto(table)
          .values(rows.slice(i, i + 300))
          .execute();
    }
  });
  return enrolments.length;
}
