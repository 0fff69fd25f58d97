import {
  Alert,
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
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSE_REASONS, type CloseReason } from '../../../shared/casework/lifecycle.ts';
import type { BulkSelection } from '../../../shared/contract/worklist.ts';
import type { ExportFile } from '../../../shared/reports/definitions.ts';
import { ApiError, call } from '../api.ts';
import { useCounselors } from '../inbox/TaskDialogs.tsx';
import { EnrolCaseDialog } from '../groups/CaseGroupsPanel.tsx';

// A supervisor's actions on the selected cases (issue 16 item 6): reassign them, close them with one
// reason (each as a single close: status event, outbox, audit), or export them with a purpose (audited).

function download(file: ExportFile) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * `onDone` gets the result's sentence: the list shows it, since clearing the selection unmounts this bar
 * (a notice kept here vanished with it, and the supervisor never saw how many changed or were skipped).
 */
export function BulkBar(props: {
  selection: BulkSelection;
  count: number;
  onClear: () => void;
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'assign' | 'close' | 'export' | null>(null);
  const [reason, setReason] = useState<CloseReason | ''>('');
  const [months, setMonths] = useState('3');
  const [text, setText] = useState('');
  const people = useCounselors(dialog === 'assign');
  const [to, setTo] = useState('');
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [enrolling, setEnrolling] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    let notice: string;
    try {
      if (dialog === 'assign') {
        const r = await call('jobseekers:bulkAssign', { selection: props.selection, counselorId: to });
        notice = t('bulk.assigned', { changed: r.changed, skipped: r.skipped });
      } else if (dialog === 'close') {
        if (reason === '') return;
        const r = await call('jobseekers:bulkClose', {
          selection: props.selection,
          reason,
          noContactMonths: reason === 'no-contact' ? Number(months) : null,
          text,
        });
        notice = t('bulk.closed', { changed: r.changed, skipped: r.skipped });
      } else {
        const file = await call('jobseekers:bulkExport', { selection: props.selection, purpose });
        download(file);
        notice = t('bulk.exported', { rows: file.rows });
      }
      setDialog(null);
      props.onClear();
      props.onDone(notice);
    } catch (err) {
      setError(err instanceof ApiError ? err.error.message : 'errors.internal');
    }
  }

  return (
    <>
      <Paper variant="outlined" sx={{ px: 2, py: 1, bgcolor: 'action.hover' }} data-testid="bulk-bar">
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography sx={{ fontWeight: 600 }} data-testid="bulk-count">
            {props.selection.kind === 'filter'
              ? t('bulk.allMatching', { count: props.count })
              : t('bulk.selected', { count: props.count })}
          </Typography>
          <Button
            variant="contained"
            size="small"
            onClick={() => setDialog('assign')}
            data-testid="bulk-assign"
          >
            {t('bulk.assign')}
          </Button>
          <Button variant="outlined" size="small" onClick={() => setDialog('close')} data-testid="bulk-close">
            {t('bulk.close')}
          </Button>
          <Button
            variant="outlined"
            size="small"
            onClick={() => setDialog('export')}
            data-testid="bulk-export"
          >
            {t('bulk.export')}
          </Button>
          <Button size="small" variant="outlined" onClick={() => setEnrolling(true)} data-testid="bulk-group">
            {t('groups.bulk.button')}
          </Button>
          <Button size="small" onClick={props.onClear}>
            {t('bulk.clear')}
          </Button>
        </Stack>
      </Paper>
      <EnrolCaseDialog
        open={enrolling}
        selection={props.selection}
        onClose={(done) => {
          setEnrolling(false);
          if (done) props.onClear();
        }}
      />
      <Dialog open={dialog !== null} onClose={() => setDialog(null)} fullWidth maxWidth="sm">
        <form onSubmit={(e) => void submit(e)}>
          <DialogTitle>
            {t(
              dialog === 'export'
                ? 'bulk.exportTitle'
                : dialog === 'close'
                  ? 'bulk.closeTitle'
                  : 'bulk.assignTitle',
            )}
          </DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              {error && <Alert severity="error">{t(error)}</Alert>}
              <Typography>
                {props.selection.kind === 'filter'
                  ? t('bulk.allMatching', { count: props.count })
                  : t('bulk.selected', { count: props.count })}
              </Typography>
              {dialog === 'assign' ? (
                <TextField
                  select
                  label={t('bulk.assignTo')}
                  value={to}
                  onChange={(e) => setTo(e.target.value)}
                  slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'bulk-assignee' } as object } }}
                >
                  {people.map((p) => (
                    <MenuItem key={p.id} value={p.id}>
                      {p.name}
                    </MenuItem>
                  ))}
                </TextField>
              ) : dialog === 'close' ? (
                <>
                  <Typography variant="body2">{t('lifecycle.closeBody')}</Typography>
                  <TextField
                    select
                    label={t('lifecycle.reasonLabel')}
                    value={reason}
                    onChange={(e) => setReason(e.target.value as CloseReason)}
                    required
                    slotProps={{
                      select: { SelectDisplayProps: { 'data-testid': 'bulk-close-reason' } as object },
                    }}
                  >
                    {CLOSE_REASONS.map((r) => (
                      <MenuItem key={r} value={r}>
                        {t(`lifecycle.reasons.${r}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                  {reason === 'no-contact' && (
                    <TextField
                      type="number"
                      label={t('lifecycle.monthsLabel')}
                      value={months}
                      onChange={(e) => setMonths(e.target.value)}
                      slotProps={{ htmlInput: { min: 1, max: 60 } }}
                    />
                  )}
                  <TextField
                    label={t('lifecycle.noteLabel')}
                    helperText={t('lifecycle.noteHelp')}
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                    required={reason === 'other'}
                    multiline
                    slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'bulk-close-text' } }}
                  />
                </>
              ) : (
                <TextField
                  label={t('bulk.purpose')}
                  helperText={t('bulk.purposeHint')}
                  value={purpose}
                  onChange={(e) => setPurpose(e.target.value)}
                  required
                  slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'bulk-purpose' } }}
                />
              )}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setDialog(null)}>{t('tasks.cancel')}</Button>
            <Button
              type="submit"
              variant="contained"
              disabled={(dialog === 'assign' && !to) || (dialog === 'close' && reason === '')}
              data-testid="bulk-apply"
            >
              {t(
                dialog === 'export'
                  ? 'bulk.exportApply'
                  : dialog === 'close'
                    ? 'bulk.closeApply'
                    : 'bulk.assignApply',
              )}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
