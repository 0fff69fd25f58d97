import { Alert, Button, FormControlLabel, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/contract/result.ts';
import { auditSettingsSchema, type AuditSettings } from '../../../shared/domain/audit.ts';
import { call } from '../api.ts';
import { ChainCheck } from '../audit/ChainCheck.tsx';
import { errorOf } from '../employers/common.tsx';

// The center's audit settings (domain.md §10: entries kept two years, permission changes three; the
// supervisor screen's thresholds), the chain check and the purge on demand. Admins and supervisors.

type Numeric = 'retentionYears' | 'accessRetentionYears' | 'manyRecordsPerDay';

export function AuditSettingsPage() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<AuditSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});

  useEffect(() => {
    call('audit:settings', {}).then(setSettings, (e: unknown) => setError(errorOf(e)));
  }, []);
  if (!settings) return error ? <Alert severity="error">{t(error.message)}</Alert> : null;

  const change = (patch: Partial<AuditSettings>) => {
    setSaved(false);
    setSettings({ ...settings, ...patch });
  };
  const numberField = (key: Numeric, width = 260) => (
    <TextField
      size="small"
      type="number"
      label={t(`audit.settings.${key}`)}
      value={settings[key]}
      onChange={(e) => change({ [key]: Number(e.target.value) })}
      error={issues[key] !== undefined}
      helperText={issues[key] ? t(issues[key]) : ' '}
      sx={{ width, flexShrink: 0 }}
      data-testid={`audit-setting-${key}`}
    />
  );

  async function save() {
    // The same schema main checks: a clear message before the round trip, and nothing sent.
    const parsed = auditSettingsSchema.safeParse(settings);
    if (!parsed.success) {
      setIssues(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setIssues({});
    try {
      setSettings(await call('audit:saveSettings', { settings: parsed.data }));
      setSaved(true);
      setError(null);
    } catch (e) {
      setError(errorOf(e));
    }
  }

  return (
    <Stack spacing={2} sx={{ maxWidth: 760 }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
        {t('audit.settings.title')}
      </Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={1}>
          <Stack direction="row" spacing={2}>
            {numberField('retentionYears')}
            {numberField('accessRetentionYears')}
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {t('audit.settings.retentionHint')}
          </Typography>
          <Stack direction="row" spacing={2} sx={{ pt: 1 }}>
            {numberField('manyRecordsPerDay', 320)}
            <TextField
              size="small"
              type="time"
              label={t('audit.settings.officeStart')}
              value={settings.officeStart}
              onChange={(e) => change({ officeStart: e.target.value })}
              error={issues['officeStart'] !== undefined}
              helperText={issues['officeStart'] ? t(issues['officeStart']) : ' '}
              sx={{ width: 170 }}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              size="small"
              type="time"
              label={t('audit.settings.officeEnd')}
              value={settings.officeEnd}
              onChange={(e) => change({ officeEnd: e.target.value })}
              error={issues['officeEnd'] !== undefined}
              helperText={issues['officeEnd'] ? t(issues['officeEnd']) : ' '}
              sx={{ width: 170 }}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Stack>
          <FormControlLabel
            control={
              <Switch
                checked={settings.weekdaysOnly}
                onChange={(e) => change({ weekdaysOnly: e.target.checked })}
              />
            }
            label={t('audit.settings.weekdaysOnly')}
          />
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button variant="contained" onClick={() => void save()} data-testid="audit-settings-save">
              {t('audit.settings.save')}
            </Button>
            {saved && <Typography color="success.main">{t('audit.settings.saved')}</Typography>}
          </Stack>
          {error && <Alert severity="error">{t(error.message)}</Alert>}
        </Stack>
      </Paper>
      <ChainCheck withPurge />
    </Stack>
  );
}
