import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import SyncIcon from '@mui/icons-material/Sync';
import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import {
  Alert,
  AlertTitle,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Snackbar,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { OutboxExport, RefusedChange, SyncStatus } from '../../../shared/contract/sync.ts';
import { formatDateTime, formatTime } from '../../../shared/domain/day-format.ts';
import { ApiError, call } from '../api.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { noteReceived, useDataGeneration } from '../data/freshness.ts';
import { fieldLabel, reasonLabel, tableLabel } from '../sync/format.ts';
import {
  CHIP_BACKGROUND,
  CHIP_BACKGROUND_HOVER,
  CHIP_HELP,
  CHIP_LABEL,
  CHIP_TEXT,
  chipState,
  chipTone,
  isLocalFault,
  type ChipTone,
} from './sync-chip.ts';

const POLL_MS = 10_000;

const TONE_ICON: Record<ChipTone, typeof CloudDoneIcon> = {
  ok: CloudDoneIcon,
  syncing: SyncIcon,
  offline: CloudOffIcon,
  error: SyncProblemIcon,
  conflict: SyncProblemIcon,
};
/** A clock this far off the server's is worth telling (HLCs are corrected either way). */
const CLOCK_NOTICE_MS = 5 * 60_000;

function timeLabel(iso: string | null, _lang: string): string {
  return formatTime(iso);
}

function download(file: OutboxExport) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Always visible in the top bar: online or offline, last sync, pending and refused changes, reviews.
 * Its dialog says what to do about each: open the review list, send a refused change again or hand it
 * to a supervisor, and (a revoked device) export what could not be sent.
 */
export function SyncStatusChip() {
  const { t, i18n } = useTranslation();
  const { session } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [open, setOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const handlesCases = session.role === 'counselor' || session.role === 'supervisor';
  const generation = useDataGeneration();

  useEffect(() => {
    let alive = true;
    const load = () =>
      call('sync:status', {}).then(
        (s) => {
          if (!alive) return;
          setStatus(s);
          noteReceived(s.received); // rows a background sync pulled: lists reload
        },
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    // The network coming back starts a sync at once (sync.md § Model), not at the next retry.
    const online = () =>
      void call('sync:now', {}).then(
        (s) => alive && setStatus(s),
        () => undefined,
      );
    window.addEventListener('online', online);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('online', online);
    };
    // Again after every write on this desk (the data generation, renderer/src/data/freshness.ts): a write
    // queued offline shows in the pending count at once, not at the next poll up to 10 s later.
  }, [generation]);

  if (!status) return null;
  const state = chipState(status);
  const help = CHIP_HELP[state];
  const problems =
    status.refused.length + status.openReviews + (status.revoked ? 1 : 0) + (isLocalFault(state) ? 1 : 0);
  const tone = chipTone(status, state, problems);
  const ToneIcon = TONE_ICON[tone];
  const label = t(CHIP_LABEL[state], {
    time: timeLabel(status.lastSuccess, i18n.language),
    pending: status.pending,
  });

  async function act(kind: 'resend' | 'hand', r: RefusedChange) {
    setBusy(true);
    try {
      setStatus(
        await call(kind === 'resend' ? 'sync:resendRefused' : 'sync:handRefused', { clientSeq: r.clientSeq }),
      );
      setNotice(kind === 'resend' ? t('refusedChanges.resent') : t('refusedChanges.handed'));
    } catch (e) {
      setNotice(t('refusedChanges.failed', { message: e instanceof ApiError ? t(e.error.message) : '' }));
    } finally {
      setBusy(false);
    }
  }

  async function exportNow() {
    setBusy(true);
    try {
      const file = await call('sync:exportOutbox', {
        purpose: purpose.trim() || t('outboxExport.purposeDefault'),
      });
      download(file);
      setNotice(t('outboxExport.done', { count: file.entries }));
      setExporting(false);
    } catch (e) {
      setNotice(t('refusedChanges.failed', { message: e instanceof ApiError ? t(e.error.message) : '' }));
    } finally {
      setBusy(false);
    }
  }

  function startExport() {
    setPurpose(t('outboxExport.purposeDefault'));
    setExporting(true);
  }

  return (
    <>
      <Chip
        data-testid="sync-status"
        data-tone={tone}
        icon={<ToneIcon />}
        label={problems > 0 ? `${label} · ${t('sync.problems', { count: problems })}` : label}
        onClick={() => setOpen(true)}
        sx={{
          bgcolor: CHIP_BACKGROUND,
          color: CHIP_TEXT[tone],
          fontWeight: tone === 'ok' ? undefined : 700,
          '& .MuiChip-icon': { color: CHIP_TEXT[tone] },
          '&:hover, &.Mui-focusVisible': { bgcolor: CHIP_BACKGROUND_HOVER },
          '&.Mui-focusVisible': { outline: '2px solid #ffffff', outlineOffset: 2 },
        }}
      />
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>{t('sync.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            {!status.configured && <Alert severity="info">{t('sync.notConfigured')}</Alert>}
            {help && (
              <Alert severity={isLocalFault(state) ? 'error' : 'warning'} data-testid="sync-fault">
                {t(help)}
              </Alert>
            )}
            {status.configured && (
              <Typography>
                {t('sync.detail', {
                  state: status.online ? t('sync.stateOnline') : t('sync.stateOffline'),
                  time: timeLabel(status.lastSuccess, i18n.language),
                  pending: status.pending,
                })}
              </Typography>
            )}
            {status.mismatchedScopes.length > 0 && (
              <Alert severity="warning" data-testid="sync-mismatch">
                {t('syncCheck.mismatch', { scopes: status.mismatchedScopes.join(', ') })}
              </Alert>
            )}
            {Math.abs(status.clockOffsetMs) >= CLOCK_NOTICE_MS && (
              <Alert severity="info" data-testid="sync-clock">
                {t('syncCheck.clockOffset', { minutes: Math.round(Math.abs(status.clockOffsetMs) / 60_000) })}
              </Alert>
            )}
            {status.revoked ? (
              <Alert
                severity="error"
                data-testid="sync-revoked"
                action={
                  handlesCases && (
                    <Button color="inherit" onClick={startExport} data-testid="outbox-export">
                      {t('outboxExport.button')}
                    </Button>
                  )
                }
              >
                <AlertTitle>{t('outboxExport.revokedTitle')}</AlertTitle>
                {t('outboxExport.revokedHelp', { count: status.unsent })}
              </Alert>
            ) : (
              status.lastError && <Alert severity="warning">{status.lastError}</Alert>
            )}
            {status.openReviews > 0 && (
              <Alert
                severity="warning"
                data-testid="sync-reviews"
                action={
                  handlesCases && (
                    <Button
                      color="inherit"
                      onClick={() => {
                        setOpen(false);
                        void navigate('/reviews');
                      }}
                      data-testid="open-reviews"
                    >
                      {t('reviews.title')}
                    </Button>
                  )
                }
              >
                {t('sync.reviews', { count: status.openReviews })}
              </Alert>
            )}
            {status.refused.length > 0 && (
              <div>
                <Typography variant="subtitle1" component="h2">
                  {t('refusedChanges.title')}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {t('refusedChanges.help')}
                </Typography>
                <List dense data-testid="refused-list">
                  {status.refused.map((r) => (
                    <RefusedItem
                      key={r.clientSeq}
                      r={r}
                      busy={busy}
                      canAct={handlesCases}
                      onResend={() => void act('resend', r)}
                      onHand={() => void act('hand', r)}
                      onOpenCase={() => {
                        setOpen(false);
                        void navigate(`/jobseekers/${r.caseId ?? ''}`);
                      }}
                    />
                  ))}
                </List>
              </div>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          {handlesCases && status.configured && !status.revoked && status.unsent > 0 && (
            <Button onClick={startExport} data-testid="outbox-export">
              {t('outboxExport.button')}
            </Button>
          )}
          {status.configured && (
            <Button onClick={() => void call('sync:now', {}).then(setStatus)} data-testid="sync-now">
              {t('sync.now')}
            </Button>
          )}
          <Button onClick={() => setOpen(false)}>{t('sync.close')}</Button>
        </DialogActions>
      </Dialog>
      <Dialog open={exporting} onClose={() => setExporting(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{t('outboxExport.button')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('outboxExport.hint', { count: status.unsent })}
          </Typography>
          <TextField
            label={t('outboxExport.purpose')}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
            fullWidth
            autoFocus
            slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'outbox-export-purpose' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setExporting(false)}>{t('outboxExport.cancel')}</Button>
          <Button
            variant="contained"
            disabled={busy}
            onClick={() => void exportNow()}
            data-testid="outbox-export-confirm"
          >
            {t('outboxExport.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
      <Snackbar
        open={notice !== null}
        autoHideDuration={5000}
        onClose={() => setNotice(null)}
        message={notice ?? ''}
      />
    </>
  );
}

function RefusedItem({
  r,
  busy,
  canAct,
  onResend,
  onHand,
  onOpenCase,
}: {
  r: RefusedChange;
  busy: boolean;
  canAct: boolean;
  onResend: () => void;
  onHand: () => void;
  onOpenCase: () => void;
}) {
  const { t } = useTranslation();
  const translated = reasonLabel(t, r.reason);
  const what =
    r.op === 'insert'
      ? t('refusedChanges.newRecord')
      : t('refusedChanges.changed', { fields: r.fields.map((f) => fieldLabel(t, f)).join(', ') });
  return (
    <ListItem
      data-testid="refused-item"
      sx={{ flexWrap: 'wrap', alignItems: 'flex-start', borderBottom: 1, borderColor: 'divider' }}
    >
      <ListItemText
        primary={`${r.recordLabel ?? tableLabel(t, r.table)} · ${what}`}
        secondary={
          <>
            <span>{translated ?? r.reason}</span>
            {translated && (
              <>
                <br />
                <span>{r.reason}</span>
              </>
            )}
            <br />
            <span>
              {tableLabel(t, r.table)} · {formatDateTime(r.createdAt)}
            </span>
          </>
        }
      />
      {canAct && (
        <Stack direction="row" spacing={1} sx={{ py: 1 }}>
          {r.caseId && (
            <Button size="small" onClick={onOpenCase}>
              {t('refusedChanges.openCase')}
            </Button>
          )}
          <Button size="small" disabled={busy} onClick={onResend} data-testid="refused-resend">
            {t('refusedChanges.resend')}
          </Button>
          <Button size="small" variant="outlined" disabled={busy} onClick={onHand} data-testid="refused-hand">
            {t('refusedChanges.handOver')}
          </Button>
        </Stack>
      )}
    </ListItem>
  );
}
