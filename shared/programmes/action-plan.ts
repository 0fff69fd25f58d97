import { z } from 'zod';
import { daySchema } from '../domain/day.ts';

// The Individual Action Plan (취업활동계획, issue 17 item 2): goals, planned activities with dates and who
// does what (the counselor, the jobseeker, a partner agency), agreed with the jobseeker on a day. Once
// agreed, the plan is fixed (its content is what was signed); a change is a new plan that is agreed again.

export const PLAN_ACTORS = ['counselor', 'jobseeker', 'partner'] as const;
export type PlanActor = (typeof PLAN_ACTORS)[number];

export const planItemSchema = z
  .object({
    activity: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
    who: z.enum(PLAN_ACTORS),
    /** The partner agency when `who` is partner (a catalogue provider code or a name). */
    partner: z.string().trim().max(100, 'validation.tooLong').nullable(),
    from: daySchema('validation.date'),
    to: daySchema('validation.date'),
  })
  .strict()
  .refine((i) => i.from <= i.to, { message: 'programmes.plan.itemDates', path: ['to'] })
  .refine((i) => i.who !== 'partner' || (i.partner ?? '').length > 0, {
    message: 'programmes.plan.partnerNeeded',
    path: ['partner'],
  });
export type PlanItem = z.infer<typeof planItemSchema>;

export const planGoalsSchema = z
  .array(z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'))
  .min(1, 'programmes.plan.needGoal')
  .max(10, 'validation.tooLong');
export const planItemsSchema = z.array(planItemSchema).max(40, 'validation.tooLong');

/** A plan may be agreed when it has a goal and at least one activity. */
export function planAgreeable(goals: readonly string[], items: readonly PlanItem[]): boolean {
  return goals.length > 0 && items.length > 0;
}
