import { z } from 'zod';
import {
  KIOSK_LANGUAGES,
  selfCheckSchema,
  visitorNameSchema,
  visitorPhoneSchema,
  type Counter,
  type KioskService,
  type KioskSettings,
} from '../domain/kiosk.ts';
import { channel } from './channel.ts';
import { searchQuerySchema } from './search.ts';

/** Public facts only: the kiosk never receives case data. */
export interface KioskWelcome {
  centerName: string;
  /** The center's 시도 code: the openings screen starts there. */
  sido: string;
  languages: Array<'ko' | 'en'>;
  idleSeconds: number;
  countdownSeconds: number;
  counters: Counter[];
  services: KioskService[];
  floorGuide: KioskSettings['floorGuide'];
  texts: KioskSettings['texts'];
}

/** A public job opening as the lobby shows it: title, employer, region, wage; nothing more. */
export interface PublicOpening {
  id: string;
  title: string;
  employerName: string;
  occupation: string;
  sido: string;
  sigungu: string | null;
  wage: number;
}

export interface PublicOpeningsPage {
  items: PublicOpening[];
  total: number;
  /** Public open openings per KECO major group and per 시도, for the touch filters. */
  majors: Array<{ code: string; count: number }>;
  regions: Array<{ code: string; count: number }>;
}

export interface KioskTicket {
  id: string;
  ticketNo: number;
  /** The issuing PC's letter ('' for a PC without one): shared/domain/tickets.ts. */
  ticketPrefix: string;
  /** What the visitor reads: "A-012" (or "12" without a letter). */
  ticketLabel: string;
  serviceId: string;
  counterId: string;
  issuedAt: string;
  /** Tickets for the same counter still waiting before this one. */
  waitingAhead: number;
}

export const kioskOpeningsInputSchema = z
  .object({
    /** KECO major group (one digit). */
    major: z.string().regex(/^\d$/, 'validation.occupation').optional(),
    sido: z
      .string()
      .regex(/^\d{2}$/, 'validation.region')
      .optional(),
    query: searchQuerySchema(30),
    offset: z.number().int().min(0).max(10_000).default(0),
    limit: z.number().int().min(1).max(30).default(10),
  })
  .strict();

export const takeTicketInputSchema = z
  .object({
    serviceId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'validation.required'),
    language: z.enum(KIOSK_LANGUAGES),
    /** The visitor agreed to the notice; without it nothing personal is kept, not even self-check answers. */
    consent: z.boolean(),
    name: visitorNameSchema.default(''),
    phone: visitorPhoneSchema.nullable().default(null),
    selfCheck: selfCheckSchema.nullable().default(null),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.consent) return;
    if (t.name !== '')
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'kioskScreens.consentNeeded' });
    if (t.phone !== null)
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'kioskScreens.consentNeeded' });
    if (t.selfCheck !== null)
      ctx.addIssue({ code: 'custom', path: ['selfCheck'], message: 'kioskScreens.consentNeeded' });
  });

/** "예약하고 왔어요": the visitor's name and the last four digits of their phone (issue 16 item 1). */
export const appointmentArriveInputSchema = z
  .object({
    name: visitorNameSchema.refine((v) => v.length > 0, 'kioskScreens.appointment.nameNeeded'),
    phoneLast4: z.string().regex(/^\d{4}$/, 'kioskScreens.appointment.fourDigits'),
    language: z.enum(KIOSK_LANGUAGES),
  })
  .strict();

/**
 * The answer to an arrival: a ticket when exactly this person has an open appointment today at this
 * center, else only `found: false` — the same answer whether the name, the digits or the day was wrong.
 */
export type AppointmentArrival =
  | { found: false }
  | { found: true; ticketNo: number; ticketPrefix: string; counterId: string; startsAt: string };

export const kioskChannels = {
  'kiosk:welcome': channel<KioskWelcome>()({
    surface: 'kiosk',
    access: 'kiosk',
    input: z.object({}).strict(),
  }),
  'kiosk:openings': channel<PublicOpeningsPage>()({
    surface: 'kiosk',
    access: 'kiosk',
    input: kioskOpeningsInputSchema,
  }),
  'kiosk:takeTicket': channel<KioskTicket>()({
    surface: 'kiosk',
    access: 'kiosk',
    input: takeTicketInputSchema,
  }),
  'kiosk:appointmentArrive': channel<AppointmentArrival>()({
    surface: 'kiosk',
    access: 'kiosk',
    input: appointmentArriveInputSchema,
  }),
  /** The visitor left (idle reset or "done"): main wipes the kiosk window's storage and history. */
  'kiosk:endVisit': channel<null>()({
    surface: 'kiosk',
    access: 'kiosk',
    input: z.object({}).strict(),
  }),
};
