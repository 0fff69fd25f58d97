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
} from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../shared/domain/tasks.ts';
import { ApiError, call } from '../api.ts';
import { useAuth } from '../auth/AuthProvider.tsx';

// The dialogs of a to-do (mounted only while open, so each opening starts blank): add one (optionally about a case, for someone of the center when a supervisor
// adds it), snooze it to a later day, hand it on.

function errorKey(e: unknown): string {
  return e instanceof ApiError ? e.error.message : 'errors.internal';
}

export function useCounselors(open: boolean) {
  const [people, setPeople] = useState<Array<{ id: string; name: string }>>([]);
  useEffect(() => {
    if (!open) return;
    void call('referrals:counselors', {}).then(setPeople, () => setPeople([]));
  }, [open]);
  return people;
}

export function NewTaskDialog(props: {
  open: boolean;
  today: string;
  jobseeker?: { id: string; name: string } | undefined;
  onClose: (created: Task | null) => void;
}) {
  const { t } = useTranslation();
  const { session } = useAuth();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(props.today);
  const [assignee, setAssignee] = useState('');
  const [error, setError] = useState<string | null>(null);
  const people = useCounselors(props.open && session.role === 'supervisor');

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const task = await call('tasks:create', {
        title,
        dueOn,
        link: props.jobseeker ? { kind: 'jobseeker', id: props.jobseeker.id } : null,
        ...(assignee ? { assigneeId: assignee } : {}),
      });
      props.onClose(task);
    } catch (err) {
      setError(errorKey(err));
    }
  }

  return (
    <Dialog open={props.open} onClose={() => props.onClose(null)} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)} data-testid="task-form">
        <DialogTitle>{t('tasks.newTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{t(error)}</Alert>}
            <TextField
              label={t('tasks.title')}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              required
              autoFocus
              slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'task-title' } }}
            />
            <TextField
              label={t('tasks.dueOn')}
              type="date"
              value={dueOn}
              onChange={(e) => setDueOn(e.target.value)}
              required
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'task-due' } }}
            />
            {props.jobseeker && (
              <TextField label={t('tasks.linkCase')} value={props.jobseeker.name} disabled />
            )}
            {session.role === 'supervisor' && (
              <TextField
                select
                label={t('tasks.assignee')}
                value={assignee}
                onChange={(e) => setAssignee(e.target.value)}
              >
                <MenuItem value="">{t('tasks.me')}</MenuItem>
                {people.map((p) => (
                  <MenuItem key={p.id} value={p.id}>
                    {p.name}
                  </MenuItem>
                ))}
              </TextField>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => props.onClose(null)}>{t('tasks.cancel')}</Button>
          <Button type="submit" variant="contained" data-testid="task-save">
            {t('tasks.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function SnoozeDialog(props: {
  task: Task | null;
  today: string;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const [until, setUntil] = useState(nextDay(props.today));
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!props.task) return;
    try {
      await call('tasks:snooze', { id: props.task.id, baseSeq: props.task.seq, until });
      props.onClose(true);
    } catch (err) {
      setError(errorKey(err));
    }
  }
  return (
    <Dialog open={props.task !== null} onClose={() => props.onClose(false)}>
      <form onSubmit={(e) => void submit(e)}>
        <DialogTitle>{t('tasks.snoozeTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{t(error)}</Alert>}
            <TextField
              label={t('tasks.snoozeUntil')}
              type="date"
              value={until}
              onChange={(e) => setUntil(e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'snooze-until' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => props.onClose(false)}>{t('tasks.cancel')}</Button>
          <Button type="submit" variant="contained" data-testid="snooze-apply">
            {t('tasks.snoozeApply')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function ReassignDialog(props: { task: Task | null; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const people = useCounselors(props.task !== null);
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!props.task || !to) return;
    try {
      await call('tasks:reassign', { id: props.task.id, baseSeq: props.task.seq, assigneeId: to });
      props.onClose(true);
    } catch (err) {
      setError(errorKey(err));
    }
  }
  return (
    <Dialog open={props.task !== null} onClose={() => props.onClose(false)} fullWidth maxWidth="xs">
      <form onSubmit={(e) => void submit(e)}>
        <DialogTitle>{t('tasks.reassignTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{t(error)}</Alert>}
            <TextField select label={t('tasks.assignee')} value={to} onChange={(e) => setTo(e.target.value)}>
              {people
                .filter((p) => p.id !== props.task?.assigneeId)
                .map((p) => (
                  <MenuItem key={p.id} value={p.id}>
                    {p.name}
                  </MenuItem>
                ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => props.onClose(false)}>{t('tasks.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!to}>
            {t('tasks.reassignApply')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
