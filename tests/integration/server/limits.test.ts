import { createHmac } from 'node:crypto';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerDb, type OpenedServerDb } from '../../../db/server/connection.ts';
import { openDesktopStore } from '../../../electron/services/store.ts';
import { SyncClient, SyncError } from '../../../electron/services/sync/client.ts';
import { SyncScheduler } from '../../../electron/services/sync/scheduler.ts';
import { httpTransport } from '../../../electron/services/sync/transport.ts';
import { addCenter, addUser } from '../../../server/admin.ts';
import { buildServer, metricsRegistry } from '../../../server/app.ts';
import type { LimitOptions } from '../../../server/limits.ts';
import { freshDatabase, type TestDatabase } from '../../support/server-db.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { TEST_STORE_KEY } from '../../support/store-key.ts';

// Issue #19 item 3, from the attacker's side: a device that hammers the server gets 429 with
// Retry-After and changes nothing, while other devices are served; a forged token cannot spend another
// device's budget; a server over capacity answers 429 at once; the real desktop client reads the 429 as
// "try again after Retry-After" and its scheduler waits at least that long.

const PASSWORD = 'Limits-pass-2026';
const DEVICE_A = '0190a000-0000-7000-8000-00000000000a';
const DEVICE_B = '0190a000-0000-7000-8000-00000000000b';
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

interface Server {
  app: FastifyInstance;
  url: string;
  opened: OpenedServerDb;
}

async function server(database: TestDatabase, limits: Partial<LimitOptions>): Promise<Server> {
  const opened = await openServerDb(database.url);
  const app = await buildServer({ db: opened.db, dialect: opened.dialect, limits, pool: opened.pool });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(async () => {
    await app.close();
    await opened.close();
  });
  return { app, url, opened };
}

async function signIn(url: string, loginId: string, deviceId: string): Promise<string> {
  const res = await fetch(`${url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, password: PASSWORD, deviceId, deviceName: 'PC' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** An HS256 token signed with a key that is not the server's: what an attacker can make. */
function forgeToken(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claims, iat: Math.floor(Date.now() / 1000) })}`;
  return `${body}.${createHmac('sha256', 'not-the-server-secret').update(body).digest('base64url')}`;
}

const me = (url: string, token: string) =>
  fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });

describe.each(['sqlite', 'postgres'] as const)('backpressure and device rates over %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(dialect);
    cleanups.push(database.drop);
    const opened = await openServerDb(database.url);
    await addCenter(opened.db, { code: 'LIM01', name: '한도고용센터', region: '11' }, new Date(), dialect);
    for (const loginId of ['lima', 'limb'])
      await addUser(
        opened.db,
        { loginId, name: loginId, role: 'counselor', centerCode: 'LIM01', password: PASSWORD },
        new Date(),
      );
    await opened.close();
  });

  it('a device hammering gets 429 with Retry-After and changes nothing; another device is served', async () => {
    const s = await server(database, { devicePerMinute: 6, deviceBurst: 5 });
    const a = await signIn(s.url, 'lima', DEVICE_A);
    const b = await signIn(s.url, 'limb', DEVICE_B);
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await me(s.url, a)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5).every((x) => x === 429)).toBe(true);
    const refused = await me(s.url, a);
    expect(refused.status).toBe(429);
    // One request per 10 s on average: the next token is up to 10 s away.
    const retry = Number(refused.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(10);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate-limited');
    expect(body.error.message).toMatch(/Nothing was changed/);
    // A push while limited is not applied.
    const push = await fetch(`${s.url}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a}`, 'content-type': 'application/json' },
      body: JSON.stringify({ schemaVersion: 1, mutations: [] }),
    });
    expect(push.status).toBe(429);
    // The other device of the same center (same address) is untouched.
    for (let i = 0; i < 5; i++) expect((await me(s.url, b)).status).toBe(200);
  });

  it('a forged token naming another device does not spend that device’s budget', async () => {
    const s = await server(database, { devicePerMinute: 6, deviceBurst: 3 });
    const forged = forgeToken({ sub: 'x', dev: DEVICE_B, role: 'counselor', ep: 0, fam: 'x' });
    for (let i = 0; i < 10; i++) expect((await me(s.url, forged)).status).toBe(401);
    const b = await signIn(s.url, 'limb', DEVICE_B);
    for (let i = 0; i < 3; i++) expect((await me(s.url, b)).status).toBe(200);
  });

  it('over capacity: 429 over-capacity at once, and served again when the request in flight ends', async () => {
    const s = await server(database, { maxInFlight: 1 });
    const inFlight = async () =>
      (await metricsRegistry(s.app).getSingleMetric('caseworker_requests_in_flight')?.get())?.values[0]
        ?.value;
    // A sign-in whose body never finishes arriving: in flight from its headers on.
    const port = new URL(s.url).port;
    const slow = connect(Number(port), '127.0.0.1');
    slow.write(
      'POST /v1/auth/login HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"loginId"',
    );
    while ((await inFlight()) !== 1) await new Promise((r) => setImmediate(r));
    const busy = await fetch(`${s.url}/v1/me`);
    expect(busy.status).toBe(429);
    expect(busy.headers.get('retry-after')).toBe('2');
    expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('over-capacity');
    // /health and /ready are never refused: a load balancer must see the server alive.
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
    slow.destroy();
    while ((await inFlight()) !== 0) await new Promise((r) => setImmediate(r));
    expect((await fetch(`${s.url}/v1/me`)).status).toBe(401);
  });

  it('the desktop client reads the 429 as retryable after Retry-After, and its scheduler waits that long', async () => {
    const s = await server(database, { devicePerMinute: 2, deviceBurst: 4 });
    const dir = tempDir('caseworker-limits-');
    cleanups.push(() => dir.remove());
    const store = await openDesktopStore(join(dir.dir, 'store'), { key: TEST_STORE_KEY });
    cleanups.push(() => store.close());
    const client = new SyncClient(store.context, httpTransport(s.url));
    await client.signIn('lima', PASSWORD, 'limits PC');
    let error: unknown = null;
    for (let i = 0; i < 10 && !error; i++) await client.syncOnce().catch((e: unknown) => (error = e));
    expect(error).toBeInstanceOf(SyncError);
    const e = error as SyncError;
    expect(e.status).toBe(429);
    expect(e.retryable).toBe(true);
    expect(e.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(SyncScheduler.retryDelay(1, e.retryAfterMs)).toBeGreaterThanOrEqual(e.retryAfterMs ?? 0);
  });
});
