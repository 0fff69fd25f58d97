import { describe, it, expect } from 'vitest';
import { profilingMessages, levelKey, LEVEL_VALUES } from '../../../../shared/profiling/index.ts';

// The profiling's Korean and English texts (shared/profiling/messages.ts).

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
