import { uuidv7 } from 'uuidv7';
import { countMatchingJobseekers } from '../../db/repositories/jobseekers.ts';
import {
  countSavedFilters,
  deleteSavedFilter,
  savedFiltersOf,
  upsertSavedFilter,
} from '../../db/repositories/saved-filters.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import {
  MAX_SAVED_FILTERS,
  jobseekerFilterSchema,
  normaliseFilter,
  type JobseekerFilter,
  type SavedFilter,
} from '../../shared/domain/jobseeker-filters.ts';
import { caseScope } from './case-access.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { filterQuery } from './jobseekers.ts';

// 내 저장 검색 (issue 16 item 7): a person's named filters with how many cases each matches now. They are
// kept in this store only (never synced): a filter is a way of looking at the list, holds no case data,
// and a counselor who works at another PC saves it again there in a few clicks.

function parseStored(text: string): JobseekerFilter {
  try {
    const parsed = jobseekerFilterSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** How many cases of the person's list (in work, within their scope) a filter matches. */
export async function countForFilter(
  ctx: ServiceContext,
  actor: SessionInfo,
  filter: JobseekerFilter,
): Promise<number> {
  return countMatchingJobseekers(ctx.db, {
    query: '',
    scope: caseScope(actor),
    archived: false,
    filter: filterQuery(ctx, actor, filter),
  });
}

export async function listSavedFilters(ctx: ServiceContext, actor: SessionInfo): Promise<SavedFilter[]> {
  caseScope(actor);
  const rows = await savedFiltersOf(ctx.db, actor.userId);
  return Promise.all(
    rows.map(async (r) => {
      const filter = parseStored(r.filter);
      return { id: r.id, name: r.name, filter, count: await countForFilter(ctx, actor, filter) };
    }),
  );
}

export async function saveFilter(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { name: string; filter: JobseekerFilter },
): Promise<SavedFilter> {
  caseScope(actor);
  const filter = normaliseFilter(input.filter);
  if (Object.keys(filter).length === 0)
    throw new AppFailure({ code: 'validation', message: 'filters.validation.empty', field: 'filter' });
  const existing = (await savedFiltersOf(ctx.db, actor.userId)).some((r) => r.name === input.name);
  if (!existing && (await countSavedFilters(ctx.db, actor.userId)) >= MAX_SAVED_FILTERS)
    throw new AppFailure({ code: 'validation', message: 'filters.validation.tooMany', field: 'name' });
  const id = await upsertSavedFilter(ctx.db, {
    id: uuidv7(),
    userId: actor.userId,
    name: input.name,
    filter: JSON.stringify(filter),
    createdAt: isoNow(ctx),
  });
  return { id, name: input.name, filter, count: await countForFilter(ctx, actor, filter) };
}

export async function removeSavedFilter(ctx: ServiceContext, actor: SessionInfo, id: string): Promise<void> {
  caseScope(actor);
  if (!(await deleteSavedFilter(ctx.db, actor.userId, id)))
    throw new AppFailure({ code: 'not-found', message: 'filters.notFound' });
}
