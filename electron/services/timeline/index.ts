import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { TIMELINE_PAGE_DEFAULT, type TimelinePage } from '../../../shared/contract/timeline.ts';
import type { TimelineEvent, TimelineKind } from '../../../shared/domain/timeline.ts';
import { accessibleJobseeker } from '../case-access.ts';
import type { ServiceContext } from '../context.ts';
import { auditAction } from '../synced-writes.ts';
import type { TimelineSource } from './source.ts';
import { TIMELINE_SOURCES } from './sources/index.ts';

// The case timeline (issue 17 item 5): every source's events on one case, newest first, filtered by
// kind, a page at a time. Every page is a read of the case and an audit entry naming the person
// (domain.md §10), like the case's own tabs.
//
// The sources are read whole and sorted here: a case's events are in the thousands at most, each source
// is one indexed query on the case (jobseeker_id), and counting every kind for the filter chips needs
// them all anyway (tests/bench/timeline.bench.ts measures a 1,000-event case in a 100k-person store).

export interface TimelineInput {
  jobseekerId: string;
  kinds?: readonly TimelineKind[] | undefined;
  after?: string | null | undefined;
  limit?: number | undefined;
}

/**
 * What the list sorts on: the instant, with a bare day (a hire's date) taken as the start of that day
 * in Korea, so it sits below the day's timed events and in the day the screen groups it under.
 */
export function sortInstant(at: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return new Date(`${at}T00:00:00+09:00`).toISOString();
  // The stored form (Date#toISOString) is already the sort key: no parsing for the thousand of a case.
  if (at.length === 24 && at.endsWith('Z') && at[10] === 'T') return at;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(ms).toISOString();
}

const SEPARATOR = '|';

function cursorOf(e: { sort: string; event: TimelineEvent }): string {
  return `${e.sort}${SEPARATOR}${e.event.key}`;
}

function parseCursor(cursor: string): { sort: string; key: string } {
  const at = cursor.indexOf(SEPARATOR);
  if (at <= 0) throw new AppFailure({ code: 'validation', message: 'timeline.v.cursor', field: 'after' });
  return { sort: cursor.slice(0, at), key: cursor.slice(at + 1) };
}

/** Newest first; events at the same instant in a fixed order (by key) so pages never overlap. */
function newerFirst(a: { sort: string; event: TimelineEvent }, b: { sort: string; event: TimelineEvent }) {
  if (a.sort !== b.sort) return a.sort < b.sort ? 1 : -1;
  return a.event.key < b.event.key ? 1 : a.event.key > b.event.key ? -1 : 0;
}

/** Every event of the case from the given sources, sorted newest first (no access check, no audit). */
export async function collectTimeline(
  ctx: Pick<ServiceContext, 'db'>,
  jobseekerId: string,
  sources: readonly TimelineSource[] = TIMELINE_SOURCES,
): Promise<Array<{ sort: string; event: TimelineEvent }>> {
  // One after another: the store has one connection, and interleaving the sources' queries on it
  // measured twice as slow as running them in turn (tests/bench/timeline.bench.ts).
  const all: Array<{ sort: string; event: TimelineEvent }> = [];
  for (const source of sources) {
    for (const event of await source.events({ db: ctx.db, jobseekerId }))
      all.push({ sort: sortInstant(event.at), event });
  }
  all.sort(newerFirst);
  return all;
}

export async function listTimeline(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: TimelineInput,
): Promise<TimelinePage> {
  // A closed or archived case keeps its history readable (its tabs are read-only, not hidden).
  await accessibleJobseeker(ctx.db, actor, input.jobseekerId, { archived: true, field: 'jobseekerId' });
  const all = await collectTimeline(ctx, input.jobseekerId);
  const counts: Partial<Record<TimelineKind, number>> = {};
  for (const { event } of all) counts[event.kind] = (counts[event.kind] ?? 0) + 1;

  const kinds = input.kinds && input.kinds.length > 0 ? new Set(input.kinds) : null;
  const chosen = kinds ? all.filter((e) => kinds.has(e.event.kind)) : all;
  let start = 0;
  if (input.after) {
    const c = parseCursor(input.after);
    const found = chosen.findIndex((e) => e.sort < c.sort || (e.sort === c.sort && e.event.key < c.key));
    start = found === -1 ? chosen.length : found;
  }
  const limit = input.limit ?? TIMELINE_PAGE_DEFAULT;
  const page = chosen.slice(start, start + limit);
  const last = page.at(-1);
  const next = last && start + limit < chosen.length ? cursorOf(last) : null;

  const actorIds = [...new Set(page.map((e) => e.event.actorId).filter((id): id is string => id !== null))];
  const actors: Record<string, string> = {};
  if (actorIds.length > 0) {
    const users = await ctx.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', actorIds)
      .execute();
    for (const u of users) actors[u.id] = u.display_name;
  }

  await auditAction(ctx.db, ctx, actor, {
    action: 'timeline.list',
    subjectType: 'jobseeker',
    subjectId: input.jobseekerId,
    personId: input.jobseekerId,
    detail: {
      kinds: kinds ? [...kinds] : 'all',
      events: page.length,
      ...(input.after ? { page: 'next' } : {}),
    },
  });
  return { items: page.map((e) => e.event), next, total: chosen.length, counts, actors };
}
