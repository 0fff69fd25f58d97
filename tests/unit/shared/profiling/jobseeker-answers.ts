import {
  classifyJobseeker,
  type JobseekerChecklist,
  type JobseekerClassification,
} from '../../../../shared/profiling/index.ts';

// Checklists for the jobseeker profiling tests (tests/unit/shared/profiling/*.test.ts): every item at
// 0 points, and answers that reach a given motivation or ability score.

export type Barrier = JobseekerChecklist['barriers'][number];
export type Hardship = JobseekerChecklist['economicHardship'][number];

/** Every motivation and ability item at 0 points, no barriers, no hardship, field not decided. */
export const ZERO: JobseekerChecklist = {
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

export function checklist(overrides: Partial<JobseekerChecklist> = {}): JobseekerChecklist {
  return { ...ZERO, ...overrides };
}

// Answers worth 0, 1 and 2 points per item, straight from the spec's table.
export const M1 = ['0', '1-2', '3+'] as const;
export const M2 = ['undecided', '3to6m', 'within3m'] as const;
export const M3 = [1, 3, 5] as const;
export const A1 = ['none', 'education', 'license'] as const;
export const A2 = ['none', 'under2y', '2y+'] as const;
export const A3 = ['never', '6to24m', 'under6m'] as const;
export const BARRIER_SETS: Record<number, Barrier[]> = {
  0: [],
  1: ['health'],
  2: ['health', 'caregiving'],
  3: ['health', 'caregiving', 'language'],
  4: ['health', 'caregiving', 'language', 'digital'],
};

export function split(score: number): [0 | 1 | 2, 0 | 1 | 2, 0 | 1 | 2] {
  const a = Math.min(2, score) as 0 | 1 | 2;
  const b = Math.min(2, score - a) as 0 | 1 | 2;
  return [a, b, (score - a - b) as 0 | 1 | 2];
}

/** Motivation answers adding up to `score` (0–6). */
export function motivationOf(score: number): Partial<JobseekerChecklist> {
  const [a, b, c] = split(score);
  return { searchActivities4w: M1[a], startWish: M2[b], willToWork: M3[c] };
}

/** Ability answers adding up to `base` (0–6) before `barrierCount` barriers. */
export function abilityOf(base: number, barrierCount = 0): Partial<JobseekerChecklist> {
  const [a, b, c] = split(base);
  return {
    preparation: A1[a],
    experience: A2[b],
    sinceLastJob: A3[c],
    barriers: BARRIER_SETS[barrierCount] ?? [],
  };
}

export function classify(overrides: Partial<JobseekerChecklist>): JobseekerClassification {
  return classifyJobseeker(checklist(overrides));
}
