import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupSettingsSchema, type BackupSettings } from '../../../shared/contract/backups.ts';
import { ApiError, call } from '../api.ts';

// The schedule's interval and rotation's reach for this PC (kept in its store, not synced).

const FIELDS = ['intervalHours', 'keepDaily', 'keepWeekly'] as const;

export function BackupSettingsForm({ initial }: { initial: BackupSettings }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState(initial);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    // The schema main checks: a clear message before the round trip, and nothing sent.
    const parsed = backupSettingsSchema.safeParse(settings);
    if (!parsed.success) {
      setIssues(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setIssues({});
    try {
      setSettings(await call('backups:saveSettings', parsed.data));
      setSaved(true);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.error.message : 'errors.internal');
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h2">
          {t('backups.settingsTitle')}
        </Typography>
        <Stack direction="row" spacing={2}>
          {FIELDS.map((key) => (
            <TextField
              key={key}
              size="small"
              type="number"
              label={t(`backups.${key}`)}
              value={settings[key]}
              onChange={(e) => {
                setSaved(false);
                setSettings({ ...settings, [key]: Number(e.target.value) });
              }}
              error={issues[key] !== undefined}
              helperText={issues[key] ? t(issues[key]) : ' '}
              sx={{ width: 220 }}
              slotProps={{ htmlInput: { 'data-testid': `backup-setting-${key}` } }}
            />
          ))}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {t('backups.rotationHelp')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Button variant="outlined" onClick={() => void save()} data-testid="backup-settings-save">
            {t('backups.save')}
          </Button>
          {saved && <Typography color="success.main">{t('backups.saved')}</Typography>}
        </Stack>
        {error && <Alert severity="error">{t(error)}</Alert>}
      </Stack>
    </Paper>
  );
}
