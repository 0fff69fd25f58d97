import { hostname } from 'node:os';
import type { authChannels, SessionInfo } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { completeSetup } from '../setup.ts';
import { lockSession, login, unlockSession } from '../auth.ts';
import type { ServiceContext } from '../context.ts';
import { SyncError } from '../sync/client.ts';
import { OfflineError } from '../sync/transport.ts';
import type { CallContext, HandlerMap } from './types.ts';

/** Online first when a server is configured: its accounts are the truth; offline, the local verifier. */
async function signIn(services: ServiceContext, loginId: string, password: string): Promise<SessionInfo> {
  const sync = services.sync;
  if (sync) {
    try {
      await sync.client.signIn(loginId, password, hostname());
      sync.scheduler.kick();
    } catch (error) {
      if (
        error instanceof SyncError &&
        (error.status === 401 || error.status === 423 || error.status === 403)
      ) {
        throw new AppFailure({
          code: 'unauthenticated',
          // The server answers a wrong password and a locked account alike (no login-id oracle), so
          // the desk names both; 423 is from servers older than that.
          message:
            error.status === 423
              ? 'auth.locked'
              : error.status === 401
                ? 'auth.wrongCredentialsOrLocked'
                : 'auth.wrongCredentials',
        });
      }
      if (!(error instanceof OfflineError)) throw error;
    }
  }
  return login(services, loginId, password);
}

/**
 * With the encrypted store's gate: unlock the store with this password first (a wrong one never gets
 * near the data), then check the account as before; the first successful sign-in of an account on this
 * PC wraps the store key for it. A store made by a sign-in that then failed is removed again.
 */
async function signInThroughGate(call: CallContext, loginId: string, password: string): Promise<SessionInfo> {
  const gate = call.gate;
  if (!gate) return signIn(call.services, loginId, password);
  await gate.unlockFor(loginId, password);
  const services = gate.current();
  if (!services) throw new AppFailure({ code: 'unauthenticated', message: 'auth.required' });
  try {
    const session = await signIn(services, loginId, password);
    gate.keep();
    if (!gate.knows(loginId)) await gate.rememberPassword(loginId, session.userId, password);
    // Shared PCs: once per PC, the store key goes into escrow so the center's other accounts can open it.
    if (services.sync) await gate.ensureEscrow();
    gate.backups.afterSignIn(); // a backup soon if the newest is older than the interval
    return session;
  } catch (error) {
    await gate.discardIfFresh();
    throw error;
  }
}

export const authHandlers: HandlerMap<keyof typeof authChannels> = {
  'auth:login': async ({ loginId, password }, call) => {
    const session = await signInThroughGate(call, loginId, password);
    call.setSession(session);
    return session;
  },
  'auth:setup': async (input, call) => {
    const session = await completeSetup(call, input);
    call.setSession(session);
    return session;
  },
  'auth:logout': (_input, call) => {
    call.setSession(null);
    return Promise.resolve(null);
  },
  'auth:session': (_input, call) => Promise.resolve(call.session),
  'auth:lock': async (_input, call) => {
    const session = await lockSession(call.services, requireSession(call));
    call.setSession(session);
    return session;
  },
  'auth:unlock': async ({ password }, call) => {
    try {
      const session = await unlockSession(call.services, requireSession(call), password);
      call.setSession(session);
      return session;
    } catch (error) {
      // Too many wrong passwords at the lock screen lock the account: the session ends with it.
      if (error instanceof AppFailure && error.error.message === 'auth.locked') call.setSession(null);
      throw error;
    }
  },
  'auth:activity': () => Promise.resolve(null),
};

function requireSession(call: CallContext): SessionInfo {
  if (!call.session) throw new AppFailure({ code: 'unauthenticated', message: 'auth.required' });
  return call.session;
}
