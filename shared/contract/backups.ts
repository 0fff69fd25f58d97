import { z } from 'zod';
import { channel } from './channel.ts';

// Backups of the encrypted store (issue 8, safety of personal data): listed, made, verified and restored
// by the admin (domain.md §1: devices and their upkeep are the admin's; a supervisor's work is cases,
// dashboards and the audit log). Two channels sit in the `auth` area because they answer before anyone
// is signed in: a sign-in that finds the store damaged gets `store.damaged`, and the screen then asks
// which backups are good and restores one (with the password again, and only for an admin).

/**
 * A backup's file name: `caseworker-<UTC time, ISO basic with milliseconds>.backup`. The renderer names
 * a backup by this alone; main looks it up in the backups folder's listing (never a path).
 */
export const BACKUP_NAME_PATTERN = /^caseworker-\d{8}T\d{9}Z\.backup$/;

export type BackupStatus =
  | 'ok' // integrity_check passed with the store key, schema not newer than the app
  | 'damaged' // integrity_check found problems, or the file is not a readable store
  | 'newer' // made by a newer version of the app: this one cannot restore it
  | 'unverified'; // not checked yet (a copy placed in the folder by hand, or a check that was cut off)

export interface BackupInfo {
  name: string;
  /** When the backup was made (from its name), ISO. */
  createdAt: string;
  bytes: number;
  status: BackupStatus;
  verifiedAt: string | null;
  /** Who asked for it: the schedule, an admin ("지금 백업"). Unknown for a copy placed by hand. */
  kind: 'scheduled' | 'manual' | null;
}

export interface BackupSettings {
  /** A backup is made when the newest one is older than this (after sign-in and on a timer). */
  intervalHours: number;
  /** Kept: the newest backup of each of the last `keepDaily` days that have one … */
  keepDaily: number;
  /** … and of each of the last `keepWeekly` weeks (Monday to Sunday) that have one. */
  keepWeekly: number;
}

export interface BackupJob {
  kind: 'make' | 'verify' | 'restore';
  startedAt: string;
  /** 0–1 while it can be measured (copying), null otherwise. */
  progress: number | null;
}

export interface BackupsView {
  backups: BackupInfo[];
  settings: BackupSettings;
  job: BackupJob | null;
  /** The last scheduled backup's failure, a message key (cleared by the next success). */
  lastError: string | null;
  /** When the schedule will next look at the backups (ISO), null while none is planned. */
  nextCheck: string | null;
}

export interface RestoreResult {
  restored: string;
  /** The name the replaced store was moved to beside the store (`caseworker.db.before-restore-…`). */
  setAside: string;
}

export interface DamagedStoreView {
  damaged: boolean;
  /** Every backup in the folder with what its last check found, newest first. */
  backups: BackupInfo[];
  /** The newest backup whose last check passed, if any. */
  latestGood: string | null;
}

export const backupNameSchema = z
  .string()
  .max(64, 'backups.unknownBackup')
  .regex(BACKUP_NAME_PATTERN, 'backups.unknownBackup');

const named = z.object({ name: backupNameSchema }).strict();
const none = z.object({}).strict();

export const backupSettingsSchema = z
  .object({
    intervalHours: z.number().int().min(1, 'backups.intervalRange').max(168, 'backups.intervalRange'),
    keepDaily: z.number().int().min(1, 'backups.keepRange').max(60, 'backups.keepRange'),
    keepWeekly: z.number().int().min(0, 'backups.keepRange').max(52, 'backups.keepRange'),
  })
  .strict();

const ADMIN = ['admin'] as const;

export const backupsChannels = {
  'backups:list': channel<BackupsView>()({ surface: 'desk', access: ADMIN, input: none }),
  /** The running job's progress, polled by the page: not the user's activity (idle lock). */
  'backups:progress': channel<BackupsView>()({
    surface: 'desk',
    access: ADMIN,
    background: true,
    input: none,
  }),
  'backups:make': channel<BackupInfo>()({ surface: 'desk', access: ADMIN, input: none }),
  'backups:verify': channel<BackupInfo>()({ surface: 'desk', access: ADMIN, input: named }),
  /** Replaces the store with the backup; the session ends (everyone signs in again on the restored store). */
  'backups:restore': channel<RestoreResult>()({ surface: 'desk', access: ADMIN, input: named }),
  'backups:saveSettings': channel<BackupSettings>()({
    surface: 'desk',
    access: ADMIN,
    input: backupSettingsSchema,
  }),
  /** After a sign-in answered `store.damaged`: the backups that could replace it. */
  'auth:damagedStore': channel<DamagedStoreView>()({
    surface: 'desk',
    access: 'public',
    beforeUnlock: true,
    input: none,
  }),
  /**
   * Restores a backup over a damaged store. No session exists (the store would not open), so the
   * password comes again: it unlocks the key here, and the account must be an active admin in the backup.
   */
  'auth:restoreDamaged': channel<RestoreResult>()({
    surface: 'desk',
    access: 'public',
    beforeUnlock: true,
    input: z
      .object({
        loginId: z.string().trim().min(1, 'validation.required').max(64, 'validation.tooLong'),
        password: z.string().min(1, 'validation.required').max(256, 'validation.tooLong'),
        name: backupNameSchema,
      })
      .strict(),
  }),
};
