import { hostname } from 'node:os';
import type { authChannels } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { login } from '../auth.ts';
import { SyncError } from '../sync/client.ts';
import { OfflineError } from '../sync/transport.ts';
import type { HandlerMap } from './types.ts';

export const authHandlers: HandlerMap<keyof typeof authChannels> = {
  'auth:login': async ({ loginId, password }, call) => {
    const sync = call.services.sync;
    if (sync) {
      // Online first: the server's accounts are the truth. Offline, the locally kept verifier decides.
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
            message: error.status === 423 ? 'auth.locked' : 'auth.wrongCredentials',
          });
        }
        if (!(error instanceof OfflineError)) throw error;
      }
    }
    const session = await login(call.services, loginId, password);
    call.setSession(session);
    return session;
  },
  'auth:logout': (_input, call) => {
    call.setSession(null);
    return Promise.resolve(null);
  },
  'auth:session': (_input, call) => Promise.resolve(call.session),
};
