import { describe, expect, it } from 'vitest';
import {
  BACKOFF_MAX_MS,
  OFFLINE_RETRY_MAX_MS,
  SYNC_INTERVAL_MS,
  SyncScheduler,
  WRITE_DEBOUNCE_MS,
  WRITE_MAX_WAIT_MS,
  type Timers,
} from '../../../../../electron/services/sync/scheduler.ts';
import { SyncError } from '../../../../../electron/services/sync/client.ts';
import {
  MAX_RETRY_AFTER_MS,
  OfflineError,
  retryAfterMs,
} from '../../../../../electron/services/sync/transport.ts';

/** Hand-driven timers: `advance` fires what is due, in order. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const id = next++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (h) => void pending.delete(h as number),
  };
  return {
    timers,
    clock: () => new Date(now),
    nextDelay: () => Math.min(...[...pending.values()].map((p) => p.at)) - now,
    async advance(ms: number) {
      const target = now + ms;
      for (;;) {
        const due = [...pending.entries()]
          .filter(([, p]) => p.at <= target)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await new Promise((r) => setImmediate(r));
      }
      now = target;
    },
  };
}

const counts = { pushed: 0, pulled: 0, refused: 0, review: 0 };

describe('the background sync scheduler', () => {
  it('syncs at start, then on the interval', async () => {
    const t = manualTimers();
    let calls = 0;
    const s = new SyncScheduler(() => ((calls += 1), Promise.resolve(counts)), t.timers, t.clock);
    s.start();
    await t.advance(0);
    expect(calls).toBe(1);
    expect(s.status).toMatchObject({ online: true, failures: 0, lastError: null });
    expect(t.nextDelay()).toBe(SYNC_INTERVAL_MS);
    await t.advance(SYNC_INTERVAL_MS);
    expect(calls).toBe(2);
  });

  it('counts the rows it pulled, run after run, so the desk knows to reload its lists', async () => {
    const t = manualTimers();
    const pulls = [3, 0, 5];
    const s = new SyncScheduler(
      () => Promise.resolve({ ...counts, pulled: pulls.shift() ?? 0 }),
      t.timers,
      t.clock,
    );
    s.start();
    await t.advance(0);
    expect(s.status.received).toBe(3);
    await t.advance(SYNC_INTERVAL_MS);
    expect(s.status.received).toBe(3);
    await t.advance(SYNC_INTERVAL_MS);
    expect(s.status.received).toBe(8);
  });

  it('backs off exponentially while offline, retrying every few seconds without any local write', async () => {
    const t = manualTimers();
    let calls = 0;
    const s = new SyncScheduler(
      () => ((calls += 1), Promise.reject(new OfflineError('down'))),
      t.timers,
      t.clock,
    );
    s.start();
    await t.advance(0);
    expect(s.status).toMatchObject({ online: false, failures: 1 });
    expect(t.nextDelay()).toBe(2_000);
    await t.advance(2_000);
    expect(t.nextDelay()).toBe(4_000);
    await t.advance(4_000);
    expect(t.nextDelay()).toBe(8_000);
    for (let i = 0; i < 20; i++) await t.advance(t.nextDelay());
    // Unreachable: the network coming back is noticed within seconds, not minutes.
    expect(t.nextDelay()).toBe(OFFLINE_RETRY_MAX_MS);
    expect(calls).toBeGreaterThan(20);
  });

  it('backs off up to minutes from a server that answers with an error', async () => {
    const t = manualTimers();
    const s = new SyncScheduler(() => Promise.reject(new Error('server error')), t.timers, t.clock);
    s.start();
    for (let i = 0; i < 20; i++) await t.advance(t.nextDelay());
    expect(s.status.online).toBe(true);
    expect(t.nextDelay()).toBe(BACKOFF_MAX_MS);
  });

  it('syncs at once when kicked (network back, local write), and resets the backoff on success', async () => {
    const t = manualTimers();
    let offline = true;
    const s = new SyncScheduler(
      () => (offline ? Promise.reject(new OfflineError('down')) : Promise.resolve(counts)),
      t.timers,
      t.clock,
    );
    s.start();
    await t.advance(0);
    await t.advance(2_000);
    expect(s.status.failures).toBe(2);
    offline = false;
    s.kick();
    await t.advance(0);
    expect(s.status).toMatchObject({ online: true, failures: 0 });
    expect(s.status.lastSuccess).not.toBeNull();
    expect(t.nextDelay()).toBe(SYNC_INTERVAL_MS);
  });

  it('tells an unreachable server from a server that refuses', async () => {
    const t = manualTimers();
    const s = new SyncScheduler(() => Promise.reject(new Error('device revoked')), t.timers, t.clock);
    s.start();
    await t.advance(0);
    expect(s.status).toMatchObject({ online: true, lastError: 'device revoked' });
  });

  it('stops cleanly', async () => {
    const t = manualTimers();
    let calls = 0;
    const s = new SyncScheduler(() => ((calls += 1), Promise.resolve(counts)), t.timers, t.clock);
    s.start();
    await t.advance(0);
    s.stop();
    await t.advance(10 * SYNC_INTERVAL_MS);
    expect(calls).toBe(1);
  });

  it('waits as long as a 503 or 429 asks (Retry-After, bounded), and shows the desktop as not syncing', async () => {
    const t = manualTimers();
    let answer: SyncError | null = new SyncError(
      503,
      'database-unavailable',
      'The server cannot reach its database right now.',
      30_000,
    );
    let calls = 0;
    const s = new SyncScheduler(
      () => ((calls += 1), answer ? Promise.reject(answer) : Promise.resolve(counts)),
      t.timers,
      t.clock,
    );
    s.start();
    await t.advance(0);
    expect(s.status).toMatchObject({ online: false, lastErrorCode: 'database-unavailable', failures: 1 });
    // Not after the 2 s backoff: no sooner than the server asked.
    expect(t.nextDelay()).toBe(30_000);
    await t.advance(29_999);
    expect(calls).toBe(1);
    // A Retry-After shorter than the backoff does not make the desktop ask faster.
    answer = new SyncError(429, 'rate-limited', 'Too many requests.', 1_000);
    await t.advance(1);
    expect(calls).toBe(2);
    expect(t.nextDelay()).toBe(SyncScheduler.backoff(2));
    answer = null;
    await t.advance(SyncScheduler.backoff(2));
    expect(s.status).toMatchObject({ online: true, failures: 0, lastErrorCode: null });
  });

  it('bounds the wait a server may ask for', () => {
    expect(SyncScheduler.retryDelay(1, 24 * 3600_000)).toBe(MAX_RETRY_AFTER_MS);
    expect(SyncScheduler.retryDelay(1, null)).toBe(SyncScheduler.backoff(1));
    expect(SyncScheduler.retryDelay(20, 5_000)).toBe(BACKOFF_MAX_MS);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and bounds them', () => {
    const now = Date.parse('2026-12-05T04:00:00Z');
    expect(retryAfterMs('5', now)).toBe(5_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Sat, 05 Dec 2026 04:00:20 GMT', now)).toBe(20_000);
    expect(retryAfterMs('Sat, 05 Dec 2026 03:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('86400', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-5', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});

describe('syncing soon after a local write', () => {
  function started() {
    const t = manualTimers();
    const runs: number[] = [];
    let release: (() => void) | null = null;
    let hold = false;
    const s = new SyncScheduler(
      () => {
        runs.push(t.clock().getTime());
        if (!hold) return Promise.resolve(counts);
        return new Promise((resolve) => (release = () => resolve(counts)));
      },
      t.timers,
      t.clock,
    );
    return {
      t,
      s,
      runs,
      holdNext: () => (hold = true),
      finish: () => {
        hold = false;
        release?.();
      },
    };
  }

  it('pushes WRITE_DEBOUNCE_MS after a write instead of at the next minute tick', async () => {
    const { t, s, runs } = started();
    s.start();
    await t.advance(0);
    expect(runs).toEqual([0]);
    await t.advance(10_000);
    s.noteWrite();
    expect(t.nextDelay()).toBe(WRITE_DEBOUNCE_MS);
    await t.advance(WRITE_DEBOUNCE_MS - 1);
    expect(runs).toHaveLength(1);
    await t.advance(1);
    expect(runs).toEqual([0, 10_000 + WRITE_DEBOUNCE_MS]);
    // Then the ordinary interval again.
    expect(t.nextDelay()).toBe(SYNC_INTERVAL_MS);
  });

  it('debounces a burst, but constant writing still syncs every WRITE_MAX_WAIT_MS', async () => {
    const { t, s, runs } = started();
    s.start();
    await t.advance(0);
    const first = 20_000;
    await t.advance(first);
    // A write every second for 12 seconds.
    for (let i = 0; i < 12; i++) {
      s.noteWrite();
      await t.advance(1_000);
    }
    const pushes = runs.slice(1);
    expect(pushes[0]).toBe(first + WRITE_MAX_WAIT_MS);
    expect(pushes.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < pushes.length; i++) {
      const gap = (pushes[i] ?? 0) - (pushes[i - 1] ?? 0);
      expect(gap).toBeGreaterThanOrEqual(WRITE_DEBOUNCE_MS);
      expect(gap).toBeLessThanOrEqual(WRITE_MAX_WAIT_MS + 1_000);
    }
    // The last write is pushed once writing stops.
    await t.advance(WRITE_MAX_WAIT_MS);
    expect(runs.at(-1)).toBeGreaterThanOrEqual(first + 11_000);
  });

  it('a write during a running sync is pushed soon after it', async () => {
    const { t, s, runs, holdNext, finish } = started();
    holdNext();
    s.start();
    await t.advance(0);
    expect(s.status.running).toBe(true);
    s.noteWrite();
    finish();
    await new Promise((r) => setImmediate(r));
    expect(s.status.running).toBe(false);
    expect(t.nextDelay()).toBe(WRITE_DEBOUNCE_MS);
    await t.advance(WRITE_DEBOUNCE_MS);
    expect(runs).toHaveLength(2);
  });

  it('does not put off a sync already due, nor shorten a failing server’s backoff', async () => {
    const t = manualTimers();
    let fail = true;
    let calls = 0;
    const s = new SyncScheduler(
      () => ((calls += 1), fail ? Promise.reject(new Error('server error')) : Promise.resolve(counts)),
      t.timers,
      t.clock,
    );
    s.start();
    await t.advance(0);
    await t.advance(2_000);
    expect(t.nextDelay()).toBe(4_000);
    s.noteWrite();
    expect(t.nextDelay()).toBe(4_000);
    fail = false;
    s.kick();
    s.noteWrite();
    expect(t.nextDelay()).toBe(0);
    await t.advance(0);
    expect(calls).toBe(3);
  });

  it('ignores writes once stopped', async () => {
    const { t, s, runs } = started();
    s.start();
    await t.advance(0);
    s.stop();
    s.noteWrite();
    await t.advance(SYNC_INTERVAL_MS);
    expect(runs).toHaveLength(1);
  });
});
