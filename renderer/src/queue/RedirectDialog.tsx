import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueTicket, QueueView } from '../../../shared/contract/checkins.ts';
import { call } from '../api.ts';

// Sending a called ticket on to another service or counter (queue.redirect): the counter follows the
// chosen service until the counselor picks another one.

export function RedirectDialog({
  view,
  ticket,
  lang,
  onClose,
  onDone,
  onError,
}: {
  view: QueueView;
  ticket: QueueTicket;
  lang: 'ko' | 'en';
  onClose: () => void;
  onDone: () => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const [serviceId, setServiceId] = useState(ticket.serviceId);
  const [counterId, setCounterId] = useState(
    view.services.find((s) => s.id === ticket.serviceId)?.counterId ?? view.counters[0]?.id ?? '',
  );
  const text = (l: { ko: string; en: string }) => (lang === 'en' && l.en ? l.en : l.ko);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="redirect-title">
      <DialogTitle id="redirect-title">{t('queue.redirectTitle', { no: ticket.ticketLabel })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <FormControl>
            <InputLabel id="redirect-service">{t('queue.col.service')}</InputLabel>
            <Select
              labelId="redirect-service"
              label={t('queue.col.service')}
              value={serviceId}
              onChange={(e) => {
                setServiceId(e.target.value);
                const s = view.services.find((x) => x.id === e.target.value);
                if (s) setCounterId(s.counterId);
              }}
              data-testid="redirect-service"
            >
              {view.services.map((s) => (
                <MenuItem key={s.id} value={s.id}>
                  {text(s.name)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <FormControl>
            <InputLabel id="redirect-counter">{t('queue.col.counter')}</InputLabel>
            <Select
              labelId="redirect-counter"
              label={t('queue.col.counter')}
              value={counterId}
              onChange={(e) => setCounterId(e.target.value)}
              data-testid="redirect-counter"
            >
              {view.counters.map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {text(c.label)} {c.location.ko ? `· ${text(c.location)}` : ''}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <Typography variant="body2" color="text.secondary">
            {t('queue.redirectNote')}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('jobseekers.cancel')}</Button>
        <Button
          variant="contained"
          data-testid="redirect-confirm"
          onClick={() =>
            void call('checkins:redirect', { id: ticket.id, serviceId, counterId }).then(onDone, onError)
          }
        >
          {t('queue.redirect')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
