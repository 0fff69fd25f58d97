import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Button,
  Chip,
  Snackbar,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../shared/contract/appointments.ts';
import { useChannel } from '../employers/common.tsx';
import { AppointmentDialog } from './AppointmentDialog.tsx';
import { BookingDialog } from './BookingDialog.tsx';
import type { PickedJobseeker } from './JobseekerPicker.tsx';
import { clock, dayAndClock, stateColor, stateKey } from './labels.ts';

// The case's appointments tab: every appointment of the person (newest first), the no-shows counted,
// and booking the next one.

export function JobseekerAppointments({ jobseeker }: { jobseeker: PickedJobseeker }) {
  const { t } = useTranslation();
  const list = useChannel('appointments:ofJobseeker', { jobseekerId: jobseeker.id });
  const [booking, setBooking] = useState(false);
  const [open, setOpen] = useState<AppointmentView | null>(null);
  const [moving, setMoving] = useState<AppointmentView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = list.value?.items ?? [];
  const noShows = list.value?.noShows ?? 0;
  return (
    <Box sx={{ pt: 2 }} data-testid="case-appointments">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {t('appointments.caseSection')}
        </Typography>
        <Chip
          color={noShows > 0 ? 'error' : 'default'}
          variant={noShows > 0 ? 'filled' : 'outlined'}
          label={t('appointments.noShows', { count: noShows })}
          data-testid="case-no-shows"
        />
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setBooking(true)}
          data-testid="case-book"
        >
          {t('appointments.book')}
        </Button>
      </Stack>
      {list.error && <Alert severity="error">{t(list.error.message)}</Alert>}
      {items.length === 0 ? (
        <Typography color="text.secondary">{t('appointments.noneYet')}</Typography>
      ) : (
        <Table size="small" aria-label={t('appointments.caseSection')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('appointments.startsAt')}</TableCell>
              <TableCell>{t('appointments.kind')}</TableCell>
              <TableCell>{t('appointments.purpose')}</TableCell>
              <TableCell>{t('appointments.counselor')}</TableCell>
              <TableCell>{t('appointments.outcome')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((a) => (
              <TableRow
                key={a.id}
                data-record-id={a.id}
                hover
                tabIndex={0}
                sx={{ cursor: 'pointer' }}
                onClick={() => setOpen(a)}
                onKeyDown={(e) => e.key === 'Enter' && setOpen(a)}
                data-testid={`case-appt-${a.id}`}
              >
                <TableCell>
                  {dayAndClock(a.startsAt)}–{clock(a.endsAt)}
                </TableCell>
                <TableCell>{t(`appointments.kinds.${a.kind}`)}</TableCell>
                <TableCell>{a.purpose}</TableCell>
                <TableCell>{a.counselorName ?? ''}</TableCell>
                <TableCell>
                  <Chip size="small" color={stateColor(a)} label={t(stateKey(a))} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <BookingDialog
        open={booking}
        jobseeker={jobseeker}
        onClose={() => setBooking(false)}
        onDone={() => {
          setBooking(false);
          setNotice(t('appointments.booked'));
          list.reload();
        }}
      />
      <BookingDialog
        open={moving !== null}
        moving={moving}
        onClose={() => setMoving(null)}
        onDone={() => {
          setMoving(null);
          setNotice(t('appointments.moved'));
          list.reload();
        }}
      />
      <AppointmentDialog
        appointment={open}
        onClose={() => setOpen(null)}
        onChanged={(a) => {
          setOpen(a);
          setNotice(t('appointments.outcomeSaved'));
          list.reload();
        }}
        onMove={(a) => {
          setOpen(null);
          setMoving(a);
        }}
      />
      <Snackbar
        open={notice !== null}
        autoHideDuration={3000}
        onClose={() => setNotice(null)}
        message={notice ?? ''}
      />
    </Box>
  );
}
