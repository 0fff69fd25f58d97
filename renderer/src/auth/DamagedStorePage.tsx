import { Alert, Box, Button, LinearProgress, Paper, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type { DamagedStoreView } from '../../../shared/contract/backups.ts';
import { ApiError, call } from '../api.ts';
import { backupSize, backupTime } from '../settings/backupFormat.ts';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';

/**
 * A sign-in found the store damaged (issue 8): it was not opened and nothing was written to it. This
 * offers the latest good backup. Restoring needs an admin's password (no session exists: the store did
 * not open), and the account must be an admin in the backup; then the same person is signed in.
 */
export function DamagedStorePage({
  loginId: initialLogin,
  onSignedIn,
  onBack,
}: {
  loginId: string;
  onSignedIn: (s: SessionInfo) => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<DamagedStoreView | null>(null);
  const [loginId, setLoginId] = useState(initialLogin);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    call('auth:damagedStore', {}).then(setView, () => setError('errors.internal'));
  }, []);
  useEffect(load, [load]);

  const latest = view?.backups.find((b) => b.name === view.latestGood) ?? null;

  async function restore(e: FormEvent) {
    e.preventDefault();
    if (!latest) return;
    setBusy(true);
    setError(null);
    try {
      await call('auth:restoreDamaged', { loginId, password, name: latest.name });
      onSignedIn(await call('auth:login', { loginId, password }));
    } catch (err) {
      setError(err instanceof ApiError ? err.error.message : 'errors.internal');
      setPassword('');
      load(); // a backup that failed its check now shows as such; the next good one is offered
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}>
      <Paper sx={{ p: 4, width: 520 }} elevation={2} data-testid="damaged-store">
        <Stack spacing={2.5}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
              {t('backups.damagedTitle')}
            </Typography>
            <LanguageSwitch />
          </Stack>
          <Alert severity="error">{t('backups.damagedBody')}</Alert>
          {view && !latest && <Alert severity="warning">{t('backups.damagedNone')}</Alert>}
          {latest && (
            <Stack component="form" spacing={2} onSubmit={(e) => void restore(e)}>
              <Typography>{t('backups.damagedOffer')}</Typography>
              <Paper variant="outlined" sx={{ p: 2 }}>
                <Typography variant="overline">{t('backups.damagedLatest')}</Typography>
                <Typography variant="h6" data-testid="damaged-latest">
                  {backupTime(latest.createdAt, i18n.language)}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {backupSize(latest.bytes)}
                  {view && view.backups.length > 1
                    ? ` · ${t('backups.damagedOthers', { count: view.backups.length - 1 })}`
                    : ''}
                </Typography>
              </Paper>
              <Typography variant="body2">{t('backups.damagedAdmin')}</Typography>
              <TextField
                label={t('auth.loginId')}
                value={loginId}
                onChange={(e) => setLoginId(e.target.value)}
                autoComplete="username"
                required
              />
              <TextField
                label={t('auth.password')}
                type="password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="current-password"
                autoFocus
                required
              />
              {busy && (
                <Box role="status" aria-live="polite">
                  <Typography variant="body2" sx={{ mb: 0.5 }}>
                    {t('backups.jobRestore')}
                  </Typography>
                  <LinearProgress aria-label={t('backups.jobRestore')} />
                </Box>
              )}
              <Button
                type="submit"
                variant="contained"
                color="warning"
                size="large"
                disabled={busy}
                data-testid="damaged-restore"
              >
                {t('backups.damagedRestore')}
              </Button>
            </Stack>
          )}
          {error && <Alert severity="error">{t(error)}</Alert>}
          <Button onClick={onBack} disabled={busy}>
            {t('backups.damagedBack')}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
