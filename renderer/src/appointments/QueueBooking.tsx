import EventIcon from '@mui/icons-material/Event';
import { Button, Chip, Snackbar } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';
import { BookingDialog } from './BookingDialog.tsx';
import type { PickedJobseeker } from './JobseekerPicker.tsx';

// The queue's part in appointments: a waiting ticket taken with "I have an appointment" is marked,
// and the counselor serving a ticket books the next meeting from there (for the linked case, or a
// person they pick).

export function AppointmentChip() {
  const { t } = useTranslation();
  return (
    <Chip size="small" color="warning" label={t('appointments.arrived')} data-testid="queue-appointment" />
  );
}

export function QueueBookButton({ jobseekerId }: { jobseekerId: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [person, setPerson] = useState<PickedJobseeker | null>(null);
  const [done, setDone] = useState(false);
  async function start() {
    if (jobseekerId) {
      const j = await call('jobseekers:get', { id: jobseekerId }).catch(() => null);
      setPerson(j ? { id: j.id, name: j.name } : null);
    }
    setOpen(true);
  }
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<EventIcon />}
        onClick={() => void start()}
        data-testid="queue-book"
      >
        {t('appointments.book')}
      </Button>
      <BookingDialog
        open={open}
        jobseeker={person}
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          setDone(true);
        }}
      />
      <Snackbar
        open={done}
        autoHideDuration={3000}
        onClose={() => setDone(false)}
        message={t('appointments.booked')}
      />
    </>
  );
}
