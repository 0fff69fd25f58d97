import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../../../shared/domain/password-policy.ts';

const common = new Set(['password1', 'qwerty123']);

describe('password policy (domain.md §10)', () => {
  it('accepts 8 characters of two classes and 10 of one', () => {
    expect(checkPassword('abcd1234', 'kim', common)).toBeNull();
    expect(checkPassword('abcdefghij', 'kim', common)).toBeNull();
  });
  it('refuses 7 characters of two classes and 9 of one', () => {
    expect(checkPassword('abc1234', 'kim', common)).toBe('too-short');
    expect(checkPassword('abcdefghi', 'kim', common)).toBe('too-short');
  });
  it('refuses a password containing the login id, in any case', () => {
    expect(checkPassword('Counselor1-xyz', 'counselor1', common)).toBe('contains-login');
  });
  it('refuses a common password, in any case', () => {
    expect(checkPassword('Password1', 'kim', common)).toBe('common');
    expect(checkPassword('QWERTY123', 'kim', common)).toBe('common');
  });
});
