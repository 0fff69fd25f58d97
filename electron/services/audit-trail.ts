import { appendAudit, verifyAuditChain } from '../../db/repositories/audit.ts';
import { purgeExpiredAudit } from '../../db/repositories/audit-retention.ts';
import { getCenter, homeCenter } from '../../db/repositories/centers.ts';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import type { AuditChainReport, AuditPurgeReport } from '../../shared/contract/audit.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import {
  auditSettingsFrom,
  retentionHorizon,
  withAuditSettings,
  type AuditSettings,
} from '../../shared/domain/audit.ts';
import { isoNow, type ServiceContext } from './context.ts';

// The audit trail's upkeep (domain.md §10): the chain check (screen and `caseworker audit verify`), the
// retention purge (at start-up and daily, or on demand) and the center's audit settings, kept in
// `centers.settings` under `audit` and synced with the center like the kiosk's.

async function centerOf(ctx: ServiceContext, actor: SessionInfo | null) {
  return actor ? getCenter(ctx.db, actor.centerCode) : homeCenter(ctx.db);
}

export async function auditSettingsFor(
  ctx: ServiceContext,
  actor: SessionInfo | null,
): Promise<AuditSettings> {
  return auditSettingsFrom((await centerOf(ctx, actor))?.settings);
}

export async function saveAuditSettings(
  ctx: ServiceContext,
  actor: SessionInfo,
  settings: AuditSettings,
): Promise<AuditSettings> {
  const center = await getCenter(ctx.db, actor.centerCode);
  if (!center) throw new AppFailure({ code: 'not-found', message: 'settings.noCenter' });
  const json = withAuditSettings(center.settings, settings);
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
      action: 'settings.audit.save',
      subjectType: 'center',
      subjectId: center.code,
      personId: null,
      detail: { ...settings },
      centerCode: center.code,
    });
  });
  return auditSettingsFor(ctx, actor);
}

export async function verifyChain(ctx: ServiceContext): Promise<AuditChainReport> {
  // This desktop's own chain must be whole; another desktop's may still wait for an entry in transit.
  const result = await verifyAuditChain(ctx.db, ctx.deviceId);
  return result.ok
    ? {
        ok: true,
        count: result.count,
        purgedGaps: result.purgedGaps,
        awaiting: result.awaiting,
        broken: null,
      }
    : { ok: false, count: result.count, purgedGaps: 0, broken: result.broken };
}

/** The chain check from the screen; the check itself is recorded (after it ran, so it checks the trail as found). */
export async function checkChain(ctx: ServiceContext, actor: SessionInfo): Promise<AuditChainReport> {
  const report = await verifyChain(ctx);
  await appendAudit(ctx.db, {
    at: isoNow(ctx),
    actorId: actor.userId,
    actorLogin: actor.loginId,
    deviceId: ctx.deviceId,
    action: 'audit.verify',
    subjectType: 'audit-trail',
    subjectId: null,
    personId: null,
    detail: { ok: report.ok, count: report.count, brokenAt: report.broken?.id ?? null },
  });
  return report;
}

/**
 * Removes the entries whose retention has passed. Run by the app at start-up and daily (no actor) and
 * by a supervisor or admin on demand; a purge that removed something, or one a person asked for, is
 * itself an entry.
 */
export async function purgeExpired(
  ctx: ServiceContext,
  actor: SessionInfo | null,
): Promise<AuditPurgeReport> {
  const settings = await auditSettingsFor(ctx, actor);
  const now = ctx.now();
  const horizons = {
    before: retentionHorizon(now, settings.retentionYears),
    accessBefore: retentionHorizon(now, Math.max(settings.accessRetentionYears, settings.retentionYears)),
  };
  const result = await purgeExpiredAudit(ctx.db, horizons, now.toISOString());
  const report = { ...result, horizon: horizons.before, accessHorizon: horizons.accessBefore };
  if (result.purged > 0 || actor) {
    await appendAudit(ctx.db, {
      at: isoNow(ctx),
      actorId: actor?.userId ?? null,
      actorLogin: actor?.loginId ?? null,
      deviceId: ctx.deviceId,
      action: 'audit.purge',
      subjectType: 'audit-trail',
      subjectId: null,
      personId: null,
      detail: report,
    });
  }
  return report;
}

const DAY_MS = 86_400_000;

export interface RetentionTimer {
  /** The first run (at start-up); resolves when it is done, never rejects. */
  first: Promise<void>;
  stop: () => void;
}

/**
 * The purge at start-up and then daily, for as long as the store is open. A failure is logged (no
 * personal data: the purge touches ids and times only) and tried again the next day; the timer never
 * keeps a command-line process alive.
 */
export function startAuditRetention(
  ctx: ServiceContext,
  onError: (error: unknown) => void = () => undefined,
): RetentionTimer {
  const run = () => purgeExpired(ctx, null).then(() => undefined, onError);
  const first = run();
  const timer = setInterval(() => void run(), DAY_MS);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
