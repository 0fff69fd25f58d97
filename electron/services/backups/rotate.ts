import type { BackupInfo, BackupSettings } from '../../../shared/contract/backups.ts';

// Which backups rotation removes: only good ones (status `ok`) that a newer good one replaces. Kept: the
// newest good backup of each of the last `keepDaily` days that have one, and of each of the last
// `keepWeekly` weeks (Monday to Sunday) that have one, in this PC's local time (a counselor's "today").
// A backup rotation cannot vouch for (unverified, damaged, made by a newer app) is never removed by it:
// a person decides about those.
//
// The schedule's backups and those made by hand ("지금 백업") are rotated apart, each by the policy: a
// manual backup is a person's deliberate copy and must not replace the day's automatic one (issue 15:
// taking a manual backup silently deleted the earlier automatic backup of the same day), and a morning
// of clicks replaces only that morning's earlier manual copies. A backup whose kind is unknown (its
// check note lost) counts as a scheduled one.

type Rotatable = Pick<BackupInfo, 'name' | 'createdAt' | 'status'> & { kind?: BackupInfo['kind'] };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function localDay(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The local date of the Monday that starts `at`'s week. */
export function localWeek(at: Date): string {
  const monday = new Date(at.getFullYear(), at.getMonth(), at.getDate() - ((at.getDay() + 6) % 7));
  return localDay(monday);
}

/** The good backups of one kind that the daily and weekly slots keep, newest first. */
function keptOf(good: readonly Rotatable[], policy: BackupSettings): Set<string> {
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const b of good) {
    const at = new Date(b.createdAt);
    const day = localDay(at);
    const week = localWeek(at);
    if (!days.has(day) && days.size < policy.keepDaily) {
      days.add(day);
      keep.add(b.name);
    }
    if (!weeks.has(week) && weeks.size < policy.keepWeekly) {
      weeks.add(week);
      keep.add(b.name);
    }
  }
  return keep;
}

export function backupsToRemove(backups: readonly Rotatable[], policy: BackupSettings): string[] {
  const good = backups
    .filter((b) => b.status === 'ok')
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const manual = good.filter((b) => b.kind === 'manual');
  const scheduled = good.filter((b) => b.kind !== 'manual');
  const keep = new Set([...keptOf(scheduled, policy), ...keptOf(manual, policy)]);
  // The newest good backup always stays, whatever the settings say.
  if (good[0]) keep.add(good[0].name);
  return good.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
