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
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENT_CATALOGUE, programmesOfKind } from '../../../shared/programmes/catalogue.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { call } from '../api.ts';
import { defaultFirstSession, errorMessage, fromLocalInput, toLocalInput } from './labels.ts';
import { RunFields, useStaff, type RunFieldValues } from './RunFields.tsx';

// Creating a run (회차/과정): a group programme of the current catalogue, its title, facilitator, place
// and capacity (the catalogue's figure unless changed within its limits), and its sessions laid out from
// the first one at a fixed interval (each can be added later on the run's page). The completion threshold
// is the catalogue's figure, shown here with its "to confirm" mark.

const GROUP_PROGRAMMES = programmesOfKind('group-programme');

export function CreateRunDialog(props: { open: boolean; onClose: (createdId: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const { session } = useAuth();
  const first = GROUP_PROGRAMMES[0];
  const [code, setCode] = useState(first?.code ?? '');
  const programme = GROUP_PROGRAMMES.find((p) => p.code === code);
  const [fields, setFields] = useState<RunFieldValues>({
    title: '',
    facilitator: session.userId,
    place: '',
    capacity: String(first?.capacity?.value ?? 15),
  });
  const staff = useStaff(props.open);
  const { title, facilitator, place, capacity } = fields;
  const [start, setStart] = useState(toLocalInput(defaultFirstSession()));
  const [count, setCount] = useState(String(first?.sessions?.value ?? 1));
  const [interval, setIntervalDays] = useState('7');
  const [duration, setDuration] = useState('120');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function choose(next: string) {
    setCode(next);
    const p = GROUP_PROGRAMMES.find((x) => x.code === next);
    if (p?.capacity) setFields((f) => ({ ...f, capacity: String(p.capacity?.value) }));
    if (p?.sessions) setCount(String(p.sessions.value));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const startsAt = fromLocalInput(start);
    if (!startsAt) {
      setError('groups.v.startsAt');
      return;
    }
    const n = Math.max(1, Math.min(40, Number(count) || 1));
    const step = Math.max(0, Number(interval) || 0) * 86_400_000;
    const sessions = Array.from({ length: n }, (_, i) => ({
      startsAt: new Date(Date.parse(startsAt) + i * step).toISOString(),
      durationMin: Number(duration),
      place: place || null,
      capacity: null,
    }));
    setBusy(true);
    try {
      const d = await call('groups:create', {
        programmeCode: code,
        title,
        facilitatorId: facilitator,
        place,
        capacity: Number(capacity),
        sessions,
      });
      props.onClose(d.run.id);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const cap = programme?.capacity;
  const pct = programme?.completionAttendancePct;
  return (
    <Dialog open={props.open} onClose={() => props.onClose(null)} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)} data-testid="groups-create-dialog">
        <DialogTitle>{t('groups.create.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && <Alert severity="error">{t(error)}</Alert>}
            <TextField
              select
              required
              label={t('groups.create.programme')}
              value={code}
              onChange={(e) => choose(e.target.value)}
              slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'groups-programme' } as object } }}
            >
              {GROUP_PROGRAMMES.map((p) => (
                <MenuItem key={p.code} value={p.code}>
                  {i18n.language === 'en' ? p.en : p.ko}
                </MenuItem>
              ))}
            </TextField>
            <RunFields
              values={fields}
              onChange={(next) => setFields((f) => ({ ...f, ...next }))}
              staff={staff}
              testIdPrefix="groups"
              rowDirection="row"
              capacityHelp={
                cap
                  ? `${t('groups.create.capacityHelp', { value: cap.value, min: cap.min ?? cap.value, max: cap.max ?? cap.value })}${cap.toConfirm ? ` · ${t('groups.create.toConfirm')}` : ''}`
                  : undefined
              }
              capacityLimits={{ min: cap?.min, max: cap?.max }}
            />
            <Stack direction="row" spacing={2}>
              <TextField
                type="datetime-local"
                required
                label={t('groups.create.firstSession')}
                value={start}
                onChange={(e) => setStart(e.target.value)}
                sx={{ flex: 2 }}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'groups-first' } }}
              />
              <TextField
                type="number"
                label={t('groups.create.sessionCount')}
                value={count}
                onChange={(e) => setCount(e.target.value)}
                sx={{ flex: 1 }}
                slotProps={{ htmlInput: { min: 1, max: 40, 'data-testid': 'groups-count' } }}
              />
            </Stack>
            <Stack direction="row" spacing={2}>
              <TextField
                type="number"
                label={t('groups.create.intervalDays')}
                value={interval}
                onChange={(e) => setIntervalDays(e.target.value)}
                sx={{ flex: 1 }}
                slotProps={{ htmlInput: { min: 0, max: 60 } }}
              />
              <TextField
                type="number"
                label={t('groups.create.duration')}
                value={duration}
                onChange={(e) => setDuration(e.target.value)}
                sx={{ flex: 1 }}
                slotProps={{ htmlInput: { min: 10, max: 600 } }}
              />
            </Stack>
            {pct && (
              <Typography variant="body2" color="text.secondary">
                {t('groups.create.completion', { pct: pct.value, version: CURRENT_CATALOGUE.version })}
                {pct.toConfirm ? ` · ${t('groups.create.toConfirm')}` : ''}
              </Typography>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => props.onClose(null)}>{t('groups.create.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="groups-create-save">
            {t('groups.create.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
