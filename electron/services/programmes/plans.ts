import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type { EnrolmentView } from '../../../shared/contract/programmes.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { planAgreeable, type PlanItem } from '../../../shared/programmes/action-plan.ts';
import { plansOf } from '../../../db/repositories/programmes.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { auditAction, insertSynced, updateSynced } from '../synced-writes.ts';
import { reachable, viewOf } from './access.ts';
import { event } from './enrolments.ts';

// The Individual Action Plan (취업활동계획): drafted in the plan stage (and revised later), agreed with the
// jobseeker on a day. An agreed plan is fixed: saving again starts a new plan (the agreed one is archived,
// its row and its agreement kept in history), which is agreed anew.

const OPEN_STAGES = new Set(['plan', 'service', 'follow-up']);

export async function savePlan(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { enrolmentId: string; goals: string[]; items: PlanItem[] },
): Promise<EnrolmentView> {
  const { row } = await reachable(ctx, actor, input.enrolmentId);
  if (!OPEN_STAGES.has(row.stage))
    throw new AppFailure({ code: 'conflict', message: 'programmes.plan.notNow' });
  const current = (await plansOf(ctx.db, [row.id])).get(row.id);
  const now = isoNow(ctx);
  const goals = JSON.stringify(input.goals);
  const items = JSON.stringify(input.items);
  await ctx.db.transaction().execute(async (trx) => {
    if (current && current.agreed_on === null) {
      await updateSynced(
        trx,
        ctx,
        'action_plans',
        current.id,
        { goals, items, updated_at: now },
        Number(current.seq),
      );
    } else {
      if (current)
        await updateSynced(
          trx,
          ctx,
          'action_plans',
          current.id,
          { archived: 1, updated_at: now },
          Number(current.seq),
        );
      await insertSynced(trx, ctx, 'action_plans', {
        enrolment_id: row.id,
        goals,
        items,
        agreed_on: null,
        agreed_by: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
    }
    await auditAction(trx, ctx, actor, {
      action: 'programme.plan.save',
      subjectType: 'programme_enrolment',
      subjectId: row.id,
      personId: row.jobseeker_id,
    });
  });
  return viewOf(ctx, actor, row.id);
}

export async function agreePlan(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { enrolmentId: string; on: string },
): Promise<EnrolmentView> {
  const { row } = await reachable(ctx, actor, input.enrolmentId);
  const plan = (await plansOf(ctx.db, [row.id])).get(row.id);
  if (!plan) throw new AppFailure({ code: 'conflict', message: 'programmes.plan.none' });
  if (plan.agreed_on !== null)
    throw new AppFailure({ code: 'conflict', message: 'programmes.plan.agreedAlready' });
  if (!planAgreeable(JSON.parse(plan.goals) as string[], JSON.parse(plan.items) as PlanItem[]))
    throw new AppFailure({ code: 'validation', message: 'programmes.plan.incomplete' });
  if (input.on < (row.plan_on ?? row.enrolled_on))
    throw new AppFailure({ code: 'validation', message: 'programmes.plan.dayBeforePlan', field: 'on' });
  await ctx.db.transaction().execute(async (trx) => {
    await updateSynced(
      trx,
      ctx,
      'action_plans',
      plan.id,
      { agreed_on: input.on, agreed_by: actor.userId, updated_at: isoNow(ctx) },
      Number(plan.seq),
    );
    await event(trx, ctx, actor, row.id, { kind: 'plan-agreed' });
    await auditAction(trx, ctx, actor, {
      action: 'programme.plan.agree',
      subjectType: 'action_plan',
      subjectId: plan.id,
      personId: row.jobseeker_id,
    });
  });
  return viewOf(ctx, actor, row.id);
}
