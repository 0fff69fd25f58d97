import { describe, expect, it } from 'vitest';
import { keepInPlace, type KeptRow } from '../../../../renderer/src/openings/stable-ranking.ts';

const r = (id: string) => ({ jobseekerId: id });
const ids = (rows: Array<{ jobseekerId: string }>) => rows.map((x) => x.jobseekerId).join(',');

describe('candidates referred on the screen keep their place after the ranking loads again', () => {
  it('puts a referred row that left the ranking back where it was, so the rows below do not move', () => {
    const kept = new Map<string, KeptRow<{ jobseekerId: string }>>([['a', { row: r('a'), index: 0 }]]);
    expect(ids(keepInPlace([r('b'), r('c')], kept))).toBe('a,b,c');
  });

  it('keeps two referred rows in their order, also the second one referred before the reload came', () => {
    const kept = new Map([
      ['b', { row: r('b'), index: 1 }],
      ['a', { row: r('a'), index: 0 }],
    ]);
    expect(ids(keepInPlace([r('c'), r('d')], kept))).toBe('a,b,c,d');
    // The reload that still had b (it came between the two referrals) gets only a back.
    expect(ids(keepInPlace([r('b'), r('c')], kept))).toBe('a,b,c');
  });

  it('does not repeat a row still in the ranking and appends at the end when the list got shorter', () => {
    const kept = new Map([['z', { row: r('z'), index: 9 }]]);
    expect(ids(keepInPlace([r('a')], kept))).toBe('a,z');
    expect(ids(keepInPlace([r('z'), r('a')], kept))).toBe('z,a');
  });
});
