// How the desktop reaches the server. Production uses HTTP(S) with fetch; the deterministic simulation
// plugs in a transport that drops, duplicates, delays and reorders messages.

export interface SyncResponse {
  status: number;
  body: unknown;
  serverTime: string | null;
  /** A 503 or 429's Retry-After in milliseconds, bounded (retryAfterMs below); null when absent. */
  retryAfterMs?: number | null;
}

/** A streamed answer (a snapshot): newline-delimited JSON read as it arrives. */
export interface SyncStream {
  status: number;
  serverTime: string | null;
  /** The parsed error body of an answer other than 200 (null for a 200). */
  body: unknown;
  retryAfterMs?: number | null;
  /**
   * The lines of a 200 answer as they arrive, without their newlines. A last line cut off by a broken
   * connection is dropped; the break itself surfaces as an OfflineError from the iteration.
   */
  lines: AsyncIterable<string>;
}

export interface SyncTransport {
  request(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<SyncResponse>;
  stream(path: string, token?: string): Promise<SyncStream>;
}

/** Thrown when the server cannot be reached at all (offline): the desktop keeps working and retries. */
export class OfflineError extends Error {
  override name = 'OfflineError';
}

/** The longest a server may ask a desktop to wait before retrying; a longer Retry-After is cut to this. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

/**
 * A Retry-After header (delay-seconds or an HTTP date) as milliseconds from `now`, within
 * [0, MAX_RETRY_AFTER_MS]; null when there is none or it cannot be read.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const value = header.trim();
  let ms: number;
  if (/^\d+$/.test(value)) ms = Number(value) * 1000;
  else {
    // An HTTP date names its day and month; anything else (a negative number, a bare year) is unread.
    if (!/^[A-Za-z]{3}, /.test(value)) return null;
    const at = Date.parse(value);
    if (Number.isNaN(at)) return null;
    ms = at - now;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

/** Answers that mean "try again later", not "this request is wrong": overloaded or database down. */
export function isRetryableStatus(status: number): boolean {
  return status === 503 || status === 429;
}

export function httpTransport(baseUrl: string, timeoutMs = 30_000): SyncTransport {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async request(method, path, body, token) {
      let response: Response;
      try {
        response = await fetch(base + path, {
          method,
          headers: {
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new OfflineError(`The server at ${base} cannot be reached.`, { cause: error });
      }
      const text = await response.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = { error: { code: 'bad-response', message: text.slice(0, 200) } };
      }
      return {
        status: response.status,
        body: parsed,
        serverTime: response.headers.get('x-server-time'),
        retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
      };
    },

    async stream(path, token) {
      // No deadline for the whole answer (a large scope takes a while), but one for silence: a server
      // that stops sending for `timeoutMs` counts as gone.
      const abort = new AbortController();
      let idle = setTimeout(() => abort.abort(), timeoutMs);
      const alive = () => {
        clearTimeout(idle);
        idle = setTimeout(() => abort.abort(), timeoutMs);
      };
      let response: Response;
      try {
        response = await fetch(base + path, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
          signal: abort.signal,
        });
      } catch (error) {
        clearTimeout(idle);
        throw new OfflineError(`The server at ${base} cannot be reached.`, { cause: error });
      }
      const serverTime = response.headers.get('x-server-time');
      if (response.status !== 200 || !response.body) {
        clearTimeout(idle);
        const text = await response.text().catch(() => '');
        let parsed: unknown = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          parsed = { error: { code: 'bad-response', message: text.slice(0, 200) } };
        }
        return {
          status: response.status,
          serverTime,
          body: parsed,
          retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
          lines: (async function* () {})(),
        };
      }
      const body = response.body;
      async function* lines(): AsyncGenerator<string> {
        const decoder = new TextDecoder();
        let rest = '';
        try {
          for await (const chunk of body as AsyncIterable<Uint8Array>) {
            alive();
            rest += decoder.decode(chunk, { stream: true });
            const parts = rest.split('\n');
            rest = parts.pop() ?? '';
            for (const line of parts) if (line) yield line;
          }
        } catch (error) {
          throw new OfflineError(`The connection to ${base} broke off.`, { cause: error });
        } finally {
          clearTimeout(idle);
          abort.abort();
        }
      }
      return { status: 200, serverTime, body: null, lines: lines() };
    },
  };
}
