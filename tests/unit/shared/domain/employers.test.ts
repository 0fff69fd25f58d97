import { describe, expect, it } from 'vitest';
import {
  businessNumberCheckDigit,
  isValidBusinessNumber,
} from '../../../../shared/domain/business-number.ts';
import {
  PACKAGE_STAGES,
  employerFieldsSchema,
  followUpStatus,
  openingFieldsSchema,
  packageProgress,
  stageOfStep,
  type PackageStepRecord,
} from '../../../../shared/domain/employers.ts';

const valid = {
  businessNo: '123-45-67891',
  name: '(주)한빛정밀',
  industry: 'C',
  employees: 25,
  sido: '11',
};

describe('business numbers on the employer form', () => {
  it('accepts a number with or without dashes and stores the digits', () => {
    expect(employerFieldsSchema.parse(valid).businessNo).toBe('1234567891');
    expect(employerFieldsSchema.parse({ ...valid, businessNo: '1234567891' }).businessNo).toBe('1234567891');
  });

  it('says whether the format or the check digit is wrong', () => {
    const wrongDigit = employerFieldsSchema.safeParse({ ...valid, businessNo: '123-45-67890' });
    expect(wrongDigit.error?.issues.map((i) => i.message)).toEqual([
      'employers.validation.businessNoCheckDigit',
    ]);
    const wrongFormat = employerFieldsSchema.safeParse({ ...valid, businessNo: '12-345-67891' });
    // The format only (issue 15 item 8): a number of the wrong shape is not told its check digit is wrong.
    expect(wrongFormat.error?.issues.map((i) => i.message)).toEqual([
      'employers.validation.businessNoFormat|digits=10',
    ]);
  });

  it('validates every check digit, including the ninth digit carry (×5, tens digit added)', () => {
    // Ninth digit 9: 9 × 5 = 45 adds 45 + 4.
    const first9 = '220816259';
    const check = businessNumberCheckDigit(first9);
    expect(isValidBusinessNumber(`${first9}${check}`)).toBe(true);
    for (let d = 0; d <= 9; d++) {
      if (d !== check) expect(isValidBusinessNumber(`${first9}${d}`)).toBe(false);
    }
  });

  it('refuses an unknown industry section and non-positive sizes', () => {
    expect(employerFieldsSchema.safeParse({ ...valid, industry: 'Z' }).success).toBe(false);
    expect(employerFieldsSchema.safeParse({ ...valid, employees: 0 }).success).toBe(false);
  });
});

describe('opening fields', () => {
  it('needs a 4-digit occupation, a positive wage and positions', () => {
    const ok = openingFieldsSchema.parse({
      title: '요양보호사',
      occupation: '5501',
      sido: '11',
      wage: 2_300_000,
      positions: 2,
    });
    expect(ok).toMatchObject({ requiredQualifications: [], public: false, sigungu: null });
    expect(openingFieldsSchema.safeParse({ ...ok, occupation: '55' }).success).toBe(false);
    expect(openingFieldsSchema.safeParse({ ...ok, wage: 0 }).success).toBe(false);
    expect(openingFieldsSchema.safeParse({ ...ok, positions: 0 }).success).toBe(false);
  });
});

describe('the recruitment-support package', () => {
  const blank = (): PackageStepRecord[] =>
    PACKAGE_STAGES.flatMap(({ stage, steps }) =>
      steps.map((step) => ({
        step,
        stage,
        status: null,
        on: null,
        note: null,
        counselorName: null,
        recordedAt: null,
        history: [],
      })),
    );

  it('has the four stages in order with their steps', () => {
    expect(PACKAGE_STAGES.map((s) => s.stage)).toEqual([
      'diagnosis',
      'conditions',
      'recruitment',
      'follow-up',
    ]);
    expect(stageOfStep('dormitory')).toBe('conditions');
  });

  it('stands at the first stage with unfinished steps; not-needed steps do not count', () => {
    expect(packageProgress(blank())).toMatchObject({
      started: false,
      currentStage: null,
      done: 0,
      total: 11,
    });
    const steps = blank().map((s) =>
      s.stage === 'diagnosis'
        ? { ...s, status: 'done' as const }
        : s.step === 'dormitory'
          ? { ...s, status: 'not-needed' as const }
          : s,
    );
    expect(packageProgress(steps)).toMatchObject({
      started: true,
      currentStage: 'conditions',
      done: 2,
      total: 10,
    });
  });
});

describe('follow-up status on the due list', () => {
  it('is overdue before today, due within a week, upcoming after', () => {
    expect(followUpStatus('2026-03-01', '2026-03-02')).toBe('overdue');
    expect(followUpStatus('2026-03-02', '2026-03-02')).toBe('due');
    expect(followUpStatus('2026-03-09', '2026-03-02')).toBe('due');
    expect(followUpStatus('2026-03-10', '2026-03-02')).toBe('upcoming');
  });
});
