import SearchIcon from '@mui/icons-material/Search';
import {
  Alert,
  Box,
  Chip,
  InputAdornment,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate } from 'react-router';
import { OPENING_STATUSES, type OpeningStatus } from '../../../shared/domain/employers.ts';
import { occupationLabel, regionLabel } from '../../../shared/reference/index.ts';
import { dayLabel, useChannel, useLang, won } from '../employers/common.tsx';
import { NewOpeningPage, OpeningPage } from './OpeningPage.tsx';

// Routes under /openings/* (issue 4): the list, a new opening (from an employer), one opening with its
// ranked candidates and referrals.
export function OpeningsArea() {
  return (
    <Routes>
      <Route index element={<OpeningListPage />} />
      <Route path="new" element={<NewOpeningPage />} />
      <Route path=":id/*" element={<OpeningPage />} />
    </Routes>
  );
}

const ROW_HEIGHT = 52;
const COLUMNS = '1.6fr 1.3fr 1.3fr 1fr 130px 90px 100px 100px';

function OpeningListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const [status, setStatus] = useState<OpeningStatus | ''>('open');
  const list = useChannel('openings:list', { query, ...(status ? { status } : {}), limit: 500 });
  const rows = list.value?.rows ?? [];
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const open = (id: string) => void navigate(`/openings/${id}`);
  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {t('openings.title')}
        </Typography>
        {list.value && <Chip label={t('openings.count', { count: list.value.total })} />}
        <Box sx={{ flex: 1 }} />
        <Typography variant="body2" color="text.secondary">
          {t('openings.newHint')}
        </Typography>
      </Stack>
      <Stack direction="row" spacing={2}>
        <TextField
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('openings.search')}
          slotProps={{
            htmlInput: { 'aria-label': t('openings.search'), 'data-testid': 'opening-search' },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
            },
          }}
          sx={{ width: 360 }}
        />
        <TextField
          select
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          label={t('openings.field.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as OpeningStatus | '')}
          sx={{ width: 200 }}
        >
          <MenuItem value="">{t('openings.allStatuses')}</MenuItem>
          {OPENING_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`openings.status.${s}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {list.error && <Alert severity="error">{t(list.error.message)}</Alert>}
      <Paper
        variant="outlined"
        sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
        role="table"
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
            fontSize: 14,
          }}
        >
          <Box role="columnheader">{t('openings.field.title')}</Box>
          <Box role="columnheader">{t('openings.field.employer')}</Box>
          <Box role="columnheader">{t('openings.field.occupation')}</Box>
          <Box role="columnheader">{t('openings.field.region')}</Box>
          <Box role="columnheader">{t('openings.field.wage')}</Box>
          <Box role="columnheader">{t('openings.field.filled')}</Box>
          <Box role="columnheader">{t('openings.field.status')}</Box>
          <Box role="columnheader">{t('openings.field.createdAt')}</Box>
        </Box>
        <Box ref={scrollRef} sx={{ flex: 1, overflow: 'auto' }}>
          {list.value && rows.length === 0 && (
            <Typography sx={{ p: 3 }} color="text.secondary">
              {t('openings.empty')}
            </Typography>
          )}
          <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = rows[item.index];
              if (!r) return null;
              return (
                <Box
                  key={r.id}
                  role="row"
                  tabIndex={0}
                  data-testid="opening-row"
                  onClick={() => open(r.id)}
                  onKeyDown={(e) => e.key === 'Enter' && open(r.id)}
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
                    '& > *': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', pr: 1 },
                  }}
                >
                  <Box role="cell" sx={{ fontWeight: 600 }}>
                    {r.title}
                  </Box>
                  <Box role="cell">{r.employerName}</Box>
                  <Box role="cell">{occupationLabel(r.occupation, lang)}</Box>
                  <Box role="cell">{regionLabel(r.sido, r.sigungu, lang)}</Box>
                  <Box role="cell">{won(r.wage, lang)}</Box>
                  <Box role="cell">
                    {t('openings.filledOf', { filled: r.filled, positions: r.positions })}
                  </Box>
                  <Box role="cell">
                    <Chip
                      size="small"
                      color={r.status === 'open' ? 'primary' : 'default'}
                      label={t(`openings.status.${r.status}`)}
                    />
                  </Box>
                  <Box role="cell">{dayLabel(r.createdAt, lang)}</Box>
                </Box>
              );
            })}
          </Box>
        </Box>
      </Paper>
    </Stack>
  );
}
