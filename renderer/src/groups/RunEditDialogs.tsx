import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupRunDetail, GroupRunSummary, GroupSessionView } from '../../../shared/contract/groups.ts';
import { programmeOf } from '../../../shared/programmes/catalogue.ts';
import { call } from '../api.ts';
import { errorMessage, toLocalInput } from './labels.ts';
import {
  RunFields,
  sessionInput,
  SessionFields,
  useStaff,
  type RunFieldValues,
  type SessionFieldValues,
} from './RunFields.tsx';

// Editing a run (title, place, facilitator, capacity: not below the seats held, refused with the
// numbers), editing a session (date, time, length, place, its own capacity), and archiving either with a
// reason after a confirmation. Archiving a run is a supervisor's; a session is archived, never deleted.

export function EditRunDialog(props: {
  open: boolean;
  run: GroupRunSummary;
  onClose: (d: GroupRunDetail | null) => void;
}) {
  const { t } = useTranslation();
  const r = props.run;
  // Mounted each time it opens (the page renders it only then): the fields start from the run as it is.
  const [fields, setFields] = useState<RunFieldValues>({
    title: r.title,
    facilitator: r.facilitatorId,
    place: r.place ?? '',
    capacity: String(r.capacity),
  });
  const staff = useStaff(props.open);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { title, facilitator, place, capacity } = fields;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      props.onClose(
        await call('groups:updateRun', {
          id: r.id,
          title,
          facilitatorId: facilitator,
          place,
          capacity: Number(capacity),
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const cap = programmeOf(r.programmeCode, r.catalogueVersion)?.capacity;
  return (
    <Dialog open={props.open} onClose={() => props.onClose(null)} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)} data-testid="groups-edit-dialog">
        <DialogTitle>{t('groups.edit.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && (
              <Alert severity="error" data-testid="groups-edit-error">
                {t(error)}
              </Alert>
            )}
            <RunFields
              values={fields}
              onChange={(next) => setFields((f) => ({ ...f, ...next }))}
              staff={staff}
              testIdPrefix="groups-edit"
              rowDirection={{ xs: 'column', sm: 'row' }}
              capacityHelp={t('groups.edit.capacityHelp', {
                seated: r.seated,
                min: cap?.min ?? r.capacity,
                max: cap?.max ?? r.capacity,
              })}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => props.onClose(null)}>{t('groups.create.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="groups-edit-save">
            {t('groups.edit.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function EditSessionDialog(props: {
  session: GroupSessionView | null;
  runCapacity: number;
  onClose: (d: GroupRunDetail | null) => void;
  onArchive: (s: GroupSessionView) => void;
}) {
  const { t } = useTranslation();
  const s = props.session;
  // Mounted per session opened (the page keys it), so the fields start from that session.
  const [fields, setFields] = useState<SessionFieldValues>({
    when: s ? toLocalInput(new Date(s.startsAt)) : '',
    duration: String(s?.durationMin ?? 120),
    place: s?.place ?? '',
  });
  const [capacity, setCapacity] = useState(s?.capacity == null ? '' : String(s.capacity));
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!s) return;
    const input = sessionInput(fields);
    if (!input) return setError('groups.v.startsAt');
    try {
      props.onClose(
        await call('groups:updateSession', {
          id: s.id,
          ...input,
          capacity: capacity.trim() === '' ? null : Number(capacity),
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog open={s !== null} onClose={() => props.onClose(null)} fullWidth maxWidth="xs">
      <form onSubmit={(e) => void submit(e)} data-testid="groups-session-dialog">
        <DialogTitle>{t('groups.sessionEdit.title', { n: s?.sessionNo ?? '' })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{t(error)}</Alert>}
            <SessionFields
              values={fields}
              onChange={(next) => setFields((f) => ({ ...f, ...next }))}
              whenTestId="groups-session-when"
            />
            <TextField
              type="number"
              label={t('groups.sessionEdit.capacity')}
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
              helperText={t('groups.sessionEdit.capacityHelp', {
                capacity: props.runCapacity,
                attended: s?.attended ?? 0,
              })}
              slotProps={{ htmlInput: { min: 1, max: 200, 'data-testid': 'groups-session-capacity' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button
            color="warning"
            onClick={() => s && props.onArchive(s)}
            data-testid="groups-session-archive"
            sx={{ mr: 'auto' }}
          >
            {t('groups.archive.session')}
          </Button>
          <Button onClick={() => props.onClose(null)}>{t('groups.create.cancel')}</Button>
          <Button type="submit" variant="contained" data-testid="groups-session-save">
            {t('groups.edit.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Asks for the reason and a confirmation before archiving a run or a session. */
export function ArchiveDialog(props: {
  open: boolean;
  title: string;
  body: string;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // Mounted each time it opens (the page renders it only then): the reason starts empty.
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim() === '') return setError('groups.v.archiveReason');
    setBusy(true);
    try {
      await props.onConfirm(reason);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="xs">
      <form onSubmit={(e) => void submit(e)} data-testid="groups-archive-dialog">
        <DialogTitle>{props.title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{props.body}</DialogContentText>
            {error && <Alert severity="error">{t(error)}</Alert>}
            <TextField
              required
              autoFocus
              multiline
              minRows={2}
              label={t('groups.archive.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'groups-archive-reason' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>{t('groups.create.cancel')}</Button>
          <Button
            type="submit"
            variant="contained"
            color="warning"
            disabled={busy}
            data-testid="groups-archive-confirm"
          >
            {t('groups.archive.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
