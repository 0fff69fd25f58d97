import { describe, it, expect, expectTypeOf } from 'vitest';
import {
  classifyEmployer,
  ProfilingInputError,
  employerProfileSchema,
  profilingMessages,
  employerTypeKey,
  employerProfileLabelKey,
  employerProfileOptionKey,
  EMPLOYER_PROFILE_ITEMS,
  EMPLOYER_REASON_KEYS,
  EMPLOYER_TYPE_VALUES,
  LEVEL_OPTIONS,
  type EmployerClassification,
  type EmployerProfile,
  type Level,
} from '../../../../shared/profiling/index.ts';

// Rule set PES-2021-v1, domain.md §4. Expected values are written from the spec's table.

/** Not a uniform-conditions occupation, all levels low (S = 0), 100 employees. */
const BASE: EmployerProfile = {
  uniformConditions: false,
  wage: 'low',
  welfare: 'low',
  recognition: 'low',
  employees: 100,
};

function classify(overrides: Partial<EmployerProfile>): EmployerClassification {
  return classifyEmployer({ ...BASE, ...overrides });
}

const SERVICES = {
  'online-alert': ['employerService.selfMatchingAlerts', 'employerService.counselorReferral'],
  'large-scale': ['employerService.intensiveSupport', 'employerService.intensiveSupport'],
  'conditions-improvement': ['employerService.recruitmentPackage', 'employerService.recruitmentPackage'],
  recognition: ['employerService.intensiveSupportWithReferral', 'employerService.activeIntervention'],
  talent: ['employerService.competencyRecommendations', 'employerService.candidateDiscovery'],
} as const;

describe('classifyEmployer: score S = wage + welfare + recognition', () => {
  it.each<[Level, number]>([
    ['high', 2],
    ['mid', 1],
    ['low', 0],
  ])('a level of %s is worth %i in each of wage, welfare and recognition', (level, points) => {
    expect(classify({ wage: level }).score).toBe(points);
    expect(classify({ welfare: level }).score).toBe(points);
    expect(classify({ recognition: level }).score).toBe(points);
  });

  it('adds the three', () => {
    expect(classify({ wage: 'high', welfare: 'mid', recognition: 'low' }).score).toBe(3);
    expect(classify({ wage: 'high', welfare: 'high', recognition: 'high' }).score).toBe(6);
    expect(
      classify({ uniformConditions: true, wage: 'mid', welfare: 'mid', recognition: 'high' }).score,
    ).toBe(4);
  });
});

describe('classifyEmployer: decision table, first match wins', () => {
  it('row 1: a uniform-conditions occupation → online-alert', () => {
    expect(classify({ uniformConditions: true, wage: 'mid', welfare: 'mid', recognition: 'mid' })).toEqual({
      ruleSet: 'PES-2021-v1',
      score: 3,
      type: 'online-alert',
      stage1: 'employerService.selfMatchingAlerts',
      stage2: 'employerService.counselorReferral',
      reasons: ['employer.reason.uniformConditions'],
    });
  });

  it('row 1 wins over S ≥ 5 (row 2)', () => {
    const r = classify({ uniformConditions: true, wage: 'high', welfare: 'high', recognition: 'high' });
    expect([r.type, r.score]).toEqual(['online-alert', 6]);
  });

  it('row 1 wins over S ≤ 1 and a small firm (row 3) and low recognition (row 4)', () => {
    expect(classify({ uniformConditions: true, employees: 5 }).type).toBe('online-alert');
    expect(classify({ uniformConditions: true, wage: 'high', welfare: 'mid', employees: 500 }).type).toBe(
      'online-alert',
    );
  });

  it.each<[Level, Level, Level, number]>([
    ['high', 'high', 'high', 6],
    ['high', 'high', 'mid', 5],
    ['high', 'mid', 'high', 5],
    ['mid', 'high', 'high', 5],
  ])(
    'row 2: wage %s, welfare %s, recognition %s (S = %i) → large-scale',
    (wage, welfare, recognition, score) => {
      const r = classify({ wage, welfare, recognition });
      expect(r).toEqual({
        ruleSet: 'PES-2021-v1',
        score,
        type: 'large-scale',
        stage1: 'employerService.intensiveSupport',
        stage2: 'employerService.intensiveSupport',
        reasons: ['employer.reason.notUniformConditions', 'employer.reason.scoreAtLeast5'],
      });
    },
  );

  it('row 2 holds for a small firm too', () => {
    expect(classify({ wage: 'high', welfare: 'high', recognition: 'mid', employees: 3 }).type).toBe(
      'large-scale',
    );
  });

  it('S = 4 is not large-scale', () => {
    expect(classify({ wage: 'high', welfare: 'high', recognition: 'low' }).type).not.toBe('large-scale');
    expect(classify({ wage: 'high', welfare: 'mid', recognition: 'mid' }).type).not.toBe('large-scale');
  });

  it.each<[Level, Level, Level, number]>([
    ['low', 'low', 'low', 0],
    ['mid', 'low', 'low', 1],
    ['low', 'low', 'mid', 1],
  ])(
    'row 3: S ≤ 1 (%s, %s, %s = %i) at any size → conditions-improvement',
    (wage, welfare, recognition, score) => {
      for (const employees of [1, 29, 30, 10_000]) {
        const r = classify({ wage, welfare, recognition, employees });
        expect(r).toEqual({
          ruleSet: 'PES-2021-v1',
          score,
          type: 'conditions-improvement',
          stage1: 'employerService.recruitmentPackage',
          stage2: 'employerService.recruitmentPackage',
          reasons: ['employer.reason.notUniformConditions', 'employer.reason.scoreAtMost1'],
        });
      }
    },
  );

  it('row 3 wins over row 4: S ≤ 1 with recognition low is conditions-improvement', () => {
    expect(classify({ wage: 'mid', recognition: 'low' }).type).toBe('conditions-improvement');
  });

  it('row 3 size rule: S = 2 with 29 employees → conditions-improvement', () => {
    const r = classify({ wage: 'mid', welfare: 'low', recognition: 'mid', employees: 29 });
    expect([r.type, r.score, r.stage1, r.stage2]).toEqual([
      'conditions-improvement',
      2,
      'employerService.recruitmentPackage',
      'employerService.recruitmentPackage',
    ]);
    expect(r.reasons).toEqual([
      'employer.reason.notUniformConditions',
      'employer.reason.scoreIs2',
      'employer.reason.fewerThan30Employees',
    ]);
  });

  it('row 3 size rule: S = 2 with 30 employees → not conditions-improvement (talent here)', () => {
    const r = classify({ wage: 'mid', welfare: 'low', recognition: 'mid', employees: 30 });
    expect([r.type, r.score]).toEqual(['talent', 2]);
    expect(r.reasons).toEqual([
      'employer.reason.notUniformConditions',
      'employer.reason.scoreIs2',
      'employer.reason.atLeast30Employees',
      'employer.reason.recognitionNotLow',
    ]);
  });

  it('row 3 size rule with recognition low: 29 → conditions-improvement, 30 → recognition', () => {
    const profile = { wage: 'mid', welfare: 'mid', recognition: 'low' } as const;
    expect(classify({ ...profile, employees: 29 }).type).toBe('conditions-improvement');
    expect(classify({ ...profile, employees: 1 }).type).toBe('conditions-improvement');
    const r = classify({ ...profile, employees: 30 });
    expect(r.type).toBe('recognition');
    expect(r.reasons).toEqual([
      'employer.reason.notUniformConditions',
      'employer.reason.scoreIs2',
      'employer.reason.atLeast30Employees',
      'employer.reason.recognitionLow',
    ]);
  });

  it('row 3 size rule does not reach S = 3: a firm of 5 with S = 3 is not conditions-improvement', () => {
    expect(classify({ wage: 'mid', welfare: 'mid', recognition: 'mid', employees: 5 }).type).toBe('talent');
    expect(classify({ wage: 'high', welfare: 'mid', recognition: 'low', employees: 5 }).type).toBe(
      'recognition',
    );
  });

  it.each<[Level, Level, number]>([
    ['high', 'low', 2],
    ['mid', 'mid', 2],
    ['high', 'mid', 3],
    ['high', 'high', 4],
  ])(
    'row 4: recognition low, wage %s, welfare %s (S = %i), 30+ employees → recognition',
    (wage, welfare, score) => {
      const r = classify({ wage, welfare, recognition: 'low', employees: 30 });
      expect([r.type, r.score, r.stage1, r.stage2]).toEqual([
        'recognition',
        score,
        'employerService.intensiveSupportWithReferral',
        'employerService.activeIntervention',
      ]);
      expect(r.reasons).toEqual([
        'employer.reason.notUniformConditions',
        ...(score === 2
          ? ['employer.reason.scoreIs2', 'employer.reason.atLeast30Employees']
          : ['employer.reason.score3to4']),
        'employer.reason.recognitionLow',
      ]);
    },
  );

  it.each<[Level, Level, Level, number]>([
    ['mid', 'mid', 'mid', 3],
    ['low', 'low', 'high', 2],
    ['high', 'low', 'mid', 3],
    ['mid', 'mid', 'high', 4],
    ['low', 'high', 'high', 4],
  ])('row 5: wage %s, welfare %s, recognition %s (S = %i) → talent', (wage, welfare, recognition, score) => {
    const r = classify({ wage, welfare, recognition, employees: 200 });
    expect([r.type, r.score, r.stage1, r.stage2]).toEqual([
      'talent',
      score,
      'employerService.competencyRecommendations',
      'employerService.candidateDiscovery',
    ]);
    expect(r.reasons.at(-1)).toBe('employer.reason.recognitionNotLow');
  });

  it('row 5 reasons for S 3–4', () => {
    expect(classify({ wage: 'mid', welfare: 'mid', recognition: 'mid' }).reasons).toEqual([
      'employer.reason.notUniformConditions',
      'employer.reason.score3to4',
      'employer.reason.recognitionNotLow',
    ]);
  });

  it('leaves the input untouched', () => {
    const input: EmployerProfile = { ...BASE, wage: 'high' };
    const copy = { ...input };
    classifyEmployer(input);
    expect(input).toEqual(copy);
  });
});

// ---- An independent reading of the spec, run against every profile ----

function specType(p: EmployerProfile): EmployerClassification['type'] {
  const pts = { high: 2, mid: 1, low: 0 };
  const s = pts[p.wage] + pts[p.welfare] + pts[p.recognition];
  if (p.uniformConditions) return 'online-alert';
  if (s >= 5) return 'large-scale';
  if (s <= 1 || (p.employees < 30 && s <= 2)) return 'conditions-improvement';
  if (p.recognition === 'low') return 'recognition';
  return 'talent';
}

describe('classifyEmployer: every profile', () => {
  const profiles: EmployerProfile[] = [];
  for (const uniformConditions of [true, false])
    for (const wage of LEVEL_OPTIONS)
      for (const welfare of LEVEL_OPTIONS)
        for (const recognition of LEVEL_OPTIONS)
          for (const employees of [1, 2, 29, 30, 31, 299, 300, 100_000])
            profiles.push({ uniformConditions, wage, welfare, recognition, employees });
  const results = profiles.map((p) => [p, classifyEmployer(p)] as const);

  it('agrees with the spec on type, score and the services of that type', () => {
    expect(results).toHaveLength(2 * 27 * 8);
    const pts = { high: 2, mid: 1, low: 0 };
    const wrong = results.filter(([p, r]) => {
      const type = specType(p);
      return (
        r.type !== type ||
        r.score !== pts[p.wage] + pts[p.welfare] + pts[p.recognition] ||
        r.stage1 !== SERVICES[type][0] ||
        r.stage2 !== SERVICES[type][1] ||
        r.ruleSet !== 'PES-2021-v1' ||
        r.reasons.length === 0 ||
        new Set(r.reasons).size !== r.reasons.length
      );
    });
    expect(wrong).toEqual([]);
    expect(new Set(results.map(([, r]) => r.type))).toEqual(new Set(EMPLOYER_TYPE_VALUES));
  });

  it('emits only declared reason keys, and every declared one is reachable', () => {
    const reasons = new Set(results.flatMap(([, r]) => r.reasons));
    expect([...reasons].sort()).toEqual([...EMPLOYER_REASON_KEYS].sort());
  });

  it('every key any result can contain has a Korean and an English text', () => {
    const keys = new Set(
      results.flatMap(([, r]) => [...r.reasons, r.stage1, r.stage2, employerTypeKey(r.type)]),
    );
    expect(keys.size).toBeGreaterThan(EMPLOYER_REASON_KEYS.length + EMPLOYER_TYPE_VALUES.length);
    const missing = [...keys].filter(
      (k) => !profilingMessages.ko[k]?.trim() || !profilingMessages.en[k]?.trim(),
    );
    expect(missing).toEqual([]);
  });

  it('uses the plan’s Korean names for the five types', () => {
    expect(EMPLOYER_TYPE_VALUES.map((t) => profilingMessages.ko[employerTypeKey(t)])).toEqual([
      '온라인알림형',
      '인재지원형',
      '대규모채용형',
      '인지도확산형',
      '고용여건개선형',
    ]);
    expect(profilingMessages.ko['employerService.recruitmentPackage']).toContain('기업채용지원패키지');
    expect(profilingMessages.ko['employerService.activeIntervention']).toContain('눈높이 조절');
  });
});

describe('classifyEmployer: invalid input names the item and never guesses', () => {
  const valid: EmployerProfile = {
    uniformConditions: false,
    wage: 'mid',
    welfare: 'mid',
    recognition: 'mid',
    employees: 10,
  };

  function errorOf(input: unknown): ProfilingInputError {
    try {
      classifyEmployer(input as EmployerProfile);
    } catch (e) {
      if (e instanceof ProfilingInputError) return e;
      throw new Error(`expected a ProfilingInputError, got ${String(e)}`);
    }
    throw new Error('expected classifyEmployer to throw');
  }

  it.each(EMPLOYER_PROFILE_ITEMS)('a missing %s is refused, naming it', (item) => {
    const input: Record<string, unknown> = { ...valid };
    delete input[item];
    const e = errorOf(input);
    expect(e.field).toBe(item);
    expect(e.message).toContain(`"${item}"`);
  });

  it.each<[string, unknown]>([
    ['uniformConditions', 'yes'],
    ['uniformConditions', 0],
    ['wage', 'medium'],
    ['wage', 'HIGH'],
    ['welfare', 2],
    ['recognition', null],
    ['employees', 0],
    ['employees', -3],
    ['employees', 29.5],
    ['employees', '30'],
    ['employees', Number.NaN],
    ['employees', Number.POSITIVE_INFINITY],
    ['employees', null],
  ])('%s = %j is refused, naming the item', (item, value) => {
    const e = errorOf({ ...valid, [item]: value });
    expect(e.field).toBe(item);
    expect(e.message).toMatch(new RegExp(`^Invalid employer profile item "${item}": expected `));
  });

  it('gives what the item accepts in the message', () => {
    expect(errorOf({ ...valid, employees: 0.5 }).message).toBe(
      'Invalid employer profile item "employees": expected an integer >= 1',
    );
    expect(errorOf({ ...valid, wage: 'x' }).message).toBe(
      'Invalid employer profile item "wage": expected "high", "mid" or "low"',
    );
  });

  it('names the first bad item in form order when several are bad', () => {
    expect(errorOf({ ...valid, employees: 0, welfare: 'x' }).field).toBe('welfare');
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 30],
    ['an array', []],
  ])('refuses %s as a profile', (_label, input) => {
    const e = errorOf(input);
    expect(e.field).toBe('');
    expect(e.message).toBe('Invalid employer profile: expected an object');
  });

  it('accepts employees = 1 and ignores unknown extra keys', () => {
    expect(classifyEmployer({ ...valid, employees: 1 }).score).toBe(3);
    const r = classifyEmployer({ ...valid, businessNumber: '123' } as EmployerProfile);
    expect(r).toEqual(classifyEmployer(valid));
  });
});

describe('employer profile vocabulary for the form', () => {
  it('the exported lists match the types of domain.md §4', () => {
    expectTypeOf<(typeof LEVEL_OPTIONS)[number]>().toEqualTypeOf<Level>();
    expectTypeOf<(typeof EMPLOYER_TYPE_VALUES)[number]>().toEqualTypeOf<EmployerClassification['type']>();
    expectTypeOf<(typeof EMPLOYER_PROFILE_ITEMS)[number]>().toEqualTypeOf<keyof EmployerProfile>();
    expect(EMPLOYER_PROFILE_ITEMS).toHaveLength(5);
  });

  it('every item has a label and every answer a text, in Korean and English', () => {
    const keys = [
      ...EMPLOYER_PROFILE_ITEMS.flatMap((item) => [
        employerProfileLabelKey(item),
        `employerProfile.${item}.invalid`,
      ]),
      employerProfileOptionKey('uniformConditions', true),
      employerProfileOptionKey('uniformConditions', false),
      ...(['wage', 'welfare', 'recognition'] as const).flatMap((item) =>
        LEVEL_OPTIONS.map((l) => employerProfileOptionKey(item, l)),
      ),
    ];
    const missing = keys.filter((k) => !profilingMessages.ko[k] || !profilingMessages.en[k]);
    expect(keys).toHaveLength(5 * 2 + 2 + 9);
    expect(missing).toEqual([]);
  });

  it('the schema reports i18n keys that have texts', () => {
    const issues = employerProfileSchema.safeParse({ employees: 0 }).error?.issues ?? [];
    expect(issues.map((i) => i.path[0])).toEqual([...EMPLOYER_PROFILE_ITEMS]);
    for (const i of issues) {
      expect(profilingMessages.ko[i.message]).toBeTruthy();
      expect(profilingMessages.en[i.message]).toBeTruthy();
    }
  });
});
