import type { CaseDb } from '../../db/connection.ts';
import type { SecretProtector } from './keyring.ts';

/**
 * The part of the services' context (context.ts) that needs no sync: the store, this device's id and
 * the clock. The sync client takes only this, so that the sync machinery, which the full context names,
 * does not name the context back (no import circle context → sync → context).
 */
export interface StoreContext {
  db: CaseDb;
  deviceId: string;
  now: () => Date;
  /** The OS keyring (Electron's safeStorage) where the app has one: seals the sync refresh token. */
  secrets?: SecretProtector;
}

export function isoNow(ctx: Pick<StoreContext, 'now'>): string {
  return ctx.now().toISOString();
}
