import type { CaseDb } from '../../db/connection.ts';
import type { SecretProtector } from './keyring.ts';
import type { DesktopSync } from './sync/desktop-sync.ts';

/**
 * What every use case needs, passed explicitly: the store, this device's id (audit and sync), and the
 * clock (tests and the demo generator fix it).
 */
export interface ServiceContext {
  db: CaseDb;
  deviceId: string;
  now: () => Date;
  /** Present when a server is configured: sign-in goes online first, writes wake the background sync. */
  sync?: DesktopSync;
  /** The OS keyring (Electron's safeStorage) where the app has one: seals the sync refresh token. */
  secrets?: SecretProtector;
}

export function isoNow(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
