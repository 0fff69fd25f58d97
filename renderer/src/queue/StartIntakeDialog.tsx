import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItemButton,
  ListItemText,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CalledTicket } from '../../../shared/contract/checkins.ts';
import type { JobseekerListRow } from '../../../shared/domain/jobseeker.ts';
import { maskedPhoneLabel } from '../jobseekers/labels.ts';
import { ApiError, call } from '../api.ts';
import { handoffOf, linkAndOpenIntake, openRegistration } from './checkin-handoff.ts';

// Which jobseeker is this visitor? The counselor picks an existing record (searched by name, phone or
// registration number) or registers a new one; the intake then opens with the kiosk self-check answers
// filled in (fixed interface: /jobseekers/:id/intake, state { prefill, checkinId }).

export function StartIntakeDialog({ ticket, onClose }: { ticket: CalledTicket; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState(ticket.visitorName ?? ticket.visitorPhone ?? '');
  const [rows, setRows] = useState<JobseekerListRow[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    let live = true;
    const timer = window.setTimeout(() => {
      call('jobseekers:list', { query: q, limit: 8 })
        .then((page) => live && setRows(page.rows))
        .catch(() => live && setError(t('errors.internal')));
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query, t]);

  const handoff = handoffOf(ticket);
  const pick = async (jobseekerId: string) => {
    try {
      await linkAndOpenIntake(navigate, handoff, jobseekerId);
    } catch (e) {
      setError(
        e instanceof ApiError
          ? t(e.error.message, { defaultValue: t('errors.internal') })
          : t('errors.internal'),
      );
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="start-intake-title">
      <DialogTitle id="start-intake-title">{t('queue.intake.title', { no: ticket.ticketLabel })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">
            {ticket.selfCheck ? t('queue.intake.withAnswers') : t('queue.intake.noAnswers')}
          </Typography>
          <TextField
            label={t('queue.intake.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoFocus
            slotProps={{ htmlInput: { 'data-testid': 'intake-search' } }}
          />
          {error && <Alert severity="error">{error}</Alert>}
          <List dense aria-label={t('queue.intake.results')}>
            {(query.trim().length >= 2 ? rows : []).map((r) => (
              <ListItemButton key={r.id} onClick={() => void pick(r.id)} data-testid="intake-candidate">
                <ListItemText
                  primary={`${r.name} (${r.birthYear})`}
                  // A center-wide search: phones masked, as on every list (the full number is on the case).
                  secondary={`${r.regNo} · ${maskedPhoneLabel(t, r.phone)}`}
                />
              </ListItemButton>
            ))}
            {query.trim().length >= 2 && rows.length === 0 && (
              <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>
                {t('queue.intake.none')}
              </Typography>
            )}
          </List>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('jobseekers.cancel')}</Button>
        <Button
          variant="contained"
          data-testid="intake-register"
          onClick={() => openRegistration(navigate, handoff)}
        >
          {t('queue.intake.register')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
