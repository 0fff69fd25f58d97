import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerTrust } from '../../../shared/contract/settings.ts';
import { ApiError, call } from '../api.ts';

/**
 * This PC's trust in its server: the server it syncs with (shown), and the center's own CA file when
 * the server's certificate comes from one (admin). The main process checks the file before keeping it.
 */
export function ServerTrustForm() {
  const { t } = useTranslation();
  const [trust, setTrust] = useState<ServerTrust | null>(null);
  const [caFile, setCaFile] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    call('settings:getServerTrust', {}).then(
      (v) => {
        setTrust(v);
        setCaFile(v.caFile ?? '');
      },
      () => setError('errors.internal'),
    );
  }, []);
  const save = (value: string | null) => {
    setSaved(false);
    setError(null);
    call('settings:saveServerTrust', { caFile: value }).then(
      (v) => {
        setTrust(v);
        setCaFile(v.caFile ?? '');
        setSaved(true);
      },
      (e: unknown) => setError(e instanceof ApiError ? e.error.message : 'errors.internal'),
    );
  };
  if (!trust) return error ? <Alert severity="error">{t(error)}</Alert> : null;
  return (
    <Stack spacing={2} component="section" aria-labelledby="server-trust-title">
      <Typography id="server-trust-title" variant="h6" component="h2">
        {t('settings.serverTrust.title')}
      </Typography>
      <Typography variant="body2" data-testid="server-trust-url">
        {t('settings.serverTrust.server')}: {trust.serverUrl ?? t('settings.serverTrust.noServer')}
      </Typography>
      <TextField
        label={t('settings.serverTrust.caFile')}
        value={caFile}
        onChange={(e) => setCaFile(e.target.value)}
        helperText={error ? t(error) : t('settings.serverTrust.caFileHelp')}
        error={error !== null}
        slotProps={{ htmlInput: { 'data-testid': 'server-trust-ca-file', spellCheck: false } }}
      />
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => save(caFile.trim() === '' ? null : caFile.trim())}>
          {t('settings.serverTrust.save')}
        </Button>
        <Button disabled={trust.caFile === null} onClick={() => save(null)}>
          {t('settings.serverTrust.clear')}
        </Button>
      </Stack>
      {saved && <Alert severity="success">{t('settings.serverTrust.saved')}</Alert>}
    </Stack>
  );
}
