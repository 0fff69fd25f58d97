import { describe, expect, it } from 'vitest';
import { formatPhone, maskPhone } from '../../../../shared/domain/phone.ts';

// Issue 15: center-wide lists show phone numbers masked; the case file shows them whole.

describe('maskPhone', () => {
  it('hides the middle group of mobile, Seoul and other area numbers, however they were typed', () => {
    expect(maskPhone('01012345678')).toBe('010-****-5678');
    expect(maskPhone('010-1234-5678')).toBe('010-****-5678');
    expect(maskPhone('0311234567')).toBe('031-***-4567');
    expect(maskPhone('02 123 4567')).toBe('02-***-4567');
    expect(maskPhone('0212345678')).toBe('02-****-5678');
  });

  it('keeps only the last four digits of a number it cannot group', () => {
    expect(maskPhone('12345678')).toBe('****5678');
    expect(maskPhone('123')).toBe('***');
  });

  it('never shows the middle digits that formatPhone shows', () => {
    const full = formatPhone('01098765432');
    expect(full).toBe('010-9876-5432');
    expect(maskPhone('01098765432')).not.toContain('9876');
  });
});
