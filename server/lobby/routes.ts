import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SqlDialect } from '../../db/migrations/types.ts';
import type { ServerDb } from '../../db/server/connection.ts';
import { calledTicketsOfDay, latestCenterSeq } from '../../db/server/repositories/lobby.ts';
import { ticketDay } from '../../shared/domain/kiosk.ts';
import {
  LOBBY_POLL_STEP_MS,
  LOBBY_RECENT_CALLS,
  lobbyCallsQuerySchema,
  type LobbyCallsAnswer,
} from '../../shared/domain/lobby.ts';
import { ticketLabel } from '../../shared/domain/tickets.ts';
import { parseOr400 } from '../http-errors.ts';

// The lobby call display's feed (issue 18 item 4; server/README.md § The lobby display). A display PC
// of the center long-polls `GET /v1/lobby/calls?after=CURSOR&wait=MS`: the answer comes as soon as any
// row of the caller's center has a seq past the cursor (a counselor's call is pushed at once by the
// desk, see electron/services/checkins.ts), else when `wait` runs out. The wait looks at the
// database every LOBBY_POLL_STEP_MS rather than listening in this process, so it works the same
// behind several server nodes. Any account of the center may read it (the display PC syncs with
// whoever set it up, an admin too): it carries ticket numbers and counters, nothing about a person.

export interface LobbyRouteDeps {
  db: ServerDb;
  dialect: SqlDialect;
  now: () => Date;
  /** The caller's center is all the feed needs (server/app.ts authenticates). */
  authenticate: (req: FastifyRequest) => Promise<{ centerCode: string }>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The start of a Korean day (00:00 KST) as a UTC timestamp: rows written before it cannot be today's calls. */
function dayStartUtc(day: string): string {
  return new Date(`${day}T00:00:00+09:00`).toISOString();
}

export function registerLobbyRoutes(app: FastifyInstance, d: LobbyRouteDeps): void {
  app.get('/v1/lobby/calls', async (req, reply): Promise<LobbyCallsAnswer> => {
    const caller = await d.authenticate(req);
    const q = parseOr400(lobbyCallsQuerySchema, req.query);
    const after = q.after === undefined ? null : Number(q.after);
    const deadline = Date.now() + q.wait;
    let seq = await latestCenterSeq(d.db, caller.centerCode);
    // A closed connection (the display went away) ends the wait early.
    while (after !== null && seq <= after && Date.now() < deadline && !req.raw.destroyed) {
      await sleep(Math.min(LOBBY_POLL_STEP_MS, Math.max(0, deadline - Date.now())));
      seq = await latestCenterSeq(d.db, caller.centerCode);
    }
    const day = ticketDay(d.now());
    const rows = await calledTicketsOfDay(
      d.db,
      d.dialect,
      caller.centerCode,
      day,
      dayStartUtc(day),
      LOBBY_RECENT_CALLS,
    );
    void reply.header('cache-control', 'no-store');
    return {
      cursor: String(seq),
      day,
      calls: rows.map((r) => ({
        id: r.id,
        label: ticketLabel(r.prefix, r.no),
        counterId: r.counter,
        calledAt: r.calledAt,
      })),
    };
  });
}
