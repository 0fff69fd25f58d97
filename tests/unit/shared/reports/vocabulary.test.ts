import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERRAL_STATES } from '../../../../shared/referrals/state-machine.ts';
import { VALUE_LABELS, englishLabel } from '../../../../shared/reports/labels.ts';

// Issue 15: the screens said 알선 제안 / 기업에 알선 / 불합격 / 불참 where the reports and exports said
// 추천 / 알선 / 불채용 / 미참석. The reports' labels must be the screens' words for every referral stage.

const i18n = (lang: 'ko' | 'en') =>
  JSON.parse(
    readFileSync(new URL(`../../../../renderer/src/i18n/employers.${lang}.json`, import.meta.url), 'utf8'),
  ) as {
    referrals: { state: Record<string, string>; event: Record<string, string> };
  };

describe('one vocabulary for referral stages', () => {
  it('reports and exports use the screens’ words, in Korean and English', () => {
    const ko = i18n('ko').referrals.state;
    const en = i18n('en').referrals.state;
    for (const state of REFERRAL_STATES) {
      expect([state, VALUE_LABELS[state]]).toEqual([state, ko[state]]);
      expect([state, englishLabel(VALUE_LABELS[state] ?? '')]).toEqual([state, en[state]]);
    }
  });

  it('the words replaced are gone from the Korean screens', () => {
    const text = JSON.stringify(i18n('ko'));
    for (const old of ['알선 제안', '기업에 알선', '불합격', '미참석']) expect(text).not.toContain(old);
  });
});
