import type { syncChannels } from '../../../shared/contract/sync.ts';
import { syncStatus } from '../sync/desktop-sync.ts';
import { exportOutbox } from '../sync/outbox-export.ts';
import { handRefused, resendRefused } from '../sync/refused.ts';
import { listReviews, resolveReview } from '../sync/reviews.ts';
import { actor, type HandlerMap } from './types.ts';

export const syncHandlers: HandlerMap<keyof typeof syncChannels> = {
  'sync:status': (_input, { services }) => syncStatus(services.db, services.sync),
  'sync:now': (_input, { services }) => {
    services.sync?.scheduler.kick();
    return syncStatus(services.db, services.sync);
  },
  'sync:reviews': ({ caseId }, call) => listReviews(call.services, actor(call), caseId),
  'sync:resolveReview': ({ id, choice }, call) => resolveReview(call.services, actor(call), id, choice),
  'sync:resendRefused': async ({ clientSeq }, call) => {
    await resendRefused(call.services, actor(call), clientSeq);
    return syncStatus(call.services.db, call.services.sync);
  },
  'sync:handRefused': async ({ clientSeq }, call) => {
    await handRefused(call.services, actor(call), clientSeq);
    return syncStatus(call.services.db, call.services.sync);
  },
  'sync:exportOutbox': ({ purpose }, call) => exportOutbox(call.services, actor(call), purpose),
};
