import { z } from 'zod';
import type { CheckinStatus, Counter, KioskService, SelfCheckAnswers } from '../domain/kiosk.ts';
import { channel } from './channel.ts';

// The counselors' side of the kiosk: today's waiting list of the center, calling, finishing and
// redirecting tickets, and linking a ticket to the jobseeker whose intake it starts.

const QUEUE_ROLES = ['counselor', 'supervisor'] as const;
const id = z.string().uuid('validation.id');
const ref = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'validation.required');

export interface QueueTicket {
  id: string;
  ticketNo: number;
  /** The issuing PC's letter ('' without one); the queue orders by issue time across letters. */
  ticketPrefix: string;
  /** "A-012", or the plain number of a ticket without a letter. */
  ticketLabel: string;
  serviceId: string;
  status: CheckinStatus;
  counterId: string | null;
  createdAt: string;
  calledAt: string | null;
  doneAt: string | null;
  calledBy: string | null;
  calledByName: string | null;
  hasSelfCheck: boolean;
  hasContact: boolean;
  language: 'ko' | 'en';
  redirects: number;
  jobseekerId: string | null;
  /** The appointment the visitor checked in for at the kiosk ("I have an appointment"). */
  appointmentId: string | null;
  /** Whole minutes from ticket to first call (still in line: to now); the average is over these. */
  waitedMinutes: number | null;
  /** Whole minutes from the last call to done; null unless done. */
  servedMinutes: number | null;
}

/** A ticket as the counselor who called it sees it: with the visitor's name, phone and answers. */
export interface CalledTicket extends QueueTicket {
  visitorName: string | null;
  visitorPhone: string | null;
  selfCheck: SelfCheckAnswers | null;
}

export interface QueueStats {
  waiting: number;
  served: number;
  left: number;
  /** The called tickets' waitedMinutes, averaged (one decimal). */
  avgWaitMinutes: number | null;
  /** The done tickets' servedMinutes, averaged (one decimal). */
  avgServiceMinutes: number | null;
}

export interface QueueView {
  day: string;
  tickets: QueueTicket[];
  services: KioskService[];
  counters: Counter[];
  stats: QueueStats;
}

export const checkinsChannels = {
  'checkins:queue': channel<QueueView>()({
    surface: 'desk',
    access: QUEUE_ROLES,
    background: true,
    input: z.object({}).strict(),
  }),
  /** Calls the longest-waiting ticket of a service this counter handles; null when nobody waits. */
  'checkins:callNext': channel<CalledTicket | null>()({
    surface: 'desk',
    access: QUEUE_ROLES,
    input: z.object({ counterId: ref }).strict(),
  }),
  'checkins:call': channel<CalledTicket>()({
    surface: 'desk',
    access: QUEUE_ROLES,
    input: z.object({ id, counterId: ref }).strict(),
  }),
  'checkins:get': channel<CalledTicket>()({
    surface: 'desk',
    access: QUEUE_ROLES,
    input: z.object({ id }).strict(),
  }),
  'checkins:finish': channel<QueueTicket>()({
    surface: 'desk',
    access: QUEUE_ROLES,
    input: z.object({ id, outcome: z.enum(['done', 'left']) }).strict(),
  }),
  /** Sends a called ticket to another service or counter; it keeps its place in the line. */
  'checkins:redirect': channel<QueueTicket>()({
    surface: 'desk',
    access: QUEUE_ROLES,
    input: z.object({ id, serviceId: ref, counterId: ref.optional() }).strict(),
  }),
  /** Records which jobseeker a ticket turned out to be (when the counselor starts the intake). */
  'checkins:link': channel<null>()({
    surface: 'desk',
    access: QUEUE_ROLES,
    input: z.object({ id, jobseekerId: id }).strict(),
  }),
};
