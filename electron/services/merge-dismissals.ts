import {
  activeDismissals,
  dismissedPairKeys,
  getDismissal,
  pairKey,
} from '../../db/repositories/merge-dismissals.ts';
import type { JobseekerRow } from '../../db/schema.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import type { DismissedPair } from '../../shared/contract/merges.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { accessibleJobseeker, caseScope } from './case-access.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { side } from './merges.ts';
import { auditAction, insertSynced, updateSynced } from './synced-writes.ts';

// "Not the same person" (다른 사람, issue 16 item 5): a supervisor dismisses a suggested duplicate pair
// with a reason. The dismissal is a synced record of the center (shared/sync/tables/merges.ts), so the
// pair leaves the duplicate list on every desktop of the center after their next sync; taking it back
// (undone) brings the pair back. Both cases are named in the audit entry.

function supervisorOnly(actor: SessionInfo): void {
  caseScope(actor);
  if (actor.role !== 'supervisor')
    throw new AppFailure({ code: 'forbidden', message: 'merges.supervisorOnly' });
}

/** A live, unmerged case of the supervisor's own center. */
async function pairCase(ctx: ServiceContext, actor: SessionInfo, id: string, field: string) {
  const row = await accessibleJobseeker(ctx.db, actor, id, { field });
  if (row.center_code !== actor.centerCode)
    throw new AppFailure({ code: 'not-found', message: 'jobseekers.notFound', field });
  if (row.merged_into !== null)
    throw new AppFailure({ code: 'conflict', message: 'merges.alreadyMerged', field });
  return row;
}

export async function dismissPair(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { a: string; b: string; reason: string },
): Promise<{ id: string }> {
  supervisorOnly(actor);
  await pairCase(ctx, actor, input.a, 'a');
  await pairCase(ctx, actor, input.b, 'b');
  if ((await dismissedPairKeys(ctx.db, actor.centerCode)).has(pairKey(input.a, input.b)))
    throw new AppFailure({ code: 'conflict', message: 'merges.dismiss.already' });
  const [aId, bId] = input.a < input.b ? [input.a, input.b] : [input.b, input.a];
  const id = await ctx.db.transaction().execute(async (trx) => {
    const dismissalId = await insertSynced(trx, ctx, 'case_merge_dismissals', {
      center_code: actor.centerCode,
      a_id: aId,
      b_id: bId,
      reason: input.reason,
      dismissed_by: actor.userId,
      dismissed_at: isoNow(ctx),
    });
    await auditAction(trx, ctx, actor, {
      action: 'jobseeker.merge.dismiss',
      subjectType: 'jobseeker',
      subjectId: input.a,
      personId: input.a,
      detail: { otherId: input.b, dismissalId },
    });
    return dismissalId;
  });
  ctx.sync?.scheduler.kick();
  return { id };
}

export async function listDismissedPairs(ctx: ServiceContext, actor: SessionInfo): Promise<DismissedPair[]> {
  supervisorOnly(actor);
  const rows = await activeDismissals(ctx.db, actor.centerCode);
  const ids = [...new Set(rows.flatMap((r) => [r.a_id, r.b_id]))];
  const cases = new Map<string, JobseekerRow>();
  for (let i = 0; i < ids.length; i += 400) {
    const found = await ctx.db
      .selectFrom('jobseekers')
      .selectAll()
      .where('id', 'in', ids.slice(i, i + 400))
      .where('center_code', '=', actor.centerCode)
      .execute();
    for (const r of found) cases.set(r.id, r);
  }
  const users = await ctx.db.selectFrom('users').select(['id', 'display_name']).execute();
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  const sideOf = (id: string) => {
    const row = cases.get(id);
    return row ? side(row, names) : null;
  };
  const out = rows.map((r) => ({
    id: r.id,
    seq: Number(r.seq),
    a: sideOf(r.a_id),
    b: sideOf(r.b_id),
    reason: r.reason,
    dismissedByName: r.dismissed_by_name,
    dismissedAt: r.dismissed_at,
  }));
  // Names of several people: one entry with the count, never the names.
  await auditAction(ctx.db, ctx, actor, {
    action: 'jobseeker.merge.dismissed.list',
    subjectType: 'jobseeker-list',
    subjectId: null,
    detail: { rows: out.length },
  });
  return out;
}

export async function undoDismissal(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { id: string; seq: number },
): Promise<{ id: string }> {
  supervisorOnly(actor);
  const row = await getDismissal(ctx.db, input.id);
  if (!row || row.center_code !== actor.centerCode)
    throw new AppFailure({ code: 'not-found', message: 'merges.dismiss.notFound' });
  if (row.undone === 1) throw new AppFailure({ code: 'conflict', message: 'merges.dismiss.alreadyUndone' });
  if (Number(row.seq) !== input.seq)
    throw new AppFailure({ code: 'conflict', message: 'merges.changedMeanwhile' });
  await ctx.db.transaction().execute(async (trx) => {
    await updateSynced(
      trx,
      ctx,
      'case_merge_dismissals',
      row.id,
      { undone: 1, undone_by: actor.userId, undone_at: isoNow(ctx) },
      Number(row.seq),
    );
    await auditAction(trx, ctx, actor, {
      action: 'jobseeker.merge.undismiss',
      subjectType: 'jobseeker',
      subjectId: row.a_id,
      personId: row.a_id,
      detail: { otherId: row.b_id, dismissalId: row.id },
    });
  });
  ctx.sync?.scheduler.kick();
  return { id: row.id };
}
