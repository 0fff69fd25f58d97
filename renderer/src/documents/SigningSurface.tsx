import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../shared/documents/kinds.ts';
import { DocumentReader } from './DocumentReader.tsx';
import { SignaturePadBox, type PadHandle } from './SignaturePadBox.tsx';

// The second screen's page (the app's locked signing window, electron/main/signing.main.ts): the one
// form main opened it for, the pad, "done" and "cancel". It has no desk bridge; `window.signing` is all
// it can reach. Large type for a tablet held at arm's length.

export function SigningSurface() {
  const { t } = useTranslation();
  const [view, setView] = useState<DocumentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [empty, setEmpty] = useState(true);
  const [busy, setBusy] = useState(false);
  const pad = useRef<PadHandle>(null);
  const onChange = useCallback((isEmpty: boolean) => setEmpty(isEmpty), []);
  const bridge = window.signing;

  useEffect(() => {
    void bridge?.document().then(setView);
  }, [bridge]);

  async function confirm() {
    const picture = pad.current?.picture() ?? null;
    if (!bridge || !picture) {
      setError('documents.pad.empty');
      return;
    }
    setBusy(true);
    const r = await bridge.submit(picture);
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message.split('|')[0] ?? 'errors.internal');
      pad.current?.clear();
    }
  }

  if (!bridge) return <Alert severity="error">{t('errors.noBridge')}</Alert>;
  if (!view) return <CircularProgress sx={{ m: 4 }} />;
  const title = t(`documents.kind.${view.content.kind}`);
  return (
    <Box sx={{ height: '100vh', overflow: 'auto', p: 3, fontSize: '1.15rem' }} data-testid="signing-surface">
      <Stack spacing={2} sx={{ maxWidth: 960, mx: 'auto' }}>
        <Typography variant="h4" component="h1" sx={{ fontWeight: 700 }}>
          {t('documents.pad.title', { title })}
        </Typography>
        <Typography>{t('documents.pad.readFirst')}</Typography>
        <DocumentReader content={view.content} />
        {error && <Alert severity="error">{t(error)}</Alert>}
        <SignaturePadBox ref={pad} height={260} onChange={onChange} />
        <Stack direction="row" spacing={2} sx={{ justifyContent: 'flex-end' }}>
          <Button size="large" onClick={() => void bridge.cancel()}>
            {t('documents.pad.cancel')}
          </Button>
          <Button size="large" variant="contained" disabled={busy || empty} onClick={() => void confirm()}>
            {t('documents.pad.confirm')}
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}
