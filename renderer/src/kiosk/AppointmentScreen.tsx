import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppointmentArrival } from '../../../shared/contract/kiosk.ts';
import { ticketLabel } from '../../../shared/domain/tickets.ts';
import { composeKeys, KeyboardField, KoreanKeyboard } from './KoreanKeyboard.tsx';
import { KioskPage } from './KioskPage.tsx';
import { TicketCard } from './TicketCard.tsx';
import { useKiosk } from './visit.ts';

// "예약하고 왔어요" (issue 16 item 1): the visitor types their name and the last four digits of their
// phone; when exactly one of today's appointments at this center matches, they get a ticket and their
// counselor sees them as arrived. A miss says only that nothing was found (never which part was wrong)
// and offers an ordinary ticket.

const pad = (n: number) => String(n).padStart(2, '0');

export function AppointmentScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { lang, info, localized, endVisit } = useKiosk();
  const [nameKeys, setNameKeys] = useState<string[]>([]);
  const [digitKeys, setDigitKeys] = useState<string[]>([]);
  const [field, setField] = useState<'name' | 'digits' | null>('name');
  const [answer, setAnswer] = useState<AppointmentArrival | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function check() {
    setBusy(true);
    setError(null);
    const r = await window.kiosk?.invoke('kiosk:appointmentArrive', {
      name: composeKeys(nameKeys).trim(),
      phoneLast4: digitKeys.join(''),
      language: lang,
    });
    setBusy(false);
    if (!r) return;
    if (r.ok) setAnswer(r.value);
    else setError(r.error.message);
  }

  const counter = answer?.found ? info?.counters.find((c) => c.id === answer.counterId) : undefined;
  return (
    <KioskPage title={t('kioskScreens.appointment.title')} testId="kiosk-appointment">
      {answer?.found ? (
        <TicketCard
          number={ticketLabel(answer.ticketPrefix, answer.ticketNo)}
          numberSize="medium"
          onFinish={endVisit}
          testIds={{
            screen: 'appointment-arrived',
            number: 'appointment-ticket-number',
            finish: 'appointment-finish',
          }}
          lead={
            <>
              <Typography variant="h2" component="p">
                {t('kioskScreens.appointment.arrivedTitle')}
              </Typography>
              <Typography sx={{ fontSize: '1.3em', mt: 2 }}>
                {t('kioskScreens.appointment.arrivedBody', {
                  time: `${pad(new Date(answer.startsAt).getHours())}:${pad(new Date(answer.startsAt).getMinutes())}`,
                })}
              </Typography>
            </>
          }
        >
          {counter && (
            <Typography sx={{ fontSize: '1.5em', fontWeight: 800 }}>
              {t('kioskScreens.services.goTo', { counter: localized(counter.label) })}
            </Typography>
          )}
        </TicketCard>
      ) : (
        <Stack spacing={3}>
          <Typography sx={{ fontSize: '1.2em' }}>{t('kioskScreens.appointment.body')}</Typography>
          <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
            <KeyboardField
              id="appointment-name"
              label={t('kioskScreens.appointment.name')}
              value={composeKeys(nameKeys)}
              active={field === 'name'}
              onActivate={() => setField('name')}
              testId="appointment-name"
            />
            <KeyboardField
              id="appointment-digits"
              label={t('kioskScreens.appointment.last4')}
              value={digitKeys.join('')}
              active={field === 'digits'}
              onActivate={() => setField('digits')}
              testId="appointment-digits"
            />
          </Box>
          {field === 'name' && (
            <KoreanKeyboard
              keys={nameKeys}
              onChange={setNameKeys}
              maxKeys={30}
              onDone={() => setField('digits')}
            />
          )}
          {field === 'digits' && (
            <KoreanKeyboard
              digits
              keys={digitKeys}
              onChange={setDigitKeys}
              maxKeys={4}
              onDone={() => setField(null)}
            />
          )}
          {answer && !answer.found && (
            <Alert severity="info" sx={{ fontSize: '1.1em' }} data-testid="appointment-not-found">
              {t('kioskScreens.appointment.notFound')}
            </Alert>
          )}
          {error && (
            <Alert severity="error" role="alert" sx={{ fontSize: '1.1em' }}>
              {t(error)}
            </Alert>
          )}
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <Button
              variant="contained"
              startIcon={<EventAvailableIcon />}
              sx={{ flex: 1, minHeight: 96, fontSize: '1.3em' }}
              disabled={busy}
              onClick={() => void check()}
              data-testid="appointment-check"
            >
              {t('kioskScreens.appointment.confirm')}
            </Button>
            {answer && !answer.found && (
              <Button
                variant="outlined"
                sx={{ flex: 1, minHeight: 96, fontSize: '1.3em', borderWidth: 3 }}
                onClick={() => void navigate('/kiosk/ticket')}
                data-testid="appointment-take-ticket"
              >
                {t('kioskScreens.appointment.takeTicket')}
              </Button>
            )}
          </Stack>
        </Stack>
      )}
    </KioskPage>
  );
}
