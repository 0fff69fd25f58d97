import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  COMPETENCY_KINDS,
  COMPETENCY_SOURCES,
  competencyFieldsSchema,
  type CompetencyFields,
  type ImportFormat,
} from '../../../shared/casework/competency.ts';
import type { CaseFile, ImportPreview, IssuedCertificate } from '../../../shared/casework/types.ts';
import { call } from '../api.ts';
import { dateTime, errorKey } from './useCaseFile.ts';

function downloadPdf(issued: IssuedCertificate) {
  const bytes = Uint8Array.from(atob(issued.pdfBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = issued.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function CompetencyTab({ file, onChange }: { file: CaseFile; onChange: (f: CaseFile) => void }) {
  const { t, i18n } = useTranslation();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [preview, setPreview] = useState<{
    name: string;
    format: ImportFormat;
    content: string;
    result: ImportPreview;
  } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [adding, setAdding] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [lastIssued, setLastIssued] = useState<IssuedCertificate | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function pick(f: File) {
    setMessage(null);
    const format: ImportFormat | null = /\.json$/i.test(f.name)
      ? 'json'
      : /\.csv$/i.test(f.name)
        ? 'csv'
        : null;
    if (!format) {
      setMessage({
        ok: false,
        text: t('competency.errorFile', { message: t('competency.error.unknownFormat') }),
      });
      return;
    }
    if (f.size > 512 * 1024) {
      setMessage({ ok: false, text: t('competency.errorFile', { message: t('competency.error.tooLarge') }) });
      return;
    }
    const content = await f.text();
    try {
      const result = await call('casework:previewImport', {
        jobseekerId: file.jobseeker.id,
        format,
        content,
      });
      setPreview({ name: f.name, format, content, result });
    } catch (e) {
      setMessage({ ok: false, text: t(errorKey(e)) });
    }
  }

  async function confirmImport() {
    if (!preview) return;
    try {
      const r = await call('casework:import', {
        jobseekerId: file.jobseeker.id,
        format: preview.format,
        content: preview.content,
      });
      onChange(r.caseFile);
      setMessage({ ok: true, text: t('competency.imported', { added: r.added, skipped: r.skipped }) });
      setPreview(null);
    } catch (e) {
      setMessage({ ok: false, text: t(errorKey(e)) });
      setPreview(null);
    }
  }

  async function issue() {
    setIssuing(true);
    setMessage(null);
    try {
      const issued = await call('casework:issueCertificate', {
        jobseekerId: file.jobseeker.id,
        itemIds: [...selected],
      });
      setLastIssued(issued);
      downloadPdf(issued);
      setMessage({ ok: true, text: t('certificate.issued', { code: issued.certificate.verificationCode }) });
      onChange(await call('casework:get', { jobseekerId: file.jobseeker.id }));
    } catch (e) {
      setMessage({ ok: false, text: t(errorKey(e)) });
    } finally {
      setIssuing(false);
    }
  }

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allSelected = file.competency.length > 0 && file.competency.every((i) => selected.has(i.id));

  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2" sx={{ fontWeight: 700, flex: 1 }}>
            {t('competency.title')}
          </Typography>
          <input
            ref={input}
            type="file"
            accept=".json,.csv,application/json,text/csv"
            hidden
            data-testid="competency-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void pick(f);
            }}
          />
          <Button variant="outlined" onClick={() => input.current?.click()} data-testid="import-competency">
            {t('competency.import')}
          </Button>
          <Button variant="outlined" onClick={() => setAdding(true)} data-testid="add-competency">
            {t('competency.add')}
          </Button>
        </Stack>
        <Typography variant="caption" color="text.secondary">
          {t('competency.formatHelp')}
        </Typography>
        {message && (
          <Alert severity={message.ok ? 'success' : 'error'} sx={{ my: 1 }} data-testid="competency-message">
            {message.text}
          </Alert>
        )}
        {file.competency.length === 0 ? (
          <Typography sx={{ mt: 1 }}>{t('competency.none')}</Typography>
        ) : (
          <Table size="small" sx={{ mt: 1 }} data-testid="competency-table">
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={allSelected}
                    indeterminate={selected.size > 0 && !allSelected}
                    onChange={(e) =>
                      setSelected(e.target.checked ? new Set(file.competency.map((i) => i.id)) : new Set())
                    }
                    slotProps={{ input: { 'aria-label': t('competency.select') } }}
                  />
                </TableCell>
                <TableCell>{t('competency.kind')}</TableCell>
                <TableCell>{t('competency.itemTitle')}</TableCell>
                <TableCell>{t('competency.ncsCode')}</TableCell>
                <TableCell>{t('competency.issuer')}</TableCell>
                <TableCell>{t('competency.startedOn')}</TableCell>
                <TableCell>{t('competency.endedOn')}</TableCell>
                <TableCell>
                  {t('competency.hours')} / {t('competency.grade')}
                </TableCell>
                <TableCell>{t('competency.source')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {file.competency.map((item) => (
                <TableRow key={item.id} data-testid="competency-row" hover>
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={selected.has(item.id)}
                      onChange={(e) => toggle(item.id, e.target.checked)}
                      slotProps={{
                        input: { 'aria-label': item.title, 'data-testid': 'competency-select' } as object,
                      }}
                    />
                  </TableCell>
                  <TableCell>{t(`competency.kind_${item.kind}`)}</TableCell>
                  <TableCell>{item.title}</TableCell>
                  <TableCell>{item.ncsCode ?? '-'}</TableCell>
                  <TableCell>{item.issuer ?? '-'}</TableCell>
                  <TableCell>
                    {item.startedOn ? <time dateTime={item.startedOn}>{item.startedOn}</time> : '-'}
                  </TableCell>
                  <TableCell>
                    {item.endedOn ? <time dateTime={item.endedOn}>{item.endedOn}</time> : '-'}
                  </TableCell>
                  <TableCell>
                    {[item.hours !== null ? `${item.hours}h` : null, item.grade]
                      .filter(Boolean)
                      .join(' · ') || '-'}
                  </TableCell>
                  <TableCell>{t(`competency.source_${item.source}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2" sx={{ fontWeight: 700, flex: 1 }}>
            {t('certificate.title')}
          </Typography>
          {lastIssued && <Button onClick={() => downloadPdf(lastIssued)}>{t('certificate.download')}</Button>}
          <Button
            variant="contained"
            disabled={selected.size === 0 || issuing}
            onClick={() => void issue()}
            data-testid="issue-certificate"
          >
            {t('certificate.issue', { count: selected.size })}
          </Button>
        </Stack>
        {selected.size === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('certificate.noItems')}
          </Typography>
        )}
        <Typography variant="subtitle2" sx={{ mt: 2 }}>
          {t('certificate.list')}
        </Typography>
        {file.certificates.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('certificate.none')}
          </Typography>
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="certificate-list">
            {file.certificates.map((c) => (
              <Typography component="li" variant="body2" key={c.id}>
                {t('certificate.entry', {
                  date: dateTime(c.issuedAt, i18n.language),
                  count: c.itemCount,
                  code: c.verificationCode,
                  name: c.issuedByName ?? '',
                })}
              </Typography>
            ))}
          </Box>
        )}
      </Paper>
      {preview && (
        <PreviewDialog
          preview={preview}
          onCancel={() => setPreview(null)}
          onConfirm={() => void confirmImport()}
        />
      )}
      {adding && (
        <AddDialog
          onCancel={() => setAdding(false)}
          onSave={async (item) => {
            onChange(await call('casework:addCompetency', { jobseekerId: file.jobseeker.id, item }));
            setAdding(false);
          }}
        />
      )}
    </Stack>
  );
}

function PreviewDialog({
  preview,
  onCancel,
  onConfirm,
}: {
  preview: { name: string; result: ImportPreview };
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const r = preview.result;
  const bad = r.errors.length > 0;
  return (
    <Dialog open onClose={onCancel} maxWidth="md" fullWidth data-testid="import-preview">
      <DialogTitle>{t('competency.previewTitle', { file: preview.name })}</DialogTitle>
      <DialogContent dividers>
        {bad && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="import-errors">
            <Typography sx={{ fontWeight: 700 }}>{t('competency.errorsTitle')}</Typography>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {r.errors.map((e) => (
                <li key={`${e.line}-${e.field ?? ''}`}>
                  {e.line > 0
                    ? t('competency.errorLine', {
                        line: e.line,
                        field: e.field
                          ? ` (${t(`competency.${e.field === 'title' ? 'itemTitle' : e.field}`)})`
                          : '',
                        message: t(e.message),
                      })
                    : t('competency.errorFile', { message: t(e.message) })}
                </li>
              ))}
            </Box>
          </Alert>
        )}
        <Typography sx={{ fontWeight: 700 }}>{t('competency.willAdd', { count: r.toAdd.length })}</Typography>
        <Box component="ul" sx={{ mt: 0.5, pl: 2.5 }} data-testid="import-to-add">
          {r.toAdd.map((i) => (
            <Typography component="li" variant="body2" key={i.line}>
              {t('competency.duplicateLine', {
                line: i.line,
                title: `${t(`competency.kind_${i.fields.kind}`)} · ${i.fields.title}`,
              })}
              {i.fields.issuer ? ` · ${i.fields.issuer}` : ''}
              {i.fields.startedOn ? ` · ${i.fields.startedOn}` : ''}
            </Typography>
          ))}
        </Box>
        {r.duplicates.length > 0 && (
          <>
            <Typography sx={{ fontWeight: 700, mt: 1 }}>
              {t('competency.duplicates', { count: r.duplicates.length })}
            </Typography>
            <Box
              component="ul"
              sx={{ mt: 0.5, pl: 2.5, color: 'text.secondary' }}
              data-testid="import-duplicates"
            >
              {r.duplicates.map((d) => (
                <Typography component="li" variant="body2" key={d.line}>
                  {t('competency.duplicateLine', { line: d.line, title: d.title })}
                </Typography>
              ))}
            </Box>
          </>
        )}
        {!bad && r.toAdd.length === 0 && <Alert severity="info">{t('competency.nothingToAdd')}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('competency.cancel')}</Button>
        <Button
          variant="contained"
          disabled={bad || r.toAdd.length === 0}
          onClick={onConfirm}
          data-testid="confirm-import"
        >
          {t('competency.confirmImport', { count: r.toAdd.length })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

interface AddValues {
  kind: string;
  title: string;
  ncsCode: string;
  issuer: string;
  startedOn: string;
  endedOn: string;
  hours: string;
  grade: string;
  source: string;
}

function AddDialog({
  onCancel,
  onSave,
}: {
  onCancel: () => void;
  onSave: (item: CompetencyFields) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { register, handleSubmit, setError, formState } = useForm<AddValues>({
    defaultValues: {
      kind: 'qualification',
      title: '',
      ncsCode: '',
      issuer: '',
      startedOn: '',
      endedOn: '',
      hours: '',
      grade: '',
      source: 'self-reported',
    },
  });
  const [error, setFormError] = useState<string | null>(null);
  async function save(v: AddValues) {
    const parsed = competencyFieldsSchema.safeParse(v);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        setError(String(issue.path[0]) as keyof AddValues, { message: issue.message });
      return;
    }
    try {
      await onSave(parsed.data);
    } catch (e) {
      setFormError(errorKey(e));
    }
  }
  const err = (name: keyof AddValues) => formState.errors[name]?.message;
  const text = (name: keyof AddValues, label: string, type = 'text') => (
    <TextField
      label={t(label)}
      type={type}
      {...register(name)}
      error={Boolean(err(name))}
      helperText={err(name) ? t(err(name) ?? '') : ' '}
      slotProps={type === 'date' ? { inputLabel: { shrink: true } } : {}}
    />
  );
  return (
    <Dialog open onClose={onCancel} maxWidth="sm" fullWidth>
      <DialogTitle>{t('competency.add')}</DialogTitle>
      <Box component="form" noValidate onSubmit={(e) => void handleSubmit(save)(e)}>
        <DialogContent dividers>
          <Stack spacing={1}>
            <TextField
              select
              label={t('competency.kind')}
              {...register('kind')}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              {COMPETENCY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`competency.kind_${k}`)}
                </option>
              ))}
            </TextField>
            {text('title', 'competency.itemTitle')}
            {text('ncsCode', 'competency.ncsCode')}
            {text('issuer', 'competency.issuer')}
            <Stack direction="row" spacing={1}>
              {text('startedOn', 'competency.startedOn', 'date')}
              {text('endedOn', 'competency.endedOn', 'date')}
            </Stack>
            <Stack direction="row" spacing={1}>
              {text('hours', 'competency.hours', 'number')}
              {text('grade', 'competency.grade')}
            </Stack>
            <TextField
              select
              label={t('competency.source')}
              {...register('source')}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              {COMPETENCY_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`competency.source_${s}`)}
                </option>
              ))}
            </TextField>
            {error && <Alert severity="error">{t(error)}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{t('competency.cancel')}</Button>
          <Button type="submit" variant="contained">
            {t('competency.save')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
