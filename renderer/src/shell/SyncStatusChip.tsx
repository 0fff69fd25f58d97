import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract/sync.ts';
import { call } from '../api.ts';

const POLL_MS = 10_000;

function timeLabel(iso: string | null, lang: string): string {
  return iso
    ? new Date(iso).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'ko-KR', {
        hour: '2-digit',
        minute: '2-digit',
      })
    : '-';
}

/** Always visible in the top bar: online or offline, last sync, pending and refused changes, reviews. */
export function SyncStatusChip() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let alive = true;
    const load = () =>
      call('sync:status', {}).then(
        (s) => alive && setStatus(s),
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);

  if (!status) return null;
  const problems = status.refused.length + status.openReviews;
  const label = !status.configured
    ? t('sync.localOnly', { pending: status.pending })
    : status.online
      ? t('sync.online', { time: timeLabel(status.lastSuccess, i18n.language), pending: status.pending })
      : t('sync.offline', { pending: status.pending });
  return (
    <>
      <Chip
        data-testid="sync-status"
        icon={problems > 0 ? <SyncProblemIcon /> : status.online ? <CloudDoneIcon /> : <CloudOffIcon />}
        label={problems > 0 ? `${label} · ${t('sync.problems', { count: problems })}` : label}
        color={problems > 0 ? 'warning' : status.online ? 'success' : 'default'}
        onClick={() => setOpen(true)}
        sx={{ bgcolor: problems > 0 ? undefined : 'rgba(255,255,255,0.9)' }}
      />
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{t('sync.title')}</DialogTitle>
        <DialogContent>
          {!status.configured && <Alert severity="info">{t('sync.notConfigured')}</Alert>}
          {status.configured && (
            <Typography gutterBottom>
              {t('sync.detail', {
                state: status.online ? t('sync.stateOnline') : t('sync.stateOffline'),
                time: timeLabel(status.lastSuccess, i18n.language),
                pending: status.pending,
              })}
            </Typography>
          )}
          {status.lastError && <Alert severity="warning">{status.lastError}</Alert>}
          {status.openReviews > 0 && (
            <Alert severity="warning">{t('sync.reviews', { count: status.openReviews })}</Alert>
          )}
          {status.refused.length > 0 && (
            <>
              <Typography variant="subtitle1" sx={{ mt: 2 }}>
                {t('sync.refusedTitle')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('sync.refusedHelp')}
              </Typography>
              <List dense>
                {status.refused.map((r) => (
                  <ListItem key={r.clientSeq}>
                    <ListItemText
                      primary={r.reason}
                      secondary={`${r.table} · ${new Date(r.createdAt).toLocaleString(i18n.language)}`}
                    />
                  </ListItem>
                ))}
              </List>
            </>
          )}
        </DialogContent>
        <DialogActions>
          {status.configured && (
            <Button onClick={() => void call('sync:now', {}).then(setStatus)} data-testid="sync-now">
              {t('sync.now')}
            </Button>
          )}
          <Button onClick={() => setOpen(false)}>{t('sync.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
