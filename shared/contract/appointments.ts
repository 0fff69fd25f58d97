import { z } from 'zod';
import {
  APPOINTMENT_KINDS,
  APPOINTMENT_OUTCOMES,
  DURATION_MAX,
  DURATION_MIN,
  type AppointmentEventKind,
  type AppointmentKind,
  type AppointmentOutcome,
} from '../domain/appointments.ts';
import { channel } from './channel.ts';
import { rule } from './messages.ts';

// Appointments (상담 예약, issue 16 item 1): the calendar's ranges (one counselor, or a supervisor's team),
// a case's appointments, booking, moving, recording the outcome, and an appointment's history. Overlaps
// are answered, never refused: the counselor decides.

const ROLES = ['counselor', 'supervisor'] as const;
const id = z.string().uuid('validation.id');
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const instant = z
  .string()
  .max(40, 'appointments.v.startsAt')
  .regex(ISO, 'appointments.v.startsAt')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'appointments.v.startsAt')
  // Stored as Date#toISOString, the form the sync declarations require.
  .transform((v) => new Date(Date.parse(v)).toISOString());
const duration = z
  .number(rule('appointments.v.duration', { min: DURATION_MIN, max: DURATION_MAX }))
  .int(rule('appointments.v.duration', { min: DURATION_MIN, max: DURATION_MAX }))
  .min(DURATION_MIN, rule('appointments.v.duration', { min: DURATION_MIN, max: DURATION_MAX }))
  .max(DURATION_MAX, rule('appointments.v.duration', { min: DURATION_MIN, max: DURATION_MAX }));
const optionalText = (max: number) =>
  z
    .string()
    .max(max, rule('validation.tooLongMax', { max }))
    .transform((v) => (v.trim() === '' ? null : v.trim()))
    .nullable()
    .default(null)
    .transform((v) => v ?? null);

export interface AppointmentView {
  id: string;
  jobseekerId: string;
  jobseekerName: string;
  counselorId: string;
  counselorName: string | null;
  kind: AppointmentKind;
  startsAt: string;
  endsAt: string;
  durationMin: number;
  place: string | null;
  purpose: string;
  note: string | null;
  outcome: AppointmentOutcome | null;
  outcomeAt: string | null;
  /** When the person checked in at the lobby kiosk for it (null: not yet). */
  arrivedAt: string | null;
}

/** Another appointment of the same counselor sharing time with the one being booked or moved. */
export interface OverlapView {
  id: string;
  startsAt: string;
  endsAt: string;
  jobseekerName: string;
}

export interface AppointmentWrite {
  appointment: AppointmentView;
  overlaps: OverlapView[];
}

export interface AppointmentEventView {
  id: string;
  kind: AppointmentEventKind;
  at: string;
  counselorName: string | null;
  fromStartsAt: string | null;
  toStartsAt: string | null;
  outcome: AppointmentOutcome | null;
  note: string | null;
}

export interface CaseAppointments {
  items: AppointmentView[];
  noShows: number;
}

export interface TeamMember {
  id: string;
  name: string;
}

const range = z
  .object({
    from: instant,
    to: instant,
    /** Whose calendars: omitted, the caller's own; other counselors' only for a supervisor. */
    counselorIds: z.array(id).max(50).optional(),
  })
  .strict()
  .refine((r) => r.from < r.to && Date.parse(r.to) - Date.parse(r.from) <= 62 * 86_400_000, {
    message: 'appointments.v.range',
    path: ['to'],
  });

export const bookInputSchema = z
  .object({
    jobseekerId: id,
    /** Whose appointment: omitted, the caller's own (a supervisor may book for a counselor). */
    counselorId: id.optional(),
    kind: z.enum(APPOINTMENT_KINDS, 'appointments.v.kind'),
    startsAt: instant,
    durationMin: duration,
    place: optionalText(300),
    purpose: z
      .string()
      .max(200, rule('validation.tooLongMax', { max: 200 }))
      .transform((v) => v.trim())
      .refine((v) => v.length > 0, 'appointments.v.purpose'),
    note: optionalText(2_000),
  })
  .strict();

export const appointmentsChannels = {
  'appointments:range': channel<AppointmentView[]>()({
    surface: 'desk',
    access: ROLES,
    input: range,
  }),
  'appointments:ofJobseeker': channel<CaseAppointments>()({
    surface: 'desk',
    access: ROLES,
    input: z.object({ jobseekerId: id }).strict(),
  }),
  /** The counselors whose calendars the caller may open: a supervisor's team, else only themself. */
  'appointments:team': channel<TeamMember[]>()({
    surface: 'desk',
    access: ROLES,
    input: z.object({}).strict(),
  }),
  /** The counselor's appointments sharing time with a proposed slot (the dialog warns as you type). */
  'appointments:overlaps': channel<OverlapView[]>()({
    surface: 'desk',
    access: ROLES,
    background: true,
    input: z
      .object({ counselorId: id.optional(), startsAt: instant, durationMin: duration, id: id.optional() })
      .strict(),
  }),
  'appointments:book': channel<AppointmentWrite>()({
    surface: 'desk',
    access: ROLES,
    input: bookInputSchema,
  }),
  /** Moves an open appointment (by drag or by the dialog); the old time stays in its history. */
  'appointments:reschedule': channel<AppointmentWrite>()({
    surface: 'desk',
    access: ROLES,
    input: z
      .object({ id, startsAt: instant, durationMin: duration.optional(), note: optionalText(2_000) })
      .strict(),
  }),
  'appointments:outcome': channel<AppointmentView>()({
    surface: 'desk',
    access: ROLES,
    input: z
      .object({
        id,
        outcome: z.enum(APPOINTMENT_OUTCOMES, 'appointments.v.outcome'),
        note: optionalText(2_000),
      })
      .strict(),
  }),
  'appointments:history': channel<AppointmentEventView[]>()({
    surface: 'desk',
    access: ROLES,
    input: z.object({ id }).strict(),
  }),
};
