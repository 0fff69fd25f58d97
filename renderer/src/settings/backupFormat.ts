import type { BackupInfo } from '../../../shared/contract/backups.ts';
import { formatDateTime } from '../../../shared/domain/day-format.ts';

// How backups read on screen, shared by the admin's page and the damaged-store screen.

export function backupTime(iso: string, _language: string): string {
  return formatDateTime(iso);
}

export function backupSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

export const STATUS_TEXT: Record<BackupInfo['status'], string> = {
  ok: 'backups.statusOk',
  damaged: 'backups.statusDamaged',
  newer: 'backups.statusNewer',
  unverified: 'backups.statusUnverified',
};

export const STATUS_COLOR: Record<BackupInfo['status'], 'success' | 'error' | 'warning' | 'default'> = {
  ok: 'success',
  damaged: 'error',
  newer: 'warning',
  unverified: 'default',
};
