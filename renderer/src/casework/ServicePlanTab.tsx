import { Alert, Box, Button, Checkbox, FormControlLabel, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { stepsOf } from '../../../shared/casework/service-plan.ts';
import type { CaseFile } from '../../../shared/casework/types.ts';
import { jobseekerService } from '../../../shared/profiling/index.ts';
import { call } from '../api.ts';
import { errorKey } from './useCaseFile.ts';

export function ServicePlanTab({ file, onChange }: { file: CaseFile; onChange: (f: CaseFile) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = file.assessments[0];
  if (!current) return <Alert severity="info">{t('servicePlan.none')}</Alert>;
  const done = new Map(file.planSteps.filter((s) => s.assessmentId === current.id).map((s) => [s.step, s]));
  const earlier = file.planSteps.filter((s) => s.assessmentId !== current.id);
  async function toggle(step: string, checked: boolean) {
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      onChange(
        await call('casework:setStep', {
          jobseekerId: file.jobseeker.id,
          assessmentId: current.id,
          step,
          done: checked,
        }),
      );
    } catch (e) {
      setError(errorKey(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h6" component="h2" sx={{ fontWeight: 700 }}>
          {t('servicePlan.title', { track: t(`jobseeker.track.${current.finalTrack}`) })}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t(jobseekerService(current.finalTrack))}
        </Typography>
        <Stack data-testid="plan-steps">
          {stepsOf(current.finalTrack).map((step) => {
            const record = done.get(step);
            return (
              <Box key={step}>
                <FormControlLabel
                  disabled={busy}
                  control={
                    <Checkbox
                      checked={record !== undefined}
                      onChange={(e) => void toggle(step, e.target.checked)}
                      slotProps={{ input: { 'data-testid': `plan-step-${step}` } as object }}
                    />
                  }
                  label={t(`servicePlan.step.${step}`)}
                />
                {record && (
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    sx={{ display: 'block', ml: 4, mt: -0.5 }}
                  >
                    {t('servicePlan.doneOn', { date: record.doneOn, name: record.recordedByName ?? '' })}
                  </Typography>
                )}
              </Box>
            );
          })}
        </Stack>
        {(current.finalTrack === 'wide-area' || current.finalTrack === 'local') && (
          <Button component={Link} to={`/jobseekers/${file.jobseeker.id}/referrals`} sx={{ mt: 2 }}>
            {t('servicePlan.goReferrals')}
          </Button>
        )}
        {error && <Alert severity="error">{t(error)}</Alert>}
      </Paper>
      {earlier.length > 0 && (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
            {t('servicePlan.earlier')}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {earlier.map((s) => (
              <Typography component="li" variant="body2" key={s.id}>
                {t(`servicePlan.step.${s.step}`)} —{' '}
                {t('servicePlan.doneOn', { date: s.doneOn, name: s.recordedByName ?? '' })}
              </Typography>
            ))}
          </Box>
        </Paper>
      )}
    </Stack>
  );
}
