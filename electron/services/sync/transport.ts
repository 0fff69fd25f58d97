import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { isLoopbackHost } from '../../../shared/sync/loopback.ts';

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

/**
 * The server's certificate is not trusted. Nothing was sent (the TLS handshake failed before the
 * request); the desktop keeps working offline, and the message says what to do.
 */
export class ServerTrustError extends OfflineError {
  override name = 'ServerTrustError';
}

/** A server address the desktop will not use (http:// off this machine, another scheme). */
export class InsecureServerError extends Error {
  override name = 'InsecureServerError';
}

export interface TransportOptions {
  /** Deadline for a whole answer, and for silence in a stream. */
  timeoutMs?: number;
  /** A center's own certificate authority (PEM), trusted besides the usual public ones. */
  ca?: string | null;
}

const CERTIFICATE_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Refuses a server URL the desktop must not send a password to: anything but https://, except
 * http:// to this machine (127.0.0.0/8, ::1, localhost). Checked before any request is made.
 */
export function checkServerUrl(serverUrl: string): URL {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new InsecureServerError(`Not a server URL: ${serverUrl}`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname)) return url;
    throw new InsecureServerError(
      `Refusing http://${url.host}: the password would cross the network unencrypted. Use https:// (plain http:// only to this machine).`,
    );
  }
  throw new InsecureServerError('The server URL must start with https:// (or http:// on this machine).');
}

/** Reads a CA file and checks that it holds at least one PEM certificate. */
export function readCaFile(file: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    throw new ServerTrustError(`Cannot read the CA file ${file}.`);
  }
  try {
    new X509Certificate(pem);
  } catch {
    throw new ServerTrustError(`The CA file ${file} is not a PEM certificate.`);
  }
  return pem;
}

function failure(base: string, error: unknown, what: string): OfflineError {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CERTIFICATE_CODES.has(code)) {
    return new ServerTrustError(
      `The certificate of ${base} is not trusted (${code}). If your center uses its own certificate authority, give its CA file (caseworker sync --ca FILE, or the CA file setting on this PC).`,
      { cause: error },
    );
  }
  return new OfflineError(what, { cause: error });
}

interface Answer {
  status: number;
  serverTime: string | null;
  retryAfterMs: number | null;
  body: IncomingMessage;
}

/**
 * HTTP(S) with node:http/node:https rather than fetch: a center's CA is trusted per connection (fetch
 * offers no per-request CA without an extra dependency), and keep-alive agents keep the push/pull
 * round trips as cheap as before.
 */
export function httpTransport(baseUrl: string, options: TransportOptions = {}): SyncTransport {
  const url = checkServerUrl(baseUrl);
  const base = url.toString().replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const secure = url.protocol === 'https:';
  const agent = secure
    ? new https.Agent({
        keepAlive: true,
        ...(options.ca ? { ca: [...tls.rootCertificates, options.ca] } : {}),
      })
    : new http.Agent({ keepAlive: true });

  function send(
    method: 'GET' | 'POST',
    path: string,
    body: string | undefined,
    token: string | undefined,
    timing: { signal?: AbortSignal; idleMs?: number },
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = (secure ? https : http).request(
        base + path,
        {
          method,
          agent,
          headers: {
            ...(body !== undefined
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
              : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          ...(timing.signal ? { signal: timing.signal } : {}),
        },
        (res) => {
          const time = res.headers['x-server-time'];
          const retry = res.headers['retry-after'];
          resolve({
            status: res.statusCode ?? 0,
            serverTime: typeof time === 'string' ? time : null,
            retryAfterMs: retryAfterMs(typeof retry === 'string' ? retry : null),
            body: res,
          });
        },
      );
      if (timing.idleMs)
        req.setTimeout(timing.idleMs, () => req.destroy(new Error('The server went silent.')));
      req.on('error', reject);
      req.end(body);
    });
  }

  async function readText(res: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of res as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }

  function parse(text: string): unknown {
    try {
      return text ? JSON.parse(text) : null;
    } catch {
      return { error: { code: 'bad-response', message: text.slice(0, 200) } };
    }
  }

  return {
    async request(method, path, body, token) {
      const signal = AbortSignal.timeout(timeoutMs);
      let text: string;
      let answer: Answer;
      try {
        answer = await send(method, path, body !== undefined ? JSON.stringify(body) : undefined, token, {
          signal,
        });
        text = await readText(answer.body);
      } catch (error) {
        throw failure(base, error, `The server at ${base} cannot be reached.`);
      }
      return {
        status: answer.status,
        body: parse(text),
        serverTime: answer.serverTime,
        retryAfterMs: answer.retryAfterMs,
      };
    },

    async stream(path, token) {
      // No deadline for the whole answer (a large scope takes a while), but one for silence: a server
      // that stops sending for `timeoutMs` counts as gone.
      let answer: Answer;
      try {
        answer = await send('GET', path, undefined, token, { idleMs: timeoutMs });
      } catch (error) {
        throw failure(base, error, `The server at ${base} cannot be reached.`);
      }
      const { status, serverTime, body: res } = answer;
      if (status !== 200) {
        const text = await readText(res).catch(() => '');
        return {
          status,
          serverTime,
          body: parse(text),
          retryAfterMs: answer.retryAfterMs,
          lines: (async function* () {})(),
        };
      }
      async function* lines(): AsyncGenerator<string> {
        const decoder = new TextDecoder();
        let rest = '';
        try {
          for await (const chunk of res as AsyncIterable<Uint8Array>) {
            rest += decoder.decode(chunk, { stream: true });
            const parts = rest.split('\n');
            rest = parts.pop() ?? '';
            for (const line of parts) if (line) yield line;
          }
          // A body cut short by a broken connection ends the iteration with an error, not quietly.
          if (!res.complete) throw new Error('The answer was cut short.');
        } catch (error) {
          throw new OfflineError(`The connection to ${base} broke off.`, { cause: error });
        } finally {
          res.destroy();
        }
      }
      return { status: 200, serverTime, body: null, lines: lines() };
    },
  };
}
