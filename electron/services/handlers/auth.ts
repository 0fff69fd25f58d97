import type { authChannels } from '../../../shared/contract/auth.ts';
import { login } from '../auth.ts';
import type { HandlerMap } from './types.ts';

export const authHandlers: HandlerMap<keyof typeof authChannels> = {
  'auth:login': async ({ loginId, password }, call) => {
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
