import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DismissedPair, DuplicatePair, DuplicateSide } from '../../../shared/contract/merges.ts';
import { ApiError, call } from '../api.ts';

// "Not the same person" (다른 사람, issue 16 item 5): the dialog that dismisses a suggested pair with a
// reason, and the center's dismissed pairs, each of which can be taken back (the pair is suggested
// again). Supervisors only, like the merge (MergesArea).

export function DismissDialog({
  pair,
  onClose,
  onDismissed,
}: {
  pair: DuplicatePair;
  onClose: () => void;
  onDismissed: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await call('merges:dismiss', { a: pair.a.id, b: pair.b.id, reason });
      onDismissed();
    } catch (e) {
      setError(e instanceof ApiError ? e.error.message : 'errors.internal');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="dismiss-title">
      <DialogTitle id="dismiss-title">
        {t('merges.dismiss.title', { a: pair.a.name, b: pair.b.name })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('merges.dismiss.intro')}</DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {t(error)}
          </Alert>
        )}
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={2}
          required
          label={t('merges.dismiss.reason')}
          placeholder={t('merges.dismiss.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'dismiss-reason' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('merges.cancel')}</Button>
        <Button
          variant="contained"
          disabled={busy || reason.trim() === ''}
          onClick={() => void submit()}
          data-testid="dismiss-confirm"
        >
          {t('merges.dismiss.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function sideLabel(t: (k: string) => string, side: DuplicateSide | null): string {
  return side ? `${side.name} (${side.birthYear}) · ${side.regNo}` : t('merges.dismiss.gone');
}

export function DismissedPairs({ onChanged }: { onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<DismissedPair[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    () =>
      call('merges:dismissed', {}).then(
        (r) => {
          setError(null);
          setRows(r);
        },
        (e: unknown) => setError(e instanceof ApiError ? e.error.message : 'merges.loadFailed'),
      ),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const undo = async (r: DismissedPair) => {
    setBusy(true);
    try {
      await call('merges:undoDismiss', { id: r.id, seq: r.seq });
      onChanged('merges.dismiss.undone');
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.error.message : 'errors.internal');
    } finally {
      setBusy(false);
    }
  };
  if (rows === null && !error) return <CircularProgress aria-label={t('a11y.loading')} />;
  return (
    <Stack spacing={2} data-testid="dismissed-pairs">
      <Typography color="text.secondary">{t('merges.dismiss.listIntro')}</Typography>
      {error && <Alert severity="error">{t(error)}</Alert>}
      {rows?.length === 0 && <Alert severity="info">{t('merges.dismiss.listEmpty')}</Alert>}
      {rows && rows.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('merges.dismiss.tab')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('merges.first')}</TableCell>
                <TableCell>{t('merges.second')}</TableCell>
                <TableCell>{t('merges.dismiss.reason')}</TableCell>
                <TableCell>{t('merges.dismiss.by')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} data-testid="dismissed-pair">
                  <TableCell>{sideLabel(t, r.a)}</TableCell>
                  <TableCell>{sideLabel(t, r.b)}</TableCell>
                  <TableCell sx={{ maxWidth: 320 }}>{r.reason}</TableCell>
                  <TableCell>
                    {r.dismissedByName ?? '—'}
                    <Typography variant="body2" color="text.secondary">
                      {r.dismissedAt.slice(0, 10)}
                    </Typography>
                  </TableCell>
                  <TableCell align="right">
                    <Button
                      variant="outlined"
                      disabled={busy}
                      onClick={() => void undo(r)}
                      aria-label={t('merges.dismiss.undoOf', {
                        a: r.a?.name ?? '—',
                        b: r.b?.name ?? '—',
                      })}
                      data-testid="dismiss-undo"
                    >
                      {t('merges.dismiss.undo')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}
