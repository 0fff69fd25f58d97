import type { checkinsChannels } from '../../../shared/contract/checkins.ts';
import {
  callById,
  callNext,
  finishTicket,
  linkTicket,
  openTicket,
  queueView,
  redirectTicket,
} from '../checkins.ts';
import { actor, type HandlerMap } from './types.ts';

export const checkinsHandlers: HandlerMap<keyof typeof checkinsChannels> = {
  'checkins:queue': (_input, call) => queueView(call.services, actor(call)),
  'checkins:callNext': ({ counterId }, call) => callNext(call.services, actor(call), counterId),
  'checkins:call': ({ id, counterId }, call) => callById(call.services, actor(call), id, counterId),
  'checkins:get': ({ id }, call) => openTicket(call.services, actor(call), id),
  'checkins:finish': ({ id, outcome }, call) => finishTicket(call.services, actor(call), id, outcome),
  'checkins:redirect': ({ id, serviceId, counterId }, call) =>
    redirectTicket(call.services, actor(call), id, serviceId, counterId),
  'checkins:link': ({ id, jobseekerId }, call) => linkTicket(call.services, actor(call), id, jobseekerId),
};
