import type { z } from 'zod';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { contract, isChannelName, type Surface } from '../../shared/contract/index.ts';
import { AppFailure, fail, ok, type AppError, type Result } from '../../shared/contract/result.ts';
import type { ServiceContext } from '../services/context.ts';
import type { CallContext, HandlerMap } from '../services/handlers/index.ts';
import type { ChannelName } from '../../shared/contract/index.ts';

// The one gate between an untrusted window and the services, used by Electron's ipcMain and by the test
// host alike (no `electron` import here). In order: the channel exists; it belongs to the caller's
// window (a kiosk can never reach a case channel, whatever it sends); the session's role may call it;
// the input matches its schema. Only then is the handler called, and whatever it throws comes back as
// data. Nothing from a failed call reaches the store.

export interface SessionHolder {
  get(): SessionInfo | null;
  set(session: SessionInfo | null): void;
}

export interface Caller {
  surface: Surface;
  session: SessionHolder;
}

export interface Logger {
  error(obj: Record<string, unknown>, msg: string): void;
}

export type Dispatch = (caller: Caller, channelName: unknown, rawInput: unknown) => Promise<Result<unknown>>;

export function validationError(error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  return { code: 'validation', message: 'validation.failed', field: issues[0]?.field ?? '', issues };
}

export function createDispatcher(
  handlers: HandlerMap<ChannelName>,
  services: ServiceContext,
  log: Logger,
): Dispatch {
  return async (caller, channelName, rawInput) => {
    if (!isChannelName(channelName)) {
      const shown =
        typeof channelName === 'string'
          ? JSON.stringify(channelName.slice(0, 80))
          : `of type ${typeof channelName}`;
      return fail({ code: 'forbidden', message: `Unknown channel ${shown}` });
    }
    const spec = contract[channelName];
    if (spec.surface !== caller.surface) {
      return fail({
        code: 'forbidden',
        message: `The ${caller.surface} window may not call ${channelName}.`,
      });
    }
    const session = caller.session.get();
    if (spec.access !== 'public' && spec.access !== 'kiosk') {
      if (!session) return fail({ code: 'unauthenticated', message: 'auth.required' });
      if (!spec.access.includes(session.role)) {
        return fail({ code: 'forbidden', message: `The ${session.role} role may not call ${channelName}.` });
      }
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail(validationError(parsed.error));

    const call: CallContext = { services, session, setSession: (s) => caller.session.set(s) };
    const handler = handlers[channelName] as (input: unknown, call: CallContext) => Promise<unknown>;
    try {
      return ok(await handler(parsed.data, call));
    } catch (error) {
      if (error instanceof AppFailure) return fail(error.error);
      // Log the failure without the input: inputs carry personal data.
      log.error({ channel: channelName, err: describe(error) }, 'handler failed');
      return fail({ code: 'internal', message: 'errors.internal' });
    }
  };
}

function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error)
    return { name: error.name, code: (error as { code?: unknown }).code, stack: error.stack };
  return { value: typeof error };
}
