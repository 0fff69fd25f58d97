import type { FastifyInstance } from 'fastify';
import {
  OfflineError,
  type SyncResponse,
  type SyncStream,
  type SyncTransport,
} from '../../../electron/services/sync/transport.ts';
import type { Rng } from '../../../electron/services/demo/random.ts';
import type { DbGate } from './gated-db.ts';

// The virtual network of the sync simulation: the real server code in-process (Fastify inject), with
// seeded faults: requests lost, responses lost, the server "crashing" after applying part of a push,
// the server dying inside its push transaction (through the database gate, gated-db.ts: the
// transaction rolls back part-way and nothing of it may commit), duplicated deliveries, stale copies of
// earlier pushes delivered much later (reordering), and a desktop process killed at one of its requests
// (before the request leaves, or after the server answered and before the desktop committed anything of
// the answer, or part-way through a download).

export interface FaultRates {
  dropRequest: number;
  dropResponse: number;
  crashMidPush: number;
  /** The server dies inside the push transaction: it rolls back, the desktop sees a lost connection. */
  crashInPush: number;
  duplicate: number;
  delayCopy: number;
}

export const CALM: FaultRates = {
  dropRequest: 0,
  dropResponse: 0,
  crashMidPush: 0,
  crashInPush: 0,
  duplicate: 0,
  delayCopy: 0,
};
export const STORMY: FaultRates = {
  dropRequest: 0.1,
  dropResponse: 0.1,
  crashMidPush: 0.1,
  crashInPush: 0.08,
  duplicate: 0.1,
  delayCopy: 0.08,
};

/** The desktop process died here: nothing after this point ran on it. */
export class DeskKilled extends Error {
  override readonly name = 'DeskKilled';
}

/** Where an armed kill strikes: at the desktop's `request`-th request from now, before or after it. */
export interface KillPoint {
  request: number;
  after: boolean;
}

interface Delayed {
  path: string;
  body: unknown;
  token: string | undefined;
}

export class FaultyNetwork {
  readonly delayed: Delayed[] = [];
  rates: FaultRates = CALM;
  partitioned = new Set<string>();
  stats = {
    requests: 0,
    dropped: 0,
    lostResponses: 0,
    crashes: 0,
    rolledBack: 0,
    duplicates: 0,
    replays: 0,
    kills: 0,
  };
  /** Broken promises seen on the way (a rolled-back push that left something behind). */
  readonly violations: string[] = [];
  private readonly app: FastifyInstance;
  private readonly rng: Rng;
  private readonly gate: DbGate | null;
  /** A fingerprint of everything a push writes on the server, to prove a rolled-back one wrote nothing. */
  private readonly serverState: (() => Promise<string>) | null;
  private readonly kills = new Map<string, KillPoint>();

  constructor(
    app: FastifyInstance,
    rng: Rng,
    options: { gate?: DbGate; serverState?: () => Promise<string> } = {},
  ) {
    this.app = app;
    this.rng = rng;
    this.gate = options.gate ?? null;
    this.serverState = options.serverState ?? null;
  }

  /** The desktop's process will be killed at this point of its requests (through its current transport). */
  armKill(deviceName: string, point: KillPoint): void {
    this.kills.set(deviceName, { ...point });
  }
  disarmKill(deviceName: string): void {
    this.kills.delete(deviceName);
  }

  /** A push the server starts and never commits: the database rolls back whatever it had written. */
  private async crashInsidePush(path: string, body: unknown, token: string | undefined): Promise<void> {
    const gate = this.gate;
    if (!gate) return;
    const mutations = (body as { mutations: unknown[] }).mutations.length;
    const before = await this.serverState?.();
    // Each mutation writes a handful of rows (the row, history, push result, checksums): strike anywhere.
    gate.armCrash(this.rng.int(1, 1 + 4 * mutations));
    try {
      await this.deliver('POST', path, body, token);
    } finally {
      gate.disarmCrash();
    }
    if (!gate.crashed) return; // the push wrote nothing at all (every mutation a duplicate)
    gate.crashed = false;
    this.stats.rolledBack++;
    const after = await this.serverState?.();
    if (before !== after)
      this.violations.push(
        `a push rolled back inside its transaction changed the server: ${before} → ${after}`,
      );
    throw new OfflineError('simulated: server died inside the push transaction');
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
    // Once this desktop's process is killed, the transport it had is gone with it.
    let dead = false;
    const killHere = (): KillPoint | null => {
      if (dead) throw new DeskKilled('this desktop process was killed');
      const kill = this.kills.get(deviceName);
      if (!kill) return null;
      if (--kill.request > 0) return null;
      this.kills.delete(deviceName);
      this.stats.kills++;
      dead = true;
      if (!kill.after) throw new DeskKilled('killed before its request left');
      return kill;
    };
    return {
      request: async (method, path, body, token) => {
        const kill = killHere();
        this.stats.requests++;
        if (kill) {
          // The server answers a desktop that is no longer there.
          await this.deliver(method, path, body, token);
          throw new DeskKilled('killed before it committed the answer');
        }
        if (this.partitioned.has(deviceName) || this.rng.chance(this.rates.dropRequest)) {
          this.stats.dropped++;
          throw new OfflineError('simulated: request lost');
        }
        const isPush = path === '/v1/sync/push';
        if (isPush && this.rng.chance(this.rates.delayCopy)) this.delayed.push({ path, body, token });
        if (isPush && this.gate && this.rng.chance(this.rates.crashInPush))
          await this.crashInsidePush(path, body, token);
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
        const kill = killHere();
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
        const cut = kill || this.rng.chance(this.rates.dropResponse) ? this.rng.int(0, all.length) : null;
        if (cut !== null && !kill) this.stats.lostResponses++;
        // A killed desktop dies part-way through the download: what it committed of it stays.
        const broken = () =>
          kill ? new DeskKilled('killed during a download') : new OfflineError('simulated: stream broken');
        async function* lines(): AsyncGenerator<string> {
          for (const [i, line] of all.entries()) {
            if (i === cut) throw broken();
            yield await Promise.resolve(line);
          }
          if (cut === all.length) throw broken();
        }
        const stream: SyncStream = { status: 200, serverTime, body: null, lines: lines() };
        return stream;
      },
    };
  }
}

async function* none(): AsyncGenerator<string> {}
