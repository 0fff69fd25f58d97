import type { DesktopStore } from '../store.ts';

/**
 * What backups need from the encrypted store's gate (store-gate.ts implements it): the data folder, the
 * open store and its key, the key of a store found damaged at sign-in, and closing and reopening the
 * store around a change of its files.
 */
export interface BackupHost {
  readonly dataDir: string;
  now(): Date;
  /** The open store and its key, or null while the store is shut. */
  openStore(): { store: DesktopStore; key: Buffer } | null;
  /** True after a sign-in found the store damaged (the store stays shut). */
  isDamaged(): boolean;
  /** The store key for this account's password (wrong passwords count toward the lockout, as at sign-in). */
  proveKey(loginId: string, password: string): Promise<Buffer>;
  /** Shuts the store if it is open, runs `swap` on its files, and opens it again with `key`. */
  reopenAround(key: Buffer, swap: () => void): Promise<void>;
}
