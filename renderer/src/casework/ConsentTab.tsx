import { Alert, Box, Button, Checkbox, FormControlLabel, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_GROUPS,
  CONSENT_NOTICE_VERSION,
  type CaseFile,
  type ConsentGroup,
} from '../../../shared/casework/types.ts';
import { call } from '../api.ts';
import { dateTime, errorKey } from './useCaseFile.ts';

export function ConsentTab({ file, onChange }: { file: CaseFile; onChange: (f: CaseFile) => void }) {
  const { t, i18n } = useTranslation();
  const current = file.consent.current;
  const [granted, setGranted] = useState<Record<ConsentGroup, boolean>>({
    required: current.required?.granted ?? false,
    optional: current.optional?.granted ?? false,
    sensitive: current.sensitive?.granted ?? false,
  });
  const [message, setMessage] = useState<{ ok: boolean; key: string } | null>(null);
  async function save() {
    setMessage(null);
    try {
      onChange(
        await call('casework:recordConsent', { jobseekerId: file.jobseeker.id, channel: 'counter', granted }),
      );
      setMessage({ ok: true, key: 'consent.saved' });
    } catch (e) {
      setMessage({ ok: false, key: errorKey(e) });
    }
  }
  const state = (g: ConsentGroup) => {
    const entry = current[g];
    return entry ? (entry.granted ? t('consent.granted') : t('consent.declined')) : t('consent.notAsked');
  };
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h6" component="h2" sx={{ fontWeight: 700 }}>
          {t('consent.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('intake.consentHint', { version: CONSENT_NOTICE_VERSION })} {t('consent.withdrawHint')}
        </Typography>
        <Stack>
          {CONSENT_GROUPS.map((g) => (
            <FormControlLabel
              key={g}
              control={
                <Checkbox
                  checked={granted[g]}
                  onChange={(e) => setGranted((s) => ({ ...s, [g]: e.target.checked }))}
                  slotProps={{ input: { 'data-testid': `consent-tab-${g}` } as object }}
                />
              }
              label={`${t(`consent.group_${g}`)} (${state(g)})`}
            />
          ))}
        </Stack>
        <Box sx={{ mt: 1 }}>
          <Button variant="contained" onClick={() => void save()} data-testid="save-consent">
            {t('consent.save')}
          </Button>
        </Box>
        {message && (
          <Alert severity={message.ok ? 'success' : 'error'} sx={{ mt: 1 }}>
            {t(message.key)}
          </Alert>
        )}
      </Paper>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
          {t('consent.history')}
        </Typography>
        <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="consent-history">
          {file.consent.history.map((c) => (
            <Typography component="li" variant="body2" key={c.id}>
              {t('consent.entry', {
                group: t(`consent.group_${c.group}`).split(':')[0],
                state: c.granted ? t('consent.granted') : t('consent.declined'),
                version: c.noticeVersion,
                channel: t(`consent.channel_${c.channel}`),
                name: c.recordedByName ?? '',
                date: dateTime(c.recordedAt, i18n.language),
              })}
            </Typography>
          ))}
        </Box>
      </Paper>
    </Stack>
  );
}
