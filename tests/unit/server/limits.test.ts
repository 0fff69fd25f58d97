import { describe, expect, it } from 'vitest';
import { DeviceBuckets } from '../../../server/limits.ts';

// The per-device token buckets of server/limits.ts, on a clock the test moves.

describe('DeviceBuckets', () => {
  it('allows the burst, then one request per refill interval, and says how long to wait', () => {
    const b = new DeviceBuckets(60, 3, 1); // one a second on average, three at once
    const t = 1_000_000;
    expect([b.take('d', t), b.take('d', t), b.take('d', t)]).toEqual([0, 0, 0]);
    expect(b.take('d', t)).toBe(1000);
    expect(b.take('d', t + 999)).toBe(1);
    expect(b.take('d', t + 1000)).toBe(0);
    expect(b.take('other', t + 1000)).toBe(0);
  });

  it('divides the rate and the burst among the processes that share them', () => {
    const b = new DeviceBuckets(120, 4, 2); // each of 2 workers: one a second, two at once
    const t = 5_000_000;
    expect([b.take('d', t), b.take('d', t)]).toEqual([0, 0]);
    expect(b.take('d', t)).toBe(1000);
  });

  it('forgets a device once its bucket is full again, without giving it more than a full bucket', () => {
    const b = new DeviceBuckets(60, 2, 1);
    const t = 10_000_000;
    b.take('d', t);
    b.take('d', t);
    expect(b.size).toBe(1);
    // A minute later the bucket has refilled: the sweep drops it, and the device starts full, no fuller.
    b.take('x', t + 120_000);
    expect(b.size).toBe(1);
    expect([b.take('d', t + 120_000), b.take('d', t + 120_000), b.take('d', t + 120_000)]).toEqual([
      0, 0, 1000,
    ]);
  });
});
