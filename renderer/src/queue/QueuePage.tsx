import CampaignIcon from '@mui/icons-material/Campaign';
import {
  Alert,
  Button,
  Chip,
  FormControl,
  InputLabel,
  MenuItem,
  Paper,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalledTicket, QueueTicket, QueueView } from '../../../shared/contract/checkins.ts';
import { ApiError, call } from '../api.ts';
import { useDataGeneration } from '../data/freshness.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { scrollPageSx } from '../common/layout.ts';
import { StartIntakeDialog } from './StartIntakeDialog.tsx';
import { AppointmentChip } from '../appointments/QueueBooking.tsx';
import { CurrentTicketCard } from './CurrentTicketCard.tsx';
import { RedirectDialog } from './RedirectDialog.tsx';

// 방문 접수 대기: today's kiosk tickets of the center. The counselor picks their counter, calls the next
// visitor (or a specific one), and finishes, marks as left, or sends the ticket to another counter. A
// ticket with self-check answers opens the pick-or-register step that leads to a pre-filled intake.

const COUNTER_KEY = 'caseworker.queue.counter';
const REFRESH_MS = 10_000;

export function QueuePage() {
  const { t, i18n } = useTranslation();
  const { session } = useAuth();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  const [view, setView] = useState<QueueView | null>(null);
  const [chosenCounter, setCounterId] = useState<string>(() => localStorage.getItem(COUNTER_KEY) ?? '');
  const [current, setCurrent] = useState<CalledTicket | null>(null);
  const [intakeFor, setIntakeFor] = useState<CalledTicket | null>(null);
  const [redirecting, setRedirecting] = useState<QueueTicket | null>(null);
  const [message, setMessage] = useState<{ severity: 'info' | 'error'; text: string } | null>(null);
  const startIntakeButton = useRef<HTMLButtonElement>(null);

  const refresh = useCallback(async () => {
    try {
      setView(await call('checkins:queue', {}));
    } catch {
      setMessage({ severity: 'error', text: t('errors.internal') });
    }
  }, [t]);

  // Loaded again on a timer (the kiosk writes in its own window) and after any write or pulled rows
  // on this desk (the refresh model, renderer/src/data/freshness.ts).
  const generation = useDataGeneration();
  useEffect(() => {
    const first = window.setTimeout(() => void refresh(), 0);
    const timer = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [refresh, generation]);

  // The ticket this counselor is serving, after a reload: looked up once, from the first list. Doing
  // it on every list brought a just-finished ticket back from a list fetched before the finish.
  const restored = useRef(false);
  useEffect(() => {
    if (!view || restored.current) return;
    restored.current = true;
    const mine = view.tickets.filter((x) => x.status === 'called' && x.calledBy === session.userId).at(-1);
    if (mine)
      void call('checkins:get', { id: mine.id }).then((x) => {
        if (x.status === 'called') setCurrent((c) => c ?? x);
      });
  }, [view, session.userId]);

  // The counter chosen on this PC, or the first one until the counselor picks theirs.
  const counterId = view?.counters.some((c) => c.id === chosenCounter)
    ? chosenCounter
    : (view?.counters[0]?.id ?? '');

  const fail = (e: unknown) =>
    setMessage({
      severity: 'error',
      text:
        e instanceof ApiError
          ? t(e.error.message, { defaultValue: t('errors.internal') })
          : t('errors.internal'),
    });

  const serviceName = (id: string) => {
    const s = view?.services.find((x) => x.id === id);
    return s ? (lang === 'en' && s.name.en ? s.name.en : s.name.ko) : id;
  };
  // A ticket no known counter holds (none given, or a counter since removed) is any counter's to call.
  const knownCounter = (id: string | null) => view?.counters.find((x) => x.id === id);
  const counterName = (id: string | null) => {
    const c = knownCounter(id);
    return c ? (lang === 'en' && c.label.en ? c.label.en : c.label.ko) : t('queueDesk.anyCounter');
  };
  const minutes = (value: number | null) =>
    value === null ? t('common.none') : t('queue.minutes', { count: value });
  const average = (value: number | null) =>
    value === null ? t('queueDesk.noFigure') : t('queue.minutes', { count: value });

  const afterCall = (ticket: CalledTicket) => {
    setCurrent(ticket);
    setMessage({
      severity: 'info',
      text: t('queue.calledMessage', { no: ticket.ticketLabel, counter: counterName(ticket.counterId) }),
    });
    if (ticket.selfCheck) setIntakeFor(ticket);
    void refresh();
  };

  const callNext = async () => {
    try {
      const ticket = await call('checkins:callNext', { counterId });
      if (ticket) afterCall(ticket);
      else setMessage({ severity: 'info', text: t('queue.nobodyWaiting') });
    } catch (e) {
      fail(e);
    }
  };
  const callOne = async (id: string) => {
    try {
      afterCall(await call('checkins:call', { id, counterId }));
    } catch (e) {
      fail(e);
    }
  };
  const finish = async (outcome: 'done' | 'left') => {
    if (!current) return;
    try {
      await call('checkins:finish', { id: current.id, outcome });
      setCurrent(null);
      setMessage(null);
      void refresh();
    } catch (e) {
      fail(e);
    }
  };

  const waiting = view?.tickets.filter((x) => x.status === 'waiting') ?? [];
  const finished = view?.tickets.filter((x) => x.status === 'done' || x.status === 'left') ?? [];
  const mayCall = (x: QueueTicket) => x.counterId === counterId || !knownCounter(x.counterId);
  const waitingHere = waiting.filter(mayCall).length;
  // While a visitor is served, calling another waits until that ticket is finished or sent on; the
  // reason is shown next to the disabled buttons rather than leaving them greyed without a word.
  const callBlocked = !counterId || current !== null;
  const blockedReason = current
    ? t('queueDesk.finishFirst', { no: current.ticketLabel })
    : !counterId
      ? t('queueDesk.pickCounter')
      : null;

  return (
    <Stack spacing={3} sx={{ ...scrollPageSx, pb: 4 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700, flex: 1 }}>
          {t('queue.title')}
        </Typography>
        <FormControl sx={{ width: 240 }}>
          <InputLabel id="queue-counter-label">{t('queue.myCounter')}</InputLabel>
          <Select
            labelId="queue-counter-label"
            label={t('queue.myCounter')}
            value={view?.counters.some((c) => c.id === counterId) ? counterId : ''}
            onChange={(e) => {
              setCounterId(e.target.value);
              localStorage.setItem(COUNTER_KEY, e.target.value);
            }}
            data-testid="queue-counter"
          >
            {(view?.counters ?? []).map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {counterName(c.id)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <Button
          variant="contained"
          size="large"
          startIcon={<CampaignIcon />}
          onClick={() => void callNext()}
          disabled={callBlocked}
          aria-describedby={blockedReason ? 'queue-call-blocked' : undefined}
          data-testid="queue-call-next"
        >
          {t('queue.callNext', { count: waitingHere })}
        </Button>
      </Stack>
      {blockedReason && (
        <Typography id="queue-call-blocked" variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {blockedReason}
        </Typography>
      )}

      {message && (
        <Alert severity={message.severity} onClose={() => setMessage(null)} data-testid="queue-message">
          {message.text}
        </Alert>
      )}

      {view && (
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="queue-stats">
          <Chip label={t('queue.stats.waiting', { count: view.stats.waiting })} />
          <Chip label={t('queue.stats.served', { count: view.stats.served })} />
          <Chip label={t('queue.stats.left', { count: view.stats.left })} />
          <Chip
            label={t('queueDesk.avgWait', { value: average(view.stats.avgWaitMinutes) })}
            data-testid="queue-avg-wait"
          />
          <Chip
            label={t('queueDesk.avgService', { value: average(view.stats.avgServiceMinutes) })}
            data-testid="queue-avg-service"
          />
        </Stack>
      )}

      {current && (
        <CurrentTicketCard
          ticket={current}
          serviceName={serviceName}
          counterName={counterName}
          startIntakeButton={startIntakeButton}
          onStartIntake={() => setIntakeFor(current)}
          onFinish={(outcome) => void finish(outcome)}
          onRedirect={() => setRedirecting(current)}
          onRecall={() => void callOne(current.id)}
        />
      )}

      <Paper variant="outlined">
        <Typography variant="h6" component="h2" sx={{ px: 2, pt: 2 }}>
          {t('queue.waitingList')}
        </Typography>
        <Table size="small" aria-label={t('queue.waitingList')} data-testid="queue-waiting">
          <TableHead>
            <TableRow>
              <TableCell>{t('queue.col.no')}</TableCell>
              <TableCell>{t('queue.col.service')}</TableCell>
              <TableCell>{t('queue.col.counter')}</TableCell>
              <TableCell>{t('queue.col.waiting')}</TableCell>
              <TableCell>{t('queue.col.notes')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {waiting.map((x) => (
              <TableRow key={x.id} data-testid="queue-row" selected={mayCall(x)}>
                <TableCell sx={{ fontWeight: 700, fontSize: 18 }}>{x.ticketLabel}</TableCell>
                <TableCell>{serviceName(x.serviceId)}</TableCell>
                <TableCell>{counterName(x.counterId)}</TableCell>
                <TableCell>{minutes(x.waitedMinutes)}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1}>
                    {x.appointmentId && <AppointmentChip />}
                    {x.hasSelfCheck && <Chip size="small" color="primary" label={t('queue.hasSelfCheck')} />}
                    {x.redirects > 0 && <Chip size="small" label={t('queue.redirected')} />}
                    {x.language === 'en' && <Chip size="small" label="EN" />}
                  </Stack>
                </TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    disabled={callBlocked}
                    aria-describedby={blockedReason ? 'queue-call-blocked' : undefined}
                    onClick={() => void callOne(x.id)}
                    data-testid="queue-call"
                  >
                    {t('queue.call')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
            {waiting.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>{t('queue.empty')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </Paper>

      {finished.length > 0 && (
        <Paper variant="outlined">
          <Typography variant="h6" component="h2" sx={{ px: 2, pt: 2 }}>
            {t('queue.finishedList')}
          </Typography>
          <Table size="small" aria-label={t('queue.finishedList')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('queue.col.no')}</TableCell>
                <TableCell>{t('queue.col.service')}</TableCell>
                <TableCell>{t('queue.col.status')}</TableCell>
                <TableCell>{t('queue.col.counselor')}</TableCell>
                <TableCell>{t('queue.col.waited')}</TableCell>
                <TableCell>{t('queue.col.served')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {finished.map((x) => (
                <TableRow key={x.id} data-testid="queue-finished-row">
                  <TableCell>{x.ticketLabel}</TableCell>
                  <TableCell>{serviceName(x.serviceId)}</TableCell>
                  <TableCell>{t(`queue.status.${x.status}`)}</TableCell>
                  <TableCell>{x.calledByName ?? t('common.none')}</TableCell>
                  <TableCell>{minutes(x.waitedMinutes)}</TableCell>
                  <TableCell>{minutes(x.servedMinutes)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}

      {intakeFor && (
        <StartIntakeDialog
          ticket={intakeFor}
          onClose={() => {
            setIntakeFor(null);
            // Back to the served visitor's card: the button that called them is disabled now, so the
            // dialog cannot hand focus back to it.
            window.setTimeout(() => startIntakeButton.current?.focus(), 0);
          }}
        />
      )}
      {redirecting && view && (
        <RedirectDialog
          view={view}
          ticket={redirecting}
          lang={lang}
          onClose={() => setRedirecting(null)}
          onDone={() => {
            setRedirecting(null);
            setCurrent(null);
            void refresh();
          }}
          onError={fail}
        />
      )}
    </Stack>
  );
}
