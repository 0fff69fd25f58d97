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
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { AppointmentEventView, AppointmentView } from '../../../shared/contract/appointments.ts';
import type { AppError } from '../../../shared/contract/result.ts';
import { APPOINTMENT_OUTCOMES, type AppointmentOutcome } from '../../../shared/domain/appointments.ts';
import { call } from '../api.ts';
import { errorOf, useChannel } from '../employers/common.tsx';
import { clock, dayAndClock, stateColor, stateKey } from './labels.ts';

// One appointment: who, when, where, its state (open, arrived at the lobby, or its outcome), the outcome
// buttons while it is open, the way to move it, and its history (every booking, move and outcome).

export function AppointmentDialog({
  appointment,
  onClose,
  onChanged,
  onMove,
}: {
  appointment: AppointmentView | null;
  onClose: () => void;
  onChanged: (a: AppointmentView) => void;
  onMove: (a: AppointmentView) => void;
}) {
  if (!appointment) return null;
  return (
    <Details
      key={appointment.id}
      appointment={appointment}
      onClose={onClose}
      onChanged={onChanged}
      onMove={onMove}
    />
  );
}

function Details({
  appointment: a,
  onClose,
  onChanged,
  onMove,
}: {
  appointment: AppointmentView;
  onClose: () => void;
  onChanged: (a: AppointmentView) => void;
  onMove: (a: AppointmentView) => void;
}) {
  const { t } = useTranslation();
  const history = useChannel('appointments:history', { id: a.id });
  const [outcome, setOutcome] = useState<AppointmentOutcome | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function record() {
    if (!outcome) {
      setError({ code: 'validation', message: 'appointments.v.outcome', field: 'outcome' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const changed = await call('appointments:outcome', { id: a.id, outcome, note });
      onChanged(changed);
      history.reload();
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="appointment-title">
      <DialogTitle id="appointment-title">
        {a.jobseekerName} · {dayAndClock(a.startsAt)}–{clock(a.endsAt)}
      </DialogTitle>
      <DialogContent data-testid="appointment-dialog">
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Chip size="small" label={t(`appointments.kinds.${a.kind}`)} />
            <Chip size="small" color={stateColor(a)} label={t(stateKey(a))} data-testid="appointment-state" />
            {a.arrivedAt && a.outcome === null && (
              <Typography variant="body2" data-testid="appointment-arrived">
                {t('appointments.arrivedAt', { time: clock(a.arrivedAt) })}
              </Typography>
            )}
            {a.counselorName && <Typography variant="body2">{a.counselorName}</Typography>}
          </Stack>
          <Typography>
            <strong>{t('appointments.purpose')}:</strong> {a.purpose}
          </Typography>
          {a.place && (
            <Typography>
              <strong>{t('appointments.place')}:</strong> {a.place}
            </Typography>
          )}
          {a.note && (
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>
              <strong>{t('appointments.note')}:</strong> {a.note}
            </Typography>
          )}
          {a.outcome === null && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                select
                size="small"
                label={t('appointments.outcome')}
                value={outcome}
                onChange={(e) => setOutcome(e.target.value as AppointmentOutcome)}
                sx={{ minWidth: 200 }}
                error={error?.field === 'outcome'}
                slotProps={{ htmlInput: { 'data-testid': 'outcome-select' } }}
              >
                {APPOINTMENT_OUTCOMES.map((o) => (
                  <MenuItem key={o} value={o} data-testid={`outcome-${o}`}>
                    {t(`appointments.outcomes.${o}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                size="small"
                label={t('appointments.note')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                sx={{ flex: 1 }}
              />
              <Button
                variant="contained"
                onClick={() => void record()}
                disabled={busy}
                data-testid="outcome-save"
              >
                {t('appointments.recordOutcome')}
              </Button>
            </Stack>
          )}
          {error && (
            <Alert severity="error" role="alert">
              {t(error.message)}
            </Alert>
          )}
          <Typography variant="subtitle2" component="h3">
            {t('appointments.history')}
          </Typography>
          <List dense data-testid="appointment-history">
            {(history.value ?? []).map((e) => (
              <ListItem key={e.id} disableGutters>
                <ListItemText
                  primary={eventText(t, e)}
                  secondary={`${dayAndClock(e.at)} · ${e.counselorName ?? ''}${e.note ? ` · ${e.note}` : ''}`}
                />
              </ListItem>
            ))}
          </List>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button component={Link} to={`/jobseekers/${a.jobseekerId}/appointments`}>
          {t('appointments.goToCase')}
        </Button>
        {a.outcome === null && (
          <Button onClick={() => onMove(a)} data-testid="appointment-move">
            {t('appointments.reschedule')}
          </Button>
        )}
        <Button onClick={onClose} data-testid="appointment-close">
          {t('appointments.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function eventText(t: TFunction, e: AppointmentEventView): string {
  switch (e.kind) {
    case 'booked':
      return t('appointments.events.booked', { to: e.toStartsAt ? dayAndClock(e.toStartsAt) : '' });
    case 'rescheduled':
      return t('appointments.events.rescheduled', {
        from: e.fromStartsAt ? dayAndClock(e.fromStartsAt) : '',
        to: e.toStartsAt ? dayAndClock(e.toStartsAt) : '',
      });
    case 'outcome':
      return t('appointments.events.outcome', {
        outcome: e.outcome ? t(`appointments.outcomes.${e.outcome}`) : '',
      });
    default:
      return t('appointments.events.changed');
  }
}
