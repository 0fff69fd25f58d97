import AddIcon from '@mui/icons-material/PersonAdd';
import SearchIcon from '@mui/icons-material/Search';
import {
  Alert,
  Box,
  Button,
  Chip,
  FormControlLabel,
  InputAdornment,
  Paper,
  Skeleton,
  Stack,
  Switch,
  TableSortLabel,
  TextField,
  Typography,
} from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { JobseekerSort } from '../../../shared/domain/jobseeker.ts';
import { occupationLabel, regionLabel, type Lang } from '../../../shared/reference/index.ts';
import { ClassificationChip } from './ClassificationChip.tsx';
import { dateLabel, phoneLabel } from './labels.ts';
import { useJobseekerPages } from './useJobseekerPages.ts';

const ROW_HEIGHT = 48;
const COLUMNS = '140px 1.2fr 90px 150px 1fr 1.4fr 1.6fr 110px';

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

export function JobseekerListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [sort, setSort] = useState<JobseekerSort>('registeredAt');
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc');
  const [mine, setMine] = useState(false);
  const query = useMemo(
    () => ({ query: deferredSearch.trim(), sort, direction, mine }),
    [deferredSearch, sort, direction, mine],
  );
  const { total, rowAt, error } = useJobseekerPages(query);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
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
      </Stack>
      {error && <Alert severity="error">{t(error)}</Alert>}
      <Paper
        variant="outlined"
        sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
        role="table"
        aria-rowcount={total ?? 0}
      >
        <Box
          role="row"
          sx={{
            display: 'grid',
            gridTemplateColumns: COLUMNS,
            px: 2,
            py: 1,
            borderBottom: 1,
            borderColor: 'divider',
            bgcolor: 'grey.50',
            fontWeight: 700,
          }}
        >
          {HEADER.map((c) => (
            <Box
              role="columnheader"
              key={c.key}
              sx={{ fontSize: 14 }}
              aria-sort={c.sort === sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {c.sort ? (
                <TableSortLabel
                  active={sort === c.sort}
                  direction={sort === c.sort ? direction : 'asc'}
                  onClick={() => toggleSort(c.sort as JobseekerSort)}
                >
                  {t(`jobseekers.${c.key}`)}
                </TableSortLabel>
              ) : (
                t(`jobseekers.${c.key}`)
              )}
            </Box>
          ))}
        </Box>
        <Box ref={scrollRef} sx={{ flex: 1, overflow: 'auto' }} data-testid="jobseeker-rows">
          {total === 0 && (
            <Typography sx={{ p: 3 }} color="text.secondary">
              {t('jobseekers.empty')}
            </Typography>
          )}
          <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rowAt(item.index);
              return (
                <Box
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  tabIndex={row ? 0 : -1}
                  onClick={() => row && void navigate(`/jobseekers/${row.id}`)}
                  onKeyDown={(e) => {
                    if (row && e.key === 'Enter') void navigate(`/jobseekers/${row.id}`);
                  }}
                  data-testid={row ? 'jobseeker-row' : undefined}
                  sx={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                    display: 'grid',
                    gridTemplateColumns: COLUMNS,
                    alignItems: 'center',
                    px: 2,
                    borderBottom: 1,
                    borderColor: 'divider',
                    cursor: 'pointer',
                    '&:hover, &:focus-visible': { bgcolor: 'action.hover', outline: 'none' },
                  }}
                >
                  {row ? (
                    <>
                      <Box role="cell" sx={{ fontFamily: 'monospace', fontSize: 13 }}>
                        {row.regNo}
                      </Box>
                      <Box role="cell" sx={{ fontWeight: 600 }}>
                        {row.name}
                      </Box>
                      <Box role="cell">{row.birthYear}</Box>
                      <Box role="cell">{phoneLabel(t, row.phone)}</Box>
                      <Box role="cell">{regionLabel(row.sido, null, lang)}</Box>
                      <Box
                        role="cell"
                        sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                      >
                        {occupationLabel(row.desiredOccupation, lang)}
                      </Box>
                      <Box role="cell">
                        <ClassificationChip type={row.currentType} track={row.currentTrack} />
                      </Box>
                      <Box role="cell">{dateLabel(row.registeredAt, lang)}</Box>
                    </>
                  ) : (
                    <Skeleton sx={{ gridColumn: '1 / -1' }} />
                  )}
                </Box>
              );
            })}
          </Box>
        </Box>
      </Paper>
    </Stack>
  );
}
