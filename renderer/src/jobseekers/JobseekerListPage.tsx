import AddIcon from '@mui/icons-material/PersonAdd';
import SearchIcon from '@mui/icons-material/Search';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  InputAdornment,
  Snackbar,
  Stack,
  Switch,
  TableSortLabel,
  TextField,
  Typography,
} from '@mui/material';
import { useDeferredValue, useMemo, useState } from 'react';
import type { BulkSelection } from '../../../shared/contract/worklist.ts';
import type { JobseekerFilter } from '../../../shared/domain/jobseeker-filters.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { BulkBar } from './BulkBar.tsx';
import { FilterBar } from './FilterBar.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { JobseekerSort } from '../../../shared/domain/jobseeker.ts';
import { occupationLabel, regionLabel, type Lang } from '../../../shared/reference/index.ts';
import { VirtualTable } from '../common/VirtualTable.tsx';
import { ClassificationChip } from './ClassificationChip.tsx';
import { dateLabel, maskedPhoneLabel } from './labels.ts';
import { useJobseekerPages } from './useJobseekerPages.ts';

const ROW_HEIGHT = 48;
const COLUMNS = '140px 1.2fr 90px 150px 1fr 1.4fr 1.6fr 110px';
/** A supervisor's list starts with a column of check boxes for bulk actions. */
const SELECT_COLUMNS = `48px ${COLUMNS}`;

interface Column {
  key: string;
  sort?: JobseekerSort;
}
const HEADER: Column[] = [
  { key: 'regNo' },
  { key: 'name', sort: 'name' },
  { key: 'birthYear', sort: 'birthYear' },
  { key: 'phone' },
  { key: 'sido' },
  { key: 'desiredOccupation' },
  { key: 'classification' },
  { key: 'registeredAt', sort: 'registeredAt' },
];

const ONE_LINE = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

export function JobseekerListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [sort, setSort] = useState<JobseekerSort>('registeredAt');
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc');
  const [mine, setMine] = useState(false);
  const [archived, setArchived] = useState(false);
  const [filter, setFilter] = useState<JobseekerFilter>({});
  const [bulkNotice, setBulkNotice] = useState<string | null>(null);
  const query = useMemo(
    () => ({ query: deferredSearch.trim(), sort, direction, mine, archived, filter }),
    [deferredSearch, sort, direction, mine, archived, filter],
  );
  const { total, rowAt, error } = useJobseekerPages(query);
  const { session } = useAuth();
  const selecting = session.role === 'supervisor' && !archived;
  // A selection belongs to the query it was made on: another search or filter starts with none.
  const [chosen, setChosen] = useState({ query, picked: new Set<string>(), all: false });
  const current = chosen.query === query ? chosen : { query, picked: new Set<string>(), all: false };
  const picked = current.picked;
  const allMatching = current.all;
  const setPicked = (update: Set<string> | ((prev: Set<string>) => Set<string>)) =>
    setChosen({ query, all: false, picked: typeof update === 'function' ? update(picked) : update });
  const setAllMatching = (all: boolean) => setChosen({ query, all, picked: new Set() });
  const selection: BulkSelection | null = allMatching
    ? { kind: 'filter', query: query.query, filter, mine }
    : picked.size > 0
      ? { kind: 'ids', ids: [...picked] }
      : null;
  const toggle = (id: string) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  function toggleSort(column: JobseekerSort) {
    if (sort === column) setDirection(direction === 'asc' ? 'desc' : 'asc');
    else {
      setSort(column);
      setDirection(column === 'name' ? 'asc' : 'desc');
    }
  }

  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {t('jobseekers.title')}
        </Typography>
        {total !== null && (
          <Chip label={t('jobseekers.count', { count: total })} data-testid="jobseeker-count" />
        )}
        <Box sx={{ flex: 1 }} />
        <Button component={Link} to="/jobseekers/new" variant="contained" startIcon={<AddIcon />}>
          {t('jobseekers.new')}
        </Button>
      </Stack>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('jobseekers.search')}
          helperText={t('jobseekers.searchHint')}
          autoFocus
          slotProps={{
            htmlInput: { 'aria-label': t('jobseekers.search'), 'data-testid': 'jobseeker-search' },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
            },
          }}
          sx={{ maxWidth: 560 }}
        />
        <FormControlLabel
          control={<Switch checked={mine} onChange={(e) => setMine(e.target.checked)} />}
          label={t('jobseekers.mine')}
        />
        <FormControlLabel
          control={
            <Switch
              checked={archived}
              onChange={(e) => setArchived(e.target.checked)}
              data-testid="show-archived"
            />
          }
          label={t('jobseekers.archivedList')}
        />
      </Stack>
      {!archived && <FilterBar filter={filter} onChange={setFilter} />}
      {selecting && selection && (
        <BulkBar
          selection={selection}
          count={allMatching ? (total ?? 0) : picked.size}
          onClear={() => {
            setPicked(new Set());
            setAllMatching(false);
          }}
          onDone={setBulkNotice}
        />
      )}
      {selecting && !allMatching && total !== null && total > 0 && (
        <Box>
          <Button size="small" onClick={() => setAllMatching(true)} data-testid="select-all-matching">
            {t('bulk.selectAllMatching', { count: total })}
          </Button>
        </Box>
      )}
      {error && <Alert severity="error">{t(error)}</Alert>}
      <VirtualTable
        columns={selecting ? SELECT_COLUMNS : COLUMNS}
        headers={[
          ...(selecting ? [''] : []),
          ...HEADER.map((c) =>
            c.sort ? (
              <TableSortLabel
                active={sort === c.sort}
                direction={sort === c.sort ? direction : 'asc'}
                onClick={() => toggleSort(c.sort as JobseekerSort)}
              >
                {t(`jobseekers.${c.key}`)}
              </TableSortLabel>
            ) : (
              t(`jobseekers.${c.key}`)
            ),
          ),
        ]}
        headerSort={[
          ...(selecting ? [undefined] : []),
          ...HEADER.map((c) =>
            c.sort === sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined,
          ),
        ]}
        count={total ?? 0}
        rowAt={rowAt}
        rowKey={(row) => row.id}
        onOpen={(row) => void navigate(`/jobseekers/${row.id}`)}
        rowTestId="jobseeker-row"
        label={t('jobseekers.title')}
        scrollTestId="jobseeker-rows"
        empty={total === 0 ? t(archived ? 'jobseekers.archivedEmpty' : 'jobseekers.empty') : undefined}
        rowHeight={ROW_HEIGHT}
        renderCells={(row) => (
          <>
            {selecting && (
              <Box
                role="gridcell"
                onClick={(e) => e.stopPropagation()}
                onKeyDown={(e) => e.stopPropagation()}
              >
                <Checkbox
                  size="small"
                  checked={allMatching || picked.has(row.id)}
                  disabled={allMatching}
                  onChange={() => toggle(row.id)}
                  slotProps={{
                    input: {
                      'aria-label': t('bulk.select', { name: row.name }),
                      'data-testid': 'row-select',
                    } as object,
                  }}
                />
              </Box>
            )}
            <Box role="gridcell" sx={{ fontFamily: 'monospace', fontSize: 13 }}>
              {row.regNo}
            </Box>
            <Box role="gridcell" sx={{ fontWeight: 600 }}>
              {row.name}
            </Box>
            <Box role="gridcell">{row.birthYear}</Box>
            <Box role="gridcell" data-testid="row-phone">
              {maskedPhoneLabel(t, row.phone)}
            </Box>
            {/* One line each: an English province name wrapped mid-word and spilled into the next row. */}
            <Box role="gridcell" sx={ONE_LINE} title={regionLabel(row.sido, null, lang)}>
              {regionLabel(row.sido, null, lang)}
            </Box>
            <Box role="gridcell" sx={ONE_LINE}>
              {occupationLabel(row.desiredOccupation, lang)}
            </Box>
            <Box role="gridcell">
              <ClassificationChip type={row.currentType} track={row.currentTrack} />
            </Box>
            <Box role="gridcell">{dateLabel(row.registeredAt, lang)}</Box>
          </>
        )}
      />
      <Snackbar
        open={bulkNotice !== null}
        autoHideDuration={8000}
        onClose={() => setBulkNotice(null)}
        message={bulkNotice ?? ''}
        data-testid="bulk-notice"
      />
    </Stack>
  );
}
