import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  REFUSALS,
  refusalAdvice,
  refusalCodeOf,
  refusalText,
  type RefusalCode,
} from '../../../../shared/sync/refusals.ts';

// The refusal catalog both sides read (shared/sync/refusals.ts): every sentence the server can send is
// recognised by the desk as the refusal it is, never as another one, and every piece of advice the
// desk can show exists in Korean and in English.

const codes = Object.keys(REFUSALS) as RefusalCode[];
const sample = {
  field: 'jobseeker_id',
  table: 'jobseekers',
  fields: 'seq, hlc',
  path: 'fields.phone',
  problem: 'is too long',
  who: '김상담',
  at: '2026-11-20T09:00:00Z',
  kind: 'decisive',
  choice: 'both',
};

describe('the refusal catalog', () => {
  it.each(codes)('recognises a %s sentence as itself', (code) => {
    const text = refusalText(code, sample);
    expect(text).not.toMatch(/\{\w+\}/);
    expect(refusalCodeOf(text)).toBe(code);
    expect(refusalAdvice(text)).toBe(REFUSALS[code].advice);
  });

  it('fills values into the sentence', () => {
    expect(refusalText('parentMissing', { table: 'jobseekers' })).toBe(
      'The jobseekers record it belongs to is not on the server.',
    );
    expect(refusalText('alreadyResolved', { who: '김상담', at: '2026-11-20' })).toBe(
      'This review item was already resolved by 김상담 at 2026-11-20; nothing was changed.',
    );
  });

  it('leaves a sentence it does not know (a newer server) to be shown as it came', () => {
    expect(refusalCodeOf('The record is in a state this version has never heard of.')).toBeNull();
    expect(refusalAdvice('')).toBeNull();
    // A known sentence with something after it is not the known one.
    expect(refusalCodeOf('This record belongs to another center or caseload. And more.')).toBeNull();
  });

  it('has every piece of advice in both languages', () => {
    const advice = new Set(codes.map((c) => REFUSALS[c].advice).filter((a) => a !== null));
    for (const lang of ['ko', 'en']) {
      const file = new URL(`../../../../renderer/src/i18n/sync.${lang}.json`, import.meta.url);
      const json = JSON.parse(readFileSync(file, 'utf8')) as {
        refusedChanges: { reasons: Record<string, string> };
      };
      for (const a of advice) expect(json.refusedChanges.reasons[a], `${lang}: ${a}`).toBeTruthy();
    }
  });
});
