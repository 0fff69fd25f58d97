import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { StoreError } from './errors.ts';

// Keying a connection, on its own so that a worker thread checking or copying a store (backups) loads
// the driver and nothing else (connection.ts brings Kysely and every migration).

/**
 * SQLCipher 4 settings (readable by the standard SQLCipher tools with the same key) and a raw key: the
 * key is already 256 random bits, so the passphrase KDF would only add ~200 ms to every open.
 */
export function applyStoreKey(raw: BetterSqlite3.Database, key: Uint8Array): void {
  if (key.length !== 32) throw new StoreError('wrong-key', 'A store key is 32 bytes.');
  raw.pragma(`cipher = 'sqlcipher'`);
  raw.pragma('legacy = 4');
  raw.pragma(`key = "x'${Buffer.from(key).toString('hex')}'"`);
}
