import { isRetryableStatus } from './transport.ts';

// A sync request's failure as the server (or this desktop, for a join that is needed) states it: its code
// and message, and whether trying again later may help. Its own file because both the client (client.ts)
// and the directory upserts (directory.ts) throw it.

export class SyncError extends Error {
  readonly code: string;
  readonly status: number;
  /** How long the server asked to wait before trying again (503, 429), bounded; null if it did not say. */
  readonly retryAfterMs: number | null;
  constructor(status: number, code: string, message: string, retryAfterMs: number | null = null) {
    super(message);
    this.name = 'SyncError';
    this.code = code;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }

  /** The server is there but cannot serve now (its database is down, it is overloaded): try again later. */
  get retryable(): boolean {
    return isRetryableStatus(this.status);
  }
}

/** The server's error answer (`{ error: { code, message } }`) as a SyncError. */
export function errorOf(status: number, body: unknown, retryAfter: number | null = null): SyncError {
  const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
  return new SyncError(status, e?.code ?? 'http', e?.message ?? `The server answered ${status}.`, retryAfter);
}
