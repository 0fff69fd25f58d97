import SearchIcon from '@mui/icons-material/Search';
import { Alert, Box, Chip, InputAdornment, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate } from 'react-router';
import { OPENING_STATUSES, type OpeningStatus } from '../../../shared/domain/employers.ts';
import { occupationLabel, regionLabel } from '../../../shared/reference/index.ts';
import { dayLabel, useChannel, useLang, won } from '../employers/common.tsx';
import { NewOpeningPage, OpeningPage } from './OpeningPage.tsx';
import { VirtualTable } from '../common/VirtualTable.tsx';

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
const COLUMNS = '1.6fr 1.3fr 1.3fr 1fr 130px 90px 100px 120px';

function OpeningListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const [status, setStatus] = useState<OpeningStatus | ''>('open');
  const list = useChannel('openings:list', { query, ...(status ? { status } : {}), limit: 500 });
  const rows = list.value?.rows ?? [];
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
      <VirtualTable
        columns={COLUMNS}
        headers={[
          t('openings.field.title'),
          t('openings.field.employer'),
          t('openings.field.occupation'),
          t('openings.field.region'),
          t('openings.field.wage'),
          t('openings.field.filled'),
          t('openings.field.status'),
          t('openings.field.createdAt'),
        ]}
        count={rows.length}
        rowAt={(i) => rows[i]}
        rowKey={(r) => r.id}
        onOpen={(r) => open(r.id)}
        rowTestId="opening-row"
        empty={list.value ? t('openings.empty') : undefined}
        rowHeight={ROW_HEIGHT}
        ellipsis
        renderCells={(r) => (
          <>
            <Box role="gridcell" sx={{ fontWeight: 600 }}>
              {r.title}
            </Box>
            <Box role="gridcell">{r.employerName}</Box>
            <Box role="gridcell">{occupationLabel(r.occupation, lang)}</Box>
            <Box role="gridcell">{regionLabel(r.sido, r.sigungu, lang)}</Box>
            <Box role="gridcell">{won(r.wage, lang)}</Box>
            <Box role="gridcell">{t('openings.filledOf', { filled: r.filled, positions: r.positions })}</Box>
            <Box role="gridcell">
              <Chip
                size="small"
                color={r.status === 'open' ? 'primary' : 'default'}
                label={t(`openings.status.${r.status}`)}
              />
            </Box>
            <Box role="gridcell">{dayLabel(r.createdAt, lang)}</Box>
          </>
        )}
      />
    </Stack>
  );
}
