import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerDb } from '../../db/server/connection.ts';
import { clockFlagsOf, flagDeviceClock } from '../../db/server/repositories/clock-flags.ts';
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { hlcLeadMs, restampIfAhead } from '../../shared/sync/hlc.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import { HttpError } from '../http-errors.ts';
import type { SyncCaller } from './rows.ts';

// Clocks (sync.md § Clocks): an HLC more than an hour ahead of the server's time would win every later
// edit of a descriptive field, so the server re-stamps it to its own time before any merge rule reads
// it, keeping the order of the request's writes, and flags the device for the supervisor. An HLC behind
// is kept: it only loses, and the desktop corrects its offset from the server's time.

export interface ClockFlagView {
  deviceId: string;
  deviceName: string | null;
  userId: string;
  userName: string | null;
  firstAt: string;
  lastAt: string;
  /** Writes re-stamped so far. */
  times: number;
  /** How far ahead the device's clock was at most, in milliseconds. */
  maxLeadMs: number;
  lastHlc: string;
}

export interface ClockFlagsResponse {
  flags: ClockFlagView[];
  serverTime: string;
}

/** One push request's clock check: re-stamps what is too far ahead and remembers it for the flag. */
export class PushClock {
  private readonly nowMs: number;
  private restamped = 0;
  private maxLead = 0;
  private lastHlc = '';

  constructor(now: Date) {
    this.nowMs = now.getTime();
  }

  /** The mutation as the merge rules must see it. */
  check(m: Mutation): Mutation {
    const hlc = restampIfAhead(m.hlc, this.nowMs, this.restamped);
    if (hlc === null) return m;
    this.restamped++;
    this.maxLead = Math.max(this.maxLead, hlcLeadMs(m.hlc, this.nowMs));
    this.lastHlc = m.hlc;
    return { ...m, hlc };
  }

  /** Records the flag in the push's transaction (nothing when no HLC was too far ahead). */
  async flag(trx: Transaction<ServerDatabase>, caller: SyncCaller, at: string): Promise<void> {
    if (this.restamped === 0) return;
    await flagDeviceClock(trx, {
      deviceId: caller.deviceId,
      userId: caller.userId,
      centerCode: caller.centerCode,
      at,
      leadMs: this.maxLead,
      hlc: this.lastHlc,
      times: this.restamped,
    });
  }
}

export interface ClockRouteDeps {
  db: ServerDb;
  now: () => Date;
  authenticate: (req: FastifyRequest) => Promise<SyncCaller>;
}

/** `GET /v1/sync/clock-flags`: the center's devices whose clocks ran ahead (supervisors and admins). */
export function registerClockRoutes(app: FastifyInstance, d: ClockRouteDeps): void {
  app.get('/v1/sync/clock-flags', async (req): Promise<ClockFlagsResponse> => {
    const caller = await d.authenticate(req);
    if (caller.role === 'counselor')
      throw new HttpError(403, 'forbidden', 'Only a supervisor or an admin sees device clock flags.');
    const rows = await clockFlagsOf(d.db, caller.centerCode);
    return {
      flags: rows.map((r) => ({
        deviceId: r.device_id,
        deviceName: r.device_name,
        userId: r.user_id,
        userName: r.display_name,
        firstAt: r.first_at,
        lastAt: r.last_at,
        times: Number(r.times),
        maxLeadMs: Number(r.max_lead_ms),
        lastHlc: r.last_hlc,
      })),
      serverTime: d.now().toISOString(),
    };
  });
}
