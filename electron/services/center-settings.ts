import { appendAudit } from '../../db/repositories/audit.ts';
import { getCenter } from '../../db/repositories/centers.ts';
import { getMeta, setMeta } from '../../db/repositories/meta.ts';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import type { DeviceSettings, KioskSettingsView } from '../../shared/contract/settings.ts';
import { kioskSettingsFrom, withKioskSettings, type KioskSettings } from '../../shared/domain/kiosk.ts';
import { isoNow, type ServiceContext } from './context.ts';

// The center's kiosk settings (services, counters, floor guide, idle time, texts; in `centers.settings`
// under `kiosk`, synced like the center row) and this PC's start mode (kept in the store's meta, not
// synced: it belongs to the machine in the lobby, not to the center).

const KIOSK_MODE_KEY = 'device.kiosk_mode';
const IDLE_LOCK_KEY = 'device.idle_lock_minutes';

function hasSavedKiosk(settingsJson: string): boolean {
  try {
    const parsed = JSON.parse(settingsJson) as { kiosk?: unknown } | null;
    return parsed?.kiosk !== undefined;
  } catch {
    return false;
  }
}

export async function centerKioskSettings(ctx: ServiceContext, centerCode: string): Promise<KioskSettings> {
  const center = await getCenter(ctx.db, centerCode);
  return kioskSettingsFrom(center?.settings);
}

export async function getKioskSettings(ctx: ServiceContext, actor: SessionInfo): Promise<KioskSettingsView> {
  const center = await getCenter(ctx.db, actor.centerCode);
  if (!center) throw new AppFailure({ code: 'not-found', message: 'settings.noCenter' });
  return {
    centerName: center.name,
    settings: kioskSettingsFrom(center.settings),
    saved: hasSavedKiosk(center.settings),
  };
}

export async function saveKioskSettings(
  ctx: ServiceContext,
  actor: SessionInfo,
  settings: KioskSettings,
): Promise<KioskSettingsView> {
  const center = await getCenter(ctx.db, actor.centerCode);
  if (!center) throw new AppFailure({ code: 'not-found', message: 'settings.noCenter' });
  const json = withKioskSettings(center.settings, settings);
  const now = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    await trx
      .updateTable('centers')
      .set({ settings: json, hlc, updated_at: now })
      .where('code', '=', center.code)
      .execute();
    await appendOutbox(trx, {
      table: 'centers',
      rowId: center.code,
      op: 'update',
      fields: { settings: json },
      hlc,
      baseSeq: Number(center.seq),
      createdAt: now,
    });
    await appendAudit(trx, {
      at: now,
      actorId: actor.userId,
      actorLogin: actor.loginId,
      deviceId: ctx.deviceId,
      action: 'settings.kiosk.save',
      subjectType: 'center',
      subjectId: center.code,
      personId: null,
    });
  });
  return getKioskSettings(ctx, actor);
}

export const DEFAULT_IDLE_LOCK_MINUTES = 15;

async function idleLockMinutes(ctx: ServiceContext): Promise<number> {
  const idle = Number(await getMeta(ctx.db, IDLE_LOCK_KEY));
  return Number.isInteger(idle) && idle > 0 ? idle : DEFAULT_IDLE_LOCK_MINUTES;
}

export async function getDeviceSettings(ctx: ServiceContext): Promise<DeviceSettings> {
  return {
    kioskMode: (await getMeta(ctx.db, KIOSK_MODE_KEY)) === '1',
    idleLockMinutes: await idleLockMinutes(ctx),
  };
}

/** domain.md §10: a session locks after 15 minutes idle (a setting per PC). */
export async function sessionIdleLimitMs(ctx: ServiceContext): Promise<number> {
  // Read on every call from a session (the dispatcher's idle check): one meta row, nothing else.
  return (await idleLockMinutes(ctx)) * 60_000;
}

export async function saveDeviceSettings(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { kioskMode: boolean; idleLockMinutes?: number | undefined },
): Promise<DeviceSettings> {
  const settings = {
    kioskMode: input.kioskMode,
    idleLockMinutes: input.idleLockMinutes ?? (await getDeviceSettings(ctx)).idleLockMinutes,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await setMeta(trx, KIOSK_MODE_KEY, settings.kioskMode ? '1' : '0');
    await setMeta(trx, IDLE_LOCK_KEY, String(settings.idleLockMinutes));
    await appendAudit(trx, {
      at: isoNow(ctx),
      actorId: actor.userId,
      actorLogin: actor.loginId,
      deviceId: ctx.deviceId,
      action: 'settings.device.save',
      subjectType: 'device',
      subjectId: ctx.deviceId,
      personId: null,
      detail: { kioskMode: settings.kioskMode, idleLockMinutes: settings.idleLockMinutes },
    });
  });
  return getDeviceSettings(ctx);
}
