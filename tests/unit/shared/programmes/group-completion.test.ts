import { describe, expect, it } from 'vitest';
import { CURRENT_CATALOGUE, programmesOfKind } from '../../../../shared/programmes/catalogue.ts';
import {
  completionOf,
  completionPctOf,
  sessionsNeeded,
} from '../../../../shared/programmes/group-completion.ts';
import { latestMarks, type AttendanceMark } from '../../../../shared/domain/groups.ts';

// Completion of a group programme against the catalogue's own figures (issue 17 item 3): each group
// programme of the current edition, its number of sessions and its completionAttendancePct.

const V = CURRENT_CATALOGUE.version;
const groups = programmesOfKind('group-programme');

function sessions(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `s${i + 1}`);
}

function marks(list: string[], attended: number, rest: AttendanceMark | null = 'absent') {
  const m = new Map<string, AttendanceMark>();
  list.forEach((s, i) => {
    if (i < attended) m.set(s, 'attended');
    else if (rest) m.set(s, rest);
  });
  return m;
}

describe('completion against the catalogue', () => {
  it('has group programmes to check', () => {
    expect(groups.length).toBeGreaterThan(0);
  });

  it.each(groups.map((p) => [p.code, p] as const))('%s: exactly the needed sessions complete', (_code, p) => {
    const n = p.sessions?.value ?? 0;
    const pct = completionPctOf(p.code, V);
    expect(pct).toBe(p.completionAttendancePct?.value);
    const list = sessions(n);
    const needed = sessionsNeeded(n, pct);
    expect(needed).toBe(Math.ceil((n * pct) / 100));
    expect(completionOf(list, marks(list, needed), pct).state).toBe('reached');
    if (needed > 0) expect(completionOf(list, marks(list, needed - 1), pct).state).toBe('unreachable');
    // With the missing sessions not yet marked, completion is still open.
    if (needed > 0) expect(completionOf(list, marks(list, needed - 1, null), pct).state).toBe('open');
  });

  it('reads 80 % of 5 sessions as 4, with no rounding error', () => {
    expect(sessionsNeeded(5, 80)).toBe(4);
    expect(sessionsNeeded(4, 75)).toBe(3);
    expect(sessionsNeeded(3, 100)).toBe(3);
    expect(sessionsNeeded(7, 80)).toBe(6);
  });

  it('does not count an excused absence as attendance', () => {
    const list = sessions(5);
    const m = marks(list, 3, 'excused');
    const c = completionOf(list, m, 80);
    expect(c).toMatchObject({ attended: 3, needed: 4, state: 'unreachable', pct: 60 });
  });

  it('keeps a center value within the figure limits and ignores one outside them', () => {
    const code = groups[0]?.code ?? '';
    const fig = groups[0]?.completionAttendancePct;
    expect(completionPctOf(code, V, 60)).toBe(60);
    expect(completionPctOf(code, V, 10)).toBe(fig?.value);
  });

  it('refuses a programme that is not a group programme', () => {
    const other = CURRENT_CATALOGUE.programmes.find((p) => p.kind !== 'group-programme');
    expect(() => completionPctOf(other?.code ?? 'x', V)).toThrow();
  });

  it('leaves a run without sessions open', () => {
    expect(completionOf([], new Map(), 80).state).toBe('open');
  });
});

describe('attendance corrections', () => {
  it('keeps the latest mark per session', () => {
    const m = latestMarks([
      { id: '01', sessionId: 'a', mark: 'absent', recordedAt: '2026-12-01T01:00:00.000Z' },
      { id: '02', sessionId: 'a', mark: 'attended', recordedAt: '2026-12-01T02:00:00.000Z' },
      { id: '03', sessionId: 'b', mark: 'excused', recordedAt: '2026-12-01T03:00:00.000Z' },
      { id: '04', sessionId: 'b', mark: 'absent', recordedAt: '2026-12-01T02:00:00.000Z' },
    ]);
    expect(m.get('a')).toBe('attended');
    expect(m.get('b')).toBe('excused');
  });

  it('breaks a tie of times by the later id', () => {
    const at = '2026-12-01T01:00:00.000Z';
    const m = latestMarks([
      { id: '0199', sessionId: 'a', mark: 'attended', recordedAt: at },
      { id: '0198', sessionId: 'a', mark: 'absent', recordedAt: at },
    ]);
    expect(m.get('a')).toBe('attended');
  });
});
