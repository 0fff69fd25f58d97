import { useCallback, useMemo, useReducer } from 'react';
import type { TimelinePage } from '../../../shared/contract/timeline.ts';
import type { TimelineEvent, TimelineKind } from '../../../shared/domain/timeline.ts';
import { ApiError, call } from '../api.ts';

// Loads a case's timeline a page at a time as the virtual list scrolls to its end, so a case of a few
// thousand events opens at once. Each (case, kinds) pair gets a fresh cache; an answer for an older
// filter lands in its old cache and is never shown.
//
// Unlike the other lists this one does not reload after every write elsewhere (the data generation):
// each page is an audited read of the case (like the case file, casework:get), so it is read when the
// tab opens or the filter changes, not again behind the counselor's back.

export const TIMELINE_PAGE = 200;

/** One (case, kinds) list as its pages arrive; a class, so the hook changes it through its methods. */
class Cache {
  events: TimelineEvent[] = [];
  next: string | null = null;
  /** Null until the first page answered. */
  first: Pick<TimelinePage, 'total' | 'counts'> | null = null;
  actors: Record<string, string> = {};
  pending = false;
  error: string | null = null;

  /** Whether another page may be asked for now (it marks the request as under way). */
  begin(): boolean {
    if (this.pending || this.error !== null || (this.first !== null && this.next === null)) return false;
    this.pending = true;
    return true;
  }

  add(page: TimelinePage): void {
    this.events.push(...page.items);
    this.next = page.next;
    this.first ??= { total: page.total, counts: page.counts };
    Object.assign(this.actors, page.actors);
  }

  fail(message: string): void {
    this.error = message;
  }

  end(): void {
    this.pending = false;
  }
}

export function useTimelinePages(jobseekerId: string, kinds: readonly TimelineKind[]) {
  const kindsKey = [...kinds].sort().join(',');
  const cache = useMemo(
    () => new Cache(),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new case or filter is a new list
    [jobseekerId, kindsKey],
  );
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const load = useCallback(() => {
    if (!cache.begin()) return;
    call('timeline:list', {
      jobseekerId,
      kinds: kindsKey === '' ? [] : (kindsKey.split(',') as TimelineKind[]),
      after: cache.next,
      limit: TIMELINE_PAGE,
    })
      .then((page) => cache.add(page))
      .catch((e: unknown) => cache.fail(e instanceof ApiError ? e.error.message : 'errors.internal'))
      .finally(() => {
        cache.end();
        rerender();
      });
  }, [cache, jobseekerId, kindsKey]);

  if (!cache.first && !cache.pending && !cache.error) queueMicrotask(load); // fetch after render

  return {
    events: cache.events,
    more: cache.next !== null,
    total: cache.first?.total ?? null,
    counts: cache.first?.counts ?? null,
    actors: cache.actors,
    error: cache.error,
    loadMore: load,
  };
}
