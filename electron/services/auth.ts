import { appendAudit } from '../../db/repositories/audit.ts';
import { getCenter } from '../../db/repositories/centers.ts';
import { getDeviceSettings } from './center-settings.ts';
import { findUserByLogin, recordLoginFailure, recordLoginSuccess } from '../../db/repositories/users.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { DUMMY_HASH, verifyPassword } from './passwords.ts';

// Local login (domain.md §10). Five failures lock the account for 30 minutes (or until an admin
// unlocks it). The message never says whether the login id exists.

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 30;

const WRONG_CREDENTIALS = 'auth.wrongCredentials';
const LOCKED = 'auth.locked';

export async function login(ctx: ServiceContext, loginId: string, password: string): Promise<SessionInfo> {
  const user = await findUserByLogin(ctx.db, loginId);
  const now = ctx.now();
  if (!user || user.active !== 1) {
    await verifyPassword(DUMMY_HASH, password); // same time whether or not the account exists
    throw new AppFailure({ code: 'unauthenticated', message: WRONG_CREDENTIALS });
  }
  if (user.locked_until && new Date(user.locked_until) > now) {
    await auditLogin(ctx, user.id, user.login_id, 'auth.login.refused-locked');
    throw new AppFailure({ code: 'unauthenticated', message: LOCKED });
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const failures = (user.locked_until ? 0 : user.failed_logins) + 1;
    const lockedUntil =
      failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
    await ctx.db.transaction().execute(async (trx) => {
      if (user.locked_until) await recordLoginSuccess(trx, user.id); // an expired lock starts a fresh count
      await recordLoginFailure(trx, user.id, lockedUntil);
    });
    await auditLogin(ctx, user.id, user.login_id, lockedUntil ? 'auth.login.locked' : 'auth.login.failed');
    throw new AppFailure({ code: 'unauthenticated', message: lockedUntil ? LOCKED : WRONG_CREDENTIALS });
  }
  await recordLoginSuccess(ctx.db, user.id);
  await auditLogin(ctx, user.id, user.login_id, 'auth.login');
  const center = await getCenter(ctx.db, user.center_code);
  const { idleLockMinutes } = await getDeviceSettings(ctx);
  return {
    idleLockMinutes,
    userId: user.id,
    loginId: user.login_id,
    displayName: user.display_name,
    role: user.role,
    centerCode: user.center_code,
    centerName: center?.name ?? user.center_code,
  };
}

async function auditLogin(
  ctx: ServiceContext,
  userId: string,
  loginId: string,
  action: string,
): Promise<void> {
  await appendAudit(ctx.db, {
    at: isoNow(ctx),
    actorId: userId,
    actorLogin: loginId,
    deviceId: ctx.deviceId,
    action,
    subjectType: 'user',
    subjectId: userId,
    personId: null,
  });
}

/** The screen went idle or the user locked it; the lock is recorded like a sign-out would be. */
export async function lockSession(ctx: ServiceContext, session: SessionInfo): Promise<SessionInfo> {
  if (!session.locked) await auditLogin(ctx, session.userId, session.loginId, 'auth.session.locked');
  return { ...session, locked: true };
}

/**
 * Unlocking needs the password again, checked like a sign-in (wrong ones count toward the lockout).
 * The account is read afresh: a role changed or an account deactivated meanwhile takes effect now.
 */
export async function unlockSession(
  ctx: ServiceContext,
  session: SessionInfo,
  password: string,
): Promise<SessionInfo> {
  const fresh = await login(ctx, session.loginId, password);
  if (fresh.userId !== session.userId)
    throw new AppFailure({ code: 'unauthenticated', message: 'auth.required' });
  return { ...fresh, locked: false };
}
