import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/contract/result.ts';
import {
  EXPORT_FORMATS,
  REPORTS,
  type ExportFile,
  type ExportFormat,
  type ReportName,
} from '../../../shared/reports/definitions.ts';
import { call } from '../api.ts';
import { errorOf, useLang } from '../employers/common.tsx';

// The audited export of a report: format, columns, names only for those who may see them.

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

export interface Filters {
  from: string;
  to: string;
  counselorId: string;
}

export function ExportDialog({
  report,
  filters,
  counselorLabel,
  canNames,
  onClose,
}: {
  report: ReportName;
  filters: Filters;
  counselorLabel: string;
  canNames: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [purpose, setPurpose] = useState('');
  const [withNames, setWithNames] = useState(false);
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'info' | 'error'; text: string } | null>(null);
  const [purposeError, setPurposeError] = useState(false);
  // The export runs in main; cancelling abandons its answer, so nothing is downloaded.
  const run = useRef(0);

  async function start() {
    if (purpose.trim().length < 2) {
      setPurposeError(true);
      return;
    }
    const id = ++run.current;
    setWorking(true);
    setMessage(null);
    try {
      const file = await call('reports:export', {
        report,
        format,
        purpose: purpose.trim(),
        withNames: canNames && withNames,
        filters: {
          from: filters.from,
          to: filters.to,
          ...(filters.counselorId ? { counselorId: filters.counselorId } : {}),
        },
      });
      if (run.current !== id) return;
      download(file);
      setMessage({ kind: 'success', text: t('reports.exportDialog.done', { file: file.fileName }) });
    } catch (e) {
      if (run.current !== id) return;
      const err: AppError = errorOf(e);
      setMessage({ kind: 'error', text: t(err.message) });
    } finally {
      if (run.current === id) setWorking(false);
    }
  }

  function cancel() {
    run.current++;
    setWorking(false);
    setMessage({ kind: 'info', text: t('reports.exportDialog.cancelled') });
  }

  return (
    <Dialog open onClose={working ? undefined : onClose} maxWidth="sm" fullWidth data-testid="export-dialog">
      <DialogTitle>{t('reports.exportDialog.title', { report: REPORTS[report].title[lang] })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {t('reports.exportDialog.filters', {
              from: filters.from,
              to: filters.to,
              counselor: counselorLabel,
            })}
          </Typography>
          <FormControl disabled={working}>
            <FormLabel id="export-format">{t('reports.exportDialog.format')}</FormLabel>
            <RadioGroup
              row
              aria-labelledby="export-format"
              value={format}
              onChange={(e) => setFormat(e.target.value as ExportFormat)}
            >
              {EXPORT_FORMATS.map((f) => (
                <FormControlLabel
                  key={f}
                  value={f}
                  control={<Radio data-testid={`export-format-${f}`} />}
                  label={t(`reports.exportDialog.${f}`)}
                />
              ))}
            </RadioGroup>
          </FormControl>
          <TextField
            label={t('reports.exportDialog.purpose')}
            value={purpose}
            required
            disabled={working}
            onChange={(e) => {
              setPurpose(e.target.value);
              setPurposeError(false);
            }}
            error={purposeError}
            helperText={
              purposeError ? t('reports.validation.purpose') : t('reports.exportDialog.purposeHelp')
            }
            slotProps={{ htmlInput: { 'data-testid': 'export-purpose', maxLength: 500 } }}
          />
          {canNames && (
            <FormControl>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={withNames}
                    disabled={working}
                    onChange={(e) => setWithNames(e.target.checked)}
                    data-testid="export-with-names"
                  />
                }
                label={t('reports.exportDialog.withNames')}
              />
              {withNames && <FormHelperText>{t('reports.exportDialog.withNamesHelp')}</FormHelperText>}
            </FormControl>
          )}
          {working && (
            <Box data-testid="export-progress">
              <Typography variant="body2">{t('reports.exportDialog.working')}</Typography>
              <LinearProgress />
            </Box>
          )}
          {message && (
            <Alert severity={message.kind} data-testid="export-message">
              {message.text}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        {working ? (
          <Button onClick={cancel} data-testid="export-cancel">
            {t('reports.exportDialog.cancel')}
          </Button>
        ) : (
          <Button onClick={onClose}>{t('reports.exportDialog.close')}</Button>
        )}
        <Button
          variant="contained"
          onClick={() => void start()}
          disabled={working}
          data-testid="export-start"
        >
          {t('reports.exportDialog.start')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
