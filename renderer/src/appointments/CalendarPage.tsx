import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Button,
  Snackbar,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { View } from 'react-big-calendar';
import type { AppointmentView, AppointmentWrite, TeamMember } from '../../../shared/contract/appointments.ts';
import type { AppError } from '../../../shared/contract/result.ts';
import { call } from '../api.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { scrollPageSx } from '../common/layout.ts';
import { useDataGeneration } from '../data/freshness.ts';
import { errorOf, useLang } from '../employers/common.tsx';
import { AppointmentDialog } from './AppointmentDialog.tsx';
import { BookingDialog } from './BookingDialog.tsx';
import { DnDCalendar, localizer, toEvent, type CalendarEvent } from './calendar-setup.ts';
import { clock, stateColor } from './labels.ts';

// The counselor's calendar and home page (issue 16 item 1): today's agenda first, then day and week
// views; a supervisor switches to the team (every counselor of the center side by side). Dragging an
// open appointment moves it (history kept), clicking an empty slot books there, clicking an
// appointment opens it (outcome, move, history).

const DAY_MS = 86_400_000;
const VIEWS: View[] = ['agenda', 'day', 'week'];

function rangeOf(view: View, date: Date): { from: string; to: string } {
  const start = new Date(date);
  start.setHours(0, 0, 0, 0);
  if (view === 'day' || view === 'agenda') {
    return { from: start.toISOString(), to: new Date(start.getTime() + DAY_MS).toISOString() };
  }
  // A week whichever day it starts on in the language's calendar: the seven days either side.
  return {
    from: new Date(start.getTime() - 7 * DAY_MS).toISOString(),
    to: new Date(start.getTime() + 8 * DAY_MS).toISOString(),
  };
}

function viewParam(params: URLSearchParams): View | null {
  const v = params.get('view');
  return v && (VIEWS as string[]).includes(v) ? (v as View) : null;
}

function dateParam(params: URLSearchParams): Date | null {
  const d = params.get('date');
  const parsed = d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(`${d}T00:00:00`) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
}

export function CalendarPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { session } = useAuth();
  const isSupervisor = session.role === 'supervisor';
  // ?view=week&date=2026-12-07 opens a given view and day (links, and the tests' way in).
  const [params] = useSearchParams();
  const [view, setView] = useState<View>(() => viewParam(params) ?? 'agenda');
  const [date, setDate] = useState(() => dateParam(params) ?? new Date());
  // A link followed while the calendar is already open (the inbox's, a test's) changes the same page:
  // adjusted while rendering, as React advises for state that follows a prop.
  const search = params.toString();
  const [seenSearch, setSeenSearch] = useState(search);
  if (search !== seenSearch) {
    setSeenSearch(search);
    const v = viewParam(params);
    const d = dateParam(params);
    if (v) setView(v);
    if (d) setDate(d);
  }
  const [teamMode, setTeamMode] = useState(false);
  const [team, setTeam] = useState<TeamMember[]>([]);
  const [items, setItems] = useState<AppointmentView[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [open, setOpen] = useState<AppointmentView | null>(null);
  const [booking, setBooking] = useState<{ start: Date | null; counselorId?: string } | null>(null);
  const [moving, setMoving] = useState<AppointmentView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const generation = useDataGeneration();

  useEffect(() => {
    if (!isSupervisor) return;
    void call('appointments:team', {}).then(setTeam, (e: unknown) => setError(errorOf(e)));
  }, [isSupervisor]);

  const range = useMemo(() => rangeOf(view, date), [view, date]);
  const counselorIds = useMemo(() => (teamMode ? team.map((m) => m.id) : undefined), [teamMode, team]);
  useEffect(() => {
    let live = true;
    call('appointments:range', { ...range, ...(counselorIds ? { counselorIds } : {}) }).then(
      (v) => {
        if (!live) return;
        setItems(v);
        setError(null);
      },
      (e: unknown) => live && setError(errorOf(e)),
    );
    return () => {
      live = false;
    };
  }, [range, counselorIds, tick, generation]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  // The time grid scrolls: reachable and scrollable from the keyboard too (the library leaves it out).
  // Its empty all-day row (no appointment lasts all day) carries table roles outside any table: gone.
  useEffect(() => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="calendar"] .rbc-time-content')) {
      el.tabIndex = 0;
      el.setAttribute('aria-label', t('appointments.calendarLabel'));
    }
    // The week's day headers are buttons holding a lone column-header role outside any row: plain text.
    for (const el of document.querySelectorAll<HTMLElement>(
      '[data-testid="calendar"] .rbc-header [role="columnheader"]',
    )) {
      el.removeAttribute('role');
      el.removeAttribute('aria-sort');
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="calendar"] .rbc-allday-cell')) {
      el.style.display = 'none';
      el.removeAttribute('role');
      for (const row of el.querySelectorAll('[role]')) row.removeAttribute('role');
    }
  }, [view, items, teamMode, t]);
  const events = useMemo(() => items.map(toEvent), [items]);

  const afterWrite = useCallback(
    (w: AppointmentWrite, key: 'booked' | 'moved') => {
      setBooking(null);
      setMoving(null);
      setOpen(null);
      setNotice(
        w.overlaps.length > 0 && key === 'moved'
          ? t('appointments.movedWithOverlap', { count: w.overlaps.length })
          : t(`appointments.${key}`),
      );
      reload();
    },
    [reload, t],
  );

  const move = useCallback(
    (event: CalendarEvent, start: Date, end: Date) => {
      const durationMin = Math.max(5, Math.round((end.getTime() - start.getTime()) / 60_000));
      call('appointments:reschedule', { id: event.id, startsAt: start.toISOString(), durationMin }).then(
        (w) => afterWrite(w, 'moved'),
        (e: unknown) => setError(errorOf(e)),
      );
    },
    [afterWrite],
  );

  const messages = useMemo(
    () => ({
      today: t('appointments.nav.today'),
      previous: t('appointments.nav.previous'),
      next: t('appointments.nav.next'),
      day: t('appointments.views.day'),
      week: t('appointments.views.week'),
      agenda: t('appointments.views.agenda'),
      month: t('appointments.views.month'),
      date: t('appointments.agendaDate'),
      time: t('appointments.agendaTime'),
      event: t('appointments.agendaEvent'),
      allDay: t('appointments.allDay'),
      noEventsInRange: t('appointments.noEventsInRange'),
      showMore: (count: number) => t('appointments.showMore', { count }),
    }),
    [t],
  );

  return (
    <Box
      sx={{ ...scrollPageSx, display: 'flex', flexDirection: 'column', gap: 2 }}
      data-testid="appointments-page"
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          {t('appointments.title')}
        </Typography>
        {isSupervisor && (
          <ToggleButtonGroup
            exclusive
            size="small"
            value={teamMode ? 'team' : 'mine'}
            sx={{ '& .MuiToggleButton-root': { color: 'text.primary' } }}
            onChange={(_e, v: string | null) => v && setTeamMode(v === 'team')}
            aria-label={t('appointments.teamLabel')}
          >
            <ToggleButton value="mine" data-testid="calendar-mine">
              {t('appointments.mine')}
            </ToggleButton>
            <ToggleButton value="team" data-testid="calendar-team">
              {t('appointments.team')}
            </ToggleButton>
          </ToggleButtonGroup>
        )}
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setBooking({ start: null })}
          data-testid="calendar-new"
        >
          {t('appointments.newAppointment')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('appointments.dragHint')}
      </Typography>
      {error && (
        <Alert severity="error" role="alert" onClose={() => setError(null)}>
          {t(error.message)}
        </Alert>
      )}
      <Box
        role="region"
        aria-label={t('appointments.calendarLabel')}
        data-testid="calendar"
        sx={{
          flex: 1,
          minHeight: 560,
          '& .rbc-event': { outlineOffset: 2 },
          // A 30-minute meeting must show whom it is with, not only its time: an hour is tall enough for
          // two lines in a half-hour, and the time label is smaller than the name.
          '& .rbc-time-view .rbc-timeslot-group': { minHeight: 96 },
          '& .rbc-time-view .rbc-event': { fontSize: 13, lineHeight: 1.25, py: '1px', px: '4px' },
          '& .rbc-time-view .rbc-event-label': { fontSize: 11, lineHeight: 1.2 },
          '& .rbc-agenda-view table': { fontSize: 15 },
        }}
      >
        <DnDCalendar
          localizer={localizer}
          culture={lang}
          events={events}
          view={view}
          views={VIEWS}
          onView={setView}
          date={date}
          onNavigate={setDate}
          length={1}
          step={15}
          timeslots={4}
          scrollToTime={new Date(1970, 0, 1, 8, 30)}
          min={new Date(1970, 0, 1, 7, 0)}
          max={new Date(1970, 0, 1, 21, 0)}
          messages={messages}
          formats={{
            timeGutterFormat: 'HH:mm',
            eventTimeRangeFormat: ({ start, end }: { start: Date; end: Date }) =>
              `${clock(start.toISOString())}–${clock(end.toISOString())}`,
            agendaTimeRangeFormat: ({ start, end }: { start: Date; end: Date }) =>
              `${clock(start.toISOString())}–${clock(end.toISOString())}`,
            agendaDateFormat: lang === 'ko' ? 'M월 D일 (ddd)' : 'ddd D MMM',
            dayHeaderFormat: lang === 'ko' ? 'YYYY년 M월 D일 dddd' : 'dddd D MMMM YYYY',
          }}
          {...(teamMode && view === 'day'
            ? {
                resources: team,
                resourceIdAccessor: (r: TeamMember) => r.id,
                resourceTitleAccessor: (r: TeamMember) => r.name,
              }
            : {})}
          selectable
          resizable
          draggableAccessor={(e) => e.appointment.outcome === null}
          resizableAccessor={(e) => e.appointment.outcome === null}
          onEventDrop={({ event, start, end }) => move(event, new Date(start), new Date(end))}
          onEventResize={({ event, start, end }) => move(event, new Date(start), new Date(end))}
          onSelectSlot={(slot) =>
            setBooking({
              start: slot.start,
              ...(typeof slot.resourceId === 'string' ? { counselorId: slot.resourceId } : {}),
            })
          }
          onSelectEvent={(e) => setOpen(e.appointment)}
          onKeyPressEvent={(e, ev) => {
            if ((ev.nativeEvent as KeyboardEvent).key === 'Enter') setOpen(e.appointment);
          }}
          eventPropGetter={(e) => ({ className: `appt-${stateColor(e.appointment)}` })}
          // Side by side, never stacked over each other: every overlapping meeting keeps its name visible.
          dayLayoutAlgorithm="no-overlap"
          tooltipAccessor={(e) => eventText(e.appointment, t)}
          components={{ event: EventLabel, agenda: { event: AgendaEvent } }}
        />
      </Box>
      <BookingDialog
        open={booking !== null}
        start={booking?.start ?? null}
        counselorId={booking?.counselorId}
        team={isSupervisor ? team : undefined}
        onClose={() => setBooking(null)}
        onDone={(w) => afterWrite(w, 'booked')}
      />
      <BookingDialog
        open={moving !== null}
        moving={moving}
        onClose={() => setMoving(null)}
        onDone={(w) => afterWrite(w, 'moved')}
      />
      <AppointmentDialog
        appointment={open}
        onClose={() => setOpen(null)}
        onChanged={(a) => {
          setOpen(a);
          setNotice(t('appointments.outcomeSaved'));
          reload();
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

function StateMark({ a }: { a: AppointmentView }) {
  const { t } = useTranslation();
  if (a.outcome === null && !a.arrivedAt) return null;
  return (
    <Box component="span" sx={{ fontWeight: 700 }} data-testid="event-state">
      {' '}
      [{a.outcome ? t(`appointments.outcomes.${a.outcome}`) : t('appointments.arrived')}]
    </Box>
  );
}

function EventLabel({ event }: { event: CalendarEvent }) {
  const a = event.appointment;
  return (
    <span data-testid={`appt-${event.id}`}>
      <strong>{a.jobseekerName}</strong> · {a.purpose}
      <StateMark a={a} />
    </span>
  );
}

/** The whole of an appointment in one line: the tooltip of a block too small to show it all. */
function eventText(a: AppointmentView, t: (key: string) => string): string {
  return [
    `${clock(a.startsAt)}–${clock(a.endsAt)}`,
    a.jobseekerName,
    a.purpose,
    t(`appointments.kinds.${a.kind}`),
    a.place ?? '',
    a.counselorName ?? '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

function AgendaEvent({ event }: { event: CalendarEvent }) {
  const { t } = useTranslation();
  const a = event.appointment;
  return (
    <span data-testid={`appt-${event.id}`}>
      <strong>{a.jobseekerName}</strong> · {a.purpose} · {t(`appointments.kinds.${a.kind}`)}
      {a.place ? ` · ${a.place}` : ''}
      {a.counselorName ? ` · ${a.counselorName}` : ''}
      <StateMark a={a} />
    </span>
  );
}
