import { getEnrolment, type EnrolmentRow } from '../../../db/repositories/programmes.ts';
import type { JobseekerRow } from '../../../db/schema.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type { EnrolmentView } from '../../../shared/contract/programmes.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { accessibleJobseeker } from '../case-access.ts';
import type { ServiceContext } from '../context.ts';
import { todayKst } from '../synced-writes.ts';
import { centerFigures } from './figures.ts';
import { enrolmentViews } from './views.ts';

// One enrolment as the caller may reach it: through its case's access check, answered `not-found` exactly
// like a missing one (no probing of ids), and refused once archived.

export const NOT_FOUND = 'programmes.notFound';

export async function reachable(
  ctx: ServiceContext,
  actor: SessionInfo,
  enrolmentId: string,
): Promise<{ row: EnrolmentRow; jobseeker: JobseekerRow }> {
  const row = await getEnrolment(ctx.db, enrolmentId);
  if (!row || row.archived === 1) throw new AppFailure({ code: 'not-found', message: NOT_FOUND });
  try {
    const jobseeker = await accessibleJobseeker(ctx.db, actor, row.jobseeker_id);
    return { row, jobseeker };
  } catch {
    throw new AppFailure({ code: 'not-found', message: NOT_FOUND });
  }
}

export async function viewOf(
  ctx: ServiceContext,
  actor: SessionInfo,
  enrolmentId: string,
): Promise<EnrolmentView> {
  const row = await getEnrolment(ctx.db, enrolmentId);
  if (!row) throw new Error('enrolment vanished');
  const [view] = await enrolmentViews(ctx, [row], await centerFigures(ctx, actor.centerCode), todayKst(ctx));
  if (!view) throw new Error('enrolment vanished');
  return view;
}
