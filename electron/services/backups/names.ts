import { BACKUP_NAME_PATTERN } from '../../../shared/contract/backups.ts';

// Backup file names carry their time: `caseworker-20261102T090000123Z.backup` (UTC, ISO basic with
// milliseconds), so a listing sorts by name and needs no index file. A backup being written has
// another name (`.caseworker-….backup.partial`, never listed), and only a finished, flushed copy is
// renamed to its real name: a half-written backup never looks complete.

export const BACKUPS_FOLDER = 'backups';
export const PARTIAL_SUFFIX = '.partial';
/** Beside each backup, what its last check found (no personal data: times, a verdict, counts). */
export const CHECK_SUFFIX = '.check.json';

/** A compact UTC stamp for names (`20261102T090000123Z`): sorts like the time it stands for. */
export function stamp(at: Date): string {
  const iso = at.toISOString(); // 2026-11-02T09:00:00.123Z
  return `${iso.slice(0, 10).replace(/-/g, '')}T${iso.slice(11, 23).replace(/[:.]/g, '')}Z`;
}

export function backupName(at: Date): string {
  return `caseworker-${stamp(at)}.backup`;
}

export function isBackupName(name: string): boolean {
  return BACKUP_NAME_PATTERN.test(name);
}

/** The time in a backup's name, or null for a name that is not a backup's. */
export function backupTime(name: string): Date | null {
  const m = /^caseworker-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.backup$/.exec(name);
  if (!m) return null;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function partialName(name: string): string {
  return `.${name}${PARTIAL_SUFFIX}`;
}
