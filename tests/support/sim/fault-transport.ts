import type { FastifyInstance } from 'fastify';
import {
  OfflineError,
  type SyncResponse,
  type SyncStream,
  type SyncTransport,
} from '../../../electron/services/sync/transport.ts';
import type { Rng } from '../../../electron/services/demo/random.ts';

// The virtual network of the sync simulation: the real server code in-process (Fastify inject), with
// seeded faults: requests lost, responses lost, the server "crashing" after applying part of a push,
// duplicated deliveries, and stale copies of earlier pushes delivered much later (reordering).

export interface FaultRates {
  dropRequest: number;
  dropResponse: number;
  crashMidPush: number;
  duplicate: number;
  delayCopy: number;
}

export const CALM: FaultRates = {
  dropRequest: 0,
  dropResponse: 0,
  crashMidPush: 0,
  duplicate: 0,
  delayCopy: 0,
};
export const STORMY: FaultRates = {
  dropRequest: 0.1,
  dropResponse: 0.1,
  crashMidPush: 0.1,
  duplicate: 0.1,
  delayCopy: 0.08,
};

interface Delayed {
  path: string;
  body: unknown;
  token: string | undefined;
}

export class FaultyNetwork {
  readonly delayed: Delayed[] = [];
  rates: FaultRates = CALM;
  partitioned = new Set<string>();
  stats = { requests: 0, dropped: 0, lostResponses: 0, crashes: 0, duplicates: 0, replays: 0 };
  private readonly app: FastifyInstance;
  private readonly rng: Rng;

  constructor(app: FastifyInstance, rng: Rng) {
    this.app = app;
    this.rng = rng;
  }

  private async deliver(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    token: string | undefined,
  ): Promise<SyncResponse> {
    const r = await this.app.inject({
      method,
      url: path,
      ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const header = r.headers['x-server-time'];
    return { status: r.statusCode, body: r.json(), serverTime: typeof header === 'string' ? header : null };
  }

  /** Delivers some of the stale copies now: an old push arriving after newer ones. */
  async replayDelayed(): Promise<void> {
    while (this.delayed.length > 0 && this.rng.chance(0.5)) {
      const copy = this.delayed.splice(this.rng.int(0, this.delayed.length - 1), 1)[0];
      if (!copy) break;
      this.stats.replays++;
      await this.deliver('POST', copy.path, copy.body, copy.token);
    }
  }

  transportFor(deviceName: string): SyncTransport {
    return {
      request: async (method, path, body, token) => {
        this.stats.requests++;
        if (this.partitioned.has(deviceName) || this.rng.chance(this.rates.dropRequest)) {
          this.stats.dropped++;
          throw new OfflineError('simulated: request lost');
        }
        const isPush = path === '/v1/sync/push';
        if (isPush && this.rng.chance(this.rates.delayCopy)) this.delayed.push({ path, body, token });
        if (isPush && this.rng.chance(this.rates.crashMidPush)) {
          const mutations = (body as { mutations: unknown[] }).mutations;
          const applied = this.rng.int(0, mutations.length);
          await this.deliver(
            method,
            path,
            { ...(body as object), mutations: mutations.slice(0, applied) },
            token,
          );
          this.stats.crashes++;
          throw new OfflineError('simulated: server crashed mid-push');
        }
        if (this.rng.chance(this.rates.duplicate)) {
          this.stats.duplicates++;
          await this.deliver(method, path, body, token);
        }
        const response = await this.deliver(method, path, body, token);
        if (this.rng.chance(this.rates.dropResponse)) {
          this.stats.lostResponses++;
          throw new OfflineError('simulated: response lost');
        }
        return response;
      },
      stream: async (path, token) => {
        this.stats.requests++;
        if (this.partitioned.has(deviceName) || this.rng.chance(this.rates.dropRequest)) {
          this.stats.dropped++;
          throw new OfflineError('simulated: request lost');
        }
        const r = await this.app.inject({
          method: 'GET',
          url: path,
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        const header = r.headers['x-server-time'];
        const serverTime = typeof header === 'string' ? header : null;
        if (r.statusCode !== 200) return { status: r.statusCode, serverTime, body: r.json(), lines: none() };
        const all = r.payload.split('\n').filter((l) => l !== '');
        // A connection that breaks part-way: the desktop keeps what it committed and resumes from there.
        const cut = this.rng.chance(this.rates.dropResponse) ? this.rng.int(0, all.length) : null;
        if (cut !== null) this.stats.lostResponses++;
        async function* lines(): AsyncGenerator<string> {
          for (const [i, line] of all.entries()) {
            if (i === cut) throw new OfflineError('simulated: stream broken');
            yield await Promise.resolve(line);
          }
          if (cut === all.length) throw new OfflineError('simulated: stream broken');
        }
        const stream: SyncStream = { status: 200, serverTime, body: null, lines: lines() };
        return stream;
      },
    };
  }
}

async function* none(): AsyncGenerator<string> {}
