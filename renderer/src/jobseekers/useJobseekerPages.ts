import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { JobseekerListRow, JobseekerSort } from '../../../shared/domain/jobseeker.ts';
import type { JobseekerFilter } from '../../../shared/domain/jobseeker-filters.ts';
import { call } from '../api.ts';
import { useDataGeneration } from '../data/freshness.ts';

// Loads the list a page at a time as the virtual window scrolls, so 100,000 jobseekers never sit in
// memory at once. Each query gets a fresh cache object; answers to an older query land in its old
// cache and are never shown. A write anywhere, or rows a sync pulled, start a fresh cache too (the
// refresh model, renderer/src/data/freshness.ts), so the list never shows what the store no longer holds.

export const PAGE_SIZE = 100;

export interface ListQuery {
  query: string;
  sort: JobseekerSort;
  direction: 'asc' | 'desc';
  mine: boolean;
  /** The 보관함: archived cases only. */
  archived: boolean;
  /** The filter bar's filters (issue 16 item 7). */
  filter?: JobseekerFilter;
}

interface PageCache {
  query: ListQuery;
  pages: Map<number, JobseekerListRow[]>;
  pending: Set<number>;
  total: number | null;
  error: string | null;
}

export function useJobseekerPages(q: ListQuery) {
  const generation = useDataGeneration();
  const cache = useMemo<PageCache>(
    () => ({ query: q, pages: new Map(), pending: new Set(), total: null, error: null }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the generation is the reason to load again
    [q, generation],
  );
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const loadPage = useCallback(
    (page: number) => {
      if (cache.pages.has(page) || cache.pending.has(page)) return;
      cache.pending.add(page);
      call('jobseekers:list', { ...cache.query, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((result) => {
          cache.pages.set(page, result.rows);
          cache.total = result.total;
        })
        .catch((e: unknown) => {
          cache.error = e instanceof Error ? e.message : 'errors.internal';
        })
        .finally(() => {
          cache.pending.delete(page);
          rerender();
        });
    },
    [cache],
  );

  useEffect(() => loadPage(0), [loadPage]);

  const rowAt = useCallback(
    (index: number): JobseekerListRow | undefined => {
      const page = Math.floor(index / PAGE_SIZE);
      const rows = cache.pages.get(page);
      if (!rows) {
        queueMicrotask(() => loadPage(page)); // fetch after render, never during it
        return undefined;
      }
      return rows[index % PAGE_SIZE];
    },
    [cache, loadPage],
  );

  return { total: cache.total, rowAt, error: cache.error };
}
