import { describe, expect, it } from 'vitest';
import {
  comparableName,
  endsAt,
  holdsTime,
  lastFour,
  mayRecordOutcome,
  overlapping,
  reschedule,
  type Slot,
} from '../../../../shared/domain/appointments.ts';

// The pure rules of appointments: which others share time with a slot (warned, never refused), what a
// move records, and how the kiosk compares what a visitor typed.

const at = (hhmm: string) => `2026-12-07T${hhmm}:00.000Z`;
const slot = (id: string, start: string, durationMin: number, outcome: Slot['outcome'] = null): Slot => ({
  id,
  startsAt: at(start),
  durationMin,
  outcome,
});

describe('overlapping', () => {
  const day = [slot('a', '01:00', 60), slot('b', '02:00', 30), slot('c', '03:00', 30, 'cancelled_by_center')];

  it('finds the appointments sharing time, half-open at both ends', () => {
    expect(overlapping({ startsAt: at('01:30'), durationMin: 60 }, day).map((s) => s.id)).toEqual(['a', 'b']);
    expect(overlapping({ startsAt: at('00:00'), durationMin: 60 }, day)).toEqual([]);
    expect(overlapping({ startsAt: at('02:30'), durationMin: 30 }, day)).toEqual([]);
    expect(overlapping({ startsAt: at('00:59'), durationMin: 2 }, day).map((s) => s.id)).toEqual(['a']);
  });

  it('ignores the slot itself (a move) and the ones cancelled or moved away', () => {
    expect(overlapping({ id: 'a', startsAt: at('01:15'), durationMin: 30 }, day)).toEqual([]);
    expect(overlapping({ startsAt: at('03:00'), durationMin: 30 }, day)).toEqual([]);
    expect(holdsTime({ outcome: 'no_show' })).toBe(true);
    expect(holdsTime({ outcome: 'rescheduled' })).toBe(false);
  });

  it('ends a slot its length after its start', () => {
    expect(endsAt({ startsAt: at('23:45').replace('07', '06'), durationMin: 30 })).toBe(
      '2026-12-07T00:15:00.000Z',
    );
  });
});

describe('reschedule', () => {
  it('records from and to when the start moves, and only the changed fields', () => {
    const r = reschedule({ startsAt: at('01:00'), durationMin: 30 }, { startsAt: '2026-12-07T02:00:00Z' });
    expect(r.fields).toEqual({ starts_at: at('02:00') });
    expect(r.event).toEqual({ from: at('01:00'), to: at('02:00') });
  });

  it('records a change of length alone, and nothing for the same instant written differently', () => {
    const longer = reschedule(
      { startsAt: at('01:00'), durationMin: 30 },
      { startsAt: at('01:00'), durationMin: 60 },
    );
    expect(longer.fields).toEqual({ duration_min: 60 });
    expect(longer.event).not.toBeNull();
    const same = reschedule(
      { startsAt: at('01:00'), durationMin: 30 },
      { startsAt: '2026-12-07T10:00:00+09:00' },
    );
    expect(same).toEqual({ fields: {}, event: null });
  });

  it('lets an outcome be recorded once', () => {
    expect(mayRecordOutcome(null)).toBe(true);
    expect(mayRecordOutcome('attended')).toBe(false);
  });
});

describe('the kiosk’s comparisons', () => {
  it('takes the last four digits of any phone notation', () => {
    expect(lastFour('010-1234-5678')).toBe('5678');
    expect(lastFour('01012345678')).toBe('5678');
    expect(lastFour('123')).toBeNull();
    expect(lastFour(null)).toBeNull();
  });

  it('compares names without spaces or case', () => {
    expect(comparableName(' 김 민수 ')).toBe(comparableName('김민수'));
    expect(comparableName('Kim Minsu')).toBe(comparableName('kimminsu'));
    expect(comparableName('김민서')).not.toBe(comparableName('김민수'));
  });
});
