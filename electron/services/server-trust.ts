import { isAbsolute } from 'node:path';
import { appendAudit } from '../../db/repositories/audit.ts';
import { getMeta, setMeta } from '../../db/repositories/meta.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import type { ServerTrust } from '../../shared/contract/settings.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { readCaFile } from './sync/transport.ts';

// A center that runs its server with a certificate from its own certificate authority gives this PC
// that CA's file (admin, Settings › this PC; or `caseworker sync --ca FILE`, which remembers it here).
// The sync transport trusts it besides the public CAs; it is read when sync starts (the app's next
// start or sign-in), so a saved change says when it applies.

export const CA_FILE_KEY = 'sync.caFile';
const SERVER_KEY = 'sync.server';

export async function getServerTrust(ctx: ServiceContext): Promise<ServerTrust> {
  return {
    serverUrl: process.env['CASEWORKER_SERVER'] ?? (await getMeta(ctx.db, SERVER_KEY)) ?? null,
    caFile: (await getMeta(ctx.db, CA_FILE_KEY)) || null,
  };
}

/** Checks the file (an absolute path to a readable PEM certificate) before remembering it. */
export async function saveServerTrust(
  ctx: ServiceContext,
  actor: SessionInfo,
  caFile: string | null,
): Promise<ServerTrust> {
  if (caFile !== null) {
    if (!isAbsolute(caFile))
      throw new AppFailure({
        code: 'validation',
        message: 'settings.serverTrust.notAbsolute',
        field: 'caFile',
      });
    try {
      readCaFile(caFile);
    } catch {
      throw new AppFailure({ code: 'validation', message: 'settings.serverTrust.badCa', field: 'caFile' });
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    await setMeta(trx, CA_FILE_KEY, caFile ?? '');
    await appendAudit(trx, {
      at: isoNow(ctx),
      actorId: actor.userId,
      actorLogin: actor.loginId,
      deviceId: ctx.deviceId,
      action: 'settings.serverTrust.save',
      subjectType: 'device',
      subjectId: ctx.deviceId,
      personId: null,
      detail: { caFile },
    });
  });
  return getServerTrust(ctx);
}

/** The CA the sync transport trusts: the remembered file's certificate, or null (none, or unreadable). */
export async function configuredCa(ctx: ServiceContext): Promise<string | null> {
  const file = (await getMeta(ctx.db, CA_FILE_KEY)) || null;
  if (!file) return null;
  try {
    return readCaFile(file);
  } catch {
    // Unreadable now: sync then fails with the certificate message, which says what to do.
    return null;
  }
}
