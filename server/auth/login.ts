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
// 30 minutes (or until a supervisor or admin unlocks it).
//
// No answer tells an existing login id from an unknown one: an unknown id, an inactive account, a
// wrong password and a locked account all get the same 401 with the same sentence, after the same
// argon2 work (an unknown id is checked against a dummy hash). A locked user learns it from that
// sentence, which names the lock as one of its causes and says what to do; a right password during
// the lock is refused in the same words, so the lock is no oracle for the password either. Their
// supervisor sees the lock (and lifts it) with `caseworker-server user unlock` or over HTTP.

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 30;

export const SIGN_IN_REFUSED =
  'Wrong login id or password, or the account is locked after five failed sign-ins: try again in ' +
  '30 minutes or ask your supervisor to unlock it.';

function refused(): HttpError {
  return new HttpError(401, 'unauthenticated', SIGN_IN_REFUSED);
}

export async function checkCredentials(
  db: ServerDb,
  loginId: string,
  password: string,
  now: Date,
): Promise<ServerUserRow> {
  const user = await findServerUserByLogin(db, loginId);
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
  if (!user || user.active !== 1) {
    // The same work as a wrong password: the argon2 check, and the counting statement (on no row).
    await verifyPassword(DUMMY_HASH, password);
    await recordServerLoginFailure(db, '', now.toISOString(), MAX_FAILED_LOGINS, lockUntil);
    throw refused();
  }
  // Decided on the row as read; a wrong guess counts in any case (during a lock too), so the count is
  // exact however many arrive at once.
  const locked = user.locked_until !== null && new Date(user.locked_until) > now;
  if (!(await verifyPassword(user.password_hash, password))) {
    await recordServerLoginFailure(db, user.id, now.toISOString(), MAX_FAILED_LOGINS, lockUntil);
    throw refused();
  }
  if (locked) {
    // The right password during a lock: refused alike, after the same statement (on no row).
    await recordServerLoginFailure(db, '', now.toISOString(), MAX_FAILED_LOGINS, lockUntil);
    throw refused();
  }
  await recordServerLoginSuccess(db, user.id);
  return user;
}
