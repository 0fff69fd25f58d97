import {
  Alert,
  Box,
  Button,
  Chip,
  FormControlLabel,
  Paper,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CaseloadGroup, CaseloadPage as Page, CaseloadRow } from '../../../shared/casework/types.ts';
import type { JobseekerTrack, JobseekerType } from '../../../shared/profiling/index.ts';
import { ApiError, call } from '../api.ts';
import { useDataGeneration } from '../data/freshness.ts';
import { dateTime } from '../casework/useCaseFile.ts';
import { ClassificationChip } from '../jobseekers/ClassificationChip.tsx';
import { scrollPageSx } from '../common/layout.ts';

// My caseload (issue 3): the counselor's jobseekers grouped by type and track, overdue reassessments
// and follow-ups first, with filters and search.

const PAGE = 50;

type Filter =
  { kind: 'all' } | { kind: 'unclassified' } | { kind: 'group'; type: JobseekerType; track: JobseekerTrack };

export function CaseloadPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [filter, setFilter] = useState<Filter>({ kind: 'all' });
  const [attentionOnly, setAttentionOnly] = useState(false);
  const [rows, setRows] = useState<CaseloadRow[]>([]);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), 250);
    return () => clearTimeout(timer);
  }, [query]);

  // A write anywhere (an intake saved, a case taken) reloads the first page (renderer/src/data/freshness.ts).
  const generation = useDataGeneration();

  const input = (offset: number) => ({
    query: debounced,
    attentionOnly,
    unclassified: filter.kind === 'unclassified',
    ...(filter.kind === 'group' ? { type: filter.type, track: filter.track } : {}),
    offset,
    limit: PAGE,
  });

  useEffect(() => {
    let live = true;
    call('casework:caseload', input(0)).then(
      (p) => {
        if (!live) return;
        setPage(p);
        setRows(p.rows);
        setError(null);
      },
      (e: unknown) => live && setError(e instanceof ApiError ? e.error.message : 'errors.internal'),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- input() is derived from exactly these
  }, [debounced, filter, attentionOnly, generation]);

  async function more() {
    const p = await call('casework:caseload', input(rows.length));
    setRows((r) => [...r, ...p.rows]);
  }

  const groups = page?.groups ?? [];
  const total = groups.reduce((n, g) => n + g.count, 0);
  const unclassified = groups.find((g) => g.type === null)?.count ?? 0;
  const classified = groups
    .filter(
      (g): g is CaseloadGroup & { type: JobseekerType; track: JobseekerTrack } =>
        g.type !== null && g.track !== null,
    )
    .sort((a, b) => (a.type === b.type ? b.count - a.count : a.type === 'ready' ? -1 : 1));
  const isActive = (g: { type: JobseekerType; track: JobseekerTrack }) =>
    filter.kind === 'group' && filter.type === g.type && filter.track === g.track;

  return (
    <Stack spacing={2} sx={scrollPageSx}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
        {t('caseload.title')}
      </Typography>
      {page && (page.overdueReassessments > 0 || page.overdueFollowUps > 0) && (
        <Stack direction="row" spacing={1}>
          {page.overdueReassessments > 0 && (
            <Chip
              color="error"
              label={t('caseload.overdueReassessments', { count: page.overdueReassessments })}
              data-testid="overdue-reassessments"
            />
          )}
          {page.overdueFollowUps > 0 && (
            <Chip
              color="warning"
              label={t('caseload.overdueFollowUps', { count: page.overdueFollowUps })}
              data-testid="overdue-followups"
            />
          )}
        </Stack>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          {t('caseload.groupsLabel')}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} data-testid="caseload-groups">
          <Chip
            label={t('caseload.all', { count: total })}
            color={filter.kind === 'all' ? 'primary' : 'default'}
            onClick={() => setFilter({ kind: 'all' })}
          />
          {classified.map((g) => (
            <Chip
              key={`${g.type}-${g.track}`}
              label={`${t(`jobseekers.type_${g.type}`)} · ${t(`jobseekers.track_${g.track}`)} ${g.count}`}
              color={isActive(g) ? 'primary' : g.type === 'ready' ? 'success' : 'default'}
              variant={isActive(g) ? 'filled' : 'outlined'}
              onClick={() => setFilter({ kind: 'group', type: g.type, track: g.track })}
              data-testid={`group-${g.track}`}
            />
          ))}
          {unclassified > 0 && (
            <Chip
              label={t('caseload.unclassified', { count: unclassified })}
              color={filter.kind === 'unclassified' ? 'primary' : 'default'}
              variant="outlined"
              onClick={() => setFilter({ kind: 'unclassified' })}
            />
          )}
        </Stack>
        <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            size="small"
            label={t('caseload.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            sx={{ minWidth: 320 }}
            slotProps={{ htmlInput: { 'data-testid': 'caseload-search', maxLength: 50 } }}
          />
          <FormControlLabel
            control={<Switch checked={attentionOnly} onChange={(e) => setAttentionOnly(e.target.checked)} />}
            label={t('caseload.attentionOnly')}
          />
        </Stack>
      </Paper>
      {error && <Alert severity="error">{t(error)}</Alert>}
      <Paper variant="outlined">
        {page && rows.length === 0 ? (
          <Typography sx={{ p: 3 }}>{t('caseload.empty')}</Typography>
        ) : (
          <CaseTable rows={rows} />
        )}
        {page && (
          <Stack direction="row" spacing={2} sx={{ p: 2, alignItems: 'center' }}>
            <Typography variant="body2" color="text.secondary" data-testid="caseload-count">
              {t('caseload.count', { shown: rows.length, total: page.total })}
            </Typography>
            {rows.length < page.total && (
              <Button onClick={() => void more()} data-testid="caseload-more">
                {t('caseload.more')}
              </Button>
            )}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}

function CaseTable({ rows }: { rows: CaseloadRow[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table size="small" data-testid="caseload-table">
      <TableHead>
        <TableRow>
          <TableCell>{t('caseload.name')}</TableCell>
          <TableCell>{t('jobseekers.regNo')}</TableCell>
          <TableCell>{t('caseload.classification')}</TableCell>
          <TableCell>{t('caseload.reassess')}</TableCell>
          <TableCell>{t('caseload.followUp')}</TableCell>
          <TableCell>{t('caseload.lastContact')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow
            key={r.id}
            hover
            sx={{ cursor: 'pointer' }}
            onClick={() => void navigate(`/jobseekers/${r.id}`)}
            data-testid="caseload-row"
          >
            <TableCell>
              <Box
                component={Link}
                to={`/jobseekers/${r.id}`}
                sx={{ fontWeight: 700, color: 'inherit' }}
                onClick={(e) => e.stopPropagation()}
              >
                {r.name}
              </Box>{' '}
              <Typography component="span" variant="caption" color="text.secondary">
                {r.birthYear}
              </Typography>
            </TableCell>
            <TableCell>{r.regNo}</TableCell>
            <TableCell>
              <ClassificationChip type={r.currentType} track={r.currentTrack} />
            </TableCell>
            <TableCell>
              {r.reassessDueOn ? (
                <Typography
                  variant="body2"
                  color={r.reassessOverdue ? 'error' : 'text.primary'}
                  sx={{ fontWeight: r.reassessOverdue ? 700 : 400 }}
                >
                  {r.reassessOverdue
                    ? t('caseload.overdue', { date: r.reassessDueOn })
                    : t('caseload.due', { date: r.reassessDueOn })}
                </Typography>
              ) : (
                '-'
              )}
            </TableCell>
            <TableCell>
              {r.followUpDueOn ? (
                <Typography variant="body2" color="warning.dark" sx={{ fontWeight: 700 }}>
                  {t('caseload.followUpDue', { months: r.followUpMonths, date: r.followUpDueOn })}
                </Typography>
              ) : (
                '-'
              )}
            </TableCell>
            <TableCell>{r.lastContactAt ? dateTime(r.lastContactAt, i18n.language) : '-'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
