import { sql } from 'kysely';
import { homeCenter } from '../../db/repositories/centers.ts';
import type { LobbyView } from '../../shared/contract/lobby.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { kioskSettingsFrom, ticketDay } from '../../shared/domain/kiosk.ts';
import {
  LOBBY_POLL_STEP_MS,
  LOBBY_RECENT_CALLS,
  type LobbyCall,
  type LobbyCallsAnswer,
} from '../../shared/domain/lobby.ts';
import { ticketLabel } from '../../shared/domain/tickets.ts';
import type { ServiceContext } from './context.ts';

// The lobby call display's feed (issue 18 item 4). A display on a PC that syncs asks the server
// (server/lobby/routes.ts), which sees every counselor's call the moment their desk pushes it (a call
// syncs at once: SyncScheduler.urgent). Without a server, or while it cannot be reached, the display
// shows the calls in this PC's own store, watching it the same way. Cursors say which source they came
// from (`s:` server seq, `l:` the store's latest ticket change), so a switch answers at once.

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function localMark(ctx: ServiceContext, centerCode: string, day: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('checkins')
    .select(sql<string | null>`max(hlc)`.as('mark'))
    .where('center_code', '=', centerCode)
    .where('ticket_day', '=', day)
    .executeTakeFirst();
  return `l:${row?.mark ?? ''}`;
}

async function localCalls(ctx: ServiceContext, centerCode: string, day: string): Promise<LobbyCall[]> {
  const rows = await ctx.db
    .selectFrom('checkins')
    .select(['id', 'ticket_prefix', 'ticket_no', 'counter', 'called_at'])
    .where('center_code', '=', centerCode)
    .where('ticket_day', '=', day)
    .where('status', 'in', ['called', 'done'])
    .where('called_at', 'is not', null)
    .orderBy('called_at', 'desc')
    .limit(LOBBY_RECENT_CALLS)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    label: ticketLabel(r.ticket_prefix, r.ticket_no),
    counterId: r.counter,
    calledAt: r.called_at ?? '',
  }));
}

/** The local long-poll: answers when the store's tickets of the day changed after `after`, or on time-out. */
async function fromStore(
  ctx: ServiceContext,
  centerCode: string,
  after: string | undefined,
  waitMs: number,
): Promise<LobbyCallsAnswer> {
  const deadline = Date.now() + waitMs;
  let day = ticketDay(ctx.now());
  let mark = await localMark(ctx, centerCode, day);
  while (after !== undefined && mark === after && Date.now() < deadline) {
    await sleep(Math.min(LOBBY_POLL_STEP_MS, Math.max(0, deadline - Date.now())));
    day = ticketDay(ctx.now());
    mark = await localMark(ctx, centerCode, day);
  }
  return { cursor: mark, day, calls: await localCalls(ctx, centerCode, day) };
}

export async function lobbyCalls(
  ctx: ServiceContext,
  input: { after?: string | undefined; wait: number },
): Promise<LobbyView> {
  const center = await homeCenter(ctx.db);
  const settings = kioskSettingsFrom(center?.settings);
  const frame = { centerName: center?.name ?? '', counters: settings.counters };
  if (ctx.sync) {
    const serverAfter = input.after?.startsWith('s:') ? input.after.slice(2) : null;
    try {
      // A cursor of the other source (or none) gets the current calls at once.
      const a = await ctx.sync.client.lobbyCalls(serverAfter, serverAfter === null ? 0 : input.wait);
      return { ...frame, ...a, cursor: `s:${a.cursor}`, source: 'server' };
    } catch {
      // Offline, or this PC's session cannot read the server: the store's own calls, below.
    }
  }
  try {
    const answer = await fromStore(ctx, center?.code ?? '', input.after, input.wait);
    return { ...frame, ...answer, source: 'local' };
  } catch {
    // The store closed under a waiting request (the app quitting, the PC signing out): the display
    // asks again after its pause; nothing to log.
    throw new AppFailure({ code: 'unavailable', message: 'errors.internal' });
  }
}
