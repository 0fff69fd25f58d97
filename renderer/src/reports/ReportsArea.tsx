import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  LinearProgress,
  MenuItem,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AppError } from '../../../shared/contract/result.ts';
import {
  EXPORT_FORMATS,
  REPORTS,
  REPORT_NAMES,
  outputColumns,
  type Cell,
  type ColumnDef,
  type ExportFile,
  type ExportFormat,
  type ReportData,
  type ReportName,
  type Row,
  type TableDef,
} from '../../../shared/reports/definitions.ts';
import { formatDay } from '../../../shared/domain/day-format.ts';
import { englishLabel, label } from '../../../shared/reports/labels.ts';
import { call } from '../api.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { errorOf, timeLabel, useChannel, useLang } from '../employers/common.tsx';
import { scrollPageSx } from '../common/layout.ts';
import { DateField } from '../common/DateField.tsx';

// Routes under /reports/* (issue 7): the supervisor's dashboards (a counselor sees their own
// caseload), each table with its chart, filters by period and counselor, and the audited export.

type Lang = 'ko' | 'en';

function isReport(name: string | null): name is ReportName {
  return (REPORT_NAMES as readonly string[]).includes(name ?? '');
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function yearBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Text made only of figures: numbers, dates, ranges, percentages. */
const FIGURES = /^[\d\s.,:%+~\-–]+$/;

function cellText(col: ColumnDef, v: Cell | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '';
  const locale = lang === 'en' ? 'en-US' : 'ko-KR';
  if (col.kind === 'date' && typeof v === 'string') return formatDay(v);
  if (typeof v !== 'number') return lang === 'en' ? englishLabel(v) : v;
  if (col.kind === 'percent') return `${(v * 100).toFixed(1)}%`;
  return v.toLocaleString(locale, { maximumFractionDigits: 1 });
}

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

function ReportChart({ def, rows, lang }: { def: TableDef; rows: Row[]; lang: Lang }) {
  const chart = def.chart;
  if (!chart || rows.length === 0) return null;
  const cols = chart.series.map((k) => def.columns.find((c) => c.key === k)).filter((c) => c !== undefined);
  const percent = cols.every((c) => c.kind === 'percent');
  const show = (v: Cell | undefined) => (lang === 'en' ? englishLabel(String(v ?? '')) : String(v ?? ''));
  const fmt = (v: number | null) =>
    v === null ? '' : percent ? `${(v * 100).toFixed(1)}%` : v.toLocaleString();
  if (chart.kind === 'pie') {
    const key = chart.series[0] ?? '';
    const data = rows
      .filter((r) => r[chart.label] !== label('easyTotal'))
      .map((r, i) => ({ id: i, value: Number(r[key] ?? 0), label: show(r[chart.label]) }))
      .filter((d) => d.value > 0);
    return (
      <PieChart
        series={[{ data, innerRadius: 40, paddingAngle: 1, valueFormatter: (v) => v.value.toLocaleString() }]}
        height={240}
      />
    );
  }
  const dataset = rows.slice(0, 15).map((r) => {
    const out: Record<string, string | number> = { label: show(r[chart.label]) };
    for (const k of chart.series) out[k] = Number(r[k] ?? 0);
    return out;
  });
  return (
    <BarChart
      dataset={dataset}
      height={260}
      xAxis={[{ scaleType: 'band', dataKey: 'label', tickLabelStyle: { fontSize: 11 } }]}
      yAxis={[{ valueFormatter: (v: number | null) => fmt(v), width: 56 }]}
      series={cols.map((c) => ({
        dataKey: c.key,
        label: c[lang],
        valueFormatter: fmt,
        ...(chart.stacked ? { stack: 'total' } : {}),
      }))}
    />
  );
}

function ReportTableCard({ def, rows, lang }: { def: TableDef; rows: Row[]; lang: Lang }) {
  const { t } = useTranslation();
  const columns = outputColumns(def, false);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={`report-table-${def.key}`}>
      <Typography variant="h6" component="h2" sx={{ fontSize: 16, fontWeight: 700, mb: 1 }}>
        {def.title[lang]}
      </Typography>
      <ReportChart def={def} rows={rows} lang={lang} />
      {rows.length === 1 && !def.chart ? (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))' }}>
          {columns.map((c) => (
            <Box key={c.key} data-testid={`report-figure-${c.key}`}>
              <Typography variant="body2" color="text.secondary">
                {c[lang]}
              </Typography>
              <Typography sx={{ fontSize: 26, fontWeight: 700 }}>
                {cellText(c, rows[0]?.[c.key], lang)}
              </Typography>
            </Box>
          ))}
        </Box>
      ) : rows.length === 0 ? (
        <Typography color="text.secondary">{t('reports.empty')}</Typography>
      ) : (
        // A scrolling region reachable by keyboard (the arrow keys scroll it once it has focus).
        <TableContainer
          sx={{ maxHeight: 420, '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main' } }}
          tabIndex={0}
          role="region"
          aria-label={def.title[lang]}
        >
          <Table size="small" stickyHeader aria-label={def.title[lang]}>
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell
                    key={c.key}
                    align={c.kind === 'text' ? 'left' : 'right'}
                    sx={{ fontWeight: 700 }}
                  >
                    {c[lang]}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r, i) => (
                <TableRow key={i} hover>
                  {columns.map((c) => {
                    const text = cellText(c, r[c.key], lang);
                    // Figures, dates and ranges ("15-29") never break at a hyphen (theme.ts).
                    const figure = c.kind !== 'text' || FIGURES.test(text);
                    return (
                      <TableCell
                        key={c.key}
                        align={c.kind === 'text' ? 'left' : 'right'}
                        data-nowrap={figure ? '' : undefined}
                      >
                        {text}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Paper>
  );
}

interface Filters {
  from: string;
  to: string;
  counselorId: string;
}

function ExportDialog({
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

export function ReportsArea() {
  const { t } = useTranslation();
  const lang = useLang();
  const { session } = useAuth();
  const [params, setParams] = useSearchParams();
  const paramReport = params.get('report');
  const report: ReportName = isReport(paramReport) ? paramReport : 'caseload';
  const supervisor = session.role === 'supervisor';
  const counselors = useChannel('referrals:counselors', supervisor ? {} : null);
  const [draft, setDraft] = useState<Filters>(() => {
    const to = todayIso();
    return { from: yearBefore(to), to, counselorId: '' };
  });
  const [filters, setFilters] = useState<Filters>(draft);
  const [exporting, setExporting] = useState(false);
  const data = useChannel('reports:get', {
    report,
    filters: {
      from: filters.from,
      to: filters.to,
      ...(filters.counselorId ? { counselorId: filters.counselorId } : {}),
    },
  });
  const value: ReportData | null = data.value;
  const counselorLabel = supervisor
    ? (counselors.value?.find((c) => c.id === filters.counselorId)?.name ?? t('reports.allCounselors'))
    : session.displayName;
  const validPeriod = /^\d{4}-\d{2}-\d{2}$/.test(draft.from) && /^\d{4}-\d{2}-\d{2}$/.test(draft.to);

  return (
    <Stack spacing={2} sx={{ ...scrollPageSx, flex: 1 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>
          {t('reports.title')}
        </Typography>
        <Chip label={`${t('reports.center')}: ${session.centerName}`} />
        {!supervisor && <Chip color="primary" variant="outlined" label={t('reports.ownCaseload')} />}
        <Box sx={{ flex: 1 }} />
        <Button
          variant="contained"
          startIcon={<DownloadIcon />}
          onClick={() => setExporting(true)}
          data-testid="report-export"
        >
          {t('reports.export')}
        </Button>
      </Stack>
      <Paper
        variant="outlined"
        component="form"
        sx={{ p: 2 }}
        onSubmit={(e) => {
          e.preventDefault();
          if (validPeriod) setFilters(draft);
        }}
      >
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <DateField
            size="small"
            label={t('reports.from')}
            value={draft.from}
            onChange={(day) => setDraft({ ...draft, from: day })}
            sx={{ width: 180 }}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'report-from' } }}
          />
          <DateField
            size="small"
            label={t('reports.to')}
            value={draft.to}
            onChange={(day) => setDraft({ ...draft, to: day })}
            sx={{ width: 180 }}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'report-to' } }}
          />
          {supervisor && (
            <TextField
              select
              size="small"
              label={t('reports.counselor')}
              value={draft.counselorId}
              onChange={(e) => setDraft({ ...draft, counselorId: e.target.value })}
              sx={{ width: 200 }}
              slotProps={{
                inputLabel: { shrink: true },
                select: {
                  displayEmpty: true,
                  SelectDisplayProps: { 'data-testid': 'report-counselor' } as object,
                },
              }}
            >
              <MenuItem value="">{t('reports.allCounselors')}</MenuItem>
              {(counselors.value ?? []).map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {c.name}
                </MenuItem>
              ))}
            </TextField>
          )}
          <Button type="submit" variant="outlined" disabled={!validPeriod} data-testid="report-apply">
            {t('reports.apply')}
          </Button>
          {value && (
            <Typography variant="body2" color="text.secondary">
              {t('reports.generatedAt', { at: timeLabel(value.generatedAt, lang) })}
            </Typography>
          )}
        </Stack>
      </Paper>
      <Tabs
        value={report}
        onChange={(_, v: ReportName) => setParams({ report: v })}
        variant="scrollable"
        scrollButtons="auto"
        aria-label={t('reports.title')}
      >
        {REPORT_NAMES.map((name) => (
          <Tab key={name} value={name} label={t(`reports.tab.${name}`)} data-testid={`report-tab-${name}`} />
        ))}
      </Tabs>
      <Typography variant="h6" component="p" sx={{ fontWeight: 700 }}>
        {REPORTS[report].title[lang]}
      </Typography>
      {data.error && <Alert severity="error">{t(data.error.message)}</Alert>}
      {!value && !data.error && <LinearProgress aria-label={t('reports.loading')} />}
      {value && value.report === report && (
        <Box
          data-testid="report-body"
          data-report={value.report}
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' },
          }}
        >
          {REPORTS[report].tables.map((def) => (
            <Box
              key={def.key}
              sx={{
                gridColumn: def.columns.length > 6 || REPORTS[report].tables.length === 1 ? '1 / -1' : 'auto',
              }}
            >
              <ReportTableCard
                def={def}
                rows={value.tables.find((x) => x.key === def.key)?.rows ?? []}
                lang={lang}
              />
            </Box>
          ))}
        </Box>
      )}
      {exporting && (
        <ExportDialog
          report={report}
          filters={filters}
          counselorLabel={counselorLabel}
          canNames={supervisor}
          onClose={() => setExporting(false)}
        />
      )}
    </Stack>
  );
}
