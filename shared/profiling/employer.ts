import { RULE_SET, type Level } from './jobseeker.ts';
import { parseEmployerProfile } from './validate.ts';

// Employer profiling (구인기업 프로파일링), rule set PES-2021-v1, domain.md §4: five types from light to
// heavy intervention, each with a service at posting (stage 1) and when the post is hard to fill
// (stage 2). The rule table is data below; the first matching row wins.

// ---- Public types, exactly as domain.md §4 fixes them ----

export interface EmployerProfile {
  uniformConditions: boolean;
  wage: Level;
  welfare: Level;
  recognition: Level;
  employees: number; // integer >= 1
}

export interface EmployerClassification {
  ruleSet: 'PES-2021-v1';
  score: number;
  type: 'online-alert' | 'large-scale' | 'conditions-improvement' | 'recognition' | 'talent';
  stage1: string;
  stage2: string; // service keys that the UI translates
  reasons: string[]; // message keys, as for jobseekers
}

export type EmployerType = EmployerClassification['type'];

/** From light to heavy intervention, the order the plan lists them in. */
export const EMPLOYER_TYPE_VALUES = [
  'online-alert',
  'talent',
  'large-scale',
  'recognition',
  'conditions-improvement',
] as const satisfies readonly EmployerType[];

// ---- The rule table as data ----

/** S = wage + welfare + recognition, each scored against the region's norm for the occupation. */
export const EMPLOYER_LEVEL_POINTS = { high: 2, mid: 1, low: 0 } as const satisfies Record<Level, number>;
/** Row 2: S at or above this is a large-scale recruiter. */
export const LARGE_SCALE_MIN_SCORE = 5;
/** Row 3: S at or below this needs its employment conditions improved, whatever the size. */
export const CONDITIONS_IMPROVEMENT_MAX_SCORE = 1;
/** Row 3: a small firm (fewer employees than this) also qualifies at S up to SMALL_FIRM_MAX_SCORE. */
export const SMALL_FIRM_EMPLOYEES = 30;
export const SMALL_FIRM_MAX_SCORE = 2;

/** Stage 1 and stage 2 service keys per type (texts in messages.ts). */
export const EMPLOYER_SERVICES = {
  'online-alert': {
    stage1: 'employerService.selfMatchingAlerts',
    stage2: 'employerService.counselorReferral',
  },
  'large-scale': {
    stage1: 'employerService.intensiveSupport',
    stage2: 'employerService.intensiveSupport',
  },
  'conditions-improvement': {
    stage1: 'employerService.recruitmentPackage',
    stage2: 'employerService.recruitmentPackage',
  },
  recognition: {
    stage1: 'employerService.intensiveSupportWithReferral',
    stage2: 'employerService.activeIntervention',
  },
  talent: {
    stage1: 'employerService.competencyRecommendations',
    stage2: 'employerService.candidateDiscovery',
  },
} as const satisfies Record<EmployerType, { stage1: string; stage2: string }>;
export type EmployerServiceKey = (typeof EMPLOYER_SERVICES)[EmployerType]['stage1' | 'stage2'];

export const EMPLOYER_REASON_KEYS = [
  'employer.reason.uniformConditions',
  'employer.reason.notUniformConditions',
  'employer.reason.scoreAtLeast5',
  'employer.reason.scoreAtMost1',
  'employer.reason.scoreIs2',
  'employer.reason.score3to4',
  'employer.reason.fewerThan30Employees',
  'employer.reason.atLeast30Employees',
  'employer.reason.recognitionLow',
  'employer.reason.recognitionNotLow',
] as const;
export type EmployerReasonKey = (typeof EMPLOYER_REASON_KEYS)[number];

export function employerScore(p: Pick<EmployerProfile, 'wage' | 'welfare' | 'recognition'>): number {
  const points = EMPLOYER_LEVEL_POINTS;
  return points[p.wage] + points[p.welfare] + points[p.recognition];
}

function result(type: EmployerType, score: number, reasons: EmployerReasonKey[]): EmployerClassification {
  return { ruleSet: RULE_SET, score, type, ...EMPLOYER_SERVICES[type], reasons };
}

/**
 * Classifies an employer's opening. Throws ProfilingInputError on a missing or out-of-list item, or
 * when employees is not an integer of at least 1.
 */
export function classifyEmployer(p: EmployerProfile): EmployerClassification {
  const input = parseEmployerProfile(p);
  const score = employerScore(input);
  const small = input.employees < SMALL_FIRM_EMPLOYEES;

  // Row 1: the same conditions wherever the work is done (care, security, cleaning): matching is easy.
  if (input.uniformConditions) return result('online-alert', score, ['employer.reason.uniformConditions']);

  // From here on, every explanation starts with why row 1 did not apply.
  const reasons: EmployerReasonKey[] = ['employer.reason.notUniformConditions'];

  // Row 2: well above the norm on the three counts.
  if (score >= LARGE_SCALE_MIN_SCORE)
    return result('large-scale', score, [...reasons, 'employer.reason.scoreAtLeast5']);

  // Row 3: poor conditions, or a small firm with modest ones → the recruitment-support package.
  if (score <= CONDITIONS_IMPROVEMENT_MAX_SCORE) {
    return result('conditions-improvement', score, [...reasons, 'employer.reason.scoreAtMost1']);
  }
  if (small && score <= SMALL_FIRM_MAX_SCORE) {
    return result('conditions-improvement', score, [
      ...reasons,
      'employer.reason.scoreIs2',
      'employer.reason.fewerThan30Employees',
    ]);
  }

  // Rows 4 and 5 see S from 2 to 4; at 2 the firm is not small, or row 3 would have taken it.
  if (score === SMALL_FIRM_MAX_SCORE) {
    reasons.push('employer.reason.scoreIs2', 'employer.reason.atLeast30Employees');
  } else {
    reasons.push('employer.reason.score3to4');
  }

  // Row 4: the firm is little known → make it known, then adjust expectations and conditions.
  if (input.recognition === 'low')
    return result('recognition', score, [...reasons, 'employer.reason.recognitionLow']);

  // Row 5: anything else → competency-based recommendations, then finding candidates.
  return result('talent', score, [...reasons, 'employer.reason.recognitionNotLow']);
}
