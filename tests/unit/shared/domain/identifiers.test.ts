import { describe, expect, it } from 'vitest';
import {
  businessNumberCheckDigit,
  isValidBusinessNumber,
} from '../../../../shared/domain/business-number.ts';
import { formatPhone, isKoreanPhone, phoneDigits } from '../../../../shared/domain/phone.ts';
import {
  isRegistrationNumber,
  makeRegistrationNumber,
} from '../../../../shared/domain/registration-number.ts';

describe('phone numbers', () => {
  it('keeps digits only and formats mobile and Seoul numbers', () => {
    expect(phoneDigits('010-1234 5678')).toBe('01012345678');
    expect(formatPhone('01012345678')).toBe('010-1234-5678');
    expect(formatPhone('0212345678')).toBe('02-1234-5678');
    expect(formatPhone('021234567')).toBe('02-123-4567');
    expect(formatPhone('0311234567')).toBe('031-123-4567');
  });
  it('accepts Korean numbers and refuses others', () => {
    expect(isKoreanPhone('010-1234-5678')).toBe(true);
    expect(isKoreanPhone('02-123-4567')).toBe(true);
    expect(isKoreanPhone('12345')).toBe(false);
    expect(isKoreanPhone('1012345678')).toBe(false);
    expect(isKoreanPhone('010-1234-56789-0')).toBe(false);
  });
});

describe('business registration numbers (사업자등록번호)', () => {
  it('validates the check digit of known-good numbers', () => {
    // Check digits computed by hand with weights 1,3,7,1,3,7,1,3,5 plus the tens of 5 × 9th digit.
    expect(businessNumberCheckDigit('123456789')).toBe(1);
    expect(isValidBusinessNumber('123-45-67891')).toBe(true);
    expect(isValidBusinessNumber('1234567891')).toBe(true);
  });
  it('refuses a wrong check digit, wrong length or letters', () => {
    expect(isValidBusinessNumber('1234567890')).toBe(false);
    expect(isValidBusinessNumber('123456789')).toBe(false);
    expect(isValidBusinessNumber('12345678a1')).toBe(false);
  });
});

describe('jobseeker registration numbers', () => {
  it('puts the year first and uses Crockford base32', () => {
    let i = 0;
    const regNo = makeRegistrationNumber(2026, () => i++ % 32);
    expect(regNo).toBe('26-0123-4567');
    expect(isRegistrationNumber(regNo)).toBe(true);
  });
  it('never uses letters that are misread at the counter', () => {
    let i = 0;
    const all = Array.from({ length: 8 }, () => makeRegistrationNumber(2026, () => i++ % 32)).join('');
    expect(all).not.toMatch(/[ILOU]/);
    expect(isRegistrationNumber('26-ILOU-0000')).toBe(false);
  });
});
