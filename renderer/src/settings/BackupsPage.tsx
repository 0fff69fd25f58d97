import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupsView, RestoreResult } from '../../../shared/contract/backups.ts';
import { ApiError, call } from '../api.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { BackupSettingsForm } from './BackupSettingsForm.tsx';
import { backupSize, backupTime, STATUS_COLOR, STATUS_TEXT } from './backupFormat.ts';

// The admin's backups of this PC's store (issue 8): the list with time, size and what the last check
// found; "지금 백업", "검사" and "복원" (after a confirmation that says what happens); progress while a
// job runs (the page polls it); and the schedule's settings. A restore ends every session.

const POLL_MS = 500;

/** `key` is a message key (main's errors are keys too). */
type Message = { severity: 'success' | 'error'; key: string };

export function BackupsPage() {
  const { t, i18n } = useTranslation();
  const { logout } = useAuth();
  const [view, setView] = useState<BackupsView | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [working, setWorking] = useState(false);
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);
  const [restored, setRestored] = useState<{ result: RestoreResult; backup: BackupInfo } | null>(null);
  const polling = useRef<number | null>(null);

  const load = useCallback(() => {
    call('backups:list', {}).then(setView, (e: unknown) => setMessage(failure(e)));
  }, []);
  useEffect(load, [load]);

  // While a job runs (ours, or the schedule's), its progress comes from a background poll: it does not
  // count as the admin being active, so the idle lock still applies.
  const busy = working || view?.job != null;
  useEffect(() => {
    if (!busy || restored) return;
    polling.current = window.setInterval(() => {
      call('backups:progress', {}).then(setView, () => undefined);
    }, POLL_MS);
    return () => {
      if (polling.current !== null) window.clearInterval(polling.current);
      polling.current = null;
    };
  }, [busy, restored]);

  async function run<T>(work: () => Promise<T>, done: (value: T) => Message | null): Promise<void> {
    setWorking(true);
    setMessage(null);
    try {
      const value = await work();
      setMessage(done(value));
    } catch (e) {
      setMessage(failure(e));
    } finally {
      setWorking(false);
    }
  }

  const makeNow = () =>
    run(
      () => call('backups:make', {}),
      () => ({ severity: 'success', key: 'backups.made' }),
    ).then(load);
  const verify = (b: BackupInfo) =>
    run(
      () => call('backups:verify', { name: b.name }),
      (info) =>
        info.status === 'ok'
          ? { severity: 'success', key: 'backups.verifiedOk' }
          : { severity: 'error', key: 'backups.verifiedBad' },
    ).then(load);
  const restore = async (b: BackupInfo) => {
    setConfirm(null);
    setWorking(true);
    setMessage(null);
    try {
      // On success main has ended the session: nothing more is loaded, the dialog says what happened.
      setRestored({ result: await call('backups:restore', { name: b.name }), backup: b });
    } catch (e) {
      setMessage(failure(e));
      load();
    } finally {
      setWorking(false);
    }
  };

  const job = view?.job ?? null;
  const when = (iso: string) => backupTime(iso, i18n.language);
  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {t('backups.title')}
        </Typography>
        <Button variant="contained" onClick={() => void makeNow()} disabled={busy} data-testid="backup-make">
          {t('backups.makeNow')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('backups.intro')}
      </Typography>
      {(job || working) && (
        <Box data-testid="backup-progress" role="status" aria-live="polite">
          <Typography variant="body2" sx={{ mb: 0.5 }}>
            {t(
              job?.kind === 'verify'
                ? 'backups.jobVerify'
                : job?.kind === 'restore'
                  ? 'backups.jobRestore'
                  : 'backups.jobMake',
            )}
          </Typography>
          <LinearProgress
            variant={job?.progress != null ? 'determinate' : 'indeterminate'}
            value={Math.round((job?.progress ?? 0) * 100)}
            aria-label={t('backups.title')}
          />
        </Box>
      )}
      {message && (
        <Alert severity={message.severity} data-testid="backup-message">
          {t(message.key)}
        </Alert>
      )}
      {view?.lastError && (
        <Alert severity="warning">{t('backups.lastError', { reason: t(view.lastError) })}</Alert>
      )}
      <Table size="small" aria-label={t('backups.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('backups.time')}</TableCell>
            <TableCell align="right">{t('backups.size')}</TableCell>
            <TableCell>{t('backups.status')}</TableCell>
            <TableCell>{t('backups.kind')}</TableCell>
            <TableCell align="right">{t('backups.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {view?.backups.map((b) => (
            <TableRow key={b.name} hover data-testid="backup-row" data-name={b.name}>
              <TableCell>{when(b.createdAt)}</TableCell>
              <TableCell align="right">{backupSize(b.bytes)}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Chip
                    size="small"
                    color={STATUS_COLOR[b.status]}
                    label={t(STATUS_TEXT[b.status])}
                    data-testid="backup-status"
                  />
                  {b.verifiedAt && (
                    <Typography variant="caption" color="text.secondary">
                      {t('backups.verifiedAt', { time: when(b.verifiedAt) })}
                    </Typography>
                  )}
                </Stack>
              </TableCell>
              <TableCell>
                {t(
                  b.kind === 'scheduled'
                    ? 'backups.kindScheduled'
                    : b.kind === 'manual'
                      ? 'backups.kindManual'
                      : 'backups.kindUnknown',
                )}
              </TableCell>
              <TableCell align="right">
                <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                  <Button
                    size="small"
                    disabled={busy}
                    onClick={() => void verify(b)}
                    data-testid="backup-verify"
                  >
                    {t('backups.verify')}
                  </Button>
                  <Button
                    size="small"
                    color="warning"
                    disabled={busy || b.status === 'damaged' || b.status === 'newer'}
                    onClick={() => setConfirm(b)}
                    data-testid="backup-restore"
                  >
                    {t('backups.restore')}
                  </Button>
                </Stack>
              </TableCell>
            </TableRow>
          ))}
          {view && view.backups.length === 0 && (
            <TableRow>
              <TableCell colSpan={5}>
                <Typography variant="body2" color="text.secondary">
                  {t('backups.empty')}
                </Typography>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      {view?.nextCheck && (
        <Typography variant="caption" color="text.secondary">
          {t('backups.nextCheck', { time: when(view.nextCheck) })}
        </Typography>
      )}
      {view && <BackupSettingsForm initial={view.settings} />}

      <Dialog open={confirm !== null} onClose={() => setConfirm(null)} aria-labelledby="restore-title">
        <DialogTitle id="restore-title">{t('backups.confirmTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={1.5}>
            <DialogContentText>
              {t('backups.confirmWhat', { time: confirm ? when(confirm.createdAt) : '' })}
            </DialogContentText>
            <DialogContentText>{t('backups.confirmKept')}</DialogContentText>
            <DialogContentText>{t('backups.confirmCheck')}</DialogContentText>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(null)} autoFocus>
            {t('backups.cancel')}
          </Button>
          <Button
            color="warning"
            variant="contained"
            onClick={() => confirm && void restore(confirm)}
            data-testid="backup-restore-confirm"
          >
            {t('backups.confirmOk')}
          </Button>
        </DialogActions>
      </Dialog>

      <Dialog open={restored !== null} aria-labelledby="restored-title">
        <DialogTitle id="restored-title">{t('backups.restoredTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText data-testid="backup-restored">
            {restored &&
              t('backups.restoredBody', {
                time: when(restored.backup.createdAt),
                file: restored.result.setAside,
              })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          {/* Main already ended the session; this takes the screen back to sign-in. */}
          <Button variant="contained" onClick={() => void logout()} autoFocus data-testid="backup-to-sign-in">
            {t('backups.toSignIn')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

function failure(e: unknown): Message {
  return { severity: 'error', key: e instanceof ApiError ? e.error.message : 'errors.internal' };
}
