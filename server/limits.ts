import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessClaims } from './auth/tokens.ts';
import { HttpError, sendError } from './http-errors.ts';

// Backpressure (issue #19 item 3): a request the server cannot take now is answered at once with 429 and
// Retry-After instead of queueing until something times out. Two reasons:
//
// - over capacity: too many requests in flight in this process, or too many waiting for a database
//   connection (the pool's queue). Checked before any work is done, so a refused request costs nothing.
// - a device over its rate: a token bucket per device, the device read from the verified access token
//   (a forged token has no device; requests without a valid token are the sign-in routes, bounded by
//   the capacity check and the account lockout). Keyed by device, not by address: a center's desktops
//   often share one address behind its router.
//
// The buckets live in this process's memory. With --workers N the connections are dealt round-robin to
// the workers, so each worker holds 1/N of the device's rate and burst and together they allow about
// the configured figure (a device's requests are spread over the workers); behind a process manager and
// a load balancer the same division is given by --workers-total (server/README.md). A bucket is dropped
// once it is full again, so memory follows the devices active in the last minute.
//
// The desktop honours both (electron/services/sync/scheduler.ts: a 429 or 503 is retried no sooner than
// its Retry-After). /health and /ready are never limited (metrics have their own listener).

export interface LimitOptions {
  /** Requests a device may make per minute on average (across every worker); Infinity: no limit. */
  devicePerMinute: number;
  /** Requests a device may make at once after a quiet spell (across every worker). */
  deviceBurst: number;
  /** Requests handled at once by this process before 429 `over-capacity`. */
  maxInFlight: number;
  /** Requests waiting for a database connection before 429 `over-capacity`. */
  maxPoolWaiting: number;
  /** How many processes share the rates (each takes its share). */
  processes: number;
}

export const DEFAULT_LIMITS: LimitOptions = {
  devicePerMinute: 600,
  deviceBurst: 120,
  maxInFlight: 512,
  maxPoolWaiting: 256,
  processes: 1,
};

/** Seconds an over-capacity client waits: short, the queue drains in well under that. */
export const OVER_CAPACITY_RETRY_S = 2;

const UNLIMITED = new Set(['/health', '/ready']);

interface Bucket {
  tokens: number;
  at: number;
}

export class DeviceBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly burst: number;
  private sweptAt = 0;
  constructor(perMinute: number, burst: number, processes: number) {
    this.perMs = perMinute / processes / 60_000;
    this.burst = Math.max(1, burst / processes);
  }

  /** Takes one request's token; 0 when allowed, else the milliseconds until the next token. */
  take(device: string, now: number): number {
    this.sweep(now);
    const b = this.buckets.get(device) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) * this.perMs);
    b.at = now;
    this.buckets.set(device, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    // Less a hair for floating-point noise (0.999 of a token left is 1 ms to wait, not 2).
    return Math.max(1, Math.ceil((1 - b.tokens) / this.perMs - 1e-6));
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Once a minute: forget buckets that have refilled (the device behaves as new, which is the same). */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [device, b] of this.buckets)
      if (b.tokens + (now - b.at) * this.perMs >= this.burst) this.buckets.delete(device);
  }
}

export interface LimitHooks {
  inFlight: () => number;
}

export function registerLimits(
  app: FastifyInstance,
  limits: LimitOptions,
  poolWaiting: () => number,
  now: () => number = Date.now,
): LimitHooks {
  const buckets = new DeviceBuckets(limits.devicePerMinute, limits.deviceBurst, limits.processes);
  let inFlight = 0;
  const counted = new WeakSet<FastifyRequest>();
  // Counted by the metrics from the answer's code (server/metrics.ts), like every other refusal.
  const refuse = (code: string, message: string, retryS: number) => ({
    error: new HttpError(429, code, message),
    retryS,
  });

  app.addHook('onRequest', async (req, reply) => {
    if (UNLIMITED.has(req.url.split('?')[0] ?? '')) return;
    let refused: { error: HttpError; retryS: number } | null = null;
    if (inFlight >= limits.maxInFlight || poolWaiting() >= limits.maxPoolWaiting) {
      refused = refuse(
        'over-capacity',
        'The server is busy. Nothing was changed; try again after the time in Retry-After.',
        OVER_CAPACITY_RETRY_S,
      );
    } else {
      const device = Number.isFinite(limits.devicePerMinute) ? await deviceOf(req) : null;
      const waitMs = device ? buckets.take(device, now()) : 0;
      if (waitMs > 0)
        refused = refuse(
          'rate-limited',
          'This device is sending requests too fast. Nothing was changed; try again after the time in Retry-After.',
          Math.max(1, Math.ceil(waitMs / 1000)),
        );
    }
    if (refused) {
      void reply.header('retry-after', String(refused.retryS));
      return sendError(reply, refused.error);
    }
    inFlight += 1;
    counted.add(req);
    return undefined;
  });
  const done = (req: FastifyRequest) => {
    if (counted.delete(req)) inFlight -= 1;
    return Promise.resolve();
  };
  app.addHook('onResponse', done);
  // A client that hangs up before its answer gets no onResponse; its slot is freed here.
  app.addHook('onRequestAbort', done);
  return { inFlight: () => inFlight };
}

/** The device of a valid access token, or null (no token, a forged or expired one). */
async function deviceOf(req: FastifyRequest): Promise<string | null> {
  if (!req.headers.authorization) return null;
  try {
    const claims = await req.jwtVerify<AccessClaims>();
    return typeof claims.dev === 'string' ? claims.dev : null;
  } catch {
    return null;
  }
}
