import type { SyncClient } from './client.ts';
import type { SyncScheduler } from './scheduler.ts';

/**
 * The desktop's sync machinery as the rest of the services see it (ServiceContext.sync). Its own file,
 * apart from desktop-sync.ts whose status reads refused changes through services that take the
 * context: the context names this handle, and nothing this handle names takes the context back.
 */
export interface DesktopSync {
  client: SyncClient;
  scheduler: SyncScheduler;
}
