import { describe, expect, it } from 'vitest';
import { backupsToRemove, localWeek } from '../../../../../electron/services/backups/rotate.ts';
import { backupName } from '../../../../../electron/services/backups/names.ts';
import type { BackupStatus } from '../../../../../shared/contract/backups.ts';

// Rotation's choice, on its own: which backups go. Times are at noon UTC, the same calendar day in every
// time zone from UTC−11 to UTC+11, since days and weeks are the PC's local ones.

function b(iso: string, status: BackupStatus = 'ok', kind: 'scheduled' | 'manual' | null = 'scheduled') {
  const at = new Date(iso);
  return { name: backupName(at), createdAt: at.toISOString(), status, kind };
}

const daily = (from: string, days: number, status: BackupStatus = 'ok') =>
  Array.from({ length: days }, (_, i) =>
    b(new Date(Date.parse(from) + i * 86_400_000).toISOString(), status),
  );

describe('rotation', () => {
  it('keeps the newest of each of the last days and weeks, and removes the other good backups', () => {
    // Monday 2 to Sunday 22 November 2026: three weeks of daily backups.
    const all = daily('2026-11-02T12:00:00Z', 21);
    const removed = new Set(backupsToRemove(all, { intervalHours: 24, keepDaily: 7, keepWeekly: 4 }));
    const kept = all.filter((x) => !removed.has(x.name)).map((x) => x.createdAt.slice(0, 10));
    expect(kept).toEqual([
      '2026-11-08', // the first week's Sunday
      '2026-11-15', // the second week's Sunday (the third week's is among the last seven days)
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
  });

  it('keeps only the newest of a day with many backups', () => {
    const all = [b('2026-11-20T09:00:00Z'), b('2026-11-20T10:00:00Z'), b('2026-11-20T11:00:00Z')];
    expect(backupsToRemove(all, { intervalHours: 24, keepDaily: 7, keepWeekly: 0 }).sort()).toEqual(
      [all[0]?.name, all[1]?.name].sort(),
    );
  });

  it('never removes a backup it cannot vouch for, nor the newest good one', () => {
    const all = [
      b('2026-10-01T12:00:00Z', 'unverified'),
      b('2026-10-02T12:00:00Z', 'damaged'),
      b('2026-10-03T12:00:00Z', 'newer'),
      ...daily('2026-11-01T12:00:00Z', 10),
      b('2026-11-30T12:00:00Z', 'damaged'),
    ];
    const removed = backupsToRemove(all, { intervalHours: 24, keepDaily: 1, keepWeekly: 0 });
    expect(removed).toHaveLength(9);
    expect(removed).not.toContain(backupName(new Date('2026-11-10T12:00:00Z')));
    for (const x of all.filter((y) => y.status !== 'ok')) expect(removed).not.toContain(x.name);
  });

  it('never lets a manual backup replace the automatic one of the same day (issue 15)', () => {
    const auto = b('2026-11-20T09:00:00Z');
    const clicks = [b('2026-11-20T10:00:00Z', 'ok', 'manual'), b('2026-11-20T11:00:00Z', 'ok', 'manual')];
    const policy = { intervalHours: 24, keepDaily: 7, keepWeekly: 4 };
    // The later click replaces the earlier click only; the day's automatic backup stays.
    expect(backupsToRemove([auto, ...clicks], policy)).toEqual([clicks[0]?.name]);
    // A backup whose kind is unknown rotates with the schedule's.
    const unknown = b('2026-11-20T08:00:00Z', 'ok', null);
    expect(backupsToRemove([unknown, auto, ...clicks], policy).sort()).toEqual(
      [unknown.name, clicks[0]?.name].sort(),
    );
    // Manual backups keep their own days and weeks, by the same settings.
    const manualDays = daily('2026-11-01T15:00:00Z', 10).map((x) => ({ ...x, kind: 'manual' as const }));
    const removed = backupsToRemove([...manualDays, auto], {
      intervalHours: 24,
      keepDaily: 2,
      keepWeekly: 0,
    });
    expect(removed).toHaveLength(8);
    expect(removed).not.toContain(auto.name);
  });

  it('starts weeks on Monday', () => {
    expect(localWeek(new Date(2026, 10, 22, 12))).toBe('2026-11-16'); // Sunday
    expect(localWeek(new Date(2026, 10, 23, 12))).toBe('2026-11-23'); // Monday
  });
});
