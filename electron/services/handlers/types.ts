import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type { ChannelName, Contract, OutputOf, ParsedInputOf } from '../../../shared/contract/index.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import type { ServiceContext } from '../context.ts';
import type { StoreGate } from '../store-gate.ts';

/** What a handler receives besides its (already validated) input. */
export interface CallContext {
  /** The open store's services (reading it before unlock fails as "sign in first"). */
  services: ServiceContext;
  /** The encrypted store's gate in the app and the test host; null where a store is simply open. */
  gate: StoreGate | null;
  /** The caller's session; the dispatcher has already checked it against the channel's access. */
  session: SessionInfo | null;
  setSession(session: SessionInfo | null): void;
}

export type Handler<K extends ChannelName> = (
  input: ParsedInputOf<Contract[K]>,
  call: CallContext,
) => Promise<OutputOf<Contract[K]>>;

/** One typed handler per channel of a domain (Actual Budget's handler-map pattern). */
export type HandlerMap<K extends ChannelName> = { [P in K]: Handler<P> };

/** The signed-in user; channels with role access are only dispatched with one. */
export function actor(call: CallContext): SessionInfo {
  if (!call.session) throw new AppFailure({ code: 'unauthenticated', message: 'auth.required' });
  return call.session;
}
