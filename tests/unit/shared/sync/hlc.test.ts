import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, parseHlc, receiveHlc, tickHlc } from '../../../../shared/sync/hlc.ts';

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
