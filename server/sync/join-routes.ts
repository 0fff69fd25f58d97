import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getServerCenter, getServerUser } from '../../db/server/repositories/accounts.ts';
import { MAX_PUSH_BATCH, type PushResponse } from '../../shared/sync/protocol.ts';
import { HttpError, parseOr400 } from '../http-errors.ts';
import { runPush, type SyncRouteDeps } from './routes.ts';

// Joining a server (issue #19 item 1). A desktop that started without a server (first-run setup, a demo)
// holds records written by its local accounts; the server has its own accounts with the same login ids.
// An admin of the server's center signs in on that desktop, which then:
//   GET  /v1/join/accounts  the center and its accounts, to pair with the local ones by login id;
//   POST /v1/join/push      the desktop's records, one batch per author: { asUser, schemaVersion,
//                           mutations }. Each batch runs through the ordinary push, as that account on
//                           the admin's device: every check of the trust boundary applies as if the
//                           author had pushed it themselves (their role, center, region, authorship).
// Only an admin, only for an active case account of the admin's own center; never as an admin (an
// admin's own records, their audit entries, go through /v1/sync/push).

const joinPushBody = z
  .object({
    asUser: z.string().uuid(),
    schemaVersion: z.number().int().min(1),
    mutations: z.array(z.unknown()).max(MAX_PUSH_BATCH),
  })
  .strict();

export function registerJoinRoutes(app: FastifyInstance, d: SyncRouteDeps): void {
  app.get('/v1/join/accounts', async (req) => {
    const caller = await d.authenticate(req);
    if (caller.role !== 'admin')
      throw new HttpError(
        403,
        'join-admin-only',
        "Joining a server is done by an admin of the server's center.",
      );
    const [center, users] = await Promise.all([
      getServerCenter(d.db, caller.centerCode),
      d.db
        .selectFrom('users')
        .select(['id', 'login_id', 'display_name', 'role', 'active'])
        .where('center_code', '=', caller.centerCode)
        .orderBy('login_id')
        .execute(),
    ]);
    return {
      center: { code: caller.centerCode, name: center?.name ?? caller.centerCode, sido: center?.sido ?? '' },
      accounts: users.map((u) => ({
        id: u.id,
        loginId: u.login_id,
        displayName: u.display_name,
        role: u.role,
        active: u.active === 1,
      })),
    };
  });

  app.post('/v1/join/push', async (req): Promise<PushResponse> => {
    const caller = await d.authenticate(req);
    if (caller.role !== 'admin')
      throw new HttpError(
        403,
        'join-admin-only',
        "Joining a server is done by an admin of the server's center.",
      );
    const body = parseOr400(joinPushBody, req.body);
    const author = await getServerUser(d.db, body.asUser);
    if (!author || author.center_code !== caller.centerCode)
      throw new HttpError(404, 'join-unknown-account', 'asUser: no such account in your center.');
    if (author.active !== 1)
      throw new HttpError(
        409,
        'join-inactive-account',
        'asUser: this account is deactivated; reactivate it on the server, or keep its records on the desktop.',
      );
    if (author.role === 'admin')
      throw new HttpError(
        400,
        'join-admin-author',
        "asUser: an admin's own records go through the ordinary push, not the join.",
      );
    return runPush(
      d,
      {
        userId: author.id,
        deviceId: caller.deviceId,
        role: author.role,
        centerCode: author.center_code,
        region: caller.region,
      },
      body,
    );
  });
}
