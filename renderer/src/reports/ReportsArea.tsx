import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Chip,
  LinearProgress,
  MenuItem,
  Paper,
  Stack,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  REPORTS,
  REPORT_NAMES,
  type ReportData,
  type ReportName,
} from '../../../shared/reports/definitions.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { timeLabel, useChannel, useLang } from '../employers/common.tsx';
import { scrollPageSx } from '../common/layout.ts';
import { DateField } from '../common/DateField.tsx';
import { ExportDialog, type Filters } from './ExportDialog.tsx';
import { ReportTableCard } from './ReportTables.tsx';

// Routes under /reports/* (issue 7): the supervisor's dashboards (a counselor sees their own
// caseload), each table with its chart, filters by period and counselor, and the audited export.

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
