import type { kioskChannels } from '../../../shared/contract/kiosk.ts';
import { kioskOpenings, kioskWelcome, takeTicket } from '../kiosk-tickets.ts';
import { arriveForAppointment } from '../appointment-arrival.ts';
import type { HandlerMap } from './types.ts';

// The kiosk's handlers read public facts only (center name, counters, floor guide, public openings)
// and write one thing: a ticket (also the one an appointment's arrival takes). None of them returns a case; none takes a session.

export const kioskHandlers: HandlerMap<keyof typeof kioskChannels> = {
  'kiosk:welcome': (_input, { services }) => kioskWelcome(services),
  'kiosk:openings': (input, { services }) => kioskOpenings(services, input),
  'kiosk:takeTicket': (input, { services }) => takeTicket(services, input),
  // Nothing to do in the services: Electron's main wipes the window's storage after this call.
  'kiosk:appointmentArrive': (input, { services }) => arriveForAppointment(services, input),
  'kiosk:endVisit': () => Promise.resolve(null),
};
