import { describe, expect, it } from 'vitest';
import { jobseekerFieldsSchema } from '../../../../shared/domain/jobseeker.ts';
import { todayKstOf } from '../../../../shared/domain/day.ts';

/** The latest birth year taken: this year in Korea (shared/domain/day.ts). */
const THIS_YEAR = todayKstOf().slice(0, 4);

const valid = { name: '김민준', birthYear: 1990, sido: '11' };

describe('jobseeker fields schema', () => {
  it('fills defaults and normalises the phone to digits', () => {
    const parsed = jobseekerFieldsSchema.parse({ ...valid, phone: '010-1234-5678' });
    expect(parsed).toMatchObject({
      name: '김민준',
      phone: '01012345678',
      gender: null,
      mobile: false,
      email: null,
    });
  });
  it('turns empty optional text into null', () => {
    const parsed = jobseekerFieldsSchema.parse({ ...valid, phone: '', email: '' });
    expect(parsed.phone).toBeNull();
    expect(parsed.email).toBeNull();
  });
  it.each([
    [{ name: '  ' }, 'name', 'validation.required'],
    [{ birthYear: 1850 }, 'birthYear', `validation.yearRange|min=1900|max=${THIS_YEAR}`],
    [{ birthYear: 1990.5 }, 'birthYear', `validation.yearRange|min=1900|max=${THIS_YEAR}`],
    [{ phone: '123' }, 'phone', 'validation.phone'],
    [{ email: 'not-mail' }, 'email', 'validation.email'],
    [{ sido: 'Seoul' }, 'sido', 'validation.region'],
    [{ desiredWage: -1 }, 'desiredWage', 'validation.wage'],
  ])('refuses %o naming the field', (patch, field, message) => {
    const result = jobseekerFieldsSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
