import { randomBytes } from 'node:crypto';
import fastifyJwt from '@fastify/jwt';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SqlDialect } from '../db/migrations/types.ts';
import { getServerCenter, getServerUser } from '../db/server/repositories/accounts.ts';
import {
  deviceServesUser,
  getDevice,
  getTokenFamily,
  revokeDevice,
} from '../db/server/repositories/devices.ts';
import type { ServerDb } from '../db/server/connection.ts';
import { SERVER_SCHEMA_VERSION } from '../db/server/migrations/index.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import pkg from '../package.json' with { type: 'json' };
import { registerAccountRoutes } from './auth/account-routes.ts';
import { registerEscrowRoutes } from './auth/escrow-routes.ts';
import { registerSessionRoutes } from './auth/session-routes.ts';
import { ACCESS_TOKEN_SECONDS, type AccessClaims } from './auth/tokens.ts';
import type { Caller } from './auth/caller.ts';
import { isDatabaseUnavailable } from '../db/server/faults.ts';
import { serverReadiness } from '../db/server/repositories/readiness.ts';
import {
  DATABASE_RETRY_AFTER_S,
  databaseUnavailable,
  HttpError,
  parseOr400,
  sendError,
} from './http-errors.ts';
import { registerBlobRoutes } from './blobs/routes.ts';
import { blobStore, type BlobPlace } from './blobs/store.ts';
import { removedAttachment, sweepBlobs } from './blobs/sweep.ts';
import { DEFAULT_MAX_ATTACHMENT_BYTES } from '../shared/attachments/limits.ts';
import { registerClockRoutes } from './sync/clock.ts';
import { registerLifecycleRoutes } from './sync/lifecycle-routes.ts';
import { registerTransferRoutes } from './sync/transfer-routes.ts';
import { registerJoinRoutes } from './sync/join-routes.ts';
import { registerSyncRoutes } from './sync/routes.ts';
import { registerSnapshotRoutes } from './sync/snapshot-routes.ts';
import { registerLobbyRoutes } from './lobby/routes.ts';
import { DEFAULT_LIMITS, registerLimits, type LimitOptions } from './limits.ts';
import { registerMetrics } from './metrics.ts';
import type { PoolStats } from '../db/server/connection.ts';
import type { Registry } from 'prom-client';

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
  /** HTTPS with these PEM files' contents (`--tls-cert`, `--tls-key`). */
  https?: { cert: string; key: string };
  /** Behind a TLS-terminating reverse proxy: the addresses whose X-Forwarded-* headers are believed. */
  trustProxy?: string[];
  /** Benchmarks only: false skips the push checks to measure their cost (tests/bench). Never in tests. */
  validatePushes?: boolean;
  /**
   * Backpressure and per-device rates (server/limits.ts). The command always gives them (its defaults
   * are DEFAULT_LIMITS). Not given: the capacity bounds only, no per-device rate, for tests and the
   * preview harness, which drive one device as fast as they can on purpose.
   */
  limits?: Partial<LimitOptions>;
  /** Where attachment bytes are kept (`--blob-dir`; default: the database) and the largest accepted. */
  blobs?: { place?: BlobPlace; maxBytes?: number };
  /** The database pool's figures (OpenedServerDb.pool): for the metrics and the capacity check. */
  pool?: (() => PoolStats) | undefined;
}

const registries = new WeakMap<FastifyInstance, Registry>();

/** The server's Prometheus registry (served by server/metrics-endpoint.ts, not by the API's port). */
export function metricsRegistry(app: FastifyInstance): Registry {
  const registry = registries.get(app);
  if (!registry) throw new Error('not a server built by buildServer');
  return registry;
}

/**
 * What a request's log line holds: the method and the route's pattern. Not the URL (its ids and query:
 * a scope names an account), not the address (personal data; a proxy in front logs it if needed), never
 * headers or bodies.
 */
const logSerializers = {
  req: (req: FastifyRequest) => ({ method: req.method, route: req.routeOptions.url ?? 'unmatched' }),
};

/** The desktop schema versions this server accepts (sync.md § Versions). */
export const ACCEPTED_CLIENT_SCHEMAS = { min: 1, max: LATEST_SCHEMA_VERSION } as const;

const idParam = z.object({ id: z.string().uuid() }).strict();

export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  const now = o.now ?? (() => new Date());
  const app = Fastify({
    ...(o.https ? { https: o.https } : {}),
    ...(o.trustProxy ? { trustProxy: o.trustProxy } : {}),
    bodyLimit: o.bodyLimit ?? 5 * 1024 * 1024,
    logger: o.logger ? { level: 'info', serializers: logSerializers } : false,
  });
  await app.register(fastifyJwt, {
    secret: o.secret ?? randomBytes(32).toString('hex'),
    sign: { expiresIn: ACCESS_TOKEN_SECONDS },
  });

  // Not given (tests, the preview harness): the capacity bounds only, no per-device rate.
  const limitOptions: LimitOptions = o.limits
    ? { ...DEFAULT_LIMITS, ...o.limits }
    : { ...DEFAULT_LIMITS, devicePerMinute: Number.POSITIVE_INFINITY };
  const limits = registerLimits(app, limitOptions, () => o.pool?.().waiting ?? 0);
  registries.set(app, registerMetrics(app, { pool: o.pool, inFlight: limits.inFlight }).registry);

  app.setErrorHandler((error, _req, reply) => {
    if (error instanceof HttpError) return sendError(reply, error);
    if (isDatabaseUnavailable(error)) {
      // The connection died under the request (its transaction with it) or none could be made: nothing
      // was written, and the same request may be sent again. Logged by code only (no SQL, no values).
      app.log.warn({ err: { code: (error as { code?: unknown }).code } }, 'database unavailable');
      void reply.header('retry-after', String(DATABASE_RETRY_AFTER_S));
      return sendError(reply, databaseUnavailable());
    }
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
    const [user, device, family] = await Promise.all([
      getServerUser(o.db, claims.sub),
      getDevice(o.db, claims.dev),
      typeof claims.fam === 'string' ? getTokenFamily(o.db, claims.fam) : undefined,
    ]);
    if (!user || user.active !== 1)
      throw new HttpError(401, 'account-inactive', 'This account is no longer active.');
    if (!device || !(await deviceServesUser(o.db, device, user))) {
      throw new HttpError(
        403,
        'device-revoked',
        'This device has been revoked. Its unsent changes are kept on the device.',
      );
    }
    // A new password ends older sessions (the epoch moved on); a replayed refresh token ends its family.
    if (claims.ep !== user.session_epoch || !family || family.revoked_at || family.user_id !== user.id)
      throw new HttpError(401, 'unauthenticated', 'Sign in again: this session has ended.');
    const center = await getServerCenter(o.db, user.center_code);
    return {
      userId: user.id,
      loginId: user.login_id,
      deviceId: device.id,
      role: user.role,
      centerCode: user.center_code,
      region: center?.sido ?? '',
    };
  }

  app.get('/health', () => ({
    ok: true,
    version: pkg.version,
    schema: SERVER_SCHEMA_VERSION,
    clientSchemas: ACCEPTED_CLIENT_SCHEMAS,
    db: o.dialect,
  }));

  // Readiness, unlike /health (alive): the database answers and is migrated. A load balancer or an
  // orchestrator sends traffic only while this is 200.
  app.get('/ready', async (_req, reply) => {
    const r = await serverReadiness(o.db);
    const ready = r.database === 'up' && r.migrated;
    if (!ready) void reply.status(503).header('retry-after', String(DATABASE_RETRY_AFTER_S));
    return { ready, database: r.database, migrated: r.migrated, schema: SERVER_SCHEMA_VERSION };
  });

  registerSessionRoutes(app, { db: o.db, now });

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

  registerAccountRoutes(app, { db: o.db, now, authenticate });
  registerEscrowRoutes(app, { db: o.db, now, authenticate });
  registerSyncRoutes(app, {
    db: o.db,
    dialect: o.dialect,
    now,
    authenticate,
    acceptedSchemas: ACCEPTED_CLIENT_SCHEMAS,
    ...(o.validatePushes === false ? { validatePushes: false } : {}),
  });
  registerJoinRoutes(app, {
    db: o.db,
    dialect: o.dialect,
    now,
    authenticate,
    acceptedSchemas: ACCEPTED_CLIENT_SCHEMAS,
  });
  registerLifecycleRoutes(app, { db: o.db, now, authenticate });
  registerTransferRoutes(app, { db: o.db, dialect: o.dialect, now, authenticate });
  registerClockRoutes(app, { db: o.db, now, authenticate });
  const blobs = blobStore(o.db, o.blobs?.place ?? { kind: 'database' });
  registerBlobRoutes(app, {
    db: o.db,
    now,
    authenticate,
    store: blobs,
    maxBytes: o.blobs?.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES,
  });
  // A push that removed a file drops its bytes before it answers, once no live row names them
  // (server/blobs/sweep.ts); the daily retention run catches rows purged by other paths.
  app.addHook('preSerialization', async (req, reply, payload) => {
    if (
      req.routeOptions.url === '/v1/sync/push' &&
      reply.statusCode === 200 &&
      removedAttachment(req.body, payload)
    )
      await sweepBlobs(o.db, o.dialect, blobs);
    return payload;
  });
  registerSnapshotRoutes(app, {
    db: o.db,
    dialect: o.dialect,
    now,
    authenticate,
    acceptedSchemas: ACCEPTED_CLIENT_SCHEMAS,
  });
  registerLobbyRoutes(app, { db: o.db, dialect: o.dialect, now, authenticate });

  return app;
}
