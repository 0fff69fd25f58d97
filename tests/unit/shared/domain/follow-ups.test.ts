import { describe, expect, it } from 'vitest';
import { followUpDueDate } from '../../../../shared/domain/follow-ups.ts';

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
