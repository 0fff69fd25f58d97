import { appendAudit } from '../../../db/repositories/audit.ts';
import { isoNow, type ServiceContext } from '../context.ts';

// A backup is a copy of every person's data: making, checking, restoring and removing one are audit
// entries like an export (ids, file names and counts only). `actor` is null for the schedule.

export interface BackupActor {
  userId: string;
  loginId: string;
}

export async function auditBackup(
  ctx: ServiceContext,
  actor: BackupActor | null,
  action: 'backup.make' | 'backup.verify' | 'backup.restore' | 'backup.remove',
  detail: Record<string, unknown>,
): Promise<void> {
  await appendAudit(ctx.db, {
    at: isoNow(ctx),
    actorId: actor?.userId ?? null,
    actorLogin: actor?.loginId ?? null,
    deviceId: ctx.deviceId,
    action,
    subjectType: 'device',
    subjectId: ctx.deviceId,
    personId: null,
    detail,
  });
}
