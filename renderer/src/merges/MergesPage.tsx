import RefreshIcon from '@mui/icons-material/Refresh';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Paper,
  Snackbar,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tabs,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { DuplicatePair, DuplicateSide } from '../../../shared/contract/merges.ts';
import { ApiError, call } from '../api.ts';
import { scrollPageSx } from '../common/layout.ts';
import { phoneLabel } from '../jobseekers/labels.ts';
import { DismissDialog, DismissedPairs } from './Dismissals.tsx';
import { MergeDialog } from './MergeDialog.tsx';

/** 중복 병합: the center's likely duplicate pairs; each opens the side-by-side merge dialog. */
export function MergesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setOpen] = useState<DuplicatePair | null>(null);
  // `#/merges?compare=<id>:<id>` opens that pair's dialog (a link from elsewhere, and screenshots).
  const [params, setParams] = useSearchParams();
  const linked = params.get('compare');
  // `#/merges?view=dismissed`: the pairs judged to be two people, to take one back.
  const view = params.get('view') === 'dismissed' ? 'dismissed' : 'pairs';
  const [dismissing, setDismissing] = useState<DuplicatePair | null>(null);
  const [linkUsed, setLinkUsed] = useState(false);
  const open =
    picked ?? (linked && !linkUsed ? (pairs?.find((p) => `${p.a.id}:${p.b.id}` === linked) ?? null) : null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    () =>
      call('merges:duplicates', {}).then(
        (p) => {
          setError(null);
          setPairs(p);
        },
        (e: unknown) => setError(e instanceof ApiError ? e.error.message : 'merges.loadFailed'),
      ),
    [],
  );
  const reload = () => void load();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack spacing={2} sx={{ ...scrollPageSx, maxWidth: 1200 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {t('merges.title')}
        </Typography>
        {pairs && <Chip label={t('merges.count', { count: pairs.length })} data-testid="merges-count" />}
        <Box sx={{ flex: 1 }} />
        <Button startIcon={<RefreshIcon />} onClick={reload} data-testid="merges-refresh">
          {t('merges.refresh')}
        </Button>
      </Stack>
      <Tabs
        value={view}
        onChange={(_e, v: string) => setParams(v === 'dismissed' ? { view: 'dismissed' } : {})}
        aria-label={t('merges.title')}
      >
        <Tab value="pairs" label={t('merges.dismiss.pairsTab')} data-testid="merges-tab-pairs" />
        <Tab value="dismissed" label={t('merges.dismiss.tab')} data-testid="merges-tab-dismissed" />
      </Tabs>
      {view === 'dismissed' && (
        <DismissedPairs
          onChanged={(n) => {
            setNotice(t(n));
            reload();
          }}
        />
      )}
      {view === 'pairs' && <Typography color="text.secondary">{t('merges.intro')}</Typography>}
      {view === 'pairs' && error && <Alert severity="error">{t(error)}</Alert>}
      {view === 'pairs' && pairs === null && !error && <CircularProgress aria-label={t('a11y.loading')} />}
      {view === 'pairs' && pairs?.length === 0 && (
        <Alert severity="success" data-testid="merges-empty">
          {t('merges.empty')}
        </Alert>
      )}
      {view === 'pairs' && pairs && pairs.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('merges.title')} data-testid="merges-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('merges.first')}</TableCell>
                <TableCell>{t('merges.second')}</TableCell>
                <TableCell>{t('merges.cues')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {pairs.map((p) => (
                <TableRow
                  key={`${p.a.id}:${p.b.id}`}
                  data-testid="merges-pair"
                  data-pair={`${p.a.id}:${p.b.id}`}
                >
                  <TableCell>
                    <SideCell side={p.a} />
                  </TableCell>
                  <TableCell>
                    <SideCell side={p.b} />
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                      {p.cues.map((c) => (
                        <Chip key={c} size="small" variant="outlined" label={t(`merges.cue_${c}`)} />
                      ))}
                    </Stack>
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button
                      sx={{ mr: 1 }}
                      onClick={() => setDismissing(p)}
                      aria-label={t('merges.dismiss.buttonOf', { a: p.a.name, b: p.b.name })}
                      data-testid="merges-dismiss"
                    >
                      {t('merges.dismiss.button')}
                    </Button>
                    <Button
                      variant="outlined"
                      onClick={() => setOpen(p)}
                      aria-label={t('merges.compareOf', { a: p.a.name, b: p.b.name })}
                      data-testid="merges-compare"
                    >
                      {t('merges.compare')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {open && (
        <MergeDialog
          pair={open}
          onClose={() => {
            setLinkUsed(true);
            setOpen(null);
          }}
          onMerged={(done) => {
            setLinkUsed(true);
            setOpen(null);
            setNotice(t('merges.done', { count: done.moved }));
            reload();
            void navigate(`/jobseekers/${done.survivorId}`);
          }}
        />
      )}
      {dismissing && (
        <DismissDialog
          pair={dismissing}
          onClose={() => setDismissing(null)}
          onDismissed={() => {
            setDismissing(null);
            setNotice(t('merges.dismiss.done'));
            reload();
          }}
        />
      )}
      <Snackbar
        open={notice !== null}
        autoHideDuration={4000}
        onClose={() => setNotice(null)}
        message={notice ?? ''}
      />
    </Stack>
  );
}

function SideCell({ side }: { side: DuplicateSide }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={0.25}>
      <Typography sx={{ fontWeight: 600 }}>
        {side.name}{' '}
        <Typography component="span" color="text.secondary">
          ({side.birthYear})
        </Typography>
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {side.regNo} · {phoneLabel(t, side.phone)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {side.registeredAt.slice(0, 10)}
        {side.assignedCounselorName ? ` · ${side.assignedCounselorName}` : ''}
      </Typography>
    </Stack>
  );
}
