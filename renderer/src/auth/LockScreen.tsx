import LockIcon from '@mui/icons-material/Lock';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { ApiError, call } from '../api.ts';

/**
 * The locked session: only the person's name and a password field. Everything that showed personal
 * data is unmounted (and so gone from the renderer's memory) while this is on screen.
 */
export function LockScreen({
  session,
  onUnlocked,
  onSignedOut,
}: {
  session: SessionInfo;
  onUnlocked: (s: SessionInfo) => void;
  onSignedOut: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onUnlocked(await call('auth:unlock', { password }));
    } catch (err) {
      const message = err instanceof ApiError ? err.error.message : 'errors.internal';
      setPassword('');
      if (message === 'auth.locked' || message === 'auth.required') onSignedOut();
      else setError(message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box
      data-testid="lock-screen"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}
    >
      <Paper component="form" onSubmit={(e) => void submit(e)} sx={{ p: 4, width: 420 }} elevation={2}>
        <Stack spacing={2.5}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <LockIcon color="primary" fontSize="large" />
            <Box>
              <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
                {t('session.lockedTitle')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('session.lockedAs', { name: session.displayName, login: session.loginId })}
              </Typography>
            </Box>
          </Stack>
          <Typography variant="body2">{t('session.lockedWhy')}</Typography>
          {error && <Alert severity="error">{t(error)}</Alert>}
          <TextField
            label={t('auth.password')}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus
            autoComplete="current-password"
            required
          />
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between' }}>
            <Button onClick={onSignedOut}>{t('session.signOut')}</Button>
            <Button type="submit" variant="contained" size="large" disabled={busy}>
              {t('session.unlock')}
            </Button>
          </Stack>
        </Stack>
      </Paper>
    </Box>
  );
}
