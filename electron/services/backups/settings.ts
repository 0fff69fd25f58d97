import { appendAudit } from '../../../db/repositories/audit.ts';
import { getMeta, setMeta } from '../../../db/repositories/meta.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type { BackupSettings } from '../../../shared/contract/backups.ts';
import { isoNow, type ServiceContext } from '../context.ts';

// This PC's backup settings, in the store's meta like the idle lock (they belong to the machine, not to
// the center, and are not synced). A restore brings back the settings the backup had.
//
// Rotation keeps the newest backup of each of the last 7 days and of each of the last 4 weeks rather
// than the last N files: damage is often noticed late (a bad import, a disk going bad), so some copies
// must reach weeks back, and a morning of "지금 백업" clicks must not push them all out.

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { intervalHours: 24, keepDaily: 7, keepWeekly: 4 };

const KEYS = {
  intervalHours: 'device.backup.interval_hours',
  keepDaily: 'device.backup.keep_daily',
  keepWeekly: 'device.backup.keep_weekly',
} as const satisfies Record<keyof BackupSettings, string>;

async function readInt(ctx: ServiceContext, key: string, fallback: number, min: number): Promise<number> {
  const n = Number(await getMeta(ctx.db, key));
  return Number.isInteger(n) && n >= min ? n : fallback;
}

export async function getBackupSettings(ctx: ServiceContext): Promise<BackupSettings> {
  const d = DEFAULT_BACKUP_SETTINGS;
  return {
    intervalHours: await readInt(ctx, KEYS.intervalHours, d.intervalHours, 1),
    keepDaily: await readInt(ctx, KEYS.keepDaily, d.keepDaily, 1),
    keepWeekly: await readInt(ctx, KEYS.keepWeekly, d.keepWeekly, 0),
  };
}

export async function saveBackupSettings(
  ctx: ServiceContext,
  actor: SessionInfo,
  settings: BackupSettings,
): Promise<BackupSettings> {
  await ctx.db.transaction().execute(async (trx) => {
    for (const field of Object.keys(KEYS) as Array<keyof BackupSettings>) {
      await setMeta(trx, KEYS[field], String(settings[field]));
    }
    await appendAudit(trx, {
      at: isoNow(ctx),
      actorId: actor.userId,
      actorLogin: actor.loginId,
      deviceId: ctx.deviceId,
      action: 'settings.backup.save',
      subjectType: 'device',
      subjectId: ctx.deviceId,
      personId: null,
      detail: { ...settings },
    });
  });
  return getBackupSettings(ctx);
}
