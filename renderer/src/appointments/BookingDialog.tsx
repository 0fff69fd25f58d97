import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AppointmentView,
  AppointmentWrite,
  OverlapView,
  TeamMember,
} from '../../../shared/contract/appointments.ts';
import type { AppError } from '../../../shared/contract/result.ts';
import { APPOINTMENT_KINDS, type AppointmentKind } from '../../../shared/domain/appointments.ts';
import { call } from '../api.ts';
import { errorOf } from '../employers/common.tsx';
import { JobseekerPicker, type PickedJobseeker } from './JobseekerPicker.tsx';
import { clock, DURATIONS, fromLocalInput, nextQuarter, toLocalInput } from './labels.ts';

// Booking a meeting (from a case, the queue or the calendar) and moving one (the dialog way; dragging
// in the calendar is the other). Overlaps with the counselor's other appointments are shown as the
// time changes and again after saving: a warning, never a refusal.

export interface BookingDialogProps {
  open: boolean;
  onClose: () => void;
  onDone: (w: AppointmentWrite) => void;
  /** Booking for this person (case page, queue); absent: pick one (calendar). */
  jobseeker?: PickedJobseeker | null;
  start?: Date | null;
  /** A supervisor's choice of counselor (team calendar); absent: the caller's own. */
  team?: TeamMember[] | undefined;
  counselorId?: string | undefined;
  /** Moving this appointment instead of booking a new one. */
  moving?: AppointmentView | null;
}

export function BookingDialog(props: BookingDialogProps) {
  // A fresh form per opening: nothing typed for one person survives into the next booking.
  return props.open ? <BookingForm {...props} /> : null;
}

function BookingForm({ onClose, onDone, jobseeker, start, team, counselorId, moving }: BookingDialogProps) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<PickedJobseeker | null>(
    moving ? { id: moving.jobseekerId, name: moving.jobseekerName } : (jobseeker ?? null),
  );
  const [who, setWho] = useState<string>(moving?.counselorId ?? counselorId ?? '');
  const [kind, setKind] = useState<AppointmentKind>(moving?.kind ?? 'in_person');
  const [when, setWhen] = useState(
    toLocalInput(moving ? new Date(moving.startsAt) : (start ?? nextQuarter())),
  );
  const [duration, setDuration] = useState<number>(moving?.durationMin ?? 30);
  const [place, setPlace] = useState(moving?.place ?? '');
  const [purpose, setPurpose] = useState(moving?.purpose ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [overlaps, setOverlaps] = useState<OverlapView[]>([]);
  const [busy, setBusy] = useState(false);

  const startsAt = fromLocalInput(when);
  useEffect(() => {
    if (!startsAt) return;
    let live = true;
    call('appointments:overlaps', {
      startsAt,
      durationMin: duration,
      ...(who ? { counselorId: who } : {}),
      ...(moving ? { id: moving.id } : {}),
    }).then(
      (o) => live && setOverlaps(o),
      () => live && setOverlaps([]),
    );
    return () => {
      live = false;
    };
  }, [startsAt, duration, who, moving]);

  const fieldError = (field: string) => (error?.field === field ? t(error.message) : undefined);

  async function save() {
    setError(null);
    if (!person) {
      setError({ code: 'validation', message: 'appointments.v.jobseeker', field: 'jobseekerId' });
      return;
    }
    if (!startsAt) {
      setError({ code: 'validation', message: 'appointments.v.startsAt', field: 'startsAt' });
      return;
    }
    setBusy(true);
    try {
      const written = moving
        ? await call('appointments:reschedule', { id: moving.id, startsAt, durationMin: duration, note })
        : await call('appointments:book', {
            jobseekerId: person.id,
            ...(who ? { counselorId: who } : {}),
            kind,
            startsAt,
            durationMin: duration,
            place,
            purpose,
            note,
          });
      onDone(written);
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="booking-title">
      <DialogTitle id="booking-title">
        {t(moving ? 'appointments.rescheduleTitle' : 'appointments.bookTitle')}
      </DialogTitle>
      <DialogContent>
        <Stack
          component="form"
          id="booking-form"
          spacing={2}
          sx={{ pt: 1 }}
          data-testid="booking-dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {jobseeker || moving ? (
            <TextField label={t('appointments.jobseeker')} value={person?.name ?? ''} disabled />
          ) : (
            <JobseekerPicker value={person} onChange={setPerson} error={fieldError('jobseekerId')} />
          )}
          {team && team.length > 1 && !moving && (
            <TextField
              select
              label={t('appointments.counselor')}
              value={who}
              onChange={(e) => setWho(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'booking-counselor' } }}
            >
              {team.map((m) => (
                <MenuItem key={m.id} value={m.id}>
                  {m.name}
                </MenuItem>
              ))}
            </TextField>
          )}
          {!moving && (
            <ToggleButtonGroup
              exclusive
              value={kind}
              onChange={(_e, v: AppointmentKind | null) => v && setKind(v)}
              aria-label={t('appointments.kind')}
              color="primary"
            >
              {APPOINTMENT_KINDS.map((k) => (
                <ToggleButton key={k} value={k} data-testid={`booking-kind-${k}`}>
                  {t(`appointments.kinds.${k}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          )}
          <Stack direction="row" spacing={2}>
            <TextField
              type="datetime-local"
              required
              label={t('appointments.startsAt')}
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              error={Boolean(fieldError('startsAt'))}
              helperText={fieldError('startsAt')}
              slotProps={{
                inputLabel: { shrink: true },
                htmlInput: { 'data-testid': 'booking-start', step: 300 },
              }}
              sx={{ flex: 2 }}
            />
            <TextField
              select
              label={t('appointments.duration')}
              value={duration}
              onChange={(e) => setDuration(Number(e.target.value))}
              error={Boolean(fieldError('durationMin'))}
              helperText={fieldError('durationMin')}
              slotProps={{ htmlInput: { 'data-testid': 'booking-duration' } }}
              sx={{ flex: 1 }}
            >
              {[...new Set([...DURATIONS, duration])]
                .sort((a, b) => a - b)
                .map((d) => (
                  <MenuItem key={d} value={d}>
                    {t('appointments.minutes', { count: d })}
                  </MenuItem>
                ))}
            </TextField>
          </Stack>
          {!moving && (
            <>
              <TextField
                label={t('appointments.place')}
                placeholder={t(`appointments.placeHelp.${kind}`)}
                value={place}
                onChange={(e) => setPlace(e.target.value)}
                error={Boolean(fieldError('place'))}
                helperText={fieldError('place')}
                slotProps={{ htmlInput: { 'data-testid': 'booking-place', maxLength: 300 } }}
              />
              <TextField
                required
                label={t('appointments.purpose')}
                value={purpose}
                onChange={(e) => setPurpose(e.target.value)}
                error={Boolean(fieldError('purpose'))}
                helperText={fieldError('purpose')}
                slotProps={{ htmlInput: { 'data-testid': 'booking-purpose', maxLength: 200 } }}
              />
            </>
          )}
          <TextField
            label={t(moving ? 'appointments.rescheduleNote' : 'appointments.note')}
            value={note}
            multiline
            minRows={2}
            onChange={(e) => setNote(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'booking-note', maxLength: 2000 } }}
          />
          {overlaps.length > 0 && (
            <Alert severity="warning" data-testid="booking-overlap" role="status">
              {t('appointments.overlapWarning', { count: overlaps.length })}
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {overlaps.map((o) => (
                  <li key={o.id}>
                    {t('appointments.overlapItem', {
                      time: `${clock(o.startsAt)}–${clock(o.endsAt)}`,
                      name: o.jobseekerName,
                    })}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          {error && (
            <Alert severity="error" role="alert">
              {t(error.message)}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('appointments.cancel')}</Button>
        <Button
          type="submit"
          form="booking-form"
          variant="contained"
          disabled={busy}
          data-testid="booking-save"
        >
          {t(moving ? 'appointments.save' : 'appointments.book')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
