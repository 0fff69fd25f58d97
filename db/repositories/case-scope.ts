import { sql, type RawBuilder } from 'kysely';

// Whose cases a user may see (domain.md §1, sync.md § Scopes): the jobseekers of their own center, plus
// the ones assigned to them even when registered at another center (a counselor's own caseload travels
// with them). The services decide who gets which scope (electron/services/case-access.ts); every query
// that lists or ranks jobseekers filters with this one expression so no list can disagree with the
// record-level check.

export interface CaseScope {
  centerCode: string;
  userId: string;
}

/** True for a jobseeker row (by its alias, e.g. `j`) inside the scope. */
export function jobseekerInScope(alias: string, scope: CaseScope): RawBuilder<boolean> {
  const table = sql.table(alias);
  return sql<boolean>`(${table}.center_code = ${scope.centerCode} or ${table}.assigned_counselor_id = ${scope.userId})`;
}

/**
 * The same rule written for a scan of every case in scope (the jobseeker list, its count): the
 * unary `+` keeps SQLite from answering the OR with two index searches and a read of every row they
 * find (MULTI-INDEX OR: 100k row reads), so it scans the covering index jobseekers_filter_scan instead
 * (migration 0022). Same rows as `jobseekerInScope`.
 */
export function jobseekerInScopeScan(alias: string, scope: CaseScope): RawBuilder<boolean> {
  const table = sql.table(alias);
  return sql<boolean>`(${table}.center_code = ${scope.centerCode} or +${table}.assigned_counselor_id = ${scope.userId})`;
}

/** True when the jobseeker a row refers to (`column` holding its id) is inside the scope. */
export function referencedJobseekerInScope(column: string, scope: CaseScope): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from jobseekers sj where sj.id = ${sql.ref(column)} and (sj.center_code = ${scope.centerCode} or sj.assigned_counselor_id = ${scope.userId}))`;
}

/** The same rule for one row already read. */
export function rowInScope(
  row: { center_code: string; assigned_counselor_id: string | null },
  scope: CaseScope,
): boolean {
  return row.center_code === scope.centerCode || row.assigned_counselor_id === scope.userId;
}
