import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView, SignableKind, SignatureStatus } from '../../../shared/documents/kinds.ts';
import { call } from '../api.ts';
import { errorKey } from '../casework/useCaseFile.ts';
import { DocumentReader } from './DocumentReader.tsx';
import { SignaturePadBox, type PadHandle } from './SignaturePadBox.tsx';

// The single-screen signing surface: the counselor turns the screen (or hands the tablet) to the
// jobseeker, who reads the form and signs. What is signed is the content shown: its hash travels with
// the picture, and a record changed meanwhile is refused (documents.error.changedWhileReading).

export function SigningDialog({
  kind,
  recordId,
  onClose,
  onSigned,
}: {
  kind: SignableKind;
  recordId: string;
  onClose: () => void;
  onSigned: (s: SignatureStatus) => void;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<DocumentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [empty, setEmpty] = useState(true);
  const [busy, setBusy] = useState(false);
  const pad = useRef<PadHandle>(null);
  const onChange = useCallback((isEmpty: boolean) => setEmpty(isEmpty), []);

  useEffect(() => {
    let live = true;
    call('documents:view', { kind, recordId })
      .then((v) => live && setView(v))
      .catch((e: unknown) => live && setError(errorKey(e)));
    return () => {
      live = false;
    };
  }, [kind, recordId]);

  async function confirm() {
    const picture = pad.current?.picture() ?? null;
    if (!picture || !view?.signature) {
      setError('documents.pad.empty');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const status = await call('documents:sign', {
        kind,
        recordId,
        documentHash: view.signature.currentHash,
        imagePng: picture,
      });
      onSigned(status);
    } catch (e) {
      setError(errorKey(e));
      // The record changed while it was read: show the new content to read again.
      const fresh = await call('documents:view', { kind, recordId }).catch(() => null);
      if (fresh) setView(fresh);
      pad.current?.clear();
    } finally {
      setBusy(false);
    }
  }

  const title = t(`documents.kind.${kind}`);
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="signing-title"
      data-testid="signing-dialog"
    >
      <DialogTitle id="signing-title">{t('documents.pad.title', { title })}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Typography>{t('documents.pad.readFirst')}</Typography>
          {!view && !error && <CircularProgress aria-label={title} />}
          {view && <DocumentReader content={view.content} />}
          {error && (
            <Alert severity="error" data-testid="signing-error">
              {t(error)}
            </Alert>
          )}
          {view && <SignaturePadBox ref={pad} onChange={onChange} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="signing-cancel">
          {t('documents.pad.cancel')}
        </Button>
        <Button
          variant="contained"
          onClick={() => void confirm()}
          disabled={busy || empty || !view}
          data-testid="signing-confirm"
        >
          {t('documents.pad.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
