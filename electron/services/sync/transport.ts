// How the desktop reaches the server. Production uses HTTP(S) with fetch; the deterministic simulation
// plugs in a transport that drops, duplicates, delays and reorders messages.

export interface SyncResponse {
  status: number;
  body: unknown;
  serverTime: string | null;
}

export interface SyncTransport {
  request(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<SyncResponse>;
}

/** Thrown when the server cannot be reached at all (offline): the desktop keeps working and retries. */
export class OfflineError extends Error {
  override name = 'OfflineError';
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
      return { status: response.status, body: parsed, serverTime: response.headers.get('x-server-time') };
    },
  };
}
