import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Issue 15: texts people read name the service as it is called today: 고용24 (Work24), which replaced
// 워크넷 (Worknet) in 2024.

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
});
