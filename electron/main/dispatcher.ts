import type { z } from 'zod';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { contract, isChannelName, type Surface } from '../../shared/contract/index.ts';
import { issueMessage } from '../../shared/contract/messages.ts';
import { AppFailure, fail, ok, type AppError, type Result } from '../../shared/contract/result.ts';
import { sessionIdleLimitMs } from '../services/center-settings.ts';
import { storeFaultError } from '../services/store-faults.ts';
import type { ServiceContext } from '../services/context.ts';
import type { StoreGate } from '../services/store-gate.ts';
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

/**
 * A refused input as data: every issue worded with its field and rule (shared/contract/messages.ts), and
 * the first one as the error's own message, so a screen that shows only `message` still says which
 * field and which rule rather than "check the input".
 */
export function validationError(error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: issueMessage(i) }));
  const first = issues[0];
  return {
    code: 'validation',
    message: first?.message ?? 'validation.failed',
    field: first?.field ?? '',
    issues,
  };
}

/**
 * The services come either from a store that is already open (tests, the command line) or through the
 * encrypted store's gate (the app, the test host), where they exist only after a sign-in has unlocked
 * the store.
 */
export function createDispatcher(
  handlers: HandlerMap<ChannelName>,
  source: ServiceContext | StoreGate,
  log: Logger,
  clock: () => number = () => Date.now(),
): Dispatch {
  const gate = 'db' in source ? null : source;
  const currentServices = (): ServiceContext | null => (gate ? gate.current() : (source as ServiceContext));
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
    let services = currentServices();
    if (!services && caller.surface === 'kiosk' && gate) {
      // A kiosk PC opens its store with the key an admin sealed for the device; nobody signs in there.
      try {
        if (await gate.unlockAsDevice()) services = currentServices();
      } catch (error) {
        // A damaged or unreadable store: the lobby screen says the kiosk is out of service.
        log.error({ channel: channelName, err: describe(error) }, 'kiosk store did not open');
        return fail({ code: 'unavailable', message: 'kiosk.notSetUp' });
      }
    }
    if (!services && !spec.beforeUnlock) {
      return fail(
        caller.surface === 'kiosk'
          ? { code: 'unavailable', message: 'kiosk.notSetUp' }
          : { code: 'unauthenticated', message: 'auth.required' },
      );
    }
    let session = caller.session.get();
    if (spec.access !== 'public' && spec.access !== 'kiosk') {
      if (!session || !services) return fail({ code: 'unauthenticated', message: 'auth.required' });
      if (!spec.access.includes(session.role)) {
        return fail({ code: 'forbidden', message: `The ${session.role} role may not call ${channelName}.` });
      }
      // The idle lock is enforced here too, not only by the screen: a window left open (or a script in
      // it) cannot keep reading personal data once the idle time has passed.
      const now = clock();
      if (!session.locked && session.lastActiveAt !== undefined) {
        if (now - session.lastActiveAt > (await sessionIdleLimitMs(services))) {
          session = { ...session, locked: true };
          caller.session.set(session);
        }
      }
      if (session.locked && !spec.whileLocked) {
        return fail({ code: 'unauthenticated', message: 'auth.sessionLocked' });
      }
      if (!spec.background && !session.locked) {
        session = { ...session, lastActiveAt: now };
        caller.session.set(session);
      }
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail(validationError(parsed.error));

    const opened = services;
    const call: CallContext = {
      get services(): ServiceContext {
        // Only the channels open before unlock can get here without a store; they check `gate` first.
        if (!opened) throw new AppFailure({ code: 'unauthenticated', message: 'auth.required' });
        return opened;
      },
      gate,
      session,
      setSession: (s) => caller.session.set(s),
    };
    const handler = handlers[channelName] as (input: unknown, call: CallContext) => Promise<unknown>;
    try {
      const value = await handler(parsed.data, call);
      // A sign-in starts the idle clock.
      const after = caller.session.get();
      if (after && after.lastActiveAt === undefined) caller.session.set({ ...after, lastActiveAt: clock() });
      return ok(value);
    } catch (error) {
      if (error instanceof AppFailure) return fail(error.error);
      // Log the failure without the input: inputs carry personal data.
      log.error({ channel: channelName, err: describe(error) }, 'handler failed');
      // The disk is full or failed: said as such (nothing of the call was kept; db/sqlite-dialect.ts).
      const fault = storeFaultError(error);
      if (fault) return fail(fault);
      return fail({ code: 'internal', message: 'errors.internal' });
    }
  };
}

function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error)
    return { name: error.name, code: (error as { code?: unknown }).code, stack: error.stack };
  return { value: typeof error };
}
