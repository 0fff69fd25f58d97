import { describe, expect, it } from 'vitest';
import { issueMessage, parseRule, rule } from '../../../../shared/contract/messages.ts';
import { employersChannels } from '../../../../shared/contract/employers.ts';
import { reportFiltersSchema } from '../../../../shared/contract/reports.ts';
import { settingsChannels } from '../../../../shared/contract/settings.ts';
import { birthYearSchema, recentDaySchema, todayKstOf } from '../../../../shared/domain/day.ts';
import { employerFieldsSchema } from '../../../../shared/domain/employers.ts';
import { jobseekerFieldsSchema } from '../../../../shared/domain/jobseeker.ts';
import type { z } from 'zod';

// Issue 15 item 8: every refused value gets a message naming its field and its rule, decided by the
// contract's schemas (the same text on the desk, the server and the command line).

function messagesOf(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map(issueMessage);
}

const validJobseeker = { name: '홍길동', birthYear: 1988, sido: '11' };

describe('rule messages', () => {
  it('round-trips a key and its figures', () => {
    expect(parseRule(rule('validation.range', { min: 1, max: 60 }))).toEqual({
      key: 'validation.range',
      params: { min: '1', max: '60' },
    });
    expect(parseRule('validation.required')).toEqual({ key: 'validation.required', params: {} });
  });

  it('keeps separators and namespaces out of the figures', () => {
    expect(rule('k.x', { names: 'a|b=c:d' })).toBe('k.x|names=a b c d');
  });
});

describe('jobseeker fields', () => {
  const year = Number(todayKstOf().slice(0, 4));

  it('refuses a birth year before 1900 with the allowed range and the field', () => {
    expect(messagesOf(jobseekerFieldsSchema, { ...validJobseeker, birthYear: 1800 })).toEqual([
      `validation.yearRange|min=1900|max=${year}|field=birthYear`,
    ]);
  });

  it('refuses a birth year in the future', () => {
    expect(messagesOf(jobseekerFieldsSchema, { ...validJobseeker, birthYear: year + 1 })).toEqual([
      `validation.yearRange|min=1900|max=${year}|field=birthYear`,
    ]);
    expect(messagesOf(jobseekerFieldsSchema, { ...validJobseeker, birthYear: year })).toEqual([]);
  });

  it('says the limit of a name that is too long', () => {
    expect(messagesOf(jobseekerFieldsSchema, { ...validJobseeker, name: 'x'.repeat(51) })).toEqual([
      'validation.tooLongMax|max=50|field=name',
    ]);
  });

  it('says the field of a missing value', () => {
    expect(messagesOf(jobseekerFieldsSchema, { ...validJobseeker, name: ' ' })).toEqual([
      'validation.required|field=name',
    ]);
  });
});

describe('employer fields', () => {
  const valid = { businessNo: '1234567891', name: '가나', industry: 'C', employees: 10, sido: '11' };

  it('tells a 5-digit business number it needs 10 digits, not that its check digit is wrong', () => {
    expect(messagesOf(employerFieldsSchema, { ...valid, businessNo: '12345' })).toEqual([
      'employers.validation.businessNoFormat|digits=10|field=businessNo',
    ]);
  });

  it('gives the check-digit message only to a 10-digit number', () => {
    const msgs = messagesOf(employerFieldsSchema, { ...valid, businessNo: '1234567890' });
    expect(msgs).toEqual(['employers.validation.businessNoCheckDigit|field=businessNo']);
  });
});

describe('other contract inputs', () => {
  const id = '0190a6b0-0000-7000-8000-000000000001';

  it('says the limit of a 3,000-character referral note', () => {
    const input = employersChannels['referrals:record'].input;
    expect(messagesOf(input, { referralId: id, kind: 'referred', note: 'x'.repeat(3000) })).toEqual([
      'validation.tooLongMax|max=2000|field=note',
    ]);
  });

  it('gives the idle lock its range', () => {
    const input = settingsChannels['settings:saveDevice'].input;
    expect(messagesOf(input, { kioskMode: false, idleLockMinutes: 999 })).toEqual([
      'validation.range|min=1|max=60|field=idleLockMinutes',
    ]);
  });

  it('says the rule of an absurd report range', () => {
    expect(messagesOf(reportFiltersSchema, { from: '0001-01-01' })).toEqual([
      'validation.dayRange|min=1900-01-01|max=2100-12-31|field=from',
    ]);
    expect(messagesOf(reportFiltersSchema, { from: '2026-05-01', to: '2026-01-01' })).toEqual([
      'reports.validation.period|field=from',
    ]);
  });

  it('words zod\u2019s own issues (an unknown choice, an unknown key) as rules too', () => {
    const input = employersChannels['referrals:record'].input;
    expect(messagesOf(input, { referralId: id, kind: 'eaten' })).toEqual(['validation.choice|field=kind']);
    expect(messagesOf(input, { referralId: id, kind: 'referred', extra: 1 })).toEqual([
      'validation.unknownField|names=extra',
    ]);
  });
});

describe('date bounds (item 4)', () => {
  const clock = () => Date.parse('2026-12-05T03:00:00Z');

  it('holds a day to its window around today (KST) and says the window', () => {
    const schema = recentDaySchema({ past: 365, future: 180 }, 'validation.date', clock);
    expect(messagesOf(schema, '1999-06-01')).toEqual(['validation.dayRange|min=2025-12-05|max=2027-06-03']);
    expect(messagesOf(schema, '2027-06-03')).toEqual([]);
    expect(messagesOf(schema, '2026-02-30')).toEqual(['validation.date']);
  });

  it('refuses a package step done in 2099 and an interview in 1999', () => {
    const step = employersChannels['employers:recordPackageStep'].input;
    const id = '0190a6b0-0000-7000-8000-000000000001';
    const base = { employerId: id, step: 'job-analysis', status: 'done' };
    const stepMsgs = messagesOf(step, { ...base, on: '2099-01-01' });
    expect(stepMsgs.some((m) => m.startsWith('validation.dayRange|') && m.endsWith('|field=on'))).toBe(true);
    const event = employersChannels['referrals:record'].input;
    const msgs = messagesOf(event, { referralId: id, kind: 'interview', interviewOn: '1999-01-01' });
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatch(
      /^validation\.dayRange\|min=\d{4}-\d{2}-\d{2}\|max=\d{4}-\d{2}-\d{2}\|field=interviewOn$/,
    );
  });

  it('takes the birth year bound from the clock', () => {
    expect(birthYearSchema(clock).safeParse(2026).success).toBe(true);
    expect(birthYearSchema(clock).safeParse(2027).success).toBe(false);
  });
});
