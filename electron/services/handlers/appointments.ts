import type { appointmentsChannels } from '../../../shared/contract/appointments.ts';
import {
  book,
  history,
  ofJobseeker,
  overlapsFor,
  range,
  recordOutcome,
  reschedule,
  team,
} from '../appointments.ts';
import { actor, type HandlerMap } from './types.ts';

export const appointmentsHandlers: HandlerMap<keyof typeof appointmentsChannels> = {
  'appointments:range': (input, call) => range(call.services, actor(call), input),
  'appointments:ofJobseeker': ({ jobseekerId }, call) => ofJobseeker(call.services, actor(call), jobseekerId),
  'appointments:team': (_input, call) => team(call.services, actor(call)),
  'appointments:overlaps': (input, call) => overlapsFor(call.services, actor(call), input),
  'appointments:book': (input, call) => book(call.services, actor(call), input),
  'appointments:reschedule': (input, call) => reschedule(call.services, actor(call), input),
  'appointments:outcome': (input, call) => recordOutcome(call.services, actor(call), input),
  'appointments:history': ({ id }, call) => history(call.services, actor(call), id),
};
