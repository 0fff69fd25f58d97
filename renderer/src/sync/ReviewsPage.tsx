import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Box, Button, CircularProgress, Snackbar, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ReviewCard } from './ReviewCard.tsx';
import { useReviews } from './useReviews.ts';
import { scrollPageSx } from '../common/layout.ts';

/** 검토 필요: every open review item of this desktop's scopes, oldest first (sync.md § Conflicts). */
export function ReviewsPage() {
  const { t } = useTranslation();
  const { items, error, busy, notice, clearNotice, reload, choose } = useReviews();
  return (
    <Stack spacing={2} sx={{ ...scrollPageSx, maxWidth: 1100 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {t('reviews.title')}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button startIcon={<RefreshIcon />} onClick={reload} data-testid="reviews-refresh">
          {t('reviews.refresh')}
        </Button>
      </Stack>
      <Typography color="text.secondary">{t('reviews.intro')}</Typography>
      {error && <Alert severity="error">{t(error)}</Alert>}
      {items === null && !error && <CircularProgress />}
      {items?.length === 0 && (
        <Alert severity="success" data-testid="reviews-empty">
          {t('reviews.empty')}
        </Alert>
      )}
      {items?.map((item) => (
        <ReviewCard key={item.id} item={item} busy={busy} onChoose={(c) => void choose(item.id, c)} />
      ))}
      <Snackbar
        open={notice !== null}
        autoHideDuration={4000}
        onClose={clearNotice}
        message={notice ? t(notice) : ''}
      />
    </Stack>
  );
}
