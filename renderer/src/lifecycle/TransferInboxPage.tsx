import RefreshIcon from '@mui/icons-material/Refresh';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Paper,
  Snackbar,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferInbox, TransferView } from '../../../shared/casework/lifecycle.ts';
import { formatDateTime, formatDay } from '../../../shared/domain/day-format.ts';
import { call, messageOf } from '../api.ts';
import { scrollPageSx } from '../common/layout.ts';

// 이관 요청함 (issue 16 item 4): requests to this center, which its supervisors accept (choosing who will
// have the case, or later) or decline with a reason; and the requests sent from here, which their
// requester may withdraw while they wait. An answer is a write like any other, sent at the next sync;
// an accepted case arrives on this desktop at the sync after the server has moved it.

const day = (iso: string): string => formatDay(iso);

type Answering = { transfer: TransferView; decision: 'accepted' | 'declined' };

export function TransferInboxPage() {
  const { t } = useTranslation();
  const [inbox, setInbox] = useState<TransferInbox | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [answering, setAnswering] = useState<Answering | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => {
    call('lifecycle:transferInbox', {}).then(setInbox, (e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(reload, [reload]);

  async function withdraw(tr: TransferView) {
    setBusy(true);
    try {
      const done = await call('lifecycle:cancelTransfer', { transferId: tr.id });
      setNotice(
        done.withdrawal === 'queued' ? 'lifecycle.inbox.withdrawQueued' : 'lifecycle.inbox.withdrawn',
      );
      reload();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack spacing={2} sx={{ ...scrollPageSx, maxWidth: 1200 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {t('lifecycle.inbox.title')}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button startIcon={<RefreshIcon />} onClick={reload} data-testid="transfers-refresh">
          {t('reviews.refresh')}
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" onClose={() => setError(null)}>
          {t(error)}
        </Alert>
      )}
      {!inbox && !error && <CircularProgress />}
      {inbox && (
        <>
          <TransferTable
            title={t('lifecycle.inbox.incoming')}
            empty={t('lifecycle.inbox.emptyIncoming')}
            rows={inbox.incoming}
            testId="transfers-incoming"
            busy={busy}
            onAnswer={(transfer, decision) => setAnswering({ transfer, decision })}
            onWithdraw={(tr) => void withdraw(tr)}
          />
          <TransferTable
            title={t('lifecycle.inbox.outgoing')}
            empty={t('lifecycle.inbox.emptyOutgoing')}
            rows={inbox.outgoing}
            note={
              inbox.outgoingAsOf
                ? t('lifecycle.inbox.outgoingAsOf', { time: formatDateTime(inbox.outgoingAsOf) })
                : null
            }
            testId="transfers-outgoing"
            busy={busy}
            onAnswer={(transfer, decision) => setAnswering({ transfer, decision })}
            onWithdraw={(tr) => void withdraw(tr)}
          />
        </>
      )}
      {answering && (
        <AnswerDialog
          answering={answering}
          onCancel={() => setAnswering(null)}
          onDone={(message) => {
            setAnswering(null);
            setNotice(message);
            reload();
          }}
        />
      )}
      <Snackbar
        open={notice !== null}
        autoHideDuration={4000}
        onClose={() => setNotice(null)}
        message={notice ? t(notice) : ''}
      />
    </Stack>
  );
}

function TransferTable({
  title,
  empty,
  rows,
  note,
  testId,
  busy,
  onAnswer,
  onWithdraw,
}: {
  title: string;
  empty: string;
  rows: TransferView[];
  note?: string | null;
  testId: string;
  busy: boolean;
  onAnswer: (tr: TransferView, decision: 'accepted' | 'declined') => void;
  onWithdraw: (tr: TransferView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={testId}>
      <Typography variant="h6" component="h2" sx={{ fontSize: '1rem', fontWeight: 700, mb: 1 }}>
        {title}
      </Typography>
      {note && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="transfers-as-of">
          {note}
        </Typography>
      )}
      {rows.length === 0 ? (
        <Typography color="text.secondary">{empty}</Typography>
      ) : (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell>{t('lifecycle.inbox.person')}</TableCell>
              <TableCell>{t('lifecycle.inbox.from')}</TableCell>
              <TableCell>{t('lifecycle.inbox.to')}</TableCell>
              <TableCell>{t('lifecycle.inbox.reason')}</TableCell>
              <TableCell>{t('lifecycle.inbox.requestedBy')}</TableCell>
              <TableCell>{t('lifecycle.inbox.requestedAt')}</TableCell>
              <TableCell>{t('lifecycle.inbox.status')}</TableCell>
              <TableCell>{t('lifecycle.inbox.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} data-testid="transfer-row">
                <TableCell>
                  {r.jobseekerName}{' '}
                  <Typography component="span" variant="body2" color="text.secondary">
                    ({t('lifecycle.inbox.birthYear', { year: r.birthYear })})
                  </Typography>
                </TableCell>
                <TableCell>{r.fromCenterName ?? r.fromCenter}</TableCell>
                <TableCell>{r.toCenterName ?? r.toCenter}</TableCell>
                <TableCell sx={{ maxWidth: 260 }}>
                  {r.reason}
                  {r.decisionReason && (
                    <Typography variant="body2" color="text.secondary">
                      {r.decisionReason}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{r.requestedByName ?? '—'}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{day(r.requestedAt)}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant={r.status === 'requested' ? 'filled' : 'outlined'}
                    color={
                      r.status === 'accepted' ? 'success' : r.status === 'requested' ? 'info' : 'default'
                    }
                    label={t(`lifecycle.status.${r.status}`)}
                    data-testid="transfer-status"
                  />
                  {r.withdrawal === 'queued' && (
                    <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="withdrawal-queued">
                      {t('lifecycle.inbox.withdrawalQueued')}
                    </Typography>
                  )}
                  {r.withdrawal === 'refused' && (
                    <Typography
                      variant="body2"
                      color="error"
                      sx={{ mt: 0.5 }}
                      data-testid="withdrawal-refused"
                    >
                      {t('lifecycle.inbox.withdrawalRefused')}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1}>
                    {r.mayDecide && (
                      <>
                        <Button
                          size="small"
                          variant="contained"
                          disabled={busy}
                          onClick={() => onAnswer(r, 'accepted')}
                          data-testid="accept-transfer"
                        >
                          {t('lifecycle.inbox.accept')}
                        </Button>
                        <Button
                          size="small"
                          variant="outlined"
                          color="warning"
                          disabled={busy}
                          onClick={() => onAnswer(r, 'declined')}
                          data-testid="decline-transfer"
                        >
                          {t('lifecycle.inbox.decline')}
                        </Button>
                      </>
                    )}
                    {r.mayCancel && (
                      <Button
                        size="small"
                        disabled={busy}
                        onClick={() => onWithdraw(r)}
                        data-testid="withdraw-transfer"
                      >
                        {t('lifecycle.inbox.withdraw')}
                      </Button>
                    )}
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

const LATER = '';

function AnswerDialog({
  answering,
  onCancel,
  onDone,
}: {
  answering: Answering;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { transfer, decision } = answering;
  const [assignees, setAssignees] = useState<Array<{ id: string; name: string }>>([]);
  const [assignTo, setAssignTo] = useState(LATER);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (decision !== 'accepted') return;
    let live = true;
    call('lifecycle:transferChoices', {}).then(
      (c) => live && setAssignees(c.assignees),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [decision]);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      if (decision === 'accepted') {
        await call('lifecycle:decideTransfer', {
          transferId: transfer.id,
          decision,
          assignTo: assignTo === LATER ? null : assignTo,
        });
        onDone('lifecycle.inbox.accepted');
      } else {
        await call('lifecycle:decideTransfer', { transferId: transfer.id, decision, reason });
        onDone('lifecycle.inbox.declined');
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const accepting = decision === 'accepted';
  return (
    <Dialog open onClose={onCancel} aria-labelledby="answer-title" fullWidth maxWidth="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <DialogTitle id="answer-title">
          {t(accepting ? 'lifecycle.inbox.acceptTitle' : 'lifecycle.inbox.declineTitle', {
            name: transfer.jobseekerName,
          })}
        </DialogTitle>
        <DialogContent>
          {accepting ? (
            <>
              <DialogContentText sx={{ mb: 2 }}>{t('lifecycle.inbox.acceptBody')}</DialogContentText>
              <TextField
                select
                fullWidth
                autoFocus
                label={t('lifecycle.inbox.assignLabel')}
                value={assignTo}
                onChange={(e) => setAssignTo(e.target.value)}
                slotProps={{ htmlInput: { 'data-testid': 'transfer-assignee' } }}
              >
                <MenuItem value={LATER}>{t('lifecycle.inbox.assignLater')}</MenuItem>
                {assignees.map((a) => (
                  <MenuItem key={a.id} value={a.id} data-testid="transfer-assignee-option">
                    {a.name}
                  </MenuItem>
                ))}
              </TextField>
            </>
          ) : (
            <TextField
              fullWidth
              required
              multiline
              minRows={2}
              autoFocus
              label={t('lifecycle.inbox.declineReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'decline-reason' } }}
            />
          )}
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {t(error)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{t('lifecycle.cancel')}</Button>
          <Button
            type="submit"
            variant="contained"
            color={accepting ? 'primary' : 'warning'}
            disabled={busy}
            data-testid="confirm-answer"
          >
            {t(accepting ? 'lifecycle.inbox.accept' : 'lifecycle.inbox.decline')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
