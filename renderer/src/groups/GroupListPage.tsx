import {
  Alert,
  Box,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { GroupRunSummary } from '../../../shared/contract/groups.ts';
import { programmeOf } from '../../../shared/programmes/catalogue.ts';
import { call } from '../api.ts';
import { scrollPageSx } from '../common/layout.ts';
import { useDataGeneration } from '../data/freshness.ts';
import { CreateRunDialog } from './CreateRunDialog.tsx';
import { dayOf, errorMessage } from './labels.ts';

// The center's runs (집단상담·프로그램): title, programme, facilitator, dates, sessions and seats, a flag
// on a run over capacity; a button to create a run with its sessions; the archived runs on request.

export function programmeLabel(code: string, version: string, lang: string): string {
  const p = programmeOf(code, version);
  if (!p) return code;
  return lang === 'en' ? p.en : p.ko;
}

export function GroupListPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const generation = useDataGeneration();
  const [runs, setRuns] = useState<GroupRunSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [archived, setArchived] = useState(false);

  useEffect(() => {
    let live = true;
    call('groups:list', { archived }).then(
      (r) => live && setRuns(r),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [generation, archived]);

  return (
    <Stack spacing={2} sx={scrollPageSx} data-testid="groups-page">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Box>
          <Typography variant="h5" component="h1">
            {t('groups.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('groups.intro')}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1}>
          <Button
            aria-pressed={archived}
            onClick={() => setArchived((a) => !a)}
            data-testid="groups-show-archived"
          >
            {t(archived ? 'groups.archive.showActive' : 'groups.archive.showArchived')}
          </Button>
          <Button variant="contained" onClick={() => setCreating(true)} data-testid="groups-new">
            {t('groups.new')}
          </Button>
        </Stack>
      </Stack>
      {error && <Alert severity="error">{t(error)}</Alert>}
      {runs && runs.length === 0 && (
        <Alert severity="info">{t(archived ? 'groups.archive.none' : 'groups.empty')}</Alert>
      )}
      {runs && runs.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('groups.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('groups.col.title')}</TableCell>
                <TableCell>{t('groups.col.programme')}</TableCell>
                <TableCell>{t('groups.col.facilitator')}</TableCell>
                <TableCell>{t('groups.col.period')}</TableCell>
                <TableCell align="right">{t('groups.col.sessions')}</TableCell>
                <TableCell align="right">{t('groups.col.seats')}</TableCell>
                <TableCell align="right">{t('groups.col.waiting')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {runs.map((r) => (
                <TableRow
                  key={r.id}
                  hover
                  data-testid="groups-row"
                  onClick={() => void navigate(`/groups/${r.id}`)}
                  sx={{ cursor: 'pointer' }}
                >
                  <TableCell>
                    <Link to={`/groups/${r.id}`}>{r.title}</Link>
                  </TableCell>
                  <TableCell>{programmeLabel(r.programmeCode, r.catalogueVersion, i18n.language)}</TableCell>
                  <TableCell>{r.facilitatorName ?? ''}</TableCell>
                  <TableCell>
                    {r.firstStart ? dayOf(r.firstStart) : ''}
                    {r.lastStart && r.lastStart !== r.firstStart ? ` – ${dayOf(r.lastStart)}` : ''}
                  </TableCell>
                  <TableCell align="right">{r.sessions}</TableCell>
                  <TableCell align="right">
                    {t('groups.seatsOf', { seated: r.seated, capacity: r.capacity })}
                    {r.overCapacity && (
                      <Chip size="small" color="warning" label={t('groups.overCapacity')} sx={{ ml: 1 }} />
                    )}
                  </TableCell>
                  <TableCell align="right">{r.waiting}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <CreateRunDialog
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) void navigate(`/groups/${id}`);
        }}
      />
    </Stack>
  );
}
