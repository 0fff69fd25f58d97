import PrintIcon from '@mui/icons-material/Print';
import { Button, Snackbar, Alert } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentKind, RenderedDocument } from '../../../shared/documents/kinds.ts';
import { call } from '../api.ts';
import { errorKey } from '../casework/useCaseFile.ts';
import { deliverPdf } from './print.ts';

/** Prints one form (the app: the OS print dialog; the preview: a PDF download). Each print is audited. */
export function PrintButton({
  kind,
  recordId,
  label,
  onPrinted,
  testId,
}: {
  kind: DocumentKind;
  recordId: string;
  label?: string;
  onPrinted?: (doc: RenderedDocument) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function print() {
    setBusy(true);
    try {
      const doc = await call('documents:print', { kind, recordId });
      const how = deliverPdf(doc);
      setMessage({
        ok: true,
        text: how === 'os' ? t('documents.printedOs') : t('documents.printed', { name: doc.fileName }),
      });
      onPrinted?.(doc);
    } catch (e) {
      setMessage({ ok: false, text: t(errorKey(e)) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        variant="outlined"
        size="small"
        startIcon={<PrintIcon />}
        disabled={busy}
        onClick={() => void print()}
        data-testid={testId ?? `print-${kind}`}
      >
        {label ?? t('documents.print')}
      </Button>
      <Snackbar open={message !== null} autoHideDuration={5000} onClose={() => setMessage(null)}>
        <Alert
          severity={message?.ok ? 'success' : 'error'}
          onClose={() => setMessage(null)}
          data-testid="print-message"
        >
          {message?.text}
        </Alert>
      </Snackbar>
    </>
  );
}
