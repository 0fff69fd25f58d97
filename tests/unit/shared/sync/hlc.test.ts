import { describe, expect, it } from 'vitest';
import {
  HLC_PATTERN,
  MAX_CLOCK_LEAD_MS,
  MAX_WALL,
  compareHlc,
  formatHlc,
  hlcLeadMs,
  parseHlc,
  receiveHlc,
  restampIfAhead,
  tickHlc,
} from '../../../../shared/sync/hlc.ts';

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves forward', () => {
    const a = tickHlc(null, 1000, 'dev');
    expect(a).toEqual({ wall: 1000, counter: 0, node: 'dev' });
    expect(tickHlc(a, 2000, 'dev')).toEqual({ wall: 2000, counter: 0, node: 'dev' });
  });

  it('counts within a millisecond and when the wall clock goes backwards', () => {
    const a = tickHlc(null, 1000, 'dev');
    const b = tickHlc(a, 1000, 'dev');
    const c = tickHlc(b, 500, 'dev'); // clock stepped back: time still moves forward
    expect(b).toEqual({ wall: 1000, counter: 1, node: 'dev' });
    expect(c).toEqual({ wall: 1000, counter: 2, node: 'dev' });
    expect(compareHlc(formatHlc(a), formatHlc(b))).toBe(-1);
    expect(compareHlc(formatHlc(b), formatHlc(c))).toBe(-1);
  });

  it('moves past a remote time that is ahead of the local clock', () => {
    const local = tickHlc(null, 1000, 'a');
    const remote = { wall: 5000, counter: 3, node: 'b' };
    const after = receiveHlc(local, remote, 1200, 'a');
    expect(after).toEqual({ wall: 5000, counter: 4, node: 'a' });
    expect(compareHlc(formatHlc(after), formatHlc(remote))).toBe(1);
  });

  it('orders serialised times as strings in time order, across digit-count changes', () => {
    const times = [
      { wall: 9, counter: 0, node: 'x' },
      { wall: 10, counter: 0, node: 'x' },
      { wall: 10, counter: 10, node: 'x' },
      { wall: 1_700_000_000_000, counter: 2, node: 'x' },
    ].map(formatHlc);
    expect([...times].sort()).toEqual(times);
  });

  it('round-trips through its string form and rejects garbage', () => {
    const h = { wall: 1_763_000_000_123, counter: 42, node: '01a2-device' };
    expect(parseHlc(formatHlc(h))).toEqual(h);
    expect(() => parseHlc('yesterday')).toThrow(/Not an HLC/);
  });

  it('rolls the counter over into the next millisecond instead of overflowing its width', () => {
    const full = { wall: 1000, counter: 99_999, node: 'dev' };
    expect(tickHlc(full, 1000, 'dev')).toEqual({ wall: 1001, counter: 0, node: 'dev' });
  });
});

describe('bounded HLCs and re-stamping (issue 13)', () => {
  const node = '01930000-0000-7000-8000-000000000001';

  it('accepts only fixed-width walls and printable node ids of at most 64 characters', () => {
    const ok = formatHlc({ wall: 1_700_000_000_000, counter: 3, node });
    expect(HLC_PATTERN.test(ok)).toBe(true);
    expect(parseHlc(ok)).toEqual({ wall: 1_700_000_000_000, counter: 3, node });
    expect(HLC_PATTERN.test(`${'0'.repeat(15)}:00000:${'n'.repeat(64)}`)).toBe(true);
    for (const bad of [
      `${'0'.repeat(15)}:00000:${'n'.repeat(65)}`,
      `${'0'.repeat(16)}:00000:${node}`,
      `${'0'.repeat(15)}:00000:`,
      `${'0'.repeat(15)}:00000:a b`,
      `${'0'.repeat(15)}:00000:노드`,
    ]) {
      expect(HLC_PATTERN.test(bad)).toBe(false);
      expect(() => parseHlc(bad)).toThrow(/Not an HLC/);
    }
    expect(() => formatHlc({ wall: MAX_WALL + 1, counter: 0, node })).toThrow(/out of range/);
    expect(() => formatHlc({ wall: 1, counter: 0, node: 'n'.repeat(65) })).toThrow(/node id/);
  });

  it('re-stamps an HLC more than an hour ahead to the given time, keeping the node and the order', () => {
    const now = 1_800_000_000_000;
    expect(restampIfAhead(formatHlc({ wall: now + MAX_CLOCK_LEAD_MS, counter: 9, node }), now, 0)).toBeNull();
    expect(restampIfAhead(formatHlc({ wall: now - 86_400_000, counter: 0, node }), now, 0)).toBeNull();
    const first = restampIfAhead(formatHlc({ wall: now + 86_400_000, counter: 7, node }), now, 0);
    const second = restampIfAhead(formatHlc({ wall: now + 315_360_000_000, counter: 0, node }), now, 1);
    expect(parseHlc(first ?? '')).toEqual({ wall: now, counter: 0, node });
    expect(compareHlc(first ?? '', second ?? '')).toBe(-1);
    expect(hlcLeadMs(formatHlc({ wall: now + 5, counter: 0, node }), now)).toBe(5);
  });
});
