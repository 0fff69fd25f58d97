import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';

const dir = join(import.meta.dirname, '../../../resources/reference');
function load<T>(name: string): T {
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
}

interface Named {
  code: string;
  ko: string;
  en: string;
}
interface Regions {
  version: string;
  source: string;
  sido: Array<Named & { short: string; sigungu: Array<Named & { kind: string }> }>;
}
interface Keco {
  version: string;
  source: string;
  major: Named[];
  middle: Array<Named & { major: string }>;
  occupations: Array<
    Named & {
      middle: string;
      easy?: 'care' | 'security-cleaning' | 'simple-manufacturing';
      uniformConditions?: boolean;
    }
  >;
}
interface Ksic {
  version: string;
  source: string;
  sections: Array<Named & { divisionFrom: string; divisionTo: string }>;
}
interface Ncs {
  version: string;
  source: string;
  major: Named[];
}
interface Described extends Named {
  description: { ko: string; en: string };
}
interface Services {
  version: string;
  source: string;
  jobseekerTypes: Described[];
  tracks: Array<Described & { jobseekerType: string }>;
  employerTypes: Array<Described & { interventionRank: number }>;
}

const regions = load<Regions>('regions.json');
const keco = load<Keco>('keco.json');
const ksic = load<Ksic>('ksic.json');
const ncs = load<Ncs>('ncs.json');
const services = load<Services>('services.json');

function expectUnique(codes: string[]): void {
  const dupes = codes.filter((c, i) => codes.indexOf(c) !== i);
  expect(dupes).toEqual([]);
}
function expectNamed(entries: Named[]): void {
  for (const e of entries) {
    expect(typeof e.code, JSON.stringify(e)).toBe('string');
    expect(e.ko.trim(), `ko of ${e.code}`).not.toBe('');
    expect(e.en.trim(), `en of ${e.code}`).not.toBe('');
  }
}
function expectHeader(file: { version: string; source: string }): void {
  expect(file.version.trim()).not.toBe('');
  expect(file.source.trim()).not.toBe('');
}

describe('regions.json', () => {
  const sigungu = regions.sido.flatMap((s) => s.sigungu);

  it('has the 17 시도 with their administrative standard codes', () => {
    expectHeader(regions);
    expect(regions.sido).toHaveLength(17);
    const codes = '11 26 27 28 29 30 31 36 41 43 44 46 47 48 50 51 52'.split(' ');
    expect(regions.sido.map((s) => s.code).sort()).toEqual(codes);
    expectNamed(regions.sido);
    for (const s of regions.sido) expect(s.short.trim()).not.toBe('');
    expectUnique(regions.sido.map((s) => s.short));
  });

  it('has every 시군구 with a unique 5-digit code under its 시도', () => {
    expect(sigungu.length).toBeGreaterThanOrEqual(226);
    expect(sigungu.length).toBeLessThanOrEqual(229);
    expectUnique(sigungu.map((g) => g.code));
    expectNamed(sigungu);
    for (const s of regions.sido) {
      for (const g of s.sigungu) {
        expect(g.code, g.ko).toMatch(/^\d{5}$/);
        expect(g.code.startsWith(s.code), `${g.code} ${g.ko} under ${s.code}`).toBe(true);
        expect(['gu', 'gun', 'si', 'admin-si']).toContain(g.kind);
      }
    }
  });

  it('reflects the known special cases', () => {
    const byCode = new Map(regions.sido.map((s) => [s.code, s]));
    expect(byCode.get('36')?.sigungu).toEqual([]);
    expect(byCode.get('50')?.sigungu.map((g) => g.ko)).toEqual(['제주시', '서귀포시']);
    expect(byCode.get('27')?.sigungu.map((g) => g.ko)).toContain('군위군');
    expect(byCode.get('47')?.sigungu.map((g) => g.ko)).not.toContain('군위군');
    expect(byCode.get('41')?.sigungu).toHaveLength(31);
    expect(byCode.get('11')?.sigungu).toHaveLength(25);
  });
});

describe('keco.json', () => {
  it('has the 10 major groups 0–9', () => {
    expectHeader(keco);
    expect(keco.major.map((m) => m.code)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expectNamed(keco.major);
  });

  it('has unique 2-digit middle groups whose major exists', () => {
    const majors = new Set(keco.major.map((m) => m.code));
    expect(keco.middle).toHaveLength(35);
    expectUnique(keco.middle.map((m) => m.code));
    expectNamed(keco.middle);
    for (const m of keco.middle) {
      expect(m.code).toMatch(/^\d{2}$/);
      expect(majors.has(m.major), `major of ${m.code}`).toBe(true);
      expect(m.code.startsWith(m.major)).toBe(true);
    }
  });

  it('has occupations under existing middle groups, with valid flags', () => {
    const middles = new Set(keco.middle.map((m) => m.code));
    expect(keco.occupations.length).toBeGreaterThanOrEqual(60);
    expectUnique(keco.occupations.map((o) => o.code));
    expectNamed(keco.occupations);
    for (const o of keco.occupations) {
      expect(o.code).toMatch(/^\d{3,4}$/);
      expect(middles.has(o.middle), `middle of ${o.code}`).toBe(true);
      expect(o.code.startsWith(o.middle)).toBe(true);
      if (o.easy !== undefined) {
        expect(['care', 'security-cleaning', 'simple-manufacturing']).toContain(o.easy);
      }
      if (o.uniformConditions !== undefined) expect(o.uniformConditions).toBe(true);
    }
    for (const group of ['care', 'security-cleaning', 'simple-manufacturing'] as const) {
      const flagged = keco.occupations.filter((o) => o.easy === group);
      expect(flagged.length, group).toBeGreaterThan(0);
    }
    for (const ko of ['요양보호사', '경비원', '청소원']) {
      expect(keco.occupations.find((o) => o.ko === ko)?.uniformConditions, ko).toBe(true);
    }
  });
});

describe('ksic.json', () => {
  it('has the 21 sections A–U', () => {
    expectHeader(ksic);
    expect(ksic.sections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expectUnique(ksic.sections.map((s) => s.code));
    expectNamed(ksic.sections);
    for (const s of ksic.sections) {
      expect(s.divisionFrom <= s.divisionTo, s.code).toBe(true);
    }
  });
});

describe('ncs.json', () => {
  it('has the 24 major classes 01–24', () => {
    expectHeader(ncs);
    expect(ncs.major.map((m) => m.code)).toEqual(
      Array.from({ length: 24 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expectNamed(ncs.major);
  });
});

describe('services.json', () => {
  const all = [...services.jobseekerTypes, ...services.tracks, ...services.employerTypes];

  it('has the jobseeker types, tracks and employer types of the 2021 plan', () => {
    expectHeader(services);
    expect(services.jobseekerTypes.map((t) => t.code)).toEqual(['ready', 'needs-preparation']);
    expect(services.tracks.map((t) => t.code)).toEqual([
      'wide-area',
      'local',
      'integrated-case-management',
      'training',
      'counseling',
    ]);
    expect(services.employerTypes.map((t) => t.code)).toEqual([
      'online-alert',
      'large-scale',
      'conditions-improvement',
      'recognition',
      'talent',
    ]);
    expect(services.employerTypes.map((t) => t.interventionRank).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives every entry Korean and English labels and descriptions', () => {
    expectNamed(all);
    for (const e of all) {
      expect(e.description.ko.trim(), e.code).not.toBe('');
      expect(e.description.en.trim(), e.code).not.toBe('');
    }
    const types = new Set(services.jobseekerTypes.map((t) => t.code));
    for (const t of services.tracks) expect(types.has(t.jobseekerType), t.code).toBe(true);
  });
});
