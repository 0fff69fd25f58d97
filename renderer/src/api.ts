import type { ChannelName, Contract, DeskChannel, InputOf, OutputOf } from '../../shared/contract/index.ts';
import type { AppError } from '../../shared/contract/result.ts';
import { announceSessionLocked } from './auth/session-events.ts';
import { noteAnswered } from './data/freshness.ts';
import { track } from './common/pending.ts';

/** An error from main, carried as data across the bridge and thrown here for React code. */
export class ApiError extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.error = error;
  }
}

/** The message key to show for a failed call: main's own, or the generic one for anything else. */
export function messageOf(e: unknown): string {
  return e instanceof ApiError ? e.error.message : 'errors.internal';
}

export async function call<K extends DeskChannel>(
  channel: K,
  input: InputOf<Contract[K]>,
): Promise<OutputOf<Contract[K]>> {
  const bridge = window.caseworker;
  if (!bridge) throw new ApiError({ code: 'forbidden', message: 'errors.noBridge' });
  const result = await track(bridge.invoke(channel, input));
  if (!result.ok) {
    if (result.error.message === 'auth.sessionLocked') announceSessionLocked();
    throw new ApiError(result.error);
  }
  noteAnswered(channel);
  return result.value;
}

export type { ChannelName };
