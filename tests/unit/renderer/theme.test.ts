import { getContrastRatio } from '@mui/material/styles';
import { describe, expect, it } from 'vitest';
import { theme } from '../../../renderer/src/theme.ts';

// Issue 15: the orange chips read at 3.1:1. Every coloured chip, outlined chip and coloured text takes
// its tones from the palette, so the palette itself must reach WCAG AA (4.5:1) for text: the filled
// colour against its contrast text, and the colour as text on white and on the page background.

const AA = 4.5;
/** A hovered or selected table row on the page background, where text buttons also sit. */
const TINTED_ROW = '#ebedf0';
const COLOURS = ['primary', 'secondary', 'error', 'warning', 'info', 'success'] as const;

describe('the desk palette', () => {
  for (const name of COLOURS) {
    it(`${name} reaches 4.5:1 as a filled chip and as text`, () => {
      const c = theme.palette[name];
      expect(getContrastRatio(c.main, c.contrastText)).toBeGreaterThanOrEqual(AA);
      expect(getContrastRatio(c.main, '#ffffff')).toBeGreaterThanOrEqual(AA);
      expect(getContrastRatio(c.main, theme.palette.background.default)).toBeGreaterThanOrEqual(AA);
      expect(getContrastRatio(c.main, TINTED_ROW)).toBeGreaterThanOrEqual(AA);
      expect(getContrastRatio(c.dark, '#ffffff')).toBeGreaterThanOrEqual(AA);
    });
  }
});
