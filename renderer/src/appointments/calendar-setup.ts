import dayjs from 'dayjs';
import 'dayjs/locale/ko';
import { dayjsLocalizer } from 'react-big-calendar';
import dragAndDropModule from 'react-big-calendar/lib/addons/dragAndDrop';
import { Calendar } from 'react-big-calendar';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import type { AppointmentView, TeamMember } from '../../../shared/contract/appointments.ts';

// react-big-calendar (MIT) with its dayjs localizer and its own drag-and-drop addon: the desk's day,
// week and agenda views. Korean and English through the `culture` prop and dayjs's locales.

export const localizer = dayjsLocalizer(dayjs);

// The addon ships only as CommonJS; the bundle hands over its `exports` object, whose `default` is the
// function (the dev server hands over the function itself).
type WithDnD = typeof dragAndDropModule;
const withDragAndDrop: WithDnD =
  (dragAndDropModule as unknown as { default?: WithDnD }).default ?? dragAndDropModule;

export interface CalendarEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  appointment: AppointmentView;
}

export const DnDCalendar = withDragAndDrop<CalendarEvent, TeamMember>(Calendar);

export function toEvent(a: AppointmentView): CalendarEvent {
  return {
    id: a.id,
    title: `${a.jobseekerName} · ${a.purpose}`,
    start: new Date(a.startsAt),
    end: new Date(a.endsAt),
    resourceId: a.counselorId,
    appointment: a,
  };
}
