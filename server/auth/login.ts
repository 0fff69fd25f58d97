import { DUMMY_HASH, verifyPassword } from '../../db/credentials.ts';
import {
  findServerUserByLogin,
  recordServerLoginFailure,
  recordServerLoginSuccess,
  type ServerUserRow,
} from '../../db/server/repositories/accounts.ts';
import type { ServerDb } from '../../db/server/connection.ts';
import { HttpError } from '../http-errors.ts';

// Server-side password check with the lockout of domain.md §10: five failures lock the account for
// 30 minutes. The answer never tells whether the login id exists.

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 30;

export async function checkCredentials(
  db: ServerDb,
  loginId: string,
  password: string,
  now: Date,
): Promise<ServerUserRow> {
  const user = await findServerUserByLogin(db, loginId);
  if (!user || user.active !== 1) {
    await verifyPassword(DUMMY_HASH, password);
    throw new HttpError(401, 'unauthenticated', 'Wrong login id or password.');
  }
  if (user.locked_until && new Date(user.locked_until) > now) {
    throw new HttpError(
      423,
      'locked',
      'The account is locked after five failed sign-ins; try again in 30 minutes or ask an admin.',
    );
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const failures = (user.locked_until ? 0 : user.failed_logins) + 1;
    const lockedUntil =
      failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
    await recordServerLoginFailure(db, user.id, failures, lockedUntil);
    if (lockedUntil) {
      throw new HttpError(
        423,
        'locked',
        'The account is locked after five failed sign-ins; try again in 30 minutes or ask an admin.',
      );
    }
    throw new HttpError(401, 'unauthenticated', 'Wrong login id or password.');
  }
  await recordServerLoginSuccess(db, user.id);
  return user;
}
