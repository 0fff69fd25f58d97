import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import type { ServerDb } from '../../db/server/connection.ts';
import { getServerUser, insertAccountAudit } from '../../db/server/repositories/accounts.ts';
import {
  deviceServesUser,
  consumeRefreshToken,
  findRefreshToken,
  getDevice,
  holdLiveFamily,
  insertRefreshToken,
  insertTokenFamily,
  revokeTokenFamily,
} from '../../db/server/repositories/devices.ts';
import { HttpError } from '../http-errors.ts';
import {
  ACCESS_TOKEN_SECONDS,
  REFRESH_TOKEN_DAYS,
  hashToken,
  newRefreshToken,
  type AccessClaims,
} from './tokens.ts';

// Sessions: a sign-in starts a family of refresh tokens; each refresh consumes its token (once,
// atomically) and hands out the next one of the same family. A token presented a second time is a
// replay (a copy was stolen, or the device lost an answer): the whole family is revoked, both the
// thief's and the device's access tokens stop at their next request, and the device signs in again.

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

type SessionUser = { id: string; role: AccessClaims['role']; center_code: string; session_epoch: number };

export async function issueTokens(
  app: FastifyInstance,
  db: ServerDb,
  user: SessionUser,
  deviceId: string,
  familyId: string | null,
  at: Date,
): Promise<IssuedTokens> {
  const family = familyId ?? uuidv7();
  if (!familyId)
    await insertTokenFamily(db, { id: family, userId: user.id, deviceId, now: at.toISOString() });
  const refreshToken = newRefreshToken();
  await insertRefreshToken(db, {
    tokenHash: hashToken(refreshToken),
    userId: user.id,
    deviceId,
    familyId: family,
    now: at.toISOString(),
    expiresAt: new Date(at.getTime() + REFRESH_TOKEN_DAYS * 86_400_000).toISOString(),
  });
  const claims: AccessClaims = {
    sub: user.id,
    dev: deviceId,
    role: user.role,
    center: user.center_code,
    ep: user.session_epoch,
    fam: family,
  };
  return { accessToken: app.jwt.sign(claims), refreshToken, expiresIn: ACCESS_TOKEN_SECONDS };
}

const REFRESH_REFUSED = 'Sign in again: the refresh token is not valid.';

export async function refreshSession(
  app: FastifyInstance,
  db: ServerDb,
  body: { refreshToken: string; deviceId: string },
  at: Date,
): Promise<IssuedTokens> {
  const tokenHash = hashToken(body.refreshToken);
  const now = at.toISOString();
  // The consume, the family's check and the new token are one transaction that holds the token's and
  // the family's rows: a parallel request with the same token waits for it, then finds the token used
  // and ends the family (a replay) after the new token exists, so that one is ended too. Without it the
  // replay could end the family between this consume and its check, and no request got through.
  const outcome = await db.transaction().execute(async (trx) => {
    const consumed = await consumeRefreshToken(trx, { tokenHash, deviceId: body.deviceId, now });
    if (!consumed) return { kind: 'unused' as const };
    // The family is checked after the consume too: a token rotated while a replay revoked its family
    // is refused here, at its first use.
    const family = consumed.family_id;
    if (!family || !(await holdLiveFamily(trx, family))) return { kind: 'refused' as const };
    const [user, device] = await Promise.all([
      getServerUser(trx, consumed.user_id),
      getDevice(trx, consumed.device_id),
    ]);
    if (!user || user.active !== 1) return { kind: 'inactive' as const };
    if (!device || !(await deviceServesUser(trx, device, user))) return { kind: 'device-revoked' as const };
    return { kind: 'issued' as const, tokens: await issueTokens(app, trx, user, device.id, family, at) };
  });
  if (outcome.kind === 'issued') return outcome.tokens;
  if (outcome.kind === 'inactive')
    throw new HttpError(401, 'account-inactive', 'This account is no longer active.');
  if (outcome.kind === 'device-revoked')
    throw new HttpError(403, 'device-revoked', 'This device has been revoked.');
  if (outcome.kind === 'unused') {
    const stored = await findRefreshToken(db, tokenHash);
    // A token already used (not merely expired or revoked) is a replay: end its family.
    if (stored?.used_at && stored.family_id && stored.device_id === body.deviceId) {
      const ended = await revokeTokenFamily(db, stored.family_id, now, 'refresh-reuse');
      const owner = await getServerUser(db, stored.user_id);
      if (ended && owner) {
        await insertAccountAudit(db, {
          id: uuidv7(),
          at: now,
          actor_id: null,
          actor_label: 'server',
          device_id: stored.device_id,
          action: 'refresh-reuse',
          target_id: owner.id,
          center_code: owner.center_code,
          detail: JSON.stringify({ family: stored.family_id }),
        });
      }
    }
  }
  throw new HttpError(401, 'unauthenticated', REFRESH_REFUSED);
}
