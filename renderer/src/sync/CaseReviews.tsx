import { Alert, AlertTitle, Snackbar, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ReviewCard } from './ReviewCard.tsx';
import { useReviews } from './useReviews.ts';

/** On the case page: "this record has a conflict to resolve", with the items and their choices. */
export function CaseReviews({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { items, error, busy, notice, clearNotice, choose } = useReviews(caseId);
  if (error || !items || items.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="case-reviews" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>{t('reviews.caseBanner', { count: items.length })}</AlertTitle>
      {t('reviews.caseBannerHelp')}
      <Stack spacing={1.5} sx={{ mt: 1.5 }}>
        {items.map((item) => (
          <ReviewCard
            key={item.id}
            item={item}
            busy={busy}
            showCaseLink={false}
            onChoose={(c) => void choose(item.id, c)}
          />
        ))}
      </Stack>
      <Snackbar
        open={notice !== null}
        autoHideDuration={4000}
        onClose={clearNotice}
        message={notice ? t(notice) : ''}
      />
    </Alert>
  );
}
