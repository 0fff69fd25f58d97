import { Alert, Box, Button, LinearProgress, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { ApiError, call } from '../api.ts';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';
import { DamagedStorePage } from './DamagedStorePage.tsx';

export function LoginPage({ onSignedIn }: { onSignedIn: (s: SessionInfo) => void }) {
  const { t } = useTranslation();
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The store failed its check at this sign-in: the restore screen takes over (issue 8, backups). */
  const [damaged, setDamaged] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await call('auth:login', { loginId, password }));
    } catch (err) {
      setError(err instanceof ApiError ? err.error.message : 'errors.internal');
      if (err instanceof ApiError && err.error.message === 'store.damaged') setDamaged(true);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  if (damaged) {
    return <DamagedStorePage loginId={loginId} onSignedIn={onSignedIn} onBack={() => setDamaged(false)} />;
  }
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}>
      <Paper component="form" onSubmit={(e) => void submit(e)} sx={{ p: 4, width: 400 }} elevation={2}>
        <Stack spacing={2.5}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <Box>
              <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
                {t('app.name')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('app.subtitle')}
              </Typography>
            </Box>
            <LanguageSwitch />
          </Stack>
          <Typography variant="h6" component="h2">
            {t('auth.title')}
          </Typography>
          {error && <Alert severity="error">{t(error)}</Alert>}
          <TextField
            label={t('auth.loginId')}
            value={loginId}
            onChange={(e) => setLoginId(e.target.value)}
            autoFocus
            autoComplete="username"
            required
          />
          <TextField
            label={t('auth.password')}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
          <Button type="submit" variant="contained" size="large" disabled={busy}>
            {t('auth.submit')}
          </Button>
          {busy && (
            // Opening the store checks it first (seconds on a large one): say so rather than look stuck.
            <Box role="status" aria-live="polite">
              <LinearProgress aria-label={t('backups.opening')} />
              <Typography variant="caption" color="text.secondary">
                {t('backups.opening')}
              </Typography>
            </Box>
          )}
          <Typography variant="caption" color="text.secondary">
            {t('auth.personalAccount')}
          </Typography>
        </Stack>
      </Paper>
    </Box>
  );
}
