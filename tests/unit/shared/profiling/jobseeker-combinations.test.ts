import { describe, it, expect, beforeAll } from 'vitest';
import {
  classifyJobseeker,
  jobseekerService,
  profilingMessages,
  levelKey,
  jobseekerTypeKey,
  trackKey,
  economicKey,
  JOBSEEKER_REASON_KEYS,
  JOBSEEKER_TRACK_VALUES,
  SEARCH_ACTIVITIES_OPTIONS,
  START_WISH_OPTIONS,
  WILL_TO_WORK_OPTIONS,
  PREPARATION_OPTIONS,
  EXPERIENCE_OPTIONS,
  SINCE_LAST_JOB_OPTIONS,
  BARRIER_OPTIONS,
  type JobseekerChecklist,
  type JobseekerClassification,
  type Level,
} from '../../../../shared/profiling/index.ts';
import { type Hardship } from './jobseeker-answers.ts';

// Rule set PES-2021-v1, domain.md §3: an independent reading of the spec, run against every
// combination of answers (shared/profiling/jobseeker.ts).

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
