import { describe, expect, it } from 'vitest';
import { printable } from '../../../../electron/services/pdf-text.ts';

// The glyph rule on its own, with a font that covers Hangul, ASCII and a few symbols only.
const covers = (cp: number) => (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xac00 && cp <= 0xd7a3) || cp === 0x2605;

describe('printable', () => {
  it('keeps what the font covers and leaves out emoji, with their joiners, modifiers and selectors', () => {
    expect(printable('지게차 🚜 운전', covers)).toBe('지게차 운전');
    expect(printable('👩🏽‍🍳 조리사 🇰🇷', covers)).toBe('조리사');
    expect(printable('★ 우수', covers)).toBe('★ 우수');
    expect(printable('❤️ 돌봄', covers)).toBe('돌봄');
  });

  it('keeps a keycap digit and marks any other missing character with "?"', () => {
    expect(printable('1️⃣급', covers)).toBe('1급');
    expect(printable('漢字 능력', covers)).toBe('?? 능력');
  });
});
