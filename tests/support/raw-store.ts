import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { applyStoreKey } from '../../db/connection.ts';
import { readKeyring, unwrapForUser } from '../../electron/services/keyring.ts';
import { STORE_FILE } from '../../electron/services/store.ts';

/**
 * A read-only raw connection to a store made by the command line or the app, for tests that check
 * what was written: the key is unwrapped from the keyring with an account's password, as a sign-in
 * would.
 */
export async function openRawStore(
  dir: string,
  loginId: string,
  password: string,
): Promise<BetterSqlite3.Database> {
  const entry = readKeyring(dir)?.users[loginId];
  if (!entry) throw new Error(`No key for ${loginId} in ${dir}`);
  const key = await unwrapForUser(entry, loginId, password);
  if (!key) throw new Error(`Wrong password for ${loginId}`);
  const db = new BetterSqlite3(join(dir, STORE_FILE), { readonly: true });
  applyStoreKey(db, key);
  return db;
}
