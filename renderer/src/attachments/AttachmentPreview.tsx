import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentContent } from '../../../shared/attachments/types.ts';
import { objectUrl, saveAs } from './files.ts';

/** The file shown in the app: an image as itself, a PDF in the browser's own viewer. */
export function AttachmentPreview(props: {
  content: AttachmentContent;
  onClose: () => void;
  onDownload: () => void;
}) {
  const { t } = useTranslation();
  const url = useMemo(() => objectUrl(props.content), [props.content]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const image = props.content.mime.startsWith('image/');
  return (
    <Dialog open onClose={props.onClose} maxWidth="lg" fullWidth aria-labelledby="attachment-preview-title">
      <DialogTitle id="attachment-preview-title">{props.content.fileName}</DialogTitle>
      <DialogContent dividers sx={{ height: '70vh', p: 1, display: 'flex', justifyContent: 'center' }}>
        {url &&
          (image ? (
            <Box
              component="img"
              src={url}
              alt={t('attachments.previewOf', { name: props.content.fileName })}
              data-testid="attachment-preview-image"
              sx={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain' }}
            />
          ) : (
            <Box
              component="iframe"
              src={url}
              title={t('attachments.previewOf', { name: props.content.fileName })}
              data-testid="attachment-preview-pdf"
              sx={{ width: '100%', height: '100%', border: 0 }}
            />
          ))}
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

export { saveAs };
