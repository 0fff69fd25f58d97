import { describe, expect, it } from 'vitest';
import { dayAsTyped } from '../../../../renderer/src/common/day-input.ts';

describe('a day typed into a date field reads YYYY-MM-DD whatever the computer’s locale', () => {
  it('puts the dashes in as the digits come', () => {
    expect(dayAsTyped('2026')).toBe('2026');
    expect(dayAsTyped('20261')).toBe('2026-1');
    expect(dayAsTyped('202612')).toBe('2026-12');
    expect(dayAsTyped('2026120')).toBe('2026-12-0');
    expect(dayAsTyped('20261201')).toBe('2026-12-01');
  });

  it('keeps a day typed or pasted with dashes, dots or slashes, and nothing past the day', () => {
    expect(dayAsTyped('2026-12-01')).toBe('2026-12-01');
    expect(dayAsTyped('2026.12.01.')).toBe('2026-12-01');
    expect(dayAsTyped('2026/12/01 09:00')).toBe('2026-12-01');
    expect(dayAsTyped('')).toBe('');
  });
});
