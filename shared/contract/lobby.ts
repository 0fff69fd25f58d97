import { z } from 'zod';
import type { Counter } from '../domain/kiosk.ts';
import { LOBBY_MAX_WAIT_MS, type LobbyCallsAnswer } from '../domain/lobby.ts';
import { ticketLetterSchema } from '../domain/tickets.ts';
import { channel } from './channel.ts';

// Issue 18 items 4 and 5: this PC's ticket letter and printer (desk, admins), the kiosk's printed
// ticket, and the lobby call display's feed (a kiosk-surface route, locked down like the kiosk).

export interface TicketDeviceSettings {
  /** This PC's id, as the center's letter map names it. */
  deviceId: string;
  /** This PC's letter, or null: it issues plain numbers (fine while it is the center's only kiosk). */
  letter: string | null;
  /** Letters other PCs of the center hold (not offered here). */
  taken: string[];
  /** The printer the kiosk prints tickets on (as the OS names it); null: the OS's default printer. */
  printer: string | null;
}

export interface PrintedTicket {
  /** The ticket as an 80 mm PDF, base64. */
  pdf: string;
  /** Where Electron's main prints it silently (null: the default printer). */
  printer: string | null;
  label: string;
}

export interface LobbyView extends LobbyCallsAnswer {
  centerName: string;
  counters: Counter[];
  /** `server`: the center's calls from the sync server; `local`: this PC's store (no server, or offline). */
  source: 'server' | 'local';
}

export const saveTicketDeviceSchema = z
  .object({
    letter: ticketLetterSchema.nullable(),
    printer: z.string().trim().max(200, 'validation.tooLong').nullable(),
  })
  .strict();

export const lobbyCallsInputSchema = z
  .object({
    after: z.string().max(100, 'validation.tooLong').optional(),
    wait: z.number().int().min(0).max(LOBBY_MAX_WAIT_MS).default(0),
  })
  .strict();

export const lobbyChannels = {
  'settings:getTicketDevice': channel<TicketDeviceSettings>()({
    surface: 'desk',
    access: ['admin'],
    input: z.object({}).strict(),
  }),
  'settings:saveTicketDevice': channel<TicketDeviceSettings>()({
    surface: 'desk',
    access: ['admin'],
    input: saveTicketDeviceSchema,
  }),
  /** The ticket just taken, as its paper receipt; Electron's main sends it to the printer silently. */
  'kiosk:ticketPrint': channel<PrintedTicket>()({
    surface: 'kiosk',
    access: 'kiosk',
    input: z.object({ id: z.string().uuid('validation.id') }).strict(),
  }),
  /** The lobby display's feed: answers when a call changed after `after`, or after `wait` ms. */
  'kiosk:lobbyCalls': channel<LobbyView>()({
    surface: 'kiosk',
    access: 'kiosk',
    input: lobbyCallsInputSchema,
  }),
};
