import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo, SetupInput } from '../../../shared/contract/auth.ts';
import { SIDO } from '../../../shared/reference/index.ts';
import { ApiError, call } from '../api.ts';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';

const EMPTY: SetupInput = {
  centerCode: '',
  centerName: '',
  sido: '11',
  loginId: '',
  displayName: '',
  password: '',
};

/**
 * First-run setup on a desktop without a server: the center and the first admin account. The store is
 * created encrypted, its key wrapped with this admin's password; the admin then creates the others.
 */
export function SetupPage({ onDone }: { onDone: (s: SessionInfo) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const [form, setForm] = useState<SetupInput>(EMPTY);
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof SetupInput) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const mismatch = confirm !== '' && confirm !== form.password;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.password !== confirm) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await call('auth:setup', { ...form, centerCode: form.centerCode.toUpperCase() }));
    } catch (err) {
      setError(
        err instanceof ApiError
          ? { message: err.error.message, field: err.error.field }
          : { message: 'errors.internal' },
      );
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (field: keyof SetupInput) => (error?.field === field ? t(error.message) : undefined);

  return (
    <Box
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', py: 4 }}
    >
      <Paper component="form" onSubmit={(e) => void submit(e)} sx={{ p: 4, width: 560 }} elevation={2}>
        <Stack spacing={2.5}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <Box>
              <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
                {t('setup.title')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('setup.subtitle')}
              </Typography>
            </Box>
            <LanguageSwitch />
          </Stack>
          {error && !error.field && <Alert severity="error">{t(error.message)}</Alert>}
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {t('setup.center')}
          </Typography>
          <Stack direction="row" spacing={2}>
            <TextField
              label={t('setup.centerCode')}
              value={form.centerCode}
              onChange={set('centerCode')}
              required
              autoFocus
              helperText={fieldError('centerCode') ?? t('setup.centerCodeHelp')}
              error={error?.field === 'centerCode'}
              sx={{ width: 180 }}
            />
            <TextField
              label={t('setup.centerName')}
              value={form.centerName}
              onChange={set('centerName')}
              required
              fullWidth
              helperText={fieldError('centerName')}
              error={error?.field === 'centerName'}
            />
          </Stack>
          <TextField select label={t('setup.sido')} value={form.sido} onChange={set('sido')} required>
            {SIDO.map((s) => (
              <MenuItem key={s.code} value={s.code}>
                {s[lang]}
              </MenuItem>
            ))}
          </TextField>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {t('setup.admin')}
          </Typography>
          <Stack direction="row" spacing={2}>
            <TextField
              label={t('auth.loginId')}
              value={form.loginId}
              onChange={set('loginId')}
              required
              autoComplete="username"
              helperText={fieldError('loginId')}
              error={error?.field === 'loginId'}
              fullWidth
            />
            <TextField
              label={t('setup.displayName')}
              value={form.displayName}
              onChange={set('displayName')}
              required
              fullWidth
            />
          </Stack>
          <TextField
            label={t('auth.password')}
            type="password"
            value={form.password}
            onChange={set('password')}
            required
            autoComplete="new-password"
            helperText={fieldError('password') ?? t('setup.passwordRule')}
            error={error?.field === 'password'}
          />
          <TextField
            label={t('setup.passwordAgain')}
            type="password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            required
            autoComplete="new-password"
            error={mismatch}
            helperText={mismatch ? t('setup.passwordMismatch') : undefined}
          />
          <Alert severity="info">{t('setup.keyNotice')}</Alert>
          <Button type="submit" variant="contained" size="large" disabled={busy || mismatch}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
