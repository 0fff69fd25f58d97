import { describe, expect, it } from 'vitest';
import {
  MATCH_POINTS,
  careerMonths,
  compareMatches,
  expectationGap,
  ineligibility,
  scoreMatch,
  type MatchJobseeker,
  type MatchOpening,
} from '../../../../shared/matching/score.ts';

const opening: MatchOpening = {
  occupation: '5501', // 요양보호사
  sido: '11',
  sigungu: '11680',
  wage: 2_500_000,
  requiredQualifications: ['요양보호사 1급'],
};

const base: MatchJobseeker = {
  desiredOccupation: '5501',
  sido: '11',
  sigungu: '11680',
  mobile: false,
  desiredWage: 2_500_000,
  type: 'ready',
  qualifications: ['요양보호사1급'],
  careerMonths: 30,
};

describe('matching eligibility', () => {
  it('needs the same occupation group, the region or mobility, and a desired occupation', () => {
    expect(ineligibility(base, opening)).toBeNull();
    expect(ineligibility({ ...base, desiredOccupation: '5502' }, opening)).toBeNull();
    expect(ineligibility({ ...base, desiredOccupation: '5421' }, opening)).toBe('occupation');
    expect(ineligibility({ ...base, sido: '26' }, opening)).toBe('region');
    expect(ineligibility({ ...base, sido: '26', mobile: true }, opening)).toBeNull();
    expect(ineligibility({ ...base, desiredOccupation: null }, opening)).toBe('no-desired-occupation');
  });
});

describe('the matching score and its explanation', () => {
  it('adds occupation, region, qualifications and experience, and says so', () => {
    const r = scoreMatch(base, opening);
    expect(r.reasons).toEqual([
      { key: 'poolReady', points: 0 },
      { key: 'occupationExact', points: 40 },
      { key: 'regionSigungu', points: 20 },
      { key: 'qualificationsAll', points: 25, values: { held: 1, required: 1 } },
      { key: 'experience', points: 10, values: { years: 2, months: 30 } },
    ]);
    expect(r.score).toBe(95);
    expect(r.pool).toBe('ready');
    expect(r.expectationGap).toBeNull();
    expect(r.missingQualifications).toEqual([]);
  });

  it('scores the same middle group lower than the same occupation', () => {
    const exact = scoreMatch(base, opening).score;
    const group = scoreMatch({ ...base, desiredOccupation: '5502' }, opening);
    expect(exact - group.score).toBe(MATCH_POINTS.occupationExact - MATCH_POINTS.occupationGroup);
    expect(group.reasons.map((x) => x.key)).toContain('occupationGroup');
  });

  it('ranks region: same 시군구 > same 시도 > elsewhere but mobile', () => {
    const sigungu = scoreMatch(base, opening).score;
    const sido = scoreMatch({ ...base, sigungu: '11650' }, opening).score;
    const mobile = scoreMatch({ ...base, sido: '41', sigungu: null, mobile: true }, opening).score;
    expect(sigungu).toBeGreaterThan(sido);
    expect(sido).toBeGreaterThan(mobile);
  });

  it('names the missing qualifications and scores the share held', () => {
    const two = { ...opening, requiredQualifications: ['요양보호사 1급', '운전면허 1종 보통'] };
    const some = scoreMatch(base, two);
    expect(some.reasons).toContainEqual({
      key: 'qualificationsSome',
      points: 13,
      values: { held: 1, required: 2 },
    });
    expect(some.missingQualifications).toEqual(['운전면허 1종 보통']);
    const none = scoreMatch({ ...base, qualifications: [] }, two);
    expect(none.reasons).toContainEqual({
      key: 'qualificationsNone',
      points: 0,
      values: { held: 0, required: 2 },
    });
    const noneRequired = scoreMatch(base, { ...opening, requiredQualifications: [] });
    expect(noneRequired.reasons.some((x) => x.key.startsWith('qualifications'))).toBe(false);
  });

  it('caps experience at 15 points and says when there is none', () => {
    expect(scoreMatch({ ...base, careerMonths: 120 }, opening).reasons).toContainEqual({
      key: 'experience',
      points: 15,
      values: { years: 10, months: 120 },
    });
    expect(scoreMatch({ ...base, careerMonths: 0 }, opening).reasons).toContainEqual({
      key: 'noExperience',
      points: 0,
    });
  });

  it('shows a desired wage more than 10% above the offer as an expectation gap, not a refusal', () => {
    expect(expectationGap(2_750_000, 2_500_000)).toBeNull(); // exactly 10% above: no gap
    expect(expectationGap(2_760_000, 2_500_000)).toEqual({
      desiredWage: 2_760_000,
      offeredWage: 2_500_000,
      percentAbove: 10,
    });
    expect(expectationGap(null, 2_500_000)).toBeNull();
    const r = scoreMatch({ ...base, desiredWage: 3_000_000 }, opening);
    expect(r.expectationGap).toEqual({ desiredWage: 3_000_000, offeredWage: 2_500_000, percentAbove: 20 });
    expect(r.reasons).toContainEqual({ key: 'expectationGap', points: -10, values: { percent: 20 } });
    expect(r.score).toBe(85);
  });

  it('puts the ready pool first, without excluding anyone needing preparation', () => {
    const ready = scoreMatch({ ...base, qualifications: [], careerMonths: 0 }, opening);
    const prep = scoreMatch({ ...base, type: 'needs-preparation' }, opening);
    const unclassified = scoreMatch({ ...base, type: null }, opening);
    expect(prep.score).toBeGreaterThan(ready.score);
    expect(prep.pool).toBe('other');
    expect(prep.reasons[0]).toEqual({ key: 'poolOther', points: 0 });
    expect(unclassified.pool).toBe('other');
    const sorted = [prep, ready, unclassified].sort(compareMatches);
    expect(sorted[0]).toBe(ready);
    expect(compareMatches(prep, { ...prep, score: prep.score - 1 })).toBeLessThan(0);
  });

  it('counts career months from dates, open-ended up to the day asked', () => {
    expect(careerMonths('2020-01-15', '2022-07-15', '2026-01-01')).toBe(30);
    expect(careerMonths('2025-01-01', null, '2026-01-01')).toBe(12);
    expect(careerMonths(null, null, '2026-01-01')).toBe(0);
    expect(careerMonths('bad', null, '2026-01-01')).toBe(0);
  });
});
