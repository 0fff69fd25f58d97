import type { DesktopSync } from './sync/desktop-sync-handle.ts';
import type { StoreContext } from './store-context.ts';

export { isoNow } from './store-context.ts';

/**
 * What every use case needs, passed explicitly: the store, this device's id (audit and sync), and the
 * clock (tests and the demo generator fix it); those three are StoreContext (store-context.ts).
 */
export interface ServiceContext extends StoreContext {
  /** Present when a server is configured: sign-in goes online first, writes wake the background sync. */
  sync?: DesktopSync;
}
