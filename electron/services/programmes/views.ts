import {
  decisionsOf,
  enrolmentsOfJobseeker,
  plansOf,
  userNames,
  type EnrolmentRow,
} from '../../../db/repositories/programmes.ts';
import type { EnrolmentView, PeriodView, ProgrammeOption } from '../../../shared/contract/programmes.ts';
import type { PlanItem } from '../../../shared/programmes/action-plan.ts';
import { CURRENT_CATALOGUE } from '../../../shared/programmes/catalogue.ts';
import type { CenterFigures } from '../../../shared/programmes/center-figures.ts';
import { consentGroupsFor, type FailedRule } from '../../../shared/programmes/eligibility.ts';
import {
  decisionsInForce,
  enrolmentObligationFigures,
  obligationPeriods,
} from '../../../shared/programmes/obligations.ts';
import { enrolmentProgramme, nextStages, stageSteps } from '../../../shared/programmes/stages.ts';
import type { ServiceContext } from '../context.ts';

// What the case's 참여 프로그램 tab shows of each enrolment: the stepper (days and the current deadline),
// the pre-check and decision, the plan in force, and each obligation period with the decision in force.
// Everything is read from the enrolment's own catalogue edition.

function parsed<T>(json: string | null, fallback: T): T {
  if (json === null) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

export function programmeOptions(): ProgrammeOption[] {
  return CURRENT_CATALOGUE.programmes
    .filter((p) => p.stageDeadlineDays && p.eligibility)
    .map((p) => ({
      code: p.code,
      ko: p.ko,
      en: p.en,
      inputs: [...(p.eligibility?.inputs ?? [])],
      consent: consentGroupsFor(p),
    }));
}

export async function enrolmentViews(
  ctx: ServiceContext,
  rows: readonly EnrolmentRow[],
  figures: CenterFigures,
  today: string,
): Promise<EnrolmentView[]> {
  const ids = rows.map((r) => r.id);
  const [plans, decisions] = await Promise.all([plansOf(ctx.db, ids), decisionsOf(ctx.db, ids)]);
  const names = await userNames(ctx.db, [
    ...rows.flatMap((r) => [r.counselor_id, r.decided_by]),
    ...[...plans.values()].map((p) => p.agreed_by),
    ...decisions.map((d) => d.counselor_id),
  ]);
  return rows.map((r) => {
    const found = enrolmentProgramme(r);
    const programme = found?.programme;
    const plan = plans.get(r.id);
    const own = decisions.filter((d) => d.enrolment_id === r.id);
    const inForce = decisionsInForce(own.map((d) => ({ ...d, seq: Number(d.seq) })));
    const periods: PeriodView[] = programme
      ? obligationPeriods(
          programme,
          r.service_on,
          enrolmentObligationFigures(r.obligation_figures, figures),
        ).map((p) => {
          const o = programme.obligations?.find((x) => x.code === p.obligation);
          const held = inForce.get(`${p.obligation}#${p.period}`);
          const d = held?.decision;
          return {
            ...p,
            obligationKo: o?.ko ?? p.obligation,
            obligationEn: o?.en ?? p.obligation,
            decision: d
              ? {
                  id: d.id,
                  decision: d.decision,
                  reasonCode: d.reason_code,
                  reasonText: d.reason_text,
                  decidedOn: d.decided_on,
                  counselorName: names.get(d.counselor_id) ?? null,
                }
              : null,
            conflict: (held?.conflict.length ?? 0) > 0,
          };
        })
      : [];
    const outcome = r.outcome ? found?.catalogue.outcomes.find((o) => o.code === r.outcome) : undefined;
    return {
      id: r.id,
      jobseekerId: r.jobseeker_id,
      programmeCode: r.programme_code,
      programmeKo: programme?.ko ?? r.programme_code,
      programmeEn: programme?.en ?? r.programme_code,
      catalogueVersion: r.catalogue_version,
      stage: r.stage,
      steps: stageSteps(r, today),
      nextStages: [...nextStages(r.stage)],
      outcome: r.outcome
        ? { code: r.outcome, ko: outcome?.ko ?? r.outcome, en: outcome?.en ?? r.outcome }
        : null,
      eligibility: {
        inputs: [...(programme?.eligibility?.inputs ?? [])],
        recorded: parsed<Record<string, unknown> | null>(r.eligibility_inputs, null),
        meets: r.eligibility_meets === null ? null : r.eligibility_meets === 1,
        failed: parsed<FailedRule[]>(r.eligibility_failed, []),
        checkedOn: r.prechecked_on,
      },
      decision:
        r.decision && r.decision_reason_code && r.decided_on
          ? {
              decision: r.decision,
              reasonCode: r.decision_reason_code,
              reasonText: r.decision_reason_text,
              decidedOn: r.decided_on,
              decidedByName: r.decided_by ? (names.get(r.decided_by) ?? null) : null,
            }
          : null,
      plan: plan
        ? {
            id: plan.id,
            goals: parsed<string[]>(plan.goals, []),
            items: parsed<PlanItem[]>(plan.items, []),
            agreedOn: plan.agreed_on,
            agreedByName: plan.agreed_by ? (names.get(plan.agreed_by) ?? null) : null,
            updatedAt: plan.updated_at,
          }
        : null,
      periods,
      counselorName: names.get(r.counselor_id) ?? null,
      enrolledOn: r.enrolled_on,
    };
  });
}

export async function caseEnrolmentViews(
  ctx: ServiceContext,
  jobseekerId: string,
  figures: CenterFigures,
  today: string,
): Promise<EnrolmentView[]> {
  return enrolmentViews(ctx, await enrolmentsOfJobseeker(ctx.db, jobseekerId), figures, today);
}
