import { MenuItem, Stack, TextField, type StackProps } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';
import { fromLocalInput } from './labels.ts';

// The fields a run's create and edit dialogs share (title, facilitator, place, capacity) and the ones a
// session's add and edit dialogs share (when, length, place), so both sides of each say and check the
// same things. Each dialog keeps its own state and calls; these only lay the fields out.

export interface Staff {
  id: string;
  name: string;
}

/** The center's staff a run may be given to, loaded each time the dialog opens (none if it fails). */
export function useStaff(open: boolean): Staff[] {
  const [staff, setStaff] = useState<Staff[]>([]);
  useEffect(() => {
    if (!open) return;
    void call('groups:staff', {}).then(setStaff, () => setStaff([]));
  }, [open]);
  return staff;
}

export interface RunFieldValues {
  title: string;
  facilitator: string;
  place: string;
  capacity: string;
}

/** Title, facilitator and place side by side, then capacity; test ids are `${testIdPrefix}-title` etc. */
export function RunFields(props: {
  values: RunFieldValues;
  onChange: (next: Partial<RunFieldValues>) => void;
  staff: Staff[];
  testIdPrefix: string;
  /** How facilitator and place sit (side by side unless the dialog narrows). */
  rowDirection: StackProps['direction'];
  capacityHelp?: string;
  capacityLimits?: { min?: number; max?: number };
}) {
  const { t } = useTranslation();
  const { values: v, onChange, testIdPrefix: id } = props;
  return (
    <>
      <TextField
        required
        label={t('groups.create.titleField')}
        value={v.title}
        onChange={(e) => onChange({ title: e.target.value })}
        slotProps={{ htmlInput: { maxLength: 100, 'data-testid': `${id}-title` } }}
      />
      <Stack direction={props.rowDirection} spacing={2}>
        <TextField
          select
          required
          label={t('groups.create.facilitator')}
          value={props.staff.some((s) => s.id === v.facilitator) ? v.facilitator : ''}
          onChange={(e) => onChange({ facilitator: e.target.value })}
          sx={{ flex: 1 }}
        >
          {props.staff.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('groups.create.place')}
          value={v.place}
          onChange={(e) => onChange({ place: e.target.value })}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { maxLength: 200, 'data-testid': `${id}-place` } }}
        />
      </Stack>
      <TextField
        type="number"
        required
        label={t('groups.create.capacity')}
        value={v.capacity}
        onChange={(e) => onChange({ capacity: e.target.value })}
        helperText={props.capacityHelp}
        slotProps={{ htmlInput: { ...props.capacityLimits, 'data-testid': `${id}-capacity` } }}
      />
    </>
  );
}

export interface SessionFieldValues {
  when: string;
  duration: string;
  place: string;
}

/** What the session fields ask the service for; null when the start is not a date and time. */
export function sessionInput(
  v: SessionFieldValues,
): { startsAt: string; durationMin: number; place: string } | null {
  const startsAt = fromLocalInput(v.when);
  return startsAt ? { startsAt, durationMin: Number(v.duration), place: v.place } : null;
}

/** A session's start (date and time), length in minutes and place. */
export function SessionFields(props: {
  values: SessionFieldValues;
  onChange: (next: Partial<SessionFieldValues>) => void;
  whenHelp?: string;
  whenTestId?: string;
}) {
  const { t } = useTranslation();
  const { values: v, onChange } = props;
  return (
    <>
      <TextField
        type="datetime-local"
        required
        label={t('groups.session.startsAt')}
        value={v.when}
        onChange={(e) => onChange({ when: e.target.value })}
        helperText={props.whenHelp}
        slotProps={{
          inputLabel: { shrink: true },
          htmlInput: props.whenTestId ? { 'data-testid': props.whenTestId } : undefined,
        }}
      />
      <TextField
        type="number"
        label={t('groups.session.duration')}
        value={v.duration}
        onChange={(e) => onChange({ duration: e.target.value })}
        slotProps={{ htmlInput: { min: 10, max: 600 } }}
      />
      <TextField
        label={t('groups.session.place')}
        value={v.place}
        onChange={(e) => onChange({ place: e.target.value })}
      />
    </>
  );
}
