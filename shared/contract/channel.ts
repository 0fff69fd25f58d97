import type { z } from 'zod';

/** Who may call a channel. `public` needs no session (login itself, app info). */
export type Role = 'counselor' | 'supervisor' | 'admin';
export const ROLES = ['counselor', 'supervisor', 'admin'] as const satisfies readonly Role[];

/** Which window's bridge exposes the channel: the counselor desk or the lobby kiosk. */
export type Surface = 'desk' | 'kiosk';

export interface ChannelSpec<I extends z.ZodType, O, S extends Surface = Surface> {
  surface: S;
  /** Roles allowed on the desk; `public` for channels callable without a session. Kiosk channels use `kiosk`. */
  access: readonly Role[] | 'public' | 'kiosk';
  input: I;
  /** Callable while the encrypted store is still shut (sign-in, first-run setup, app info). */
  beforeUnlock?: boolean;
  /** A poll the screen makes by itself: it does not count as the user being active (idle lock). */
  background?: boolean;
  /** Callable while the session is locked (unlock, sign out, session state). */
  whileLocked?: boolean;
  /** Phantom: carries the output type only. */
  output: O;
}

/**
 * Declares a channel. The output type is given as a type argument and never exists at run time,
 * which keeps the contract free of output schemas the main process would never check.
 */
export function channel<O>() {
  return <I extends z.ZodType, const S extends Surface>(
    spec: Omit<ChannelSpec<I, O, S>, 'output'>,
  ): ChannelSpec<I, O, S> => ({ ...spec, output: undefined as unknown as O });
}

export type AnyChannel = ChannelSpec<z.ZodType, unknown, Surface>;
export type InputOf<C> = C extends ChannelSpec<infer I, unknown, Surface> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends ChannelSpec<infer I, unknown, Surface> ? z.output<I> : never;
export type OutputOf<C> = C extends ChannelSpec<z.ZodType, infer O, Surface> ? O : never;
