import type { mergesChannels } from '../../../shared/contract/merges.ts';
import { listDuplicatePairs, mergeCases, previewMerge, survivorFor } from '../merges.ts';
import { dismissPair, listDismissedPairs, undoDismissal } from '../merge-dismissals.ts';
import { actor, type HandlerMap } from './types.ts';

export const mergesHandlers: HandlerMap<keyof typeof mergesChannels> = {
  'merges:survivor': async ({ id }, call) => ({
    survivorId: await survivorFor(call.services, actor(call), id),
  }),
  'merges:duplicates': (_input, call) => listDuplicatePairs(call.services, actor(call)),
  'merges:preview': ({ a, b }, call) => previewMerge(call.services, actor(call), a, b),
  'merges:merge': (input, call) => mergeCases(call.services, actor(call), input),
  'merges:dismiss': (input, call) => dismissPair(call.services, actor(call), input),
  'merges:dismissed': (_input, call) => listDismissedPairs(call.services, actor(call)),
  'merges:undoDismiss': (input, call) => undoDismissal(call.services, actor(call), input),
};
