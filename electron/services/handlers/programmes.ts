import type { programmesChannels } from '../../../shared/contract/programmes.ts';
import { decide, enrol, move, ofJobseeker, precheck } from '../programmes/enrolments.ts';
import { getProgrammeFigures, saveProgrammeFigures } from '../programmes/figures.ts';
import { decidePeriod } from '../programmes/obligations.ts';
import { agreePlan, savePlan } from '../programmes/plans.ts';
import { actor, type HandlerMap } from './types.ts';

export const programmesHandlers: HandlerMap<keyof typeof programmesChannels> = {
  'programmes:ofJobseeker': ({ jobseekerId }, call) => ofJobseeker(call.services, actor(call), jobseekerId),
  'programmes:enrol': (input, call) => enrol(call.services, actor(call), input),
  'programmes:precheck': (input, call) => precheck(call.services, actor(call), input),
  'programmes:decide': (input, call) => decide(call.services, actor(call), input),
  'programmes:move': (input, call) => move(call.services, actor(call), input),
  'programmes:savePlan': (input, call) => savePlan(call.services, actor(call), input),
  'programmes:agreePlan': (input, call) => agreePlan(call.services, actor(call), input),
  'programmes:decidePeriod': (input, call) => decidePeriod(call.services, actor(call), input),
  'programmes:getFigures': (_input, call) => getProgrammeFigures(call.services, actor(call)),
  'programmes:saveFigures': ({ figures }, call) => saveProgrammeFigures(call.services, actor(call), figures),
};
