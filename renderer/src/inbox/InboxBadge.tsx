import { Badge } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxCounts } from '../../../shared/domain/tasks.ts';
import { call } from '../api.ts';
import { useDataGeneration } from '../data/freshness.ts';

// The navigation's count of what is due for me (overdue in red), loaded again after any write or
// rows a sync brought, and every few minutes so a day that turns over shows.

const EVERY_MS = 5 * 60_000;

export function InboxBadge({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const generation = useDataGeneration();
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      call('inbox:counts', {}).then(
        (c) => live && setCounts(c),
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [generation]);
  const total = counts?.total ?? 0;
  return (
    <Badge
      badgeContent={total}
      color={counts && counts.overdue > 0 ? 'error' : 'primary'}
      max={999}
      data-testid="inbox-badge"
      data-count={total}
      slotProps={{
        badge: {
          'aria-label': counts
            ? t('inbox.badge', { total: counts.total, overdue: counts.overdue })
            : undefined,
        } as object,
      }}
    >
      {children}
    </Badge>
  );
}
