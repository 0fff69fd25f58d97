import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Box, Button, Card, CardActions, CardContent, Typography } from '@mui/material';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalledTicket } from '../../../shared/contract/checkins.ts';
import { formatPhone } from '../../../shared/domain/phone.ts';
import { QueueBookButton } from '../appointments/QueueBooking.tsx';

// The visitor this counselor is serving (QueuePage): who they are, their self-check answers if they
// gave any at the kiosk, and what the counselor can do next with the ticket.

export function CurrentTicketCard({
  ticket,
  serviceName,
  counterName,
  startIntakeButton,
  onStartIntake,
  onFinish,
  onRedirect,
  onRecall,
}: {
  ticket: CalledTicket;
  serviceName: (id: string) => string;
  counterName: (id: string | null) => string;
  /** The intake dialog hands focus back here when it closes (the call buttons are disabled by then). */
  startIntakeButton: RefObject<HTMLButtonElement | null>;
  onStartIntake: () => void;
  onFinish: (outcome: 'done' | 'left') => void;
  onRedirect: () => void;
  onRecall: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card variant="outlined" sx={{ borderColor: 'primary.main', borderWidth: 2 }} data-testid="queue-current">
      <CardContent>
        <Typography variant="overline">{t('queue.serving')}</Typography>
        <Typography variant="h4" component="p" sx={{ fontWeight: 800 }} data-testid="queue-current-no">
          {t('queue.ticketNo', { no: ticket.ticketLabel })}
        </Typography>
        <Typography>
          {serviceName(ticket.serviceId)} · {counterName(ticket.counterId)} ·{' '}
          {t('queue.waited', { minutes: ticket.waitedMinutes ?? 0 })}
          {ticket.language === 'en' && ` · ${t('queue.prefersEnglish')}`}
        </Typography>
        {(ticket.visitorName || ticket.visitorPhone) && (
          <Typography sx={{ mt: 1 }}>
            {t('queue.visitor')}: {ticket.visitorName ?? ''}{' '}
            {ticket.visitorPhone ? formatPhone(ticket.visitorPhone) : ''}
          </Typography>
        )}
        {ticket.selfCheck ? (
          <Box
            component="dl"
            sx={{ mt: 1, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, m: 0 }}
          >
            {(['searchActivities4w', 'startWish', 'willToWork'] as const).map((item) => (
              <Box key={item} sx={{ display: 'contents' }}>
                <Typography component="dt" variant="body2" color="text.secondary">
                  {t(`queue.selfCheck.${item}`)}
                </Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                  {t(`checklist.${item}.option.${String(ticket.selfCheck?.[item])}`)}
                </Typography>
              </Box>
            ))}
          </Box>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('queue.noSelfCheck')}
          </Typography>
        )}
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button
          variant="contained"
          startIcon={<FactCheckIcon />}
          onClick={onStartIntake}
          ref={startIntakeButton}
          data-testid="queue-start-intake"
        >
          {t('queue.startIntake')}
        </Button>
        <Button variant="contained" color="success" onClick={() => onFinish('done')} data-testid="queue-done">
          {t('queue.done')}
        </Button>
        <Button variant="outlined" onClick={() => onFinish('left')} data-testid="queue-left">
          {t('queue.left')}
        </Button>
        <QueueBookButton jobseekerId={ticket.jobseekerId} />
        <Button variant="outlined" onClick={onRedirect} data-testid="queue-redirect">
          {t('queue.redirect')}
        </Button>
        <Button onClick={onRecall}>{t('queue.recall')}</Button>
      </CardActions>
      <Typography variant="caption" color="text.secondary" sx={{ px: 2, pb: 1, display: 'block' }}>
        {t('queue.privacyNote')}
      </Typography>
    </Card>
  );
}
