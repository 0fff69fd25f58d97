import { describe, expect, it } from 'vitest';
import { firstLine } from '../../../../shared/domain/timeline.ts';

// A record's own text on the timeline: its first line, cut short, nothing for an empty text.

describe('firstLine', () => {
  it('keeps the first non-empty line only, trimmed', () => {
    expect(firstLine('  희망 직종 확인  \n자세한 내용')).toBe('희망 직종 확인');
    expect(firstLine('\r\n\n첫 줄\r\n둘째 줄')).toBe('첫 줄');
  });

  it('cuts a long line with an ellipsis at the limit', () => {
    const line = firstLine('가'.repeat(100), 10);
    expect(line).toBe(`${'가'.repeat(9)}…`);
    expect(line).toHaveLength(10);
  });

  it('gives null for no text', () => {
    expect(firstLine(null)).toBeNull();
    expect(firstLine('')).toBeNull();
    expect(firstLine('   \n  ')).toBeNull();
  });
});
