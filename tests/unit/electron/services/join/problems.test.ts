import { describe, expect, it } from 'vitest';
import { describeJoinProblem } from '../../../../../electron/services/join/problems.ts';
import en from '../../../../../renderer/src/i18n/join.en.json' with { type: 'json' };
import ko from '../../../../../renderer/src/i18n/join.ko.json' with { type: 'json' };
import type { JoinProblem } from '../../../../../shared/contract/join.ts';

// Every problem that stops a join is said in Korean and English on the screen and in English on the
// command line, naming its figures (not only a code).
const samples: JoinProblem[] = [
  { code: 'alreadyJoined', server: 'https://a.example' },
  { code: 'alreadySyncing', server: 'https://b.example' },
  { code: 'regionMismatch', localCenter: 'C1', localSido: '서울', serverCenter: 'C2', serverSido: '부산' },
  { code: 'missingAccount', loginId: 'counselor5', role: 'counselor', records: 12, center: 'C2' },
  { code: 'deactivated', loginId: 'counselor4', records: 3 },
  { code: 'adminOnServer', loginId: 'supervisor1', role: 'supervisor', records: 7 },
  { code: 'noSupervisor' },
];

function fill(template: string, p: JoinProblem): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String((p as Record<string, unknown>)[k]));
}

describe('join problems', () => {
  it.each(samples)('$code is worded in both languages with its figures', (p) => {
    const texts = { ko: ko.join.problem, en: en.join.problem } as Record<string, Record<string, string>>;
    for (const lang of ['ko', 'en']) {
      const template = texts[lang]?.[p.code];
      expect(template, `${lang} ${p.code}`).toBeTruthy();
      const text = fill(template ?? '', p);
      expect(text).not.toMatch(/\{\{|undefined/);
      if ('loginId' in p) expect(text).toContain(p.loginId);
    }
    const cli = describeJoinProblem(p);
    expect(cli).not.toMatch(/undefined/);
    if ('loginId' in p) expect(cli).toContain(p.loginId);
  });
});
