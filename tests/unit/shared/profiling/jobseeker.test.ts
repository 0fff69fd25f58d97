import { describe, it, expect, expectTypeOf, beforeAll } from 'vitest';
import type {
  JOBSEEKER_TYPE_VALUES,
  ECONOMIC_VALUES,
  ECONOMIC_HARDSHIP_OPTIONS,
} from '../../../../shared/profiling/index.ts';
import {
  RULE_SET,
  classifyJobseeker,
  jobseekerService,
  levelOf,
  ProfilingInputError,
  jobseekerChecklistSchema,
  profilingMessages,
  levelKey,
  jobseekerTypeKey,
  trackKey,
  economicKey,
  checklistLabelKey,
  checklistOptionKey,
  JOBSEEKER_REASON_KEYS,
  JOBSEEKER_TRACK_VALUES,
  LEVEL_VALUES,
  SEARCH_ACTIVITIES_OPTIONS,
  START_WISH_OPTIONS,
  WILL_TO_WORK_OPTIONS,
  PREPARATION_OPTIONS,
  EXPERIENCE_OPTIONS,
  SINCE_LAST_JOB_OPTIONS,
  BARRIER_OPTIONS,
  CHECKLIST_ITEMS,
  CHECKLIST_OPTIONS,
  type JobseekerChecklist,
  type JobseekerClassification,
  type Level,
} from '../../../../shared/profiling/index.ts';

// Rule set PES-2021-v1, domain.md §3. The expected values below are written from the spec's tables,
// not from the implementation, so a changed point, threshold or row makes these tests fail.

type Barrier = JobseekerChecklist['barriers'][number];
type Hardship = JobseekerChecklist['economicHardship'][number];

/** Every motivation and ability item at 0 points, no barriers, no hardship, field not decided. */
const ZERO: JobseekerChecklist = {
  searchActivities4w: '0',
  startWish: 'undecided',
  willToWork: 1,
  preparation: 'none',
  experience: 'none',
  sinceLastJob: 'never',
  barriers: [],
  economicHardship: [],
  fieldDecided: false,
  mobile: false,
};

function checklist(overrides: Partial<JobseekerChecklist> = {}): JobseekerChecklist {
  return { ...ZERO, ...overrides };
}

// Answers worth 0, 1 and 2 points per item, straight from the spec's table.
const M1 = ['0', '1-2', '3+'] as const;
const M2 = ['undecided', '3to6m', 'within3m'] as const;
const M3 = [1, 3, 5] as const;
const A1 = ['none', 'education', 'license'] as const;
const A2 = ['none', 'under2y', '2y+'] as const;
const A3 = ['never', '6to24m', 'under6m'] as const;
const BARRIER_SETS: Record<number, Barrier[]> = {
  0: [],
  1: ['health'],
  2: ['health', 'caregiving'],
  3: ['health', 'caregiving', 'language'],
  4: ['health', 'caregiving', 'language', 'digital'],
};

function split(score: number): [0 | 1 | 2, 0 | 1 | 2, 0 | 1 | 2] {
  const a = Math.min(2, score) as 0 | 1 | 2;
  const b = Math.min(2, score - a) as 0 | 1 | 2;
  return [a, b, (score - a - b) as 0 | 1 | 2];
}

/** Motivation answers adding up to `score` (0–6). */
function motivationOf(score: number): Partial<JobseekerChecklist> {
  const [a, b, c] = split(score);
  return { searchActivities4w: M1[a], startWish: M2[b], willToWork: M3[c] };
}

/** Ability answers adding up to `base` (0–6) before `barrierCount` barriers. */
function abilityOf(base: number, barrierCount = 0): Partial<JobseekerChecklist> {
  const [a, b, c] = split(base);
  return {
    preparation: A1[a],
    experience: A2[b],
    sinceLastJob: A3[c],
    barriers: BARRIER_SETS[barrierCount] ?? [],
  };
}

function classify(overrides: Partial<JobseekerChecklist>): JobseekerClassification {
  return classifyJobseeker(checklist(overrides));
}

describe('classifyJobseeker: points per answer', () => {
  it.each([
    ['0', 0],
    ['1-2', 1],
    ['3+', 2],
  ] as const)('m1 searchActivities4w %s → %i', (value, points) => {
    const r = classify({ searchActivities4w: value });
    expect(r.motivationScore).toBe(points);
    expect(r.abilityScore).toBe(0);
  });

  it.each([
    ['undecided', 0],
    ['over6m', 0],
    ['3to6m', 1],
    ['within3m', 2],
  ] as const)('m2 startWish %s → %i', (value, points) => {
    const r = classify({ startWish: value });
    expect(r.motivationScore).toBe(points);
    expect(r.abilityScore).toBe(0);
  });

  it.each([
    [1, 0],
    [2, 0],
    [3, 1],
    [4, 2],
    [5, 2],
  ] as const)('m3 willToWork %i → %i', (value, points) => {
    const r = classify({ willToWork: value });
    expect(r.motivationScore).toBe(points);
    expect(r.abilityScore).toBe(0);
  });

  it.each([
    ['none', 0],
    ['education', 1],
    ['license', 2],
  ] as const)('a1 preparation %s → %i', (value, points) => {
    const r = classify({ preparation: value });
    expect(r.abilityScore).toBe(points);
    expect(r.motivationScore).toBe(0);
  });

  it.each([
    ['none', 0],
    ['under2y', 1],
    ['2y+', 2],
  ] as const)('a2 experience %s → %i', (value, points) => {
    const r = classify({ experience: value });
    expect(r.abilityScore).toBe(points);
    expect(r.motivationScore).toBe(0);
  });

  it.each([
    ['never', 0],
    ['over24m', 0],
    ['6to24m', 1],
    ['under6m', 2],
  ] as const)('a3 sinceLastJob %s → %i', (value, points) => {
    const r = classify({ sinceLastJob: value });
    expect(r.abilityScore).toBe(points);
    expect(r.motivationScore).toBe(0);
  });

  it.each<[Barrier[], number]>([
    [[], 0],
    [['health'], -1],
    [['caregiving'], -1],
    [['language'], -1],
    [['digital'], -1],
    [['health', 'caregiving'], -2],
    [['language', 'digital'], -2],
    [['health', 'caregiving', 'language'], -2],
    [['health', 'caregiving', 'language', 'digital'], -2],
  ])('barriers %j → %i (from a base of 6)', (barriers, points) => {
    const r = classify({ ...abilityOf(6), barriers });
    expect(r.abilityScore).toBe(6 + points);
    expect(r.motivationScore).toBe(0);
  });

  it('barriers take ability below zero', () => {
    expect(classify({ barriers: ['health'] }).abilityScore).toBe(-1);
    expect(classify({ barriers: ['health', 'digital', 'language'] }).abilityScore).toBe(-2);
  });

  it.each<[Hardship[], 'stable' | 'vulnerable']>([
    [[], 'stable'],
    [['livelihood-recipient'], 'vulnerable'],
    [['low-income'], 'vulnerable'],
    [['housing'], 'vulnerable'],
    [['livelihood-recipient', 'low-income', 'housing'], 'vulnerable'],
  ])('economic hardship %j → %s, without touching the scores', (economicHardship, economic) => {
    const r = classify({ ...motivationOf(4), ...abilityOf(3), economicHardship });
    expect(r.economic).toBe(economic);
    expect(r.motivationScore).toBe(4);
    expect(r.abilityScore).toBe(3);
  });

  it('sums the three motivation items and the three ability items with barriers', () => {
    const r = classify({
      searchActivities4w: '1-2',
      startWish: 'within3m',
      willToWork: 3,
      preparation: 'license',
      experience: 'under2y',
      sinceLastJob: '6to24m',
      barriers: ['language'],
    });
    expect(r.motivationScore).toBe(1 + 2 + 1);
    expect(r.abilityScore).toBe(2 + 1 + 1 - 1);
    expect(r.ruleSet).toBe('PES-2021-v1');
    expect(RULE_SET).toBe('PES-2021-v1');
  });
});

describe('classifyJobseeker: level thresholds', () => {
  it.each<[number, Level]>([
    [0, 'low'],
    [1, 'low'],
    [2, 'low'],
    [3, 'mid'],
    [4, 'mid'],
    [5, 'high'],
    [6, 'high'],
  ])('motivation score %i → %s', (score, level) => {
    const r = classify(motivationOf(score));
    expect(r.motivationScore).toBe(score);
    expect(r.motivation).toBe(level);
  });

  it.each<[number, number, number, Level]>([
    [0, 2, -2, 'low'],
    [0, 1, -1, 'low'],
    [2, 0, 2, 'low'],
    [3, 0, 3, 'mid'],
    [3, 1, 2, 'low'],
    [4, 0, 4, 'mid'],
    [4, 1, 3, 'mid'],
    [4, 2, 2, 'low'],
    [5, 0, 5, 'high'],
    [5, 1, 4, 'mid'],
    [6, 0, 6, 'high'],
    [6, 1, 5, 'high'],
    [6, 2, 4, 'mid'],
    [6, 4, 4, 'mid'],
  ])('ability base %i with %i barriers = %i → %s', (base, barrierCount, score, level) => {
    const r = classify(abilityOf(base, barrierCount));
    expect(r.abilityScore).toBe(score);
    expect(r.ability).toBe(level);
  });

  it('levelOf puts the edges where the spec does', () => {
    expect([-2, -1, 0, 1, 2, 3, 4, 5, 6].map(levelOf)).toEqual([
      'low',
      'low',
      'low',
      'low',
      'low',
      'mid',
      'mid',
      'high',
      'high',
    ]);
  });
});

describe('classifyJobseeker: decision table, first match wins', () => {
  it('row 1: field decided, motivation high, ability mid, mobile → ready, wide-area', () => {
    const r = classify({ ...motivationOf(5), ...abilityOf(3), fieldDecided: true, mobile: true });
    expect(r).toEqual({
      ruleSet: 'PES-2021-v1',
      motivation: 'high',
      motivationScore: 5,
      ability: 'mid',
      abilityScore: 3,
      economic: 'stable',
      type: 'ready',
      track: 'wide-area',
      reasons: [
        'jobseeker.reason.fieldDecided',
        'jobseeker.reason.motivationHigh',
        'jobseeker.reason.abilityMid',
        'jobseeker.reason.mobile',
      ],
    });
  });

  it('row 1: motivation mid, ability high, not mobile → ready, local', () => {
    const r = classify({ ...motivationOf(4), ...abilityOf(5), fieldDecided: true, mobile: false });
    expect([r.type, r.track]).toEqual(['ready', 'local']);
    expect(r.reasons).toEqual([
      'jobseeker.reason.fieldDecided',
      'jobseeker.reason.motivationMid',
      'jobseeker.reason.abilityHigh',
      'jobseeker.reason.notMobile',
    ]);
  });

  it('row 1: both high; economic hardship does not stop a ready jobseeker', () => {
    const r = classify({
      ...motivationOf(6),
      ...abilityOf(6),
      fieldDecided: true,
      mobile: true,
      economicHardship: ['housing', 'low-income'],
    });
    expect([r.type, r.track, r.economic]).toEqual(['ready', 'wide-area', 'vulnerable']);
  });

  it('row 1 with barriers that lowered ability from high to mid names them', () => {
    const r = classify({ ...motivationOf(5), ...abilityOf(6, 2), fieldDecided: true, mobile: false });
    expect([r.type, r.track, r.ability]).toEqual(['ready', 'local', 'mid']);
    expect(r.reasons).toEqual([
      'jobseeker.reason.fieldDecided',
      'jobseeker.reason.motivationHigh',
      'jobseeker.reason.abilityMid',
      'jobseeker.reason.barriersLoweredAbility',
      'jobseeker.reason.notMobile',
    ]);
  });

  it('row 1 fails without a decided field, even at high/high → counseling, saying why', () => {
    const r = classify({ ...motivationOf(6), ...abilityOf(6), fieldDecided: false, mobile: true });
    expect([r.type, r.track]).toEqual(['needs-preparation', 'counseling']);
    expect(r.reasons).toEqual([
      'jobseeker.reason.fieldNotDecided',
      'jobseeker.reason.motivationHigh',
      'jobseeker.reason.abilityHigh',
    ]);
  });

  it('row 1 fails when both levels are mid (no high) → counseling, saying why', () => {
    const r = classify({ ...motivationOf(4), ...abilityOf(4), fieldDecided: true, mobile: true });
    expect([r.type, r.track]).toEqual(['needs-preparation', 'counseling']);
    expect(r.reasons).toEqual([
      'jobseeker.reason.motivationMid',
      'jobseeker.reason.abilityMid',
      'jobseeker.reason.noLevelHigh',
    ]);
  });

  it('row 1 fails when motivation is low, even with ability high → counseling', () => {
    const r = classify({ ...motivationOf(2), ...abilityOf(6), fieldDecided: true, mobile: true });
    expect([r.type, r.track]).toEqual(['needs-preparation', 'counseling']);
    expect(r.reasons).toEqual(['jobseeker.reason.motivationLow', 'jobseeker.reason.abilityHigh']);
  });

  it('row 1 fails when barriers push ability from mid to low → training, naming the barriers', () => {
    const ready = classify({ ...motivationOf(5), ...abilityOf(3), fieldDecided: true, mobile: true });
    expect(ready.type).toBe('ready');
    const r = classify({ ...motivationOf(5), ...abilityOf(3, 1), fieldDecided: true, mobile: true });
    expect([r.type, r.track, r.abilityScore]).toEqual(['needs-preparation', 'training', 2]);
    expect(r.reasons).toEqual([
      'jobseeker.reason.motivationHigh',
      'jobseeker.reason.abilityLow',
      'jobseeker.reason.barriersLoweredAbility',
    ]);
  });

  it('row 2: motivation low, ability low, vulnerable → integrated case management', () => {
    const r = classify({ ...motivationOf(2), ...abilityOf(2), economicHardship: ['livelihood-recipient'] });
    expect([r.type, r.track]).toEqual(['needs-preparation', 'integrated-case-management']);
    expect(r.reasons).toEqual([
      'jobseeker.reason.motivationLow',
      'jobseeker.reason.abilityLow',
      'jobseeker.reason.economicVulnerable',
    ]);
  });

  it('row 2 applies whatever the field and mobility, and with negative ability', () => {
    const r = classify({
      ...motivationOf(0),
      ...abilityOf(0, 2),
      economicHardship: ['housing'],
      fieldDecided: true,
      mobile: true,
    });
    expect([r.track, r.abilityScore]).toEqual(['integrated-case-management', -2]);
  });

  it('row 2 needs economic hardship: both low but stable → counseling, saying why', () => {
    const r = classify({ ...motivationOf(2), ...abilityOf(2), economicHardship: [] });
    expect([r.type, r.track]).toEqual(['needs-preparation', 'counseling']);
    expect(r.reasons).toEqual([
      'jobseeker.reason.motivationLow',
      'jobseeker.reason.abilityLow',
      'jobseeker.reason.economicStable',
    ]);
  });

  it('row 3: ability low with motivation mid → training', () => {
    const r = classify({ ...motivationOf(3), ...abilityOf(2) });
    expect([r.type, r.track]).toEqual(['needs-preparation', 'training']);
    expect(r.reasons).toEqual(['jobseeker.reason.motivationMid', 'jobseeker.reason.abilityLow']);
  });

  it('row 3: ability low with motivation high, field decided, mobile, vulnerable → still training', () => {
    const r = classify({
      ...motivationOf(6),
      ...abilityOf(0),
      fieldDecided: true,
      mobile: true,
      economicHardship: ['low-income'],
    });
    expect([r.type, r.track]).toEqual(['needs-preparation', 'training']);
    expect(r.reasons).toEqual(['jobseeker.reason.motivationHigh', 'jobseeker.reason.abilityLow']);
  });

  it('row 4: motivation low with ability mid, vulnerable, field not decided → counseling', () => {
    const r = classify({ ...motivationOf(1), ...abilityOf(4), economicHardship: ['housing'] });
    expect([r.type, r.track]).toEqual(['needs-preparation', 'counseling']);
    expect(r.reasons).toEqual([
      'jobseeker.reason.fieldNotDecided',
      'jobseeker.reason.motivationLow',
      'jobseeker.reason.abilityMid',
    ]);
  });

  it('row 4: field not decided and both mid gives both reasons', () => {
    const r = classify({ ...motivationOf(3), ...abilityOf(3) });
    expect(r.track).toBe('counseling');
    expect(r.reasons).toEqual([
      'jobseeker.reason.fieldNotDecided',
      'jobseeker.reason.motivationMid',
      'jobseeker.reason.abilityMid',
      'jobseeker.reason.noLevelHigh',
    ]);
  });

  it('classifying twice gives the same result and leaves the input untouched', () => {
    const input = checklist({ ...motivationOf(5), ...abilityOf(6, 2), fieldDecided: true });
    const copy = structuredClone(input);
    expect(classifyJobseeker(input)).toEqual(classifyJobseeker(input));
    expect(input).toEqual(copy);
  });
});

describe('jobseekerService', () => {
  it('maps every track to its service key', () => {
    expect(JOBSEEKER_TRACK_VALUES.map((t) => [t, jobseekerService(t)])).toEqual([
      ['wide-area', 'service.wideAreaReferral'],
      ['local', 'service.localReferral'],
      ['integrated-case-management', 'service.integratedCaseManagement'],
      ['training', 'service.trainingWorkExperience'],
      ['counseling', 'service.intensiveCounseling'],
    ]);
  });
});

// ---- An independent reading of the spec, run against every combination of answers ----

function specPoints(c: JobseekerChecklist): { m: number; a: number } {
  const m1 = { '0': 0, '1-2': 1, '3+': 2 }[c.searchActivities4w];
  const m2 = c.startWish === 'within3m' ? 2 : c.startWish === '3to6m' ? 1 : 0;
  const m3 = c.willToWork >= 4 ? 2 : c.willToWork === 3 ? 1 : 0;
  const a1 = { none: 0, education: 1, license: 2 }[c.preparation];
  const a2 = { none: 0, under2y: 1, '2y+': 2 }[c.experience];
  const a3 = c.sinceLastJob === 'under6m' ? 2 : c.sinceLastJob === '6to24m' ? 1 : 0;
  const barriers = c.barriers.length === 0 ? 0 : c.barriers.length === 1 ? -1 : -2;
  return { m: m1 + m2 + m3, a: a1 + a2 + a3 + barriers };
}

function specLevel(score: number): Level {
  return score >= 5 ? 'high' : score >= 3 ? 'mid' : 'low';
}

function specTrack(c: JobseekerChecklist): JobseekerClassification['track'] {
  const { m, a } = specPoints(c);
  const mot = specLevel(m);
  const abi = specLevel(a);
  const vulnerable = c.economicHardship.length > 0;
  if (c.fieldDecided && mot !== 'low' && abi !== 'low' && (mot === 'high' || abi === 'high')) {
    return c.mobile ? 'wide-area' : 'local';
  }
  if (mot === 'low' && abi === 'low' && vulnerable) return 'integrated-case-management';
  if (abi === 'low' && mot !== 'low') return 'training';
  return 'counseling';
}

function subsets<T>(values: readonly T[]): T[][] {
  return values.reduce<T[][]>((acc, v) => [...acc, ...acc.map((s) => [...s, v])], [[]]);
}

function* everyChecklist(): Generator<JobseekerChecklist> {
  const hardships: Hardship[][] = [[], ['housing'], ['livelihood-recipient', 'low-income', 'housing']];
  for (const searchActivities4w of SEARCH_ACTIVITIES_OPTIONS)
    for (const startWish of START_WISH_OPTIONS)
      for (const willToWork of WILL_TO_WORK_OPTIONS)
        for (const preparation of PREPARATION_OPTIONS)
          for (const experience of EXPERIENCE_OPTIONS)
            for (const sinceLastJob of SINCE_LAST_JOB_OPTIONS)
              for (const barriers of subsets(BARRIER_OPTIONS))
                for (const economicHardship of hardships)
                  for (const fieldDecided of [true, false])
                    for (const mobile of [true, false])
                      yield {
                        searchActivities4w,
                        startWish,
                        willToWork,
                        preparation,
                        experience,
                        sinceLastJob,
                        barriers,
                        economicHardship,
                        fieldDecided,
                        mobile,
                      };
}

/** Every key a result can carry: reasons, the service, and the names of type, track, levels, economic. */
function keysOf(r: JobseekerClassification): string[] {
  return [
    ...r.reasons,
    jobseekerService(r.track),
    jobseekerTypeKey(r.type),
    trackKey(r.track),
    levelKey(r.motivation),
    levelKey(r.ability),
    economicKey(r.economic),
  ];
}

describe('classifyJobseeker: every combination of answers', () => {
  // 414,720 checklists: all answers, all 16 barrier sets, three hardship sets, both booleans.
  const emitted = new Set<string>();
  const tracks = new Set<string>();
  let count = 0;
  let mismatches: string[] = [];

  beforeAll(() => {
    for (const c of everyChecklist()) {
      const r = classifyJobseeker(c);
      count++;
      for (const key of keysOf(r)) emitted.add(key);
      tracks.add(r.track);
      const { m, a } = specPoints(c);
      const track = specTrack(c);
      const type = track === 'wide-area' || track === 'local' ? 'ready' : 'needs-preparation';
      const ok =
        r.motivationScore === m &&
        r.abilityScore === a &&
        r.motivation === specLevel(m) &&
        r.ability === specLevel(a) &&
        r.economic === (c.economicHardship.length > 0 ? 'vulnerable' : 'stable') &&
        r.track === track &&
        r.type === type &&
        r.ruleSet === 'PES-2021-v1' &&
        r.reasons.length > 0 &&
        new Set(r.reasons).size === r.reasons.length;
      if (!ok && mismatches.length < 5) mismatches = [...mismatches, JSON.stringify({ c, r })];
    }
  }, 60_000);

  it('agrees with the spec on scores, levels, economic, type and track', () => {
    expect(count).toBe(3 * 4 * 5 * 3 * 3 * 4 * 16 * 3 * 2 * 2);
    expect(mismatches).toEqual([]);
    expect([...tracks].sort()).toEqual([...JOBSEEKER_TRACK_VALUES].sort());
  });

  it('emits only declared reason keys, and every declared one is reachable', () => {
    const reasons = [...emitted].filter((k) => k.startsWith('jobseeker.reason.'));
    expect(reasons.sort()).toEqual([...JOBSEEKER_REASON_KEYS].sort());
  });

  it('every key any result can contain has a Korean and an English text', () => {
    const missing = [...emitted].filter(
      (k) => !profilingMessages.ko[k]?.trim() || !profilingMessages.en[k]?.trim(),
    );
    expect(emitted.size).toBeGreaterThan(JOBSEEKER_REASON_KEYS.length);
    expect(missing).toEqual([]);
  });
});

describe('classifyJobseeker: invalid input names the item and never guesses', () => {
  const valid = checklist({ ...motivationOf(5), ...abilityOf(5), fieldDecided: true });

  function errorOf(input: unknown): ProfilingInputError {
    try {
      classifyJobseeker(input as JobseekerChecklist);
    } catch (e) {
      if (e instanceof ProfilingInputError) return e;
      throw new Error(`expected a ProfilingInputError, got ${String(e)}`);
    }
    throw new Error('expected classifyJobseeker to throw');
  }

  it.each(CHECKLIST_ITEMS)('a missing %s is refused, naming it', (item) => {
    const input: Record<string, unknown> = { ...valid };
    delete input[item];
    const e = errorOf(input);
    expect(e.field).toBe(item);
    expect(e.message).toContain(`"${item}"`);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ProfilingInputError');
  });

  it.each<[string, unknown]>([
    ['searchActivities4w', '4'],
    ['searchActivities4w', 2],
    ['startWish', 'soon'],
    ['startWish', ''],
    ['willToWork', 0],
    ['willToWork', 6],
    ['willToWork', 3.5],
    ['willToWork', '3'],
    ['preparation', 'degree'],
    ['experience', '2y'],
    ['sinceLastJob', 'recent'],
    ['barriers', ['cancer']],
    ['barriers', 'health'],
    ['barriers', ['health', 'health']],
    ['barriers', [null]],
    ['economicHardship', ['poor']],
    ['economicHardship', ['housing', 'housing']],
    ['economicHardship', {}],
    ['fieldDecided', 'yes'],
    ['fieldDecided', 1],
    ['mobile', null],
    ['mobile', 'false'],
  ])('%s = %j is refused, naming the item', (item, value) => {
    const e = errorOf({ ...valid, [item]: value });
    expect(e.field).toBe(item);
    expect(e.message).toMatch(new RegExp(`^Invalid checklist item "${item}": expected `));
  });

  it('gives the allowed answers in the message', () => {
    expect(errorOf({ ...valid, willToWork: 9 }).message).toBe(
      'Invalid checklist item "willToWork": expected 1, 2, 3, 4 or 5',
    );
    expect(errorOf({ ...valid, searchActivities4w: 'x' }).message).toBe(
      'Invalid checklist item "searchActivities4w": expected "0", "1-2" or "3+"',
    );
    expect(errorOf({ ...valid, barriers: ['digital', 'digital'] }).message).toBe(
      'Invalid checklist item "barriers": expected a list of distinct values, each "health", "caregiving", "language" or "digital"',
    );
    expect(errorOf({ ...valid, mobile: undefined }).message).toBe(
      'Invalid checklist item "mobile": expected true or false',
    );
  });

  it('does not echo the value it refused (answers can be sensitive)', () => {
    expect(errorOf({ ...valid, barriers: ['dementia-diagnosis'] }).message).not.toContain('dementia');
  });

  it('names the first bad item in form order when several are bad', () => {
    expect(errorOf({ ...valid, mobile: 'x', startWish: 'x', experience: 'x' }).field).toBe('startWish');
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'checklist'],
    ['an array', [valid]],
  ])('refuses %s as a checklist', (_label, input) => {
    const e = errorOf(input);
    expect(e.field).toBe('');
    expect(e.message).toBe('Invalid checklist: expected an object');
  });

  it('ignores unknown extra keys', () => {
    const r = classifyJobseeker({ ...valid, note: 'extra', legacyScore: 3 } as JobseekerChecklist);
    expect(r).toEqual(classifyJobseeker(valid));
  });
});

describe('checklist vocabulary for the intake form', () => {
  it('the exported answer lists match the types of domain.md §3', () => {
    expectTypeOf<(typeof SEARCH_ACTIVITIES_OPTIONS)[number]>().toEqualTypeOf<
      JobseekerChecklist['searchActivities4w']
    >();
    expectTypeOf<(typeof START_WISH_OPTIONS)[number]>().toEqualTypeOf<JobseekerChecklist['startWish']>();
    expectTypeOf<(typeof WILL_TO_WORK_OPTIONS)[number]>().toEqualTypeOf<JobseekerChecklist['willToWork']>();
    expectTypeOf<(typeof PREPARATION_OPTIONS)[number]>().toEqualTypeOf<JobseekerChecklist['preparation']>();
    expectTypeOf<(typeof EXPERIENCE_OPTIONS)[number]>().toEqualTypeOf<JobseekerChecklist['experience']>();
    expectTypeOf<(typeof SINCE_LAST_JOB_OPTIONS)[number]>().toEqualTypeOf<
      JobseekerChecklist['sinceLastJob']
    >();
    expectTypeOf<(typeof BARRIER_OPTIONS)[number]>().toEqualTypeOf<Barrier>();
    expectTypeOf<(typeof ECONOMIC_HARDSHIP_OPTIONS)[number]>().toEqualTypeOf<Hardship>();
    expectTypeOf<(typeof LEVEL_VALUES)[number]>().toEqualTypeOf<Level>();
    expectTypeOf<(typeof JOBSEEKER_TRACK_VALUES)[number]>().toEqualTypeOf<JobseekerClassification['track']>();
    expectTypeOf<(typeof JOBSEEKER_TYPE_VALUES)[number]>().toEqualTypeOf<JobseekerClassification['type']>();
    expectTypeOf<(typeof ECONOMIC_VALUES)[number]>().toEqualTypeOf<JobseekerClassification['economic']>();
    expectTypeOf<(typeof CHECKLIST_ITEMS)[number]>().toEqualTypeOf<keyof JobseekerChecklist>();
    expect(CHECKLIST_ITEMS).toHaveLength(10);
    expect(WILL_TO_WORK_OPTIONS).toEqual([1, 2, 3, 4, 5]);
  });

  it('every item has a question and every answer a text, in Korean and English', () => {
    const keys = CHECKLIST_ITEMS.flatMap((item) => [
      checklistLabelKey(item),
      `checklist.${item}.invalid`,
      ...CHECKLIST_OPTIONS[item].map((v: string | number | boolean) => checklistOptionKey(item, v)),
    ]);
    expect(keys).toContain('checklist.searchActivities4w.option.1-2');
    expect(keys).toContain('checklist.fieldDecided.option.true');
    const missing = keys.filter((k) => !profilingMessages.ko[k] || !profilingMessages.en[k]);
    expect(missing).toEqual([]);
  });

  it('the schema reports i18n keys that have texts, for forms and IPC', () => {
    const result = jobseekerChecklistSchema.safeParse({});
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toHaveLength(CHECKLIST_ITEMS.length);
    for (const m of messages) {
      expect(profilingMessages.ko[m]).toBeTruthy();
      expect(profilingMessages.en[m]).toBeTruthy();
    }
    expect(jobseekerChecklistSchema.safeParse(null).error?.issues[0]?.message).toBe('checklist.invalid');
  });

  it('the schema accepts a valid checklist and strips unknown keys', () => {
    const valid = checklist({ barriers: ['digital'], economicHardship: ['housing'] });
    expect(jobseekerChecklistSchema.parse({ ...valid, extra: 1 })).toEqual(valid);
  });
});

describe('profilingMessages', () => {
  const { ko, en } = profilingMessages;

  it('has the same keys in Korean and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    for (const [k, v] of [...Object.entries(ko), ...Object.entries(en)]) {
      expect(v.trim(), k).not.toBe('');
    }
  });

  it('uses the counselors’ Korean words', () => {
    expect(ko['jobseeker.type.ready']).toBe('준비된 구직자');
    expect(ko['jobseeker.type.needs-preparation']).toBe('준비가 필요한 구직자');
    expect(ko['jobseeker.track.wide-area']).toBe('광역 알선');
    expect(ko['jobseeker.track.local']).toBe('지역 내 알선');
    expect(ko['jobseeker.track.integrated-case-management']).toBe('통합사례관리');
    expect(ko['jobseeker.track.training']).toBe('훈련·일경험');
    expect(ko['jobseeker.track.counseling']).toBe('심층상담·구직의욕고취');
    expect(LEVEL_VALUES.map((l) => ko[levelKey(l)])).toEqual(['상', '중', '하']);
  });

  it('Korean texts are Korean, and no text needs interpolation values', () => {
    for (const [k, v] of Object.entries(ko)) expect(v, k).toMatch(/[가-힣]/);
    for (const v of [...Object.values(ko), ...Object.values(en)]) expect(v).not.toMatch(/\{\{|\}\}/);
  });

  it('no key is a prefix of another, so the tables can be nested for i18next', () => {
    const keys = Object.keys(ko);
    const clashes = keys.filter((k) => keys.some((other) => other.startsWith(`${k}.`)));
    expect(clashes).toEqual([]);
  });
});
