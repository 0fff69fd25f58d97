import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { login } from '../services/auth.ts';
import { STORE_FILE, openDesktopStore, type DesktopStore } from '../services/store.ts';
import { CliError, readPassword } from './password.ts';

const MESSAGES: Record<string, string> = {
  'auth.wrongCredentials': 'Wrong user id or password.',
  'auth.locked': 'The account is locked after five failed sign-ins; try again in 30 minutes or ask an admin.',
};

/** Opens an existing store and signs the user in, as the app would (audited, lockout applies). */
export async function openSignedIn(
  data: string,
  user: string,
): Promise<{ store: DesktopStore; session: SessionInfo }> {
  if (!existsSync(join(data, STORE_FILE))) throw new CliError(`No case store in ${data}.`);
  const password = await readPassword();
  const store = await openDesktopStore(data, { create: false });
  try {
    const session = await login(store.context, user, password);
    return { store, session };
  } catch (e) {
    await store.close();
    if (e instanceof AppFailure) throw new CliError(MESSAGES[e.error.message] ?? e.error.message);
    throw e;
  }
}
