import type { Rng } from '../../../electron/services/demo/random.ts';
import type { DesktopStore } from '../../../electron/services/store.ts';
import { createTask, reassignTask, setTaskDone, snoozeTask } from '../../../electron/services/tasks.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';

// The simulation's to-do operations (issue 16 item 2), through the app's own services: a to-do for
// oneself (about a known case, or about nothing), marked done or not (descriptive: the later wins, the
// other kept in history), snoozed to a later day, and handed on to another counselor of the center
// (decisive: two hand-ons of one to-do open a review). Their invariants are the general ones:
// acknowledged writes are applied, superseded with a record, in review or refused with a reason, and a
// to-do naming a merged-away case is moved to its survivor (merge-ops.ts).

interface SimDesk {
  name: string;
  store: DesktopStore;
  session: SessionInfo;
}

export const TASK_ACTIONS = ['task-create', 'task-done', 'task-snooze', 'task-reassign'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export function isTaskAction(action: string): action is TaskAction {
  return (TASK_ACTIONS as readonly string[]).includes(action);
}

function day(rng: Rng, month: number): string {
  return `2026-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

/** One to-do write on this desktop; false when there was nothing to act on (or the app refused). */
export async function taskWrite(
  desk: SimDesk,
  action: TaskAction,
  rng: Rng,
  userIds: string[],
): Promise<boolean> {
  const ctx = desk.store.context;
  try {
    if (action === 'task-create') {
      const cases = await ctx.db
        .selectFrom('jobseekers')
        .select('id')
        .where('archived', '=', 0)
        .orderBy('id')
        .execute();
      const about = cases.length > 0 && rng.chance(0.7) ? rng.pick(cases).id : null;
      await createTask(ctx, desk.session, {
        title: `전화하기 ${rng.int(1, 999)}`,
        dueOn: day(rng, 11),
        link: about ? { kind: 'jobseeker', id: about } : null,
      });
      return true;
    }
    // The to-dos this person may change: their own, or made by them.
    const mine = await ctx.db
      .selectFrom('tasks')
      .select(['id', 'seq', 'done'])
      .where('archived', '=', 0)
      .where((eb) =>
        eb.or([eb('assignee_id', '=', desk.session.userId), eb('created_by', '=', desk.session.userId)]),
      )
      .orderBy('id')
      .execute();
    if (mine.length === 0) return false;
    const task = rng.pick(mine);
    const base = { id: task.id, baseSeq: Number(task.seq) };
    if (action === 'task-done') await setTaskDone(ctx, desk.session, { ...base, done: task.done !== 1 });
    else if (action === 'task-snooze')
      await snoozeTask(ctx, desk.session, { ...base, until: rng.chance(0.8) ? day(rng, 12) : null });
    else {
      const known = (
        await ctx.db.selectFrom('users').select('id').where('id', 'in', userIds).orderBy('id').execute()
      ).map((u) => u.id);
      const others = known.filter((id) => id !== desk.session.userId);
      if (others.length === 0) return false;
      await reassignTask(ctx, desk.session, { ...base, assigneeId: rng.pick(others) });
    }
    return true;
  } catch (error) {
    // Not theirs any more, not found (its case left this desktop)...: the app says so; nothing written.
    if (error instanceof AppFailure) return false;
    throw error;
  }
}
