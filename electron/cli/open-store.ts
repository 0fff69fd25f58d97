import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { login } from '../services/auth.ts';
import { KeyringError, NO_OS_KEYRING } from '../services/keyring.ts';
import { StoreGate } from '../services/store-gate.ts';
import { STORE_FILE, StoreError, type DesktopStore } from '../services/store.ts';
import { CliError, readPassword } from './password.ts';

const MESSAGES: Record<string, string> = {
  'auth.wrongCredentials': 'Wrong user id or password.',
  'auth.locked': 'The account is locked after five failed sign-ins; try again in 30 minutes or ask an admin.',
  'auth.needsSetup': 'This folder has no store yet: run `caseworker demo` or set the desktop up first.',
};

/**
 * Opens an existing store and signs the user in, as the app would: the password unlocks the store's
 * key first (this account must have signed in on this desktop before), then the account is checked
 * (audited, lockout applies).
 */
export async function openSignedIn(
  data: string,
  user: string,
): Promise<{ store: DesktopStore; session: SessionInfo }> {
  if (!existsSync(join(data, STORE_FILE))) throw new CliError(`No case store in ${data}.`);
  const password = await readPassword();
  const gate = new StoreGate({ dataDir: data, protector: NO_OS_KEYRING });
  try {
    await gate.unlockFor(user, password);
    const store = gate.store;
    if (!store) throw new CliError(`The case store in ${data} could not be opened.`);
    const session = await login(store.context, user, password);
    return { store, session };
  } catch (e) {
    await gate.close();
    if (e instanceof AppFailure) throw new CliError(MESSAGES[e.error.message] ?? e.error.message);
    if (e instanceof StoreError || e instanceof KeyringError) throw new CliError(e.message);
    throw e;
  }
}
