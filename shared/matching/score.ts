// Matching (알선 추천, domain.md §5): whether a jobseeker is a candidate for an opening, the score, and
// why. Pure and cheap: the repository filters in SQL (occupation group, region, not yet referred) and
// this scores each remaining pair; the same function ranks both ways (openings for a jobseeker and
// jobseekers for an opening).

/** Points per component; the total of the maxima is 100 before an expectation-gap deduction. */
export const MATCH_POINTS = {
  occupationExact: 40,
  occupationGroup: 20,
  regionSigungu: 20,
  regionSido: 15,
  regionMobile: 5,
  qualificationsAll: 25,
  experienceMax: 15,
  /** Per full year of recorded career (경력), up to experienceMax. */
  experiencePerYear: 5,
  expectationGap: -10,
} as const;

/** A desired wage more than this share above the offer is an expectation gap (눈높이 조절 필요). */
export const WAGE_GAP_RATIO = 0.1;

export interface MatchJobseeker {
  desiredOccupation: string | null;
  sido: string;
  sigungu: string | null;
  mobile: boolean;
  desiredWage: number | null;
  type: 'ready' | 'needs-preparation' | null;
  /** Titles of held qualifications (자격). */
  qualifications: readonly string[];
  /** Months of recorded career (경력) items. */
  careerMonths: number;
}

export interface MatchOpening {
  occupation: string;
  sido: string;
  sigungu: string | null;
  wage: number;
  requiredQualifications: readonly string[];
}

export type MatchReasonKey =
  | 'occupationExact'
  | 'occupationGroup'
  | 'regionSigungu'
  | 'regionSido'
  | 'regionMobile'
  | 'qualificationsAll'
  | 'qualificationsSome'
  | 'qualificationsNone'
  | 'experience'
  | 'noExperience'
  | 'expectationGap'
  | 'poolReady'
  | 'poolOther';

export interface MatchReason {
  key: MatchReasonKey;
  points: number;
  /** Values the text interpolates (counts, percentages). */
  values?: Record<string, number | string>;
}

export interface ExpectationGap {
  desiredWage: number;
  offeredWage: number;
  /** How far above the offer the desired wage is, in whole percent. */
  percentAbove: number;
}

export interface MatchResult {
  score: number;
  /** Ready jobseekers (준비된 구직자) are listed before everyone else, whatever their score. */
  pool: 'ready' | 'other';
  reasons: MatchReason[];
  expectationGap: ExpectationGap | null;
  missingQualifications: string[];
}

/** Why a pair is not a candidate at all (the SQL filter applies the same rules). */
export type Ineligibility = 'occupation' | 'region' | 'no-desired-occupation';

/** The KECO middle group (중분류) of a 4-digit occupation code: its first two digits. */
export function occupationGroup(code: string): string {
  return code.slice(0, 2);
}

/** Qualification titles compare without spaces, case or the grade brackets people type differently. */
export function normaliseQualification(title: string): string {
  return title
    .normalize('NFC')
    .replace(/[\s()（）·-]/g, '')
    .toLowerCase();
}

export function ineligibility(j: MatchJobseeker, o: MatchOpening): Ineligibility | null {
  if (!j.desiredOccupation) return 'no-desired-occupation';
  if (occupationGroup(j.desiredOccupation) !== occupationGroup(o.occupation)) return 'occupation';
  if (!j.mobile && j.sido !== o.sido) return 'region';
  return null;
}

/** The wage gap, or null when there is none to show (no desired wage, or within 10%). */
export function expectationGap(desiredWage: number | null, offeredWage: number): ExpectationGap | null {
  if (desiredWage === null || offeredWage <= 0) return null;
  if (desiredWage <= offeredWage * (1 + WAGE_GAP_RATIO)) return null;
  return {
    desiredWage,
    offeredWage,
    percentAbove: Math.round(((desiredWage - offeredWage) / offeredWage) * 100),
  };
}

/** Scores an eligible pair (see `ineligibility`) and explains every point. */
export function scoreMatch(j: MatchJobseeker, o: MatchOpening): MatchResult {
  const reasons: MatchReason[] = [];
  const pool = j.type === 'ready' ? 'ready' : 'other';
  reasons.push({ key: pool === 'ready' ? 'poolReady' : 'poolOther', points: 0 });

  if (j.desiredOccupation === o.occupation) {
    reasons.push({ key: 'occupationExact', points: MATCH_POINTS.occupationExact });
  } else {
    reasons.push({ key: 'occupationGroup', points: MATCH_POINTS.occupationGroup });
  }

  if (j.sido === o.sido && j.sigungu !== null && j.sigungu === o.sigungu) {
    reasons.push({ key: 'regionSigungu', points: MATCH_POINTS.regionSigungu });
  } else if (j.sido === o.sido) {
    reasons.push({ key: 'regionSido', points: MATCH_POINTS.regionSido });
  } else {
    reasons.push({ key: 'regionMobile', points: MATCH_POINTS.regionMobile });
  }

  const missingQualifications: string[] = [];
  if (o.requiredQualifications.length > 0) {
    const held = new Set(j.qualifications.map(normaliseQualification));
    let count = 0;
    for (const q of o.requiredQualifications) {
      if (held.has(normaliseQualification(q))) count++;
      else missingQualifications.push(q);
    }
    const required = o.requiredQualifications.length;
    const points = Math.round((MATCH_POINTS.qualificationsAll * count) / required);
    const key =
      count === required ? 'qualificationsAll' : count > 0 ? 'qualificationsSome' : 'qualificationsNone';
    reasons.push({ key, points, values: { held: count, required } });
  }

  const years = Math.floor(j.careerMonths / 12);
  if (j.careerMonths > 0) {
    const points = Math.min(MATCH_POINTS.experienceMax, years * MATCH_POINTS.experiencePerYear);
    reasons.push({ key: 'experience', points, values: { years, months: j.careerMonths } });
  } else {
    reasons.push({ key: 'noExperience', points: 0 });
  }

  const gap = expectationGap(j.desiredWage, o.wage);
  if (gap) {
    reasons.push({
      key: 'expectationGap',
      points: MATCH_POINTS.expectationGap,
      values: { percent: gap.percentAbove },
    });
  }

  const score = Math.max(
    0,
    reasons.reduce((sum, r) => sum + r.points, 0),
  );
  return { score, pool, reasons, expectationGap: gap, missingQualifications };
}

/** Ready pool first, then score, then the tie-breaker the caller gives (e.g. registration order). */
export function compareMatches(
  a: Pick<MatchResult, 'pool' | 'score'>,
  b: Pick<MatchResult, 'pool' | 'score'>,
): number {
  if (a.pool !== b.pool) return a.pool === 'ready' ? -1 : 1;
  return b.score - a.score;
}

/** Months of career from an item's dates (YYYY-MM-DD, end open = as of `asOf`), at least 0. */
export function careerMonths(startedOn: string | null, endedOn: string | null, asOf: string): number {
  if (!startedOn) return 0;
  const start = new Date(startedOn);
  const end = new Date(endedOn ?? asOf);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return 0;
  const months =
    (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + (end.getUTCMonth() - start.getUTCMonth());
  return Math.max(0, months);
}
