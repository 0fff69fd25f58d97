import type { lobbyChannels } from '../../../shared/contract/lobby.ts';
import { lobbyCalls } from '../lobby-calls.ts';
import { getTicketDevice, saveTicketDevice } from '../ticket-device.ts';
import { ticketPrint } from '../ticket-print.ts';
import { actor, type HandlerMap } from './types.ts';

// The lobby (issue 18 items 4, 5): this PC's ticket letter and printer (admins, on the desk), the
// kiosk's printed ticket and the call display's feed (kiosk surface: public numbers and counters only).

export const lobbyHandlers: HandlerMap<keyof typeof lobbyChannels> = {
  'settings:getTicketDevice': (_input, call) => getTicketDevice(call.services, actor(call)),
  'settings:saveTicketDevice': (input, call) => saveTicketDevice(call.services, actor(call), input),
  'kiosk:ticketPrint': ({ id }, { services }) => ticketPrint(services, id),
  'kiosk:lobbyCalls': (input, { services }) => lobbyCalls(services, input),
};
