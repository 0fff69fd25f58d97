import { describe, expect, it } from 'vitest';
import { programmeOf } from '../../../../shared/programmes/catalogue.ts';
import {
  consentGroupsFor,
  eligibilityInputsSchema,
  evaluateEligibility,
  reasonFits,
} from '../../../../shared/programmes/eligibility.ts';

const nes1 = programmeOf('nes-1');
const nes2 = programmeOf('nes-2');
if (!nes1 || !nes2) throw new Error('catalogue lacks 국민취업지원제도');

describe('eligibility pre-check against the catalogue', () => {
  const fits = { age: 34, householdIncomePct: 50, assetsBand: 'under-400m', recentWorkDays: 200 } as const;

  it('takes exactly the inputs the programme lists', () => {
    expect(eligibilityInputsSchema(nes1).safeParse(fits).success).toBe(true);
    // Type II does not read assets or work history: recording them is refused.
    expect(eligibilityInputsSchema(nes2).safeParse({ ...fits, vulnerableGroup: false }).success).toBe(false);
    expect(
      eligibilityInputsSchema(nes2).safeParse({ age: 34, householdIncomePct: 90, vulnerableGroup: false })
        .success,
    ).toBe(true);
    expect(eligibilityInputsSchema(nes1).safeParse({ age: 34 }).success).toBe(false);
  });

  it('says which rules are not met (Type I)', () => {
    expect(evaluateEligibility(nes1, fits)).toEqual({ meets: true, failed: [] });
    const r = evaluateEligibility(nes1, {
      ...fits,
      householdIncomePct: 61,
      assetsBand: 'over-400m',
      age: 70,
    });
    expect(r.meets).toBe(false);
    expect(r.failed.map((f) => `${f.input}:${f.rule}:${String(f.limit)}`)).toEqual([
      'age:max:69',
      'householdIncomePct:max:60',
      'assetsBand:allowed:under-400m',
    ]);
    expect(evaluateEligibility(nes1, { ...fits, recentWorkDays: 99 }).failed).toEqual([
      { input: 'recentWorkDays', rule: 'min', limit: 100 },
    ]);
  });

  it('lifts the income limit for a 특정취약계층 (Type II)', () => {
    expect(
      evaluateEligibility(nes2, { age: 40, householdIncomePct: 150, vulnerableGroup: false }).meets,
    ).toBe(false);
    expect(evaluateEligibility(nes2, { age: 40, householdIncomePct: 150, vulnerableGroup: true }).meets).toBe(
      true,
    );
    expect(
      evaluateEligibility(nes2, { age: 14, householdIncomePct: 10, vulnerableGroup: true }).failed,
    ).toEqual([{ input: 'age', rule: 'min', limit: 15 }]);
  });

  it('needs the sensitive consent for income and assets, and fitting reasons for a decision', () => {
    expect(consentGroupsFor(nes1)).toEqual(['required', 'sensitive']);
    expect(reasonFits('admit', 'meets-rules')).toBe(true);
    expect(reasonFits('admit', 'income-over-limit')).toBe(false);
    expect(reasonFits('refuse', 'income-over-limit')).toBe(true);
  });
});
