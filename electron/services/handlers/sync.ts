import type { syncChannels } from '../../../shared/contract/sync.ts';
import { syncStatus } from '../sync/desktop-sync.ts';
import type { HandlerMap } from './types.ts';

export const syncHandlers: HandlerMap<keyof typeof syncChannels> = {
  'sync:status': (_input, { services }) => syncStatus(services.db, services.sync),
  'sync:now': (_input, { services }) => {
    services.sync?.scheduler.kick();
    return syncStatus(services.db, services.sync);
  },
};
