import { randomBytes } from 'node:crypto';
import fastifyJwt from '@fastify/jwt';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SqlDialect } from '../db/migrations/types.ts';
import { getServerCenter, getServerUser, setServerUserActive } from '../db/server/repositories/accounts.ts';
import {
  findRefreshToken,
  getDevice,
  insertRefreshToken,
  revokeDevice,
  revokeRefreshToken,
  upsertDevice,
} from '../db/server/repositories/devices.ts';
import type { ServerDb } from '../db/server/connection.ts';
import { SERVER_SCHEMA_VERSION } from '../db/server/migrations/index.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import pkg from '../package.json' with { type: 'json' };
import { checkCredentials } from './auth/login.ts';
import {
  ACCESS_TOKEN_SECONDS,
  REFRESH_TOKEN_DAYS,
  hashToken,
  newRefreshToken,
  type AccessClaims,
} from './auth/tokens.ts';
import { HttpError, parseOr400, sendError } from './http-errors.ts';
import { registerLifecycleRoutes } from './sync/lifecycle-routes.ts';
import { registerSyncRoutes } from './sync/routes.ts';
import { registerSnapshotRoutes } from './sync/snapshot-routes.ts';

// The central server's HTTP API. It trusts no client-side check: every request is validated here,
// and every authenticated request re-reads the account and the device, so that deactivating a user or
// revoking a device takes effect at their very next request.

export interface ServerOptions {
  db: ServerDb;
  dialect: SqlDialect;
  /** Signs access tokens; shared by every server node (CASEWORKER_SERVER_SECRET), random in tests. */
  secret?: string;
  now?: () => Date;
  logger?: boolean;
  bodyLimit?: number;
  /** Benchmarks only: false skips the push checks to measure their cost (tests/bench). Never in tests. */
  validatePushes?: boolean;
}

/** The desktop schema versions this server accepts (sync.md § Versions). */
export const ACCEPTED_CLIENT_SCHEMAS = { min: 1, max: LATEST_SCHEMA_VERSION } as const;

const loginBody = z
  .object({
    loginId: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
    deviceId: z.string().uuid(),
    deviceName: z.string().trim().min(1).max(100),
  })
  .strict();
const refreshBody = z
  .object({ refreshToken: z.string().min(20).max(200), deviceId: z.string().uuid() })
  .strict();
const idParam = z.object({ id: z.string().uuid() }).strict();

export interface Caller {
  userId: string;
  deviceId: string;
  role: AccessClaims['role'];
  centerCode: string;
  /** The center's 시도: the region whose employers and openings the caller sees. */
  region: string;
}

export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  const now = o.now ?? (() => new Date());
  const app = Fastify({
    bodyLimit: o.bodyLimit ?? 5 * 1024 * 1024,
    logger: o.logger ? { level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] } : false,
  });
  await app.register(fastifyJwt, {
    secret: o.secret ?? randomBytes(32).toString('hex'),
    sign: { expiresIn: ACCESS_TOKEN_SECONDS },
  });

  app.setErrorHandler((error, _req, reply) => {
    if (error instanceof HttpError) return sendError(reply, error);
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return sendError(reply, new HttpError(status, 'bad-request', (error as Error).message));
    }
    app.log.error(
      { err: { name: (error as Error).name, code: (error as { code?: unknown }).code } },
      'request failed',
    );
    return sendError(reply, new HttpError(500, 'internal', 'The server could not complete the request.'));
  });
  // Every answer carries the server's time: desktops correct their clock offset from it (sync.md § Clocks).
  app.addHook('onSend', (_req, reply, payload, done) => {
    void reply.header('x-server-time', now().toISOString());
    done(null, payload);
  });

  async function authenticate(req: FastifyRequest): Promise<Caller> {
    let claims: AccessClaims;
    try {
      claims = await req.jwtVerify<AccessClaims>();
    } catch {
      throw new HttpError(
        401,
        'unauthenticated',
        'Sign in again: the access token is missing, expired or invalid.',
      );
    }
    const [user, device] = await Promise.all([getServerUser(o.db, claims.sub), getDevice(o.db, claims.dev)]);
    if (!user || user.active !== 1)
      throw new HttpError(401, 'account-inactive', 'This account is no longer active.');
    if (!device || device.revoked_at || device.user_id !== user.id) {
      throw new HttpError(
        403,
        'device-revoked',
        'This device has been revoked. Its unsent changes are kept on the device.',
      );
    }
    const center = await getServerCenter(o.db, user.center_code);
    return {
      userId: user.id,
      deviceId: device.id,
      role: user.role,
      centerCode: user.center_code,
      region: center?.sido ?? '',
    };
  }

  async function issueTokens(
    user: { id: string; role: AccessClaims['role']; center_code: string },
    deviceId: string,
  ) {
    const refreshToken = newRefreshToken();
    const issued = now();
    await insertRefreshToken(o.db, {
      tokenHash: hashToken(refreshToken),
      userId: user.id,
      deviceId,
      now: issued.toISOString(),
      expiresAt: new Date(issued.getTime() + REFRESH_TOKEN_DAYS * 86_400_000).toISOString(),
    });
    const claims: AccessClaims = { sub: user.id, dev: deviceId, role: user.role, center: user.center_code };
    return { accessToken: app.jwt.sign(claims), refreshToken, expiresIn: ACCESS_TOKEN_SECONDS };
  }

  app.get('/health', () => ({
    ok: true,
    version: pkg.version,
    schema: SERVER_SCHEMA_VERSION,
    clientSchemas: ACCEPTED_CLIENT_SCHEMAS,
    db: o.dialect,
  }));

  app.post('/v1/auth/login', async (req) => {
    const body = parseOr400(loginBody, req.body);
    const user = await checkCredentials(o.db, body.loginId, body.password, now());
    const existing = await getDevice(o.db, body.deviceId);
    if (existing && (existing.revoked_at || existing.user_id !== user.id)) {
      throw new HttpError(403, 'device-revoked', 'This device is revoked or registered to another account.');
    }
    await upsertDevice(o.db, {
      id: body.deviceId,
      userId: user.id,
      name: body.deviceName,
      now: now().toISOString(),
    });
    const center = await getServerCenter(o.db, user.center_code);
    return {
      ...(await issueTokens(user, body.deviceId)),
      user: {
        id: user.id,
        loginId: user.login_id,
        displayName: user.display_name,
        role: user.role,
        centerCode: user.center_code,
        centerName: center?.name ?? user.center_code,
      },
    };
  });

  app.post('/v1/auth/refresh', async (req) => {
    const body = parseOr400(refreshBody, req.body);
    const stored = await findRefreshToken(o.db, hashToken(body.refreshToken));
    const at = now();
    if (
      !stored ||
      stored.revoked_at ||
      stored.device_id !== body.deviceId ||
      new Date(stored.expires_at) <= at
    ) {
      throw new HttpError(401, 'unauthenticated', 'Sign in again: the refresh token is not valid.');
    }
    const [user, device] = await Promise.all([
      getServerUser(o.db, stored.user_id),
      getDevice(o.db, stored.device_id),
    ]);
    if (!user || user.active !== 1)
      throw new HttpError(401, 'account-inactive', 'This account is no longer active.');
    if (!device || device.revoked_at)
      throw new HttpError(403, 'device-revoked', 'This device has been revoked.');
    // Rotation: a refresh token works once.
    await revokeRefreshToken(o.db, stored.token_hash, at.toISOString());
    return issueTokens(user, device.id);
  });

  app.get('/v1/me', async (req) => {
    const caller = await authenticate(req);
    return caller;
  });

  app.post('/v1/devices/:id/revoke', async (req) => {
    const caller = await authenticate(req);
    if (caller.role === 'counselor')
      throw new HttpError(403, 'forbidden', 'Only a supervisor or an admin may revoke devices.');
    const { id } = parseOr400(idParam, req.params);
    const device = await getDevice(o.db, id);
    const owner = device ? await getServerUser(o.db, device.user_id) : undefined;
    if (!device || !owner || owner.center_code !== caller.centerCode)
      throw new HttpError(404, 'not-found', 'No such device in your center.');
    await revokeDevice(o.db, id, now().toISOString());
    return { revoked: id };
  });

  app.post('/v1/users/:id/deactivate', async (req) => {
    const caller = await authenticate(req);
    if (caller.role !== 'admin')
      throw new HttpError(403, 'forbidden', 'Only an admin may deactivate accounts.');
    const { id } = parseOr400(idParam, req.params);
    const user = await getServerUser(o.db, id);
    if (!user || user.center_code !== caller.centerCode)
      throw new HttpError(404, 'not-found', 'No such account in your center.');
    await setServerUserActive(o.db, id, false, now().toISOString());
    return { deactivated: id };
  });

  registerSyncRoutes(app, {
    db: o.db,
    dialect: o.dialect,
    now,
    authenticate,
    acceptedSchemas: ACCEPTED_CLIENT_SCHEMAS,
    ...(o.validatePushes === false ? { validatePushes: false } : {}),
  });
  registerLifecycleRoutes(app, { db: o.db, now, authenticate });
  registerSnapshotRoutes(app, {
    db: o.db,
    dialect: o.dialect,
    now,
    authenticate,
    acceptedSchemas: ACCEPTED_CLIENT_SCHEMAS,
  });

  return app;
}
