import type { groupsChannels } from '../../../shared/contract/groups.ts';
import { recordAttendance, recordCompletion } from '../groups/attendance.ts';
import { addFromFilter, addParticipants, ofJobseeker, setStatus } from '../groups/participants.ts';
import { archiveRun, archiveSession, updateRun, updateSession } from '../groups/edits.ts';
import { addSession, create, get, list, staff } from '../groups/runs.ts';
import { actor, type HandlerMap } from './types.ts';

export const groupsHandlers: HandlerMap<keyof typeof groupsChannels> = {
  'groups:list': ({ archived }, call) => list(call.services, actor(call), archived),
  'groups:get': ({ id }, call) => get(call.services, actor(call), id),
  'groups:staff': (_input, call) => staff(call.services, actor(call)),
  'groups:create': (input, call) => create(call.services, actor(call), input),
  'groups:addSession': (input, call) => addSession(call.services, actor(call), input),
  'groups:updateRun': (input, call) => updateRun(call.services, actor(call), input),
  'groups:archiveRun': async (input, call) => {
    await archiveRun(call.services, actor(call), input);
    return null;
  },
  'groups:updateSession': (input, call) => updateSession(call.services, actor(call), input),
  'groups:archiveSession': (input, call) => archiveSession(call.services, actor(call), input),
  'groups:addParticipants': (input, call) => addParticipants(call.services, actor(call), input),
  'groups:addFromFilter': (input, call) => addFromFilter(call.services, actor(call), input),
  'groups:setStatus': (input, call) => setStatus(call.services, actor(call), input),
  'groups:recordAttendance': (input, call) => recordAttendance(call.services, actor(call), input),
  'groups:recordCompletion': (input, call) => recordCompletion(call.services, actor(call), input),
  'groups:ofJobseeker': ({ jobseekerId }, call) => ofJobseeker(call.services, actor(call), jobseekerId),
};
