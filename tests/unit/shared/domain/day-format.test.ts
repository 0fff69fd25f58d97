import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatTime } from '../../../../shared/domain/day-format.ts';

// Issue 15: one date format on screens, PDFs and exports, never "(UTC)" shown to people.

describe('the one date format', () => {
  it('shows a plain day as it is and an instant in local time, in both languages alike', () => {
    expect(formatDay('2024-06-30')).toBe('2024-06-30');
    const local = new Date(2026, 10, 2, 9, 5);
    expect(formatDay(local.toISOString())).toBe('2026-11-02');
    expect(formatTime(local)).toBe('09:05');
    expect(formatDateTime(local.toISOString())).toBe('2026-11-02 09:05');
    expect(formatDay(null)).toBe('-');
    expect(formatDateTime('not a date', '')).toBe('');
  });

  it('is the only way screens and PDFs format dates', () => {
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name)) files.push(path);
      }
    };
    walk(join(root, 'renderer/src'));
    walk(join(root, 'electron/services'));
    const offenders = files.filter((f) =>
      /toLocaleDateString|toLocaleTimeString|dateStyle|timeStyle|\(UTC\)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => f.slice(root.length))).toEqual([]);
  });
});
