// Errors cross the IPC/HTTP boundary as data, never as thrown exceptions: Electron's
// ipcRenderer.invoke would flatten a thrown Error into an unreadable string.

export type ErrorCode =
  | 'validation' // the input did not match the channel's schema
  | 'unauthenticated' // no session, or the session is locked
  | 'forbidden' // the session's role or the window may not call this channel
  | 'not-found'
  | 'conflict' // the write contradicts the current state (duplicate, stale, refused transition)
  | 'unavailable' // the store cannot be opened (locked, corrupt, newer version)
  | 'internal';

export interface AppError {
  code: ErrorCode;
  /** A message key the renderer translates, or plain text when no key fits. */
  message: string;
  /** The input field the error is about, dotted (`address.sido`), when there is one. */
  field?: string;
  /** Every failing field, for forms that mark them all at once. */
  issues?: Array<{ field: string; message: string }>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(error: AppError): { ok: false; error: AppError } {
  return { ok: false, error };
}

/**
 * Thrown inside services and handlers to end a call with a specific error; the dispatcher turns it into
 * `{ ok: false, error }`. Anything else thrown becomes an `internal` error with no details leaked.
 */
export class AppFailure extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
    this.error = error;
  }
}
