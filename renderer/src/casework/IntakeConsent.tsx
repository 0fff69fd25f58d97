import { Checkbox, Chip, FormControlLabel, FormHelperText, Paper, Stack, Typography } from '@mui/material';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CONSENT_NOTICE_VERSION } from '../../../shared/casework/types.ts';
import { type IntakeFormValues } from './intakeForm.ts';

// The consent per item group (domain.md §10) and the chip marking an answer the kiosk gave.

export function ConsentSection({
  control,
  error,
}: {
  control: Control<IntakeFormValues>;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const groups = [
    ['consentRequired', 'required'],
    ['consentOptional', 'optional'],
    ['consentSensitive', 'sensitive'],
  ] as const;
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} component="fieldset">
      <Typography variant="h6" component="legend" sx={{ px: 0.5, fontWeight: 700 }}>
        {t('intake.consentTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('intake.consentHint', { version: CONSENT_NOTICE_VERSION })}
      </Typography>
      <Stack>
        {groups.map(([name, group]) => (
          <Controller
            key={name}
            control={control}
            name={name}
            render={({ field }) => (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={field.value}
                    onChange={(e) => field.onChange(e.target.checked)}
                    slotProps={{ input: { 'data-testid': `consent-${group}` } as object }}
                  />
                }
                label={t(`consent.group_${group}`)}
              />
            )}
          />
        ))}
      </Stack>
      {error && <FormHelperText error>{t(error)}</FormHelperText>}
    </Paper>
  );
}

export function KioskChip() {
  const { t } = useTranslation();
  return (
    <Chip size="small" color="info" label={t('intake.kioskChip')} data-testid="kiosk-chip" sx={{ ml: 1 }} />
  );
}
