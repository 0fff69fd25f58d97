import type { worklistChannels } from '../../../shared/contract/worklist.ts';
import { inbox, inboxCounts } from '../inbox/index.ts';
import { bulkAssign, bulkExport } from '../jobseeker-bulk.ts';
import { bulkClose } from '../jobseeker-bulk-close.ts';
import { listSavedFilters, removeSavedFilter, saveFilter } from '../saved-filters.ts';
import { createTask, reassignTask, setTaskDone, snoozeTask } from '../tasks.ts';
import { actor, type HandlerMap } from './types.ts';

export const worklistHandlers: HandlerMap<keyof typeof worklistChannels> = {
  'inbox:list': (_input, call) => inbox(call.services, actor(call)),
  'inbox:counts': (_input, call) => inboxCounts(call.services, actor(call)),
  'tasks:create': (input, call) => createTask(call.services, actor(call), input),
  'tasks:setDone': (input, call) => setTaskDone(call.services, actor(call), input),
  'tasks:snooze': (input, call) => snoozeTask(call.services, actor(call), input),
  'tasks:reassign': (input, call) => reassignTask(call.services, actor(call), input),
  'filters:list': (_input, call) => listSavedFilters(call.services, actor(call)),
  'filters:save': (input, call) => saveFilter(call.services, actor(call), input),
  'filters:delete': async ({ id }, call) => {
    await removeSavedFilter(call.services, actor(call), id);
    return null;
  },
  'jobseekers:bulkAssign': (input, call) => bulkAssign(call.services, actor(call), input),
  'jobseekers:bulkClose': (input, call) => bulkClose(call.services, actor(call), input),
  'jobseekers:bulkExport': (input, call) => bulkExport(call.services, actor(call), input),
};
