import {
  Box,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useTranslation } from 'react-i18next';
import {
  outputColumns,
  type Cell,
  type ColumnDef,
  type Row,
  type TableDef,
} from '../../../shared/reports/definitions.ts';
import { formatDay } from '../../../shared/domain/day-format.ts';
import { englishLabel, label } from '../../../shared/reports/labels.ts';

// A report's table with its chart (figures right-aligned, Korean words kept whole).

type Lang = 'ko' | 'en';

const FIGURES = /^[\d\s.,:%+~\-–]+$/;

export function cellText(col: ColumnDef, v: Cell | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '';
  const locale = lang === 'en' ? 'en-US' : 'ko-KR';
  if (col.kind === 'date' && typeof v === 'string') return formatDay(v);
  if (typeof v !== 'number') return lang === 'en' ? englishLabel(v) : v;
  if (col.kind === 'percent') return `${(v * 100).toFixed(1)}%`;
  return v.toLocaleString(locale, { maximumFractionDigits: 1 });
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

export function ReportTableCard({ def, rows, lang }: { def: TableDef; rows: Row[]; lang: Lang }) {
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
