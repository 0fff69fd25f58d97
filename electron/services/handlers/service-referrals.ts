import type { serviceReferralsChannels } from '../../../shared/contract/service-referrals.ts';
import { create, ofJobseeker, prompt, transition } from '../service-referrals.ts';
import { actor, type HandlerMap } from './types.ts';

export const serviceReferralsHandlers: HandlerMap<keyof typeof serviceReferralsChannels> = {
  'services:ofJobseeker': ({ jobseekerId }, call) => ofJobseeker(call.services, actor(call), jobseekerId),
  'services:create': (input, call) => create(call.services, actor(call), input),
  'services:transition': (input, call) => transition(call.services, actor(call), input),
  'services:prompt': ({ jobseekerId }, call) => prompt(call.services, actor(call), jobseekerId),
};
