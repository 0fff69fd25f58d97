import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Issue 15: texts people read name the service as it is called today: 고용24 (Work24), which replaced
// 워크넷 (Worknet) in 2024; they show no file paths (a counselor has no use for docs/… or C:\…); and
// their examples use current qualification names (요양보호사 has had no 1급/2급 since 2010).

const dir = (path: string) => new URL(path, import.meta.url);
const texts = [
  ...readdirSync(dir('../../../renderer/src/i18n/')).map((n) => `../../../renderer/src/i18n/${n}`),
  ...readdirSync(dir('../../../resources/reference/')).map((n) => `../../../resources/reference/${n}`),
].filter((p) => p.endsWith('.json'));

describe('wording of the screens and the reference data', () => {
  it('says 고용24, not 워크넷', () => {
    const found = texts.filter((p) => /워크넷|worknet/i.test(readFileSync(dir(p), 'utf8')));
    expect(found).toEqual([]);
  });

  it('shows counselors no file paths and no abolished qualification names', () => {
    const counselorTexts = texts.filter((p) => !/backups|sync|security/.test(p));
    for (const p of counselorTexts) {
      const text = readFileSync(dir(p), 'utf8');
      expect([p, /docs\/|samples\/|\.md\b|[A-Z]:\\\\/.test(text)]).toEqual([p, false]);
      expect([p, /요양보호사 [12]급/.test(text)]).toEqual([p, false]);
    }
  });
});
