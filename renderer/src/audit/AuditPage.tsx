import SearchIcon from '@mui/icons-material/Search';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  List,
  ListItem,
  MenuItem,
  Paper,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView, AuditOverview } from '../../../shared/contract/audit.ts';
import { AUDIT_KINDS, type AuditFlag, type AuditKind } from '../../../shared/domain/audit.ts';
import { VirtualTable } from '../common/VirtualTable.tsx';
import { formatDateTime } from '../../../shared/domain/day-format.ts';
import { timeLabel, todayLocal, useChannel, useLang } from '../employers/common.tsx';
import { ChainCheck } from './ChainCheck.tsx';
import { useAuditPages, type AuditFilter } from './useAuditPages.ts';
import { DateField } from '../common/DateField.tsx';

// The supervisor's audit screen (domain.md §10): who did what to whose data, when and where, with
// filters, the unusual patterns the services flagged, and entries per day. Supervisors only: the
// contract's access refuses everyone else, whatever this screen shows.

const COLUMNS = '150px 150px 1.6fr 1.2fr 80px 1fr';
const FLAG_COLOR: Record<AuditFlag, 'error' | 'warning' | 'info'> = {
  'many-records': 'error',
  'off-hours': 'warning',
  export: 'info',
};

/** YYYY-MM-DD HH:mm on this PC's clock (the center's time): the one format of every screen. */
function shortTime(iso: string): string {
  return formatDateTime(iso);
}

function daysBefore(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

interface Draft {
  from: string;
  to: string;
  actorId: string;
  kind: AuditKind | '';
  person: string;
  deviceId: string;
  flaggedOnly: boolean;
}

function toFilter(d: Draft): AuditFilter {
  return {
    from: d.from,
    to: d.to,
    flaggedOnly: d.flaggedOnly,
    ...(d.actorId ? { actorId: d.actorId } : {}),
    ...(d.kind ? { kind: d.kind } : {}),
    ...(d.person.trim() ? { person: d.person.trim() } : {}),
    ...(d.deviceId ? { deviceId: d.deviceId } : {}),
  };
}

export function AuditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const today = todayLocal();
  const [draft, setDraft] = useState<Draft>({
    from: daysBefore(today, 29),
    to: today,
    actorId: '',
    kind: '',
    person: '',
    deviceId: '',
    flaggedOnly: false,
  });
  const [filter, setFilter] = useState<AuditFilter>(() => toFilter(draft));
  const overview = useChannel('audit:overview', { filter });
  const { total, rowAt, error } = useAuditPages(filter);
  const [open, setOpen] = useState<AuditEntryView | null>(null);
  const actions = t('audit.actions', { returnObjects: true }) as Record<string, string>;
  const actionLabel = (action: string) => actions[action] ?? action;

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilter(toFilter(draft));
  }
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const failure = overview.error?.message ?? error;

  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0 }} data-testid="audit-page">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {t('audit.title')}
        </Typography>
        {total !== null && <Chip label={t('audit.count', { count: total })} data-testid="audit-count" />}
        <Box sx={{ flex: 1 }} />
        <ChainCheck />
      </Stack>

      <Paper
        variant="outlined"
        component="form"
        onSubmit={apply}
        sx={{ p: 1.5 }}
        aria-label={t('audit.filters.apply')}
      >
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <DateField
            size="small"
            label={t('audit.filters.from')}
            value={draft.from}
            onChange={(day) => set('from')(day)}
            sx={{ width: 160 }}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'audit-from' } }}
          />
          <DateField
            size="small"
            label={t('audit.filters.to')}
            value={draft.to}
            onChange={(day) => set('to')(day)}
            sx={{ width: 160 }}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'audit-to' } }}
          />
          <TextField
            size="small"
            select
            label={t('audit.filters.account')}
            value={draft.actorId}
            onChange={(e) => set('actorId')(e.target.value)}
            sx={{ width: 190 }}
            data-testid="audit-filter-account"
          >
            <MenuItem value="">{t('audit.filters.anyAccount')}</MenuItem>
            {(overview.value?.accounts ?? []).map((a) => (
              <MenuItem key={a.id} value={a.id}>
                {a.name ? `${a.name} (${a.login})` : a.login}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            select
            label={t('audit.filters.kind')}
            value={draft.kind}
            onChange={(e) => set('kind')(e.target.value as AuditKind | '')}
            sx={{ width: 170 }}
            data-testid="audit-filter-kind"
          >
            <MenuItem value="">{t('audit.filters.anyKind')}</MenuItem>
            {AUDIT_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {t(`audit.kinds.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label={t('audit.filters.person')}
            placeholder={t('audit.filters.personHint')}
            value={draft.person}
            onChange={(e) => set('person')(e.target.value)}
            sx={{ width: 250 }}
            data-testid="audit-filter-person"
          />
          <TextField
            size="small"
            select
            label={t('audit.filters.device')}
            value={draft.deviceId}
            onChange={(e) => set('deviceId')(e.target.value)}
            sx={{ width: 130 }}
          >
            <MenuItem value="">{t('audit.filters.anyDevice')}</MenuItem>
            {(overview.value?.devices ?? []).map((d) => (
              <MenuItem key={d.id} value={d.id}>
                {d.thisDevice ? t('audit.thisDevice') : d.id.slice(0, 8)}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            control={
              <Switch
                checked={draft.flaggedOnly}
                onChange={(e) => set('flaggedOnly')(e.target.checked)}
                data-testid="audit-filter-flagged"
              />
            }
            label={t('audit.filters.flaggedOnly')}
          />
          <Button type="submit" variant="contained" startIcon={<SearchIcon />} data-testid="audit-apply">
            {t('audit.filters.apply')}
          </Button>
        </Stack>
      </Paper>

      {failure && <Alert severity="error">{t(failure)}</Alert>}
      {overview.value?.unknownPerson && <Alert severity="warning">{t('audit.unknownPerson')}</Alert>}

      {overview.value && (
        <Stack direction="row" spacing={2} sx={{ flexShrink: 0, height: 230 }}>
          <Findings overview={overview.value} />
          <DayChart overview={overview.value} />
        </Stack>
      )}

      <Box sx={{ flex: 1, minHeight: 260, display: 'flex' }}>
        <VirtualTable
          columns={COLUMNS}
          headers={['at', 'account', 'action', 'person', 'device', 'flags'].map((k) =>
            t(`audit.columns.${k}`),
          )}
          count={total ?? 0}
          rowAt={rowAt}
          rowKey={(r) => r.id}
          rowTestId="audit-row"
          rowHeight={44}
          ellipsis
          empty={t('audit.empty')}
          onOpen={setOpen}
          renderCells={(r) => (
            <>
              <Box role="gridcell" title={timeLabel(r.at, lang)}>
                {shortTime(r.at)}
              </Box>
              <Box role="gridcell" title={r.actorLogin ?? ''}>
                {r.actorLogin ? (r.actorName ?? r.actorLogin) : t('audit.system')}
              </Box>
              <Box role="gridcell" title={r.action}>
                <Chip size="small" variant="outlined" label={t(`audit.kinds.${r.kind}`)} sx={{ mr: 1 }} />
                {actionLabel(r.action)}
              </Box>
              <Box role="gridcell">
                {r.person ? `${r.person.regNo ?? r.person.id.slice(0, 8)} ${r.person.maskedName ?? ''}` : '-'}
              </Box>
              <Box role="gridcell">{r.thisDevice ? t('audit.thisDevice') : r.deviceId.slice(0, 8)}</Box>
              <Box role="gridcell">
                {r.flags.map((f) => (
                  <Chip
                    key={f}
                    size="small"
                    color={FLAG_COLOR[f]}
                    label={t(`audit.flags.${f}`)}
                    sx={{ mr: 0.5 }}
                    data-testid={`audit-flag-${f}`}
                  />
                ))}
              </Box>
            </>
          )}
        />
      </Box>

      <Dialog open={open !== null} onClose={() => setOpen(null)} maxWidth="sm" fullWidth>
        <DialogTitle>{t('audit.detailTitle')}</DialogTitle>
        {open && (
          <DialogContent>
            <Typography>{timeLabel(open.at, lang)}</Typography>
            <Typography>{actionLabel(open.action)}</Typography>
            <Typography color="text.secondary">
              {t('audit.detail.id')}: {open.id}
            </Typography>
            <Typography color="text.secondary">
              {t('audit.detail.subject')}: {open.subjectType} {open.subjectId ?? ''}
            </Typography>
            {open.detail && (
              <Box component="pre" sx={{ fontSize: 13, bgcolor: 'grey.100', p: 1, whiteSpace: 'pre-wrap' }}>
                {JSON.stringify(open.detail, null, 2)}
              </Box>
            )}
          </DialogContent>
        )}
        <DialogActions>
          <Button onClick={() => setOpen(null)}>{t('audit.close')}</Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

function Findings({ overview }: { overview: AuditOverview }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 1.5, width: 400, flexShrink: 0, overflow: 'auto' }}>
      <Typography variant="h6" component="h2" sx={{ fontSize: 15, fontWeight: 700 }}>
        {t('audit.findingsTitle')}
      </Typography>
      {overview.findings.length === 0 ? (
        <Typography color="text.secondary">{t('audit.noFindings')}</Typography>
      ) : (
        <List dense disablePadding>
          {overview.findings.map((f, i) => (
            <ListItem key={i} disableGutters data-testid="audit-finding" data-flag={f.flag}>
              <Chip
                size="small"
                color={FLAG_COLOR[f.flag]}
                label={t(`audit.flags.${f.flag}`)}
                sx={{ mr: 1 }}
              />
              <Typography variant="body2">
                {t(`audit.finding.${f.flag}`, {
                  login: f.actorLogin ?? t('audit.system'),
                  day: f.day,
                  count: f.count,
                })}
              </Typography>
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}

function DayChart({ overview }: { overview: AuditOverview }) {
  const { t } = useTranslation();
  const dataset = useMemo(
    () =>
      overview.days.map((d) => ({
        day: d.day.slice(5),
        entries: d.flagged ? 0 : d.entries,
        flagged: d.flagged ? d.entries : 0,
      })),
    [overview.days],
  );
  return (
    <Paper variant="outlined" sx={{ p: 1.5, flex: 1, minWidth: 0 }} data-testid="audit-chart">
      <Typography variant="h6" component="h2" sx={{ fontSize: 15, fontWeight: 700 }}>
        {t('audit.chartTitle')}
      </Typography>
      <BarChart
        dataset={dataset}
        height={180}
        margin={{ left: 8, right: 8, top: 8, bottom: 8 }}
        xAxis={[{ scaleType: 'band', dataKey: 'day', tickLabelStyle: { fontSize: 10 } }]}
        yAxis={[{ width: 40 }]}
        series={[
          { dataKey: 'entries', label: t('audit.chartEntries'), stack: 'day', color: '#1976d2' },
          { dataKey: 'flagged', label: t('audit.chartFlagged'), stack: 'day', color: '#d32f2f' },
        ]}
      />
    </Paper>
  );
}
