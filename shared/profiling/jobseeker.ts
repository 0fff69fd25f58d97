import { parseJobseekerChecklist } from './validate.ts';

// Jobseeker profiling (구직자 프로파일링), rule set PES-2021-v1, domain.md §3. The rule table is data
// below so a reviewer can hold it against the spec line by line; the classification advises the
// counselor, who may override it with a written reason (stored elsewhere with the assessment).

export const RULE_SET = 'PES-2021-v1' as const;

// ---- Public types, exactly as domain.md §3 fixes them ----

export type Level = 'high' | 'mid' | 'low';

export interface JobseekerChecklist {
  searchActivities4w: '0' | '1-2' | '3+';
  startWish: 'undecided' | 'over6m' | '3to6m' | 'within3m';
  willToWork: 1 | 2 | 3 | 4 | 5;
  preparation: 'none' | 'education' | 'license';
  experience: 'none' | 'under2y' | '2y+';
  sinceLastJob: 'never' | 'over24m' | '6to24m' | 'under6m';
  barriers: Array<'health' | 'caregiving' | 'language' | 'digital'>;
  economicHardship: Array<'livelihood-recipient' | 'low-income' | 'housing'>;
  fieldDecided: boolean;
  mobile: boolean;
}

export interface JobseekerClassification {
  ruleSet: 'PES-2021-v1';
  motivation: Level;
  motivationScore: number;
  ability: Level;
  abilityScore: number;
  economic: 'stable' | 'vulnerable';
  type: 'ready' | 'needs-preparation';
  track: 'wide-area' | 'local' | 'integrated-case-management' | 'training' | 'counseling';
  reasons: string[]; // message keys (one per deciding rule) that the UI translates into Korean or English
}

export type JobseekerType = JobseekerClassification['type'];
export type JobseekerTrack = JobseekerClassification['track'];
export type Economic = JobseekerClassification['economic'];

export const LEVEL_VALUES = ['high', 'mid', 'low'] as const satisfies readonly Level[];
export const JOBSEEKER_TYPE_VALUES = [
  'ready',
  'needs-preparation',
] as const satisfies readonly JobseekerType[];
export const JOBSEEKER_TRACK_VALUES = [
  'wide-area',
  'local',
  'integrated-case-management',
  'training',
  'counseling',
] as const satisfies readonly JobseekerTrack[];
export const ECONOMIC_VALUES = ['stable', 'vulnerable'] as const satisfies readonly Economic[];

// ---- The rule table as data ----

/** Points per answer. `satisfies Record<…>` makes the compiler refuse a table that misses an answer. */
export const JOBSEEKER_POINTS = {
  searchActivities4w: { '0': 0, '1-2': 1, '3+': 2 },
  startWish: { undecided: 0, over6m: 0, '3to6m': 1, within3m: 2 },
  willToWork: { 1: 0, 2: 0, 3: 1, 4: 2, 5: 2 },
  preparation: { none: 0, education: 1, license: 2 },
  experience: { none: 0, under2y: 1, '2y+': 2 },
  sinceLastJob: { never: 0, over24m: 0, '6to24m': 1, under6m: 2 },
  /** Indexed by the number of distinct barriers, capped at 2: none 0, one −1, two or more −2. */
  barrierCount: [0, -1, -2],
} as const satisfies {
  [
    K in 'searchActivities4w' | 'startWish' | 'willToWork' | 'preparation' | 'experience' | 'sinceLastJob'
  ]: Record<JobseekerChecklist[K], number>;
} & { barrierCount: readonly number[] };

/** Levels from a dimension score: `high` at 5 or more, `mid` at 3–4, `low` at 2 or less. */
export const LEVEL_THRESHOLDS = { high: 5, mid: 3 } as const;

export function levelOf(score: number): Level {
  if (score >= LEVEL_THRESHOLDS.high) return 'high';
  if (score >= LEVEL_THRESHOLDS.mid) return 'mid';
  return 'low';
}

function barrierPoints(count: number): number {
  const table = JOBSEEKER_POINTS.barrierCount;
  return table[Math.min(count, table.length - 1)] ?? 0;
}

// ---- Reasons and services (message keys; texts in messages.ts) ----

export const JOBSEEKER_REASON_KEYS = [
  'jobseeker.reason.fieldDecided',
  'jobseeker.reason.fieldNotDecided',
  'jobseeker.reason.motivationHigh',
  'jobseeker.reason.motivationMid',
  'jobseeker.reason.motivationLow',
  'jobseeker.reason.abilityHigh',
  'jobseeker.reason.abilityMid',
  'jobseeker.reason.abilityLow',
  'jobseeker.reason.barriersLoweredAbility',
  'jobseeker.reason.noLevelHigh',
  'jobseeker.reason.economicVulnerable',
  'jobseeker.reason.economicStable',
  'jobseeker.reason.mobile',
  'jobseeker.reason.notMobile',
] as const;
export type JobseekerReasonKey = (typeof JOBSEEKER_REASON_KEYS)[number];

const MOTIVATION_REASON = {
  high: 'jobseeker.reason.motivationHigh',
  mid: 'jobseeker.reason.motivationMid',
  low: 'jobseeker.reason.motivationLow',
} as const satisfies Record<Level, JobseekerReasonKey>;

const ABILITY_REASON = {
  high: 'jobseeker.reason.abilityHigh',
  mid: 'jobseeker.reason.abilityMid',
  low: 'jobseeker.reason.abilityLow',
} as const satisfies Record<Level, JobseekerReasonKey>;

/** The service each track stands for (domain.md §3, last column of the table). */
export const JOBSEEKER_SERVICES = {
  'wide-area': 'service.wideAreaReferral',
  local: 'service.localReferral',
  'integrated-case-management': 'service.integratedCaseManagement',
  training: 'service.trainingWorkExperience',
  counseling: 'service.intensiveCounseling',
} as const satisfies Record<JobseekerTrack, string>;
export type JobseekerServiceKey = (typeof JOBSEEKER_SERVICES)[JobseekerTrack];

export function jobseekerService(track: JobseekerTrack): JobseekerServiceKey {
  return JOBSEEKER_SERVICES[track];
}

// ---- Classification ----

/**
 * Classifies an intake checklist. Throws ProfilingInputError on any missing or out-of-list answer
 * (including a barrier or hardship given twice): the caller fixes the input, we never guess.
 */
export function classifyJobseeker(c: JobseekerChecklist): JobseekerClassification {
  const input = parseJobseekerChecklist(c);
  const p = JOBSEEKER_POINTS;

  const motivationScore =
    p.searchActivities4w[input.searchActivities4w] +
    p.startWish[input.startWish] +
    p.willToWork[input.willToWork];
  const abilityBeforeBarriers =
    p.preparation[input.preparation] + p.experience[input.experience] + p.sinceLastJob[input.sinceLastJob];
  const abilityScore = abilityBeforeBarriers + barrierPoints(input.barriers.length);
  const motivation = levelOf(motivationScore);
  const ability = levelOf(abilityScore);
  const economic: Economic = input.economicHardship.length > 0 ? 'vulnerable' : 'stable';

  // The levels are part of every explanation; barriers are named only when they changed the level,
  // since that is when they decided something.
  const levelReasons: JobseekerReasonKey[] = [MOTIVATION_REASON[motivation], ABILITY_REASON[ability]];
  if (levelOf(abilityBeforeBarriers) !== ability) {
    levelReasons.push('jobseeker.reason.barriersLoweredAbility');
  }

  const scores = { ruleSet: RULE_SET, motivation, motivationScore, ability, abilityScore, economic } as const;
  const neitherLow = motivation !== 'low' && ability !== 'low';
  const someHigh = motivation === 'high' || ability === 'high';

  // Row 1: field decided, neither level low, at least one high → ready; mobility picks the track.
  if (input.fieldDecided && neitherLow && someHigh) {
    return {
      ...scores,
      type: 'ready',
      track: input.mobile ? 'wide-area' : 'local',
      reasons: [
        'jobseeker.reason.fieldDecided',
        ...levelReasons,
        input.mobile ? 'jobseeker.reason.mobile' : 'jobseeker.reason.notMobile',
      ],
    };
  }

  // Row 2: both levels low and economically vulnerable → integrated case management with welfare links.
  if (motivation === 'low' && ability === 'low' && economic === 'vulnerable') {
    return {
      ...scores,
      type: 'needs-preparation',
      track: 'integrated-case-management',
      reasons: [...levelReasons, 'jobseeker.reason.economicVulnerable'],
    };
  }

  // Row 3: ability low while motivation is not → training and work experience.
  if (ability === 'low' && motivation !== 'low') {
    return { ...scores, type: 'needs-preparation', track: 'training', reasons: levelReasons };
  }

  // Row 4: anything else → in-depth counseling. Say why no earlier row matched: both levels low but
  // economically stable (row 2), or, when ability is not low, which condition of row 1 failed (a low
  // motivation already speaks for itself through its level reason).
  if (motivation === 'low' && ability === 'low') {
    return {
      ...scores,
      type: 'needs-preparation',
      track: 'counseling',
      reasons: [...levelReasons, 'jobseeker.reason.economicStable'],
    };
  }
  return {
    ...scores,
    type: 'needs-preparation',
    track: 'counseling',
    reasons: [
      ...(input.fieldDecided ? [] : (['jobseeker.reason.fieldNotDecided'] as const)),
      ...levelReasons,
      ...(neitherLow && !someHigh ? (['jobseeker.reason.noLevelHigh'] as const) : []),
    ],
  };
}
