import type { timelineChannels } from '../../../shared/contract/timeline.ts';
import { listTimeline } from '../timeline/index.ts';
import { actor, type HandlerMap } from './types.ts';

export const timelineHandlers: HandlerMap<keyof typeof timelineChannels> = {
  'timeline:list': (input, call) => listTimeline(call.services, actor(call), input),
};
