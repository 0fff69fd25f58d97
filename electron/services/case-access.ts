import type { Kysely, Transaction } from 'kysely';
import { rowInScope, type CaseScope } from '../../db/repositories/case-scope.ts';
import { getJobseekerRow } from '../../db/repositories/jobseekers.ts';
import type { Database, JobseekerRow } from '../../db/schema.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';

// The one check every read and write of a case goes through (domain.md §1): counselors and supervisors
// see the jobseekers of their own center and those assigned to them; admins see no case at all. The
// dispatcher's role check already keeps admins off the case channels; this check is what stops a
// hand-made call with another center's id, and what the command line and the test host go through too.
//
// A jobseeker outside the caller's scope is answered exactly like one that does not exist (`not-found`,
// the same message, nothing audited), so ids cannot be probed for existence.

export type { CaseScope };

/** The caller's scope; refuses roles that never see cases. */
export function caseScope(actor: SessionInfo): CaseScope {
  if (actor.role !== 'counselor' && actor.role !== 'supervisor') {
    throw new AppFailure({ code: 'forbidden', message: 'errors.forbidden' });
  }
  return { centerCode: actor.centerCode, userId: actor.userId };
}

export function jobseekerNotFound(field?: string): AppFailure {
  return new AppFailure({ code: 'not-found', message: 'jobseekers.notFound', ...(field ? { field } : {}) });
}

/**
 * The jobseeker row if the caller may see it; `not-found` otherwise (missing, outside the scope, or
 * archived unless `archived: true`). Every case path starts here, or at {@link requireCaseAccess} when
 * it reached the jobseeker through another record (a note, a referral, a placement).
 */
export async function accessibleJobseeker(
  db: Kysely<Database> | Transaction<Database>,
  actor: SessionInfo,
  jobseekerId: string,
  options: { archived?: boolean; field?: string } = {},
): Promise<JobseekerRow> {
  const scope = caseScope(actor);
  const row = await getJobseekerRow(db, jobseekerId);
  if (!row || !rowInScope(row, scope) || (row.archived === 1 && options.archived !== true)) {
    throw jobseekerNotFound(options.field);
  }
  return row;
}

/** For a record that belongs to a jobseeker: refused as the record itself not being found. */
export async function requireCaseAccess(
  db: Kysely<Database> | Transaction<Database>,
  actor: SessionInfo,
  jobseekerId: string,
  notFoundMessage: string,
): Promise<void> {
  const scope = caseScope(actor);
  const row = await getJobseekerRow(db, jobseekerId);
  if (!row || !rowInScope(row, scope)) throw new AppFailure({ code: 'not-found', message: notFoundMessage });
}
