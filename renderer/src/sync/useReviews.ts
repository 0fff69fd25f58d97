import { useCallback, useEffect, useState } from 'react';
import type { ReviewView } from '../../../shared/contract/sync.ts';
import type { ReviewChoice } from '../../../shared/sync/protocol.ts';
import { ApiError, call } from '../api.ts';
import { useDataGeneration } from '../data/freshness.ts';

/** The review items of this desktop (or of one case), and a choice queued for the server. */
export function useReviews(caseId?: string) {
  const [items, setItems] = useState<ReviewView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  // A sync or a choice elsewhere changes the list (renderer/src/data/freshness.ts).
  const generation = useDataGeneration();
  const load = useCallback(() => {
    void generation;
    call('sync:reviews', caseId ? { caseId } : {}).then(
      (list) => {
        setItems(list);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ApiError ? e.error.message : 'reviews.loadFailed'),
    );
  }, [caseId, generation]);

  useEffect(load, [load]);

  const choose = useCallback(async (id: string, choice: ReviewChoice) => {
    setBusy(true);
    try {
      const updated = await call('sync:resolveReview', { id, choice });
      setItems((list) => (list ?? []).map((i) => (i.id === id ? updated : i)));
      setNotice('reviews.chosen');
    } catch (e) {
      setError(e instanceof ApiError ? e.error.message : 'errors.internal');
    } finally {
      setBusy(false);
    }
  }, []);

  return { items, error, busy, notice, clearNotice: () => setNotice(null), reload: load, choose };
}
