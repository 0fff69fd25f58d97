import { Box, Divider, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_ITEMS, jobseekerService, type ChecklistItem } from '../../../shared/profiling/index.ts';
import type { classifyAnswers } from './intakeForm.ts';
import { partialScores, type IntakeFormValues } from './intakeForm.ts';

// The live classification beside the form: scores so far, the proposed track, what is unanswered.

export function LivePanel({
  values,
  result,
  missing,
}: {
  values: IntakeFormValues;
  result: ReturnType<typeof classifyAnswers> | null;
  missing: ChecklistItem[];
}) {
  const { t } = useTranslation();
  const partial = partialScores(values);
  const total = CHECKLIST_ITEMS.length;
  return (
    <Paper
      variant="outlined"
      sx={{
        p: 2.5,
        position: { lg: 'sticky' },
        top: { lg: 0 },
        borderWidth: 2,
        borderColor: result ? 'primary.main' : 'divider',
      }}
      aria-live="polite"
      data-testid="live-classification"
    >
      <Typography variant="h6" component="h2" sx={{ fontWeight: 700 }}>
        {t('intake.live.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" data-testid="live-answered">
        {t('intake.answered', { count: total - missing.length, total })}
      </Typography>
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 1, my: 2 }}
      >
        <Box component="dt" sx={{ color: 'text.secondary' }}>
          {t('jobseeker.dimension.motivation')}
        </Box>
        <Box component="dd" sx={{ m: 0, fontWeight: 700 }} data-testid="live-motivation">
          {result
            ? `${t(`level.${result.motivation}`)} · ${t('intake.live.score', { score: result.motivationScore })}`
            : t('intake.live.partialScore', { score: partial.motivation })}
        </Box>
        <Box component="dt" sx={{ color: 'text.secondary' }}>
          {t('jobseeker.dimension.ability')}
        </Box>
        <Box component="dd" sx={{ m: 0, fontWeight: 700 }} data-testid="live-ability">
          {result
            ? `${t(`level.${result.ability}`)} · ${t('intake.live.score', { score: result.abilityScore })}`
            : t('intake.live.partialScore', { score: partial.ability })}
        </Box>
        <Box component="dt" sx={{ color: 'text.secondary' }}>
          {t('jobseeker.dimension.economic')}
        </Box>
        <Box component="dd" sx={{ m: 0, fontWeight: 700 }} data-testid="live-economic">
          {result ? t(`jobseeker.economic.${result.economic}`) : '–'}
        </Box>
      </Box>
      <Typography variant="caption" color="text.secondary">
        {t('intake.live.levels')}
      </Typography>
      <Divider sx={{ my: 2 }} />
      {result ? (
        <Stack spacing={1.5}>
          <Box>
            <Typography variant="caption" color="text.secondary">
              {t('intake.live.type')}
            </Typography>
            <Typography
              variant="h6"
              data-testid="live-type"
              sx={{ fontWeight: 700, color: result.type === 'ready' ? 'success.main' : 'warning.dark' }}
            >
              {t(`jobseeker.type.${result.type}`)}
            </Typography>
          </Box>
          <Box>
            <Typography variant="caption" color="text.secondary">
              {t('intake.live.track')}
            </Typography>
            <Typography sx={{ fontWeight: 700 }} data-testid="live-track">
              {t(`jobseeker.track.${result.track}`)}
            </Typography>
          </Box>
          <Box>
            <Typography variant="caption" color="text.secondary">
              {t('intake.live.service')}
            </Typography>
            <Typography variant="body2" data-testid="live-service">
              {t(jobseekerService(result.track))}
            </Typography>
          </Box>
          <Box>
            <Typography variant="caption" color="text.secondary">
              {t('intake.live.reasons')}
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="live-reasons">
              {result.reasons.map((reason) => (
                <Typography component="li" variant="body2" key={reason} sx={{ mb: 0.5 }}>
                  {t(reason)}
                </Typography>
              ))}
            </Box>
          </Box>
        </Stack>
      ) : (
        <Box>
          <Typography variant="body2">{t('intake.live.incomplete')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('intake.live.missing', {
              items: missing.map((m) => t(SHORT[m])).join(', '),
            })}
          </Typography>
        </Box>
      )}
    </Paper>
  );
}

/** Short names of the items, for the "not answered" line. */
export const SHORT: Record<ChecklistItem, string> = {
  searchActivities4w: 'intake.short.searchActivities4w',
  startWish: 'intake.short.startWish',
  willToWork: 'intake.short.willToWork',
  preparation: 'intake.short.preparation',
  experience: 'intake.short.experience',
  sinceLastJob: 'intake.short.sinceLastJob',
  barriers: 'intake.short.barriers',
  economicHardship: 'intake.short.economicHardship',
  fieldDecided: 'intake.short.fieldDecided',
  mobile: 'intake.short.mobile',
};
