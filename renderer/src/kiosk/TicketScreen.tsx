import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskTicket } from '../../../shared/contract/kiosk.ts';
import { phoneDigits } from '../../../shared/domain/phone.ts';
import { composeKeys, KeyboardField, KoreanKeyboard } from './KoreanKeyboard.tsx';
import { KioskPage } from './KioskPage.tsx';
import { SelfCheckForm } from './SelfCheckScreen.tsx';
import { TicketCard } from './TicketCard.tsx';
import { useKiosk } from './visit.ts';

// 번호표 받기: choose the service, optionally answer the self-check, read the consent notice, optionally
// leave a name and phone, and get the number and the counter. Without consent the ticket carries the
// service only.

type Step = 'service' | 'offer' | 'selfCheck' | 'consent' | 'details' | 'issued';

export function TicketScreen() {
  const { t } = useTranslation();
  const { info, visit, setVisit, localized, lang, endVisit } = useKiosk();
  const services = info?.services ?? [];
  const service = services.find((s) => s.id === visit.serviceId) ?? null;
  const afterService = (selfCheckWanted: boolean): Step =>
    selfCheckWanted && !visit.selfCheck ? 'offer' : 'consent';
  const [step, setStep] = useState<Step>(service ? afterService(service.selfCheck) : 'service');
  const [history, setHistory] = useState<Step[]>([]);
  const [nameKeys, setNameKeys] = useState<string[]>([]);
  const [phoneKeys, setPhoneKeys] = useState<string[]>([]);
  const [field, setField] = useState<'name' | 'phone' | null>('name');
  const [ticket, setTicket] = useState<KioskTicket | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  const [printFailed, setPrintFailed] = useState(false);
  useEffect(() => () => (pdfUrl ? URL.revokeObjectURL(pdfUrl) : undefined), [pdfUrl]);

  // The paper ticket: Electron's main prints it on the kiosk's printer (ticket-printer.main.ts); the
  // browser preview has none and offers the same PDF to look at.
  const print = async (id: string) => {
    const printed = await window.kiosk?.invoke('kiosk:ticketPrint', { id });
    if (!printed?.ok) {
      setPrintFailed(true);
      return;
    }
    if (window.kiosk?.printsTickets) return;
    const bytes = Uint8Array.from(atob(printed.value.pdf), (c) => c.charCodeAt(0));
    setPdfUrl(URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' })));
  };

  const go = (next: Step) => {
    setHistory((h) => [...h, step]);
    setStep(next);
    setError(null);
    window.scrollTo(0, 0);
  };
  const back = () => {
    const prev = history.at(-1);
    if (!prev) return;
    setHistory((h) => h.slice(0, -1));
    setStep(prev);
    setError(null);
  };

  const issue = async (consent: boolean) => {
    if (!service || busy) return;
    setBusy(true);
    setError(null);
    const phone = consent ? phoneDigits(phoneKeys.join('')) : '';
    const r = await window.kiosk?.invoke('kiosk:takeTicket', {
      serviceId: service.id,
      language: lang,
      consent,
      name: consent ? composeKeys(nameKeys).trim() : '',
      phone: phone === '' ? null : phone,
      selfCheck: consent ? visit.selfCheck : null,
    });
    setBusy(false);
    if (r?.ok) {
      setTicket(r.value);
      void print(r.value.id);
      setHistory([]);
      setStep('issued');
      window.scrollTo(0, 0);
    } else {
      setError(
        r && !r.ok && r.error.field === 'phone' ? t('kioskScreens.ticket.badPhone') : t('kioskScreens.error'),
      );
    }
  };

  const counter = info?.counters.find((c) => c.id === (ticket?.counterId ?? service?.counterId));
  const consentText = info ? localized(info.texts.consent) : '';

  return (
    <KioskPage
      title={step === 'issued' ? t('kioskScreens.ticket.issuedTitle') : t('kioskScreens.ticket.title')}
      testId="kiosk-ticket"
      {...(history.length > 0 && step !== 'issued' ? { onBack: back } : {})}
    >
      {error && (
        <Alert severity="error" sx={{ mb: 3, fontSize: '1em' }} data-testid="ticket-error">
          {error}
        </Alert>
      )}

      {step === 'service' && (
        <Stack spacing={2} data-testid="ticket-step-service">
          <Typography variant="h2" component="p">
            {t('kioskScreens.ticket.chooseService')}
          </Typography>
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 520px), 1fr))',
            }}
          >
            {services.map((s) => {
              const c = info?.counters.find((x) => x.id === s.counterId);
              return (
                <Button
                  key={s.id}
                  variant="outlined"
                  data-testid={`ticket-service-${s.id}`}
                  onClick={() => {
                    setVisit((v) => ({ ...v, serviceId: s.id }));
                    go(afterService(s.selfCheck));
                  }}
                  sx={{
                    display: 'flex',
                    flexDirection: 'column',
                    alignItems: 'flex-start',
                    textAlign: 'left',
                    p: 3,
                    minHeight: 120,
                    borderWidth: 3,
                    '&:hover': { borderWidth: 3 },
                  }}
                >
                  <Box component="span" sx={{ fontSize: '1.3em', fontWeight: 800 }}>
                    {localized(s.name)}
                  </Box>
                  {c && (
                    <Box component="span" sx={{ fontWeight: 400 }}>
                      {localized(c.label)}
                    </Box>
                  )}
                </Button>
              );
            })}
          </Box>
        </Stack>
      )}

      {step === 'offer' && (
        <Stack spacing={3} data-testid="ticket-step-offer">
          <Typography variant="h2" component="p">
            {t('kioskScreens.ticket.offerTitle')}
          </Typography>
          <Typography>{t('kioskScreens.ticket.offerBody')}</Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <Button
              variant="contained"
              sx={{ flex: 1, minHeight: 96 }}
              onClick={() => go('selfCheck')}
              data-testid="offer-yes"
            >
              {t('kioskScreens.ticket.offerYes')}
            </Button>
            <Button
              variant="outlined"
              sx={{ flex: 1, minHeight: 96, borderWidth: 3 }}
              onClick={() => go('consent')}
              data-testid="offer-skip"
            >
              {t('kioskScreens.ticket.offerSkip')}
            </Button>
          </Stack>
        </Stack>
      )}

      {step === 'selfCheck' && (
        <SelfCheckForm
          initial={visit.selfCheck}
          doneLabel={t('kioskScreens.ticket.next')}
          onDone={(answers) => {
            setVisit((v) => ({ ...v, selfCheck: answers }));
            go('consent');
          }}
        />
      )}

      {step === 'consent' && (
        <Stack spacing={3} data-testid="ticket-step-consent">
          <Typography variant="h2" component="p">
            {t('kioskScreens.consent.title')}
          </Typography>
          <Paper variant="outlined" sx={{ p: 3, borderWidth: 2 }} data-testid="consent-notice">
            {consentText ? (
              <Typography sx={{ whiteSpace: 'pre-line' }}>{consentText}</Typography>
            ) : (
              <Box component="dl" sx={{ m: 0, display: 'grid', gap: 1.5 }}>
                {(['items', 'purpose', 'keep', 'refuse'] as const).map((k) => (
                  <Box key={k}>
                    <Typography component="dt" sx={{ fontWeight: 800 }}>
                      {t(`kioskScreens.consent.${k}Label`)}
                    </Typography>
                    <Typography component="dd" sx={{ m: 0 }}>
                      {t(`kioskScreens.consent.${k}`)}
                    </Typography>
                  </Box>
                ))}
              </Box>
            )}
          </Paper>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <Button
              variant="contained"
              sx={{ flex: 1, minHeight: 96 }}
              onClick={() => {
                setField('name');
                go('details');
              }}
              data-testid="consent-agree"
            >
              {t('kioskScreens.consent.agree')}
            </Button>
            <Button
              variant="outlined"
              sx={{ flex: 1, minHeight: 96, borderWidth: 3 }}
              disabled={busy}
              onClick={() => void issue(false)}
              data-testid="consent-decline"
            >
              {t('kioskScreens.consent.decline')}
            </Button>
          </Stack>
          {visit.selfCheck && (
            <Typography sx={{ color: 'text.secondary' }}>{t('kioskScreens.consent.declineNote')}</Typography>
          )}
        </Stack>
      )}

      {step === 'details' && (
        <Stack spacing={3} data-testid="ticket-step-details">
          <Typography>{t('kioskScreens.ticket.detailsBody')}</Typography>
          <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
            <KeyboardField
              id="visitor-name"
              label={t('kioskScreens.ticket.name')}
              hint={t('kioskScreens.ticket.optional')}
              value={composeKeys(nameKeys)}
              active={field === 'name'}
              onActivate={() => setField('name')}
              testId="visitor-name"
            />
            <KeyboardField
              id="visitor-phone"
              label={t('kioskScreens.ticket.phone')}
              hint={t('kioskScreens.ticket.optional')}
              value={phoneKeys.join('')}
              active={field === 'phone'}
              onActivate={() => setField('phone')}
              testId="visitor-phone"
            />
          </Box>
          {field === 'name' && (
            <KoreanKeyboard
              keys={nameKeys}
              onChange={setNameKeys}
              maxKeys={30}
              onDone={() => setField('phone')}
            />
          )}
          {field === 'phone' && (
            <KoreanKeyboard
              digits
              keys={phoneKeys}
              onChange={setPhoneKeys}
              maxKeys={11}
              onDone={() => setField(null)}
            />
          )}
          <Button
            variant="contained"
            startIcon={<ConfirmationNumberIcon />}
            sx={{ minHeight: 96, fontSize: '1.3em' }}
            disabled={busy}
            onClick={() => void issue(true)}
            data-testid="ticket-issue"
          >
            {t('kioskScreens.ticket.issue')}
          </Button>
        </Stack>
      )}

      {step === 'issued' && ticket && (
        <TicketCard
          number={ticket.ticketLabel}
          numberSize="large"
          onFinish={endVisit}
          testIds={{ screen: 'ticket-issued', number: 'ticket-number', finish: 'ticket-finish' }}
          below={
            <>
              <Typography sx={{ fontSize: '1.1em' }}>{t('kioskScreens.ticket.remember')}</Typography>
              {printFailed && (
                <Alert severity="warning" sx={{ fontSize: '1em' }} data-testid="ticket-print-failed">
                  {t('lobbyDisplay.printFailed')}
                </Alert>
              )}
              {pdfUrl && (
                <Button
                  variant="outlined"
                  component="a"
                  href={pdfUrl}
                  target="_blank"
                  rel="noopener"
                  data-testid="ticket-pdf"
                  sx={{ minHeight: 72 }}
                >
                  {t('lobbyDisplay.printPreview')}
                </Button>
              )}
            </>
          }
        >
          {service && (
            <Typography sx={{ fontSize: '1.3em', fontWeight: 700 }}>{localized(service.name)}</Typography>
          )}
          {counter && (
            <Typography sx={{ fontSize: '1.6em', fontWeight: 800, mt: 2 }} data-testid="ticket-counter">
              {t('kioskScreens.services.goTo', { counter: localized(counter.label) })}
            </Typography>
          )}
          {counter && localized(counter.location) && (
            <Typography sx={{ fontSize: '1.1em' }}>{localized(counter.location)}</Typography>
          )}
          <Typography sx={{ mt: 2, fontSize: '1.2em' }} data-testid="ticket-ahead">
            {t('kioskScreens.ticket.ahead', { count: ticket.waitingAhead })}
          </Typography>
        </TicketCard>
      )}
    </KioskPage>
  );
}
