import { describe, it, expect } from 'vitest';
import {
  RULE_SET,
  classifyJobseeker,
  jobseekerService,
  levelOf,
  JOBSEEKER_TRACK_VALUES,
  type Level,
} from '../../../../shared/profiling/index.ts';
import {
  type Barrier,
  type Hardship,
  checklist,
  motivationOf,
  abilityOf,
  classify,
} from './jobseeker-answers.ts';

// Rule set PES-2021-v1, domain.md §3. The expected values below are written from the spec's tables,
// not from the implementation, so a changed point, threshold or row makes these tests fail.

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
