import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { AuditEntryView } from '../../../shared/contract/audit.ts';
import type { InputOf, Contract } from '../../../shared/contract/index.ts';
import { call } from '../api.ts';

// The audit entries a page at a time as the virtual window scrolls (a center writes thousands a day).
// A new filter gets a fresh cache; answers to an older filter never show.

export const AUDIT_PAGE = 100;

export type AuditFilter = InputOf<Contract['audit:list']>['filter'];

interface Cache {
  filter: AuditFilter;
  pages: Map<number, AuditEntryView[]>;
  pending: Set<number>;
  total: number | null;
  error: string | null;
}

export function useAuditPages(filter: AuditFilter | null) {
  const cache = useMemo<Cache | null>(
    () => (filter ? { filter, pages: new Map(), pending: new Set(), total: null, error: null } : null),
    [filter],
  );
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const loadPage = useCallback(
    (page: number) => {
      if (!cache || cache.pages.has(page) || cache.pending.has(page)) return;
      cache.pending.add(page);
      call('audit:list', { filter: cache.filter, offset: page * AUDIT_PAGE, limit: AUDIT_PAGE })
        .then((result) => {
          cache.pages.set(page, result.entries);
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
    (index: number): AuditEntryView | undefined => {
      const rows = cache?.pages.get(Math.floor(index / AUDIT_PAGE));
      if (!rows) {
        queueMicrotask(() => loadPage(Math.floor(index / AUDIT_PAGE)));
        return undefined;
      }
      return rows[index % AUDIT_PAGE];
    },
    [cache, loadPage],
  );

  return { total: cache?.total ?? null, rowAt, error: cache?.error ?? null };
}
