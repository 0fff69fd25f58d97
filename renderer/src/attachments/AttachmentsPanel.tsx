import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_KINDS, type AttachmentKind } from '../../../shared/attachments/limits.ts';
import type { AttachmentParent, AttachmentView } from '../../../shared/attachments/types.ts';
import { call } from '../api.ts';
import { useChannel } from '../employers/common.tsx';
import { dateTime, errorKey } from '../casework/useCaseFile.ts';
import { useAttachmentOpener } from './AttachmentPreview.tsx';
import { readBase64, sizeLabel } from './files.ts';

// The documents kept on a case, an employer or an opening (issue 18 item 3): add (type and size judged
// before anything is sent), preview in the app, download, remove with a reason. A removed file stays
// listed with who removed it and why.

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export function AttachmentsPanel(props: {
  parent: { table: AttachmentParent; id: string };
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  // A case's papers are mostly résumés; an employer's or an opening's, scanned forms.
  const [kind, setKind] = useState<AttachmentKind>(props.parent.table === 'jobseekers' ? 'resume' : 'form');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [removing, setRemoving] = useState<AttachmentView | null>(null);
  const [reason, setReason] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const { table, id } = props.parent;

  const list = useChannel('attachments:list', { parent: { table, id } });
  const items = list.value;
  const limit = useChannel('attachments:getLimit', {}).value?.maxBytes ?? null;
  const load = () => list.reload();

  async function pick(file: File) {
    setMessage(null);
    // Judged here by size first: a 1 GB file is never read into the window.
    if (file.size === 0) return setMessage({ ok: false, text: t('attachments.error.empty') });
    if (limit !== null && file.size > limit)
      return setMessage({
        ok: false,
        text: t('attachments.error.tooLarge', { max: Math.round((limit / 1024 / 1024) * 10) / 10 }),
      });
    try {
      const added = await call('attachments:add', {
        parent: { table, id },
        kind,
        fileName: file.name,
        base64: await readBase64(file),
      });
      setMessage({ ok: true, text: t('attachments.added', { name: added.fileName }) });
      load();
    } catch (e) {
      setMessage({ ok: false, text: t(errorKey(e)) });
    }
  }

  const opener = useAttachmentOpener((text) => setMessage({ ok: false, text }));
  const openFile = opener.open;

  async function remove() {
    if (!removing) return;
    try {
      await call('attachments:remove', { id: removing.id, reason });
      setRemoving(null);
      setReason('');
      load();
    } catch (e) {
      setMessage({ ok: false, text: t(errorKey(e)) });
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="attachments-panel">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5, flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('attachments.title')}
        </Typography>
        <TextField
          select
          size="small"
          label={t('attachments.kindLabel')}
          value={kind}
          onChange={(e) => setKind(e.target.value as AttachmentKind)}
          sx={{ width: 180 }}
          disabled={props.disabled}
          slotProps={{ htmlInput: { 'data-testid': 'attachment-kind' } }}
        >
          {ATTACHMENT_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`attachments.kind.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="contained"
          onClick={() => input.current?.click()}
          disabled={props.disabled}
          data-testid="attachment-add"
        >
          {t('attachments.add')}
        </Button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          aria-label={t('attachments.add')}
          data-testid="attachment-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void pick(f);
          }}
        />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('attachments.hint', { max: limit ? Math.round((limit / 1024 / 1024) * 10) / 10 : 10 })}
      </Typography>
      {list.error && <Alert severity="error">{t(list.error.message)}</Alert>}
      {message && (
        <Alert severity={message.ok ? 'success' : 'error'} sx={{ mb: 1 }} data-testid="attachment-message">
          {message.text}
        </Alert>
      )}
      {items && items.length === 0 && <Typography color="text.secondary">{t('attachments.none')}</Typography>}
      {items && items.length > 0 && (
        <Box
          component="table"
          data-testid="attachment-list"
          sx={{
            width: '100%',
            borderCollapse: 'collapse',
            '& td, & th': {
              px: 1,
              py: 0.75,
              borderBottom: 1,
              borderColor: 'divider',
              textAlign: 'left',
              fontSize: 14,
            },
          }}
        >
          <thead>
            <tr>
              <th>{t('attachments.column.kind')}</th>
              <th>{t('attachments.column.name')}</th>
              <th>{t('attachments.column.size')}</th>
              <th>{t('attachments.column.added')}</th>
              <th>{t('attachments.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-testid="attachment-row" data-record-id={a.id}>
                <td>{t(`attachments.kind.${a.kind}`)}</td>
                <td>
                  <Box
                    component="span"
                    sx={a.removed ? { textDecoration: 'line-through', color: 'text.secondary' } : {}}
                  >
                    {a.fileName}
                  </Box>
                  {a.removed && (
                    <Typography variant="caption" component="div" color="text.secondary">
                      {t('attachments.removedBecause', { reason: a.removedReason ?? '' })}
                    </Typography>
                  )}
                  {!a.removed && !a.available && (
                    <Typography variant="caption" component="div" color="text.secondary">
                      {t('attachments.notYetHere')}
                    </Typography>
                  )}
                </td>
                <td>{sizeLabel(a.size)}</td>
                <td>
                  {dateTime(a.addedAt, i18n.language)}
                  {a.addedByName ? ` · ${a.addedByName}` : ''}
                </td>
                <td>
                  {!a.removed && (
                    <Stack direction="row" spacing={0.5}>
                      <Button
                        size="small"
                        disabled={!a.available}
                        onClick={() => void openFile(a, 'preview')}
                        data-testid="attachment-preview"
                        aria-label={`${t('attachments.preview')}: ${a.fileName}`}
                      >
                        {t('attachments.preview')}
                      </Button>
                      <Button
                        size="small"
                        disabled={!a.available}
                        onClick={() => void openFile(a, 'download')}
                        data-testid="attachment-download"
                        aria-label={`${t('attachments.download')}: ${a.fileName}`}
                      >
                        {t('attachments.download')}
                      </Button>
                      <Button
                        size="small"
                        color="error"
                        disabled={props.disabled}
                        onClick={() => setRemoving(a)}
                        data-testid="attachment-remove"
                        aria-label={`${t('attachments.remove')}: ${a.fileName}`}
                      >
                        {t('attachments.remove')}
                      </Button>
                    </Stack>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Box>
      )}
      {opener.dialog}
      {removing && (
        <Dialog open onClose={() => setRemoving(null)} aria-labelledby="attachment-remove-title">
          <DialogTitle id="attachment-remove-title">
            {t('attachments.removeTitle', { name: removing.fileName })}
          </DialogTitle>
          <DialogContent>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {t('attachments.removeExplain')}
            </Typography>
            <TextField
              autoFocus
              fullWidth
              required
              label={t('attachments.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'attachment-remove-reason' } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setRemoving(null)}>{t('attachments.cancel')}</Button>
            <Button
              color="error"
              variant="contained"
              disabled={reason.trim() === ''}
              onClick={() => void remove()}
              data-testid="attachment-remove-confirm"
            >
              {t('attachments.remove')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Paper>
  );
}
