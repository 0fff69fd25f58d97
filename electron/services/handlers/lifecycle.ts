import type { lifecycleChannels } from '../../../shared/contract/lifecycle.ts';
import { closeCase, closeCases, reopenCase, statusHistory } from '../case-lifecycle.ts';
import {
  cancelTransfer,
  caseTransfers,
  decideTransfer,
  requestTransfer,
  transferAssignees,
  transferCenters,
  transferInbox,
} from '../case-transfers.ts';
import { actor, type HandlerMap } from './types.ts';

export const lifecycleHandlers: HandlerMap<keyof typeof lifecycleChannels> = {
  'lifecycle:close': (input, call) => closeCase(call.services, actor(call), input),
  'lifecycle:closeMany': (input, call) =>
    closeCases(
      call.services,
      actor(call),
      input.jobseekerIds,
      input.reason,
      input.text,
      input.noContactMonths,
    ),
  'lifecycle:reopen': (input, call) => reopenCase(call.services, actor(call), input),
  'lifecycle:history': async ({ jobseekerId }, call) => ({
    events: await statusHistory(call.services, actor(call), jobseekerId),
    transfers: await caseTransfers(call.services, actor(call), jobseekerId),
  }),
  'lifecycle:requestTransfer': (input, call) => requestTransfer(call.services, actor(call), input),
  'lifecycle:decideTransfer': (input, call) => decideTransfer(call.services, actor(call), input),
  'lifecycle:cancelTransfer': ({ transferId }, call) =>
    cancelTransfer(call.services, actor(call), transferId),
  'lifecycle:transferInbox': (_input, call) => transferInbox(call.services, actor(call)),
  'lifecycle:transferChoices': async (_input, call) => {
    const a = actor(call);
    return {
      centers: await transferCenters(call.services, a),
      assignees: a.role === 'supervisor' ? await transferAssignees(call.services, a) : [],
    };
  },
};
