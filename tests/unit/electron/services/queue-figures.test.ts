import { describe, expect, it } from 'vitest';
import type { CheckinRow } from '../../../../db/repositories/checkins.ts';
import { queueStats, ticketTimesOfDay } from '../../../../electron/services/queue-figures.ts';

// The queue's minutes are defined once: the rows' waited/served minutes and the averages over them
// (issue 15, item 6). Rows without call events (synced, demo) use their own call time.

const T0 = Date.parse('2026-11-02T00:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

function row(id: string, fields: Partial<CheckinRow>): CheckinRow {
  return {
    id,
    status: 'waiting',
    created_at: at(0),
    called_at: null,
    done_at: null,
    ...fields,
  } as CheckinRow;
}
const called = (checkinId: string, min: number) =>
  ({ id: `${checkinId}-${min}`, checkin_id: checkinId, kind: 'called', at: at(min) }) as never;

describe('queue figures', () => {
  it('gives each ticket whole minutes and averages exactly those', () => {
    const rows = [
      // Called at 6, sent back, called again at 20, done at 30: waited 6 (first call), served 10 (last call).
      row('a', { status: 'done', called_at: at(20), done_at: at(30) }),
      // Synced without events: waited 5 (to its called_at), served 15.
      row('b', { status: 'done', created_at: at(10), called_at: at(15), done_at: at(30) }),
      // Still waiting since minute 25: 15 minutes at minute 40; not in the average wait.
      row('c', { created_at: at(25) }),
      // Left without being called: no wait, no service.
      row('d', { status: 'left', done_at: at(35) }),
      // A ticket from a kiosk whose clock runs ahead: 0, not negative.
      row('e', { created_at: at(50) }),
    ];
    const times = ticketTimesOfDay(rows, [called('a', 6), called('a', 20)], at(40));
    expect(Object.fromEntries(times)).toEqual({
      a: { waitedMinutes: 6, servedMinutes: 10 },
      b: { waitedMinutes: 5, servedMinutes: 15 },
      c: { waitedMinutes: 15, servedMinutes: null },
      d: { waitedMinutes: null, servedMinutes: null },
      e: { waitedMinutes: 0, servedMinutes: null },
    });
    expect(queueStats(rows, times)).toEqual({
      waiting: 2,
      served: 2,
      left: 1,
      avgWaitMinutes: 5.5,
      avgServiceMinutes: 12.5,
    });
  });

  it('has no averages before anyone is called or served', () => {
    const rows = [row('a', {})];
    expect(queueStats(rows, ticketTimesOfDay(rows, [], at(3)))).toMatchObject({
      avgWaitMinutes: null,
      avgServiceMinutes: null,
    });
  });
});
