import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentContent, AttachmentView } from '../../../shared/attachments/types.ts';
import { call } from '../api.ts';
import { errorKey } from '../casework/useCaseFile.ts';
import { bytesOf, objectUrl, saveAs } from './files.ts';
import { PdfPages } from './PdfPages.tsx';

/** The file shown in the app: an image as itself, a PDF drawn page by page (PdfPages.tsx). */
export function AttachmentPreview(props: {
  content: AttachmentContent;
  onClose: () => void;
  onDownload: () => void;
}) {
  const { t } = useTranslation();
  const image = props.content.mime.startsWith('image/');
  const url = useMemo(() => (image ? objectUrl(props.content) : ''), [image, props.content]);
  const bytes = useMemo(() => (image ? null : bytesOf(props.content)), [image, props.content]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return (
    <Dialog open onClose={props.onClose} maxWidth="lg" fullWidth aria-labelledby="attachment-preview-title">
      <DialogTitle id="attachment-preview-title">{props.content.fileName}</DialogTitle>
      <DialogContent dividers sx={{ height: '70vh', p: 1, display: 'flex', justifyContent: 'center' }}>
        {image ? (
          <Box
            component="img"
            src={url}
            alt={t('attachments.previewOf', { name: props.content.fileName })}
            data-testid="attachment-preview-image"
            sx={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain' }}
          />
        ) : (
          bytes && <PdfPages bytes={bytes} fileName={props.content.fileName} />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onDownload} data-testid="attachment-preview-download">
          {t('attachments.download')}
        </Button>
        <Button onClick={props.onClose} variant="contained" data-testid="attachment-preview-close">
          {t('attachments.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Opening a file for the preview dialog or a download (each an audit entry in main), for any list of
 * attachments: the case's, an employer's, a referral's package. `dialog` is the open preview, if any.
 */
export function useAttachmentOpener(onError: (message: string) => void): {
  open: (a: Pick<AttachmentView, 'id'>, purpose: 'preview' | 'download') => Promise<void>;
  dialog: ReactNode;
} {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<{ id: string; content: AttachmentContent } | null>(null);
  async function open(a: Pick<AttachmentView, 'id'>, purpose: 'preview' | 'download') {
    try {
      const content = await call('attachments:open', { id: a.id, purpose });
      if (purpose === 'preview') setPreview({ id: a.id, content });
      else saveAs(content);
    } catch (e) {
      onError(t(errorKey(e)));
    }
  }
  const dialog = preview && (
    <AttachmentPreview
      content={preview.content}
      onClose={() => setPreview(null)}
      onDownload={() => void open({ id: preview.id }, 'download')}
    />
  );
  return { open, dialog };
}

export { saveAs };
