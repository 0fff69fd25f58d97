import AddIcon from '@mui/icons-material/AddBusiness';
import SearchIcon from '@mui/icons-material/Search';
import {
  Alert,
  Box,
  Button,
  Chip,
  InputAdornment,
  MenuItem,
  Paper,
  Stack,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { formatPhone } from '../../../shared/domain/phone.ts';
import { EMPLOYER_TYPE_VALUES, type EmployerType } from '../../../shared/profiling/index.ts';
import { regionLabel } from '../../../shared/reference/index.ts';
import { call } from '../api.ts';
import { businessNoLabel, dayLabel, EmployerTypeChip, errorOf, useChannel, useLang } from './common.tsx';
import { EmployerForm } from './EmployerForm.tsx';
import { EmployerPage } from './EmployerPage.tsx';
import { VirtualTable } from '../common/VirtualTable.tsx';
import { scrollPageSx } from '../common/layout.ts';

// Routes under /employers/* (issue 4): the list, the discovery work list, a new employer, one employer.
export function EmployersArea() {
  return (
    <Routes>
      <Route index element={<EmployerListPage />} />
      <Route path="new" element={<NewEmployerPage />} />
      <Route path=":id/*" element={<EmployerPage />} />
    </Routes>
  );
}

const ROW_HEIGHT = 52;
const COLUMNS = '130px 1.6fr 1fr 90px 1.6fr 110px';

function EmployerListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'discovery' ? 'discovery' : 'list';
  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {t('employers.title')}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button
          component={Link}
          to="/employers/new"
          variant="contained"
          startIcon={<AddIcon />}
          data-testid="new-employer"
        >
          {t('employers.new')}
        </Button>
      </Stack>
      <Tabs value={tab} onChange={(_e, v: string) => setParams(v === 'list' ? {} : { tab: v })}>
        <Tab value="list" label={t('employers.tabList')} />
        <Tab value="discovery" label={t('employers.tabDiscovery')} data-testid="tab-discovery" />
      </Tabs>
      {tab === 'list' ? <EmployerList /> : <DiscoveryList />}
    </Stack>
  );
}

function EmployerList() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const [type, setType] = useState<EmployerType | ''>('');
  const [flag, setFlag] = useState<'' | 'potential-client' | 'focus-support'>('');
  // Employers are fewer than jobseekers (a large center: 20,000); one page of 500 by name, narrowed by search.
  const list = useChannel('employers:list', {
    query,
    ...(type ? { type } : {}),
    ...(flag ? { flag } : {}),
    limit: 500,
  });
  const rows = list.value?.rows ?? [];
  const open = (id: string) => void navigate(`/employers/${id}`);

  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('employers.search')}
          slotProps={{
            htmlInput: { 'aria-label': t('employers.search'), 'data-testid': 'employer-search' },
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
          label={t('employers.field.type')}
          value={type}
          onChange={(e) => setType(e.target.value as EmployerType | '')}
          sx={{ width: 220 }}
        >
          <MenuItem value="">{t('employers.allTypes')}</MenuItem>
          {EMPLOYER_TYPE_VALUES.map((v) => (
            <MenuItem key={v} value={v}>
              {t(`employer.type.${v}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          label={t('employers.flagFilter')}
          value={flag}
          onChange={(e) => setFlag(e.target.value as typeof flag)}
          sx={{ width: 240 }}
        >
          <MenuItem value="">{t('employers.allFlags')}</MenuItem>
          <MenuItem value="potential-client">{t('employers.field.potentialClient')}</MenuItem>
          <MenuItem value="focus-support">{t('employers.field.focusSupport')}</MenuItem>
        </TextField>
        {list.value && <Chip label={t('employers.count', { count: list.value.total })} sx={{ mt: 1 }} />}
      </Stack>
      {list.error && <Alert severity="error">{t(list.error.message)}</Alert>}
      <VirtualTable
        columns={COLUMNS}
        headers={[
          t('employers.field.businessNo'),
          t('employers.field.name'),
          t('employers.field.region'),
          t('employers.field.employees'),
          t('employers.field.type'),
          t('employers.field.openOpenings'),
        ]}
        count={rows.length}
        rowAt={(i) => rows[i]}
        rowKey={(r) => r.id}
        onOpen={(r) => open(r.id)}
        rowTestId="employer-row"
        empty={list.value ? t('employers.empty') : undefined}
        rowHeight={ROW_HEIGHT}
        renderCells={(r) => (
          <>
            <Box role="gridcell" sx={{ fontFamily: 'monospace', fontSize: 13 }}>
              {businessNoLabel(r.businessNo)}
            </Box>
            <Box role="gridcell" sx={{ fontWeight: 600, display: 'flex', gap: 1, alignItems: 'center' }}>
              {r.name}
              {r.potentialClient && (
                <Chip size="small" variant="outlined" label={t('employers.field.potentialClient')} />
              )}
              {r.focusSupport && (
                <Chip
                  size="small"
                  variant="outlined"
                  color="primary"
                  label={t('employers.field.focusSupport')}
                />
              )}
            </Box>
            <Box role="gridcell">{regionLabel(r.sido, r.sigungu, lang)}</Box>
            <Box role="gridcell">{r.employees.toLocaleString()}</Box>
            <Box role="gridcell">
              <EmployerTypeChip type={r.currentType} />
            </Box>
            <Box role="gridcell">{r.openOpenings}</Box>
          </>
        )}
      />
    </Stack>
  );
}

const URGENCY_COLOR = {
  never: 'warning',
  overdue: 'error',
  today: 'primary',
  scheduled: 'default',
  none: 'default',
} as const;

function DiscoveryList() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [flag, setFlag] = useState<'' | 'potential-client' | 'focus-support'>('');
  const list = useChannel('employers:discovery', { ...(flag ? { flag } : {}), limit: 500 });
  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography color="text.secondary" sx={{ flex: 1 }}>
          {t('discovery.intro')}
        </Typography>
        <TextField
          select
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          size="small"
          label={t('employers.flagFilter')}
          value={flag}
          onChange={(e) => setFlag(e.target.value as typeof flag)}
          sx={{ width: 220 }}
        >
          <MenuItem value="">{t('employers.allFlags')}</MenuItem>
          <MenuItem value="potential-client">{t('employers.field.potentialClient')}</MenuItem>
          <MenuItem value="focus-support">{t('employers.field.focusSupport')}</MenuItem>
        </TextField>
      </Stack>
      {list.error && <Alert severity="error">{t(list.error.message)}</Alert>}
      {list.value?.length === 0 && <Alert severity="info">{t('discovery.empty')}</Alert>}
      <Paper variant="outlined" sx={{ flex: 1, overflow: 'auto' }}>
        <Box
          component="table"
          sx={{
            width: '100%',
            borderCollapse: 'collapse',
            '& td, & th': {
              px: 2,
              py: 1,
              borderBottom: 1,
              borderColor: 'divider',
              textAlign: 'left',
              fontSize: 14,
            },
          }}
        >
          <thead>
            <tr>
              <th aria-label={t('discovery.title')} />
              <th>{t('employers.field.name')}</th>
              <th>{t('employers.field.region')}</th>
              <th>{t('employers.field.contactName')}</th>
              <th>{t('discovery.lastContact')}</th>
              <th>{t('discovery.nextOn')}</th>
            </tr>
          </thead>
          <tbody>
            {(list.value ?? []).map((r) => (
              <Box
                component="tr"
                key={r.id}
                tabIndex={0}
                data-testid="discovery-row"
                onClick={() => void navigate(`/employers/${r.id}`)}
                onKeyDown={(e) => e.key === 'Enter' && void navigate(`/employers/${r.id}`)}
                sx={{ cursor: 'pointer', '&:hover': { bgcolor: 'action.hover' } }}
              >
                <td>
                  <Chip
                    size="small"
                    color={URGENCY_COLOR[r.urgency]}
                    label={t(`discovery.urgency.${r.urgency}`)}
                  />
                </td>
                <td>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <Box component="b" sx={{ whiteSpace: 'nowrap' }}>
                      {r.name}
                    </Box>
                    {r.potentialClient && (
                      <Chip size="small" variant="outlined" label={t('employers.field.potentialClient')} />
                    )}
                    {r.focusSupport && (
                      <Chip
                        size="small"
                        variant="outlined"
                        color="primary"
                        label={t('employers.field.focusSupport')}
                      />
                    )}
                  </Stack>
                </td>
                <td>{regionLabel(r.sido, r.sigungu, lang)}</td>
                <Box component="td" sx={{ whiteSpace: 'nowrap' }}>
                  {r.contactName ?? '-'}
                  {r.contactPhone && ` · ${formatPhone(r.contactPhone)}`}
                </Box>
                <td>
                  {r.lastContactOn
                    ? `${dayLabel(r.lastContactOn, lang)} · ${t(`discovery.outcome.${r.lastOutcome ?? 'callback'}`)}`
                    : t('discovery.never')}
                </td>
                <td>{dayLabel(r.nextOn, lang)}</td>
              </Box>
            ))}
          </tbody>
        </Box>
      </Paper>
    </Stack>
  );
}

function NewEmployerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack spacing={2} sx={{ ...scrollPageSx, maxWidth: 960 }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
        {t('employers.new')}
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <EmployerForm
          onCancel={() => void navigate('/employers')}
          onSubmit={async (fields) => {
            try {
              const created = await call('employers:create', { fields });
              void navigate(`/employers/${created.employer.id}`);
              return null;
            } catch (e) {
              return errorOf(e);
            }
          }}
        />
      </Paper>
    </Stack>
  );
}
