import { Box, FormControlLabel, Paper, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { Controller, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { OVERRIDE_REASON_CODES, typeOfTrack } from '../../../shared/casework/intake.ts';
import { JOBSEEKER_TRACK_VALUES, type JobseekerTrack } from '../../../shared/profiling/index.ts';
import { type IntakeFormValues } from './intakeForm.ts';
import { DateField } from '../common/DateField.tsx';

// The counselor's decision: accept the proposed track or override it with a reason.

export function DecisionSection({
  control,
  computedTrack,
  enabled,
  finalTrack,
  proposed,
  errors,
}: {
  control: Control<IntakeFormValues>;
  computedTrack: JobseekerTrack | null;
  enabled: boolean;
  finalTrack: JobseekerTrack | null;
  proposed: string | null;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const decision = useWatch({ control, name: 'decision' });
  const needsDate = finalTrack !== null && typeOfTrack(finalTrack) === 'needs-preparation';
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} component="fieldset" disabled={!enabled}>
      <Typography variant="h6" component="legend" sx={{ px: 0.5, fontWeight: 700 }}>
        {t('intake.decisionTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {enabled ? t('intake.decisionHint') : t('intake.live.incomplete')}
      </Typography>
      <Controller
        control={control}
        name="decision"
        render={({ field }) => (
          <RadioGroup value={field.value} onChange={(e) => field.onChange(e.target.value)}>
            <FormControlLabel
              value="accepted"
              disabled={!enabled}
              control={<Radio slotProps={{ input: { 'data-testid': 'decision-accepted' } as object }} />}
              label={
                computedTrack
                  ? `${t('intake.accept')}: ${t(`jobseeker.track.${computedTrack}`)}`
                  : t('intake.accept')
              }
            />
            <FormControlLabel
              value="overridden"
              disabled={!enabled}
              control={<Radio slotProps={{ input: { 'data-testid': 'decision-overridden' } as object }} />}
              label={t('intake.overrideChoice')}
            />
          </RadioGroup>
        )}
      />
      {decision === 'overridden' && enabled && (
        <Stack spacing={2} sx={{ mt: 1, pl: 4 }}>
          <Controller
            control={control}
            name="overrideTrack"
            render={({ field }) => (
              <TextField
                select
                label={t('intake.overrideTrack')}
                value={field.value}
                onChange={field.onChange}
                error={Boolean(errors['overrideTrack'])}
                helperText={errors['overrideTrack'] ? t(errors['overrideTrack']) : ' '}
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'override-track' },
                }}
                sx={{ maxWidth: 420 }}
              >
                <option value="">{t('intake.choose')}</option>
                {JOBSEEKER_TRACK_VALUES.filter((track) => track !== computedTrack).map((track) => (
                  <option key={track} value={track}>
                    {t(`jobseeker.type.${typeOfTrack(track)}`)} · {t(`jobseeker.track.${track}`)}
                  </option>
                ))}
              </TextField>
            )}
          />
          <Controller
            control={control}
            name="reasonCode"
            render={({ field }) => (
              <TextField
                select
                label={t('intake.overrideReasonCode')}
                value={field.value}
                onChange={field.onChange}
                error={Boolean(errors['reasonCode'])}
                helperText={errors['reasonCode'] ? t(errors['reasonCode']) : ' '}
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'override-reason-code' },
                }}
                sx={{ maxWidth: 420 }}
              >
                <option value="">{t('intake.choose')}</option>
                {OVERRIDE_REASON_CODES.map((code) => (
                  <option key={code} value={code}>
                    {t(`intake.reasonCode.${code}`)}
                  </option>
                ))}
              </TextField>
            )}
          />
          <Controller
            control={control}
            name="reasonText"
            render={({ field }) => (
              <TextField
                label={t('intake.overrideReasonText')}
                multiline
                minRows={2}
                value={field.value}
                onChange={field.onChange}
                error={Boolean(errors['reasonText'])}
                helperText={
                  errors['reasonText'] ? t(errors['reasonText']) : t('intake.overrideReasonTextHelp')
                }
                slotProps={{ htmlInput: { 'data-testid': 'override-reason-text', maxLength: 1000 } }}
              />
            )}
          />
        </Stack>
      )}
      {enabled && (
        <Box sx={{ mt: 2 }}>
          {needsDate ? (
            <Controller
              control={control}
              name="reassessDueOn"
              render={({ field }) => (
                <DateField
                  label={t('intake.reassessDueOn')}
                  value={field.value || proposed || ''}
                  onChange={field.onChange}
                  error={Boolean(errors['reassessDueOn'])}
                  helperText={errors['reassessDueOn'] ? t(errors['reassessDueOn']) : t('intake.reassessHelp')}
                  slotProps={{
                    inputLabel: { shrink: true },
                    htmlInput: { 'data-testid': 'reassess-due-on' },
                  }}
                />
              )}
            />
          ) : (
            <Typography variant="body2" color="text.secondary">
              {t('intake.noReassessForReady')}
            </Typography>
          )}
        </Box>
      )}
    </Paper>
  );
}
