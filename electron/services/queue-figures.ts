import type { Selectable } from 'kysely';
import type { CheckinEventTable } from '../../db/schema.ts';
import type { CheckinRow } from '../../db/repositories/checkins.ts';
import type { QueueStats } from '../../shared/contract/checkins.ts';

// The queue's times, defined once: each ticket's waited and served minutes are computed here, the
// rows show exactly these numbers and the averages are taken over exactly these numbers, so the
// figures at the top can never disagree with the rows below them (issue 15, item 6).
//
// Waited: ticket to its first call (still in line: ticket to now). Served: last call to done.
// The calls come from the ticket's events; a ticket without call events (synced from an older
// device, or demo data) falls back to the row's called_at, which is its last call.

export interface TicketTimes {
  waitedMinutes: number | null;
  servedMinutes: number | null;
}

/** Whole minutes from one instant to another; a clock ahead of ours (another PC) counts as 0. */
function minutesBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
}

function average(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

export function ticketTimesOfDay(
  rows: CheckinRow[],
  events: Array<Selectable<CheckinEventTable>>,
  now: string,
): Map<string, TicketTimes> {
  const firstCall = new Map<string, string>();
  const lastCall = new Map<string, string>();
  for (const e of events) {
    if (e.kind !== 'called') continue;
    if (!firstCall.has(e.checkin_id)) firstCall.set(e.checkin_id, e.at);
    lastCall.set(e.checkin_id, e.at);
  }
  const times = new Map<string, TicketTimes>();
  for (const r of rows) {
    const first = firstCall.get(r.id) ?? r.called_at;
    const last = lastCall.get(r.id) ?? r.called_at;
    // Still in line (sent back after a call too: it keeps its place): minutes since the ticket.
    const waitedMinutes =
      r.status === 'waiting'
        ? minutesBetween(r.created_at, now)
        : first !== null
          ? minutesBetween(r.created_at, first)
          : null;
    const servedMinutes =
      r.status === 'done' && last !== null && r.done_at !== null ? minutesBetween(last, r.done_at) : null;
    times.set(r.id, { waitedMinutes, servedMinutes });
  }
  return times;
}

/** Counts and averages over the same per-ticket minutes the rows show. */
export function queueStats(rows: CheckinRow[], times: Map<string, TicketTimes>): QueueStats {
  const waits: number[] = [];
  const served: number[] = [];
  for (const r of rows) {
    const t = times.get(r.id);
    // The average wait is over tickets that were called: a ticket still waiting has no wait yet.
    if (t?.waitedMinutes != null && r.status !== 'waiting') waits.push(t.waitedMinutes);
    if (t?.servedMinutes != null) served.push(t.servedMinutes);
  }
  return {
    waiting: rows.filter((r) => r.status === 'waiting').length,
    served: rows.filter((r) => r.status === 'done').length,
    left: rows.filter((r) => r.status === 'left').length,
    avgWaitMinutes: average(waits),
    avgServiceMinutes: average(served),
  };
}
