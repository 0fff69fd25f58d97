import { describe, expect, it } from 'vitest';
import { followUpDueDate, hireDayOf, parseFollowUp } from '../../../../shared/domain/follow-ups.ts';

describe('follow-up due dates', () => {
  it('falls 1, 3 and 6 calendar months after the hire', () => {
    expect(followUpDueDate('2026-03-15T10:00:00Z', 1)).toBe('2026-04-15');
    expect(followUpDueDate('2026-03-15T10:00:00Z', 3)).toBe('2026-06-15');
    expect(followUpDueDate('2026-08-20T10:00:00Z', 6)).toBe('2027-02-20');
  });
  it('clamps to the end of a shorter month', () => {
    expect(followUpDueDate('2026-01-31T09:00:00Z', 1)).toBe('2026-02-28');
    expect(followUpDueDate('2027-08-31T09:00:00Z', 6)).toBe('2028-02-29');
  });
});

describe('reading hired and follow-up events', () => {
  it('counts from the first day of work a hire names, else from when it was recorded', () => {
    const at = '2026-12-05T01:00:00.000Z';
    expect(hireDayOf({ at, data: '{"hiredOn":"2026-08-08"}' })).toBe('2026-08-08');
    expect(followUpDueDate(hireDayOf({ at, data: '{"hiredOn":"2026-08-08"}' }), 1)).toBe('2026-09-08');
    for (const data of ['{}', '{"hiredOn":""}', '{"hiredOn":20260808}', 'null', 'not json'])
      expect(hireDayOf({ at, data })).toBe(at);
  });
  it("reads a follow-up's month and whether the person still works there, or nothing", () => {
    expect(parseFollowUp('{"months":3,"employed":false}')).toEqual({ months: 3, employed: false });
    expect(parseFollowUp('{"months":1}')).toEqual({ months: 1, employed: true });
    expect(parseFollowUp('{"months":6.0,"employed":true}')).toEqual({ months: 6, employed: true });
    for (const data of ['{"months":2}', '{"months":"1"}', '{}', 'null', '[1]', '{months:1}'])
      expect(parseFollowUp(data)).toBeNull();
  });
});
