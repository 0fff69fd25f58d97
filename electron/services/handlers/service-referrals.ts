import type { serviceReferralsChannels } from '../../../shared/contract/service-referrals.ts';
import { create, ofJobseeker, prompt, transition } from '../service-referrals.ts';
import { actor, type HandlerMap } from './types.ts';

export const serviceReferralsHandlers: HandlerMap<keyof typeof serviceReferralsChannels> = {
  'serviceReferrals:ofJobseeker': ({ jobseekerId }, call) =>
    ofJobseeker(call.services, actor(call), jobseekerId),
  'serviceReferrals:create': (input, call) => create(call.services, actor(call), input),
  'serviceReferrals:transition': (input, call) => transition(call.services, actor(call), input),
  'serviceReferrals:prompt': ({ jobseekerId }, call) => prompt(call.services, actor(call), jobseekerId),
};
