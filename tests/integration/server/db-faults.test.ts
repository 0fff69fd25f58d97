import { afterAll, describe, expect, it } from 'vitest';
import { openServerDb } from '../../../db/server/connection.ts';
import { openDesktopStore } from '../../../electron/services/store.ts';
import { SyncClient, SyncError } from '../../../electron/services/sync/client.ts';
import { httpTransport } from '../../../electron/services/sync/transport.ts';
import { buildServer } from '../../../server/app.ts';
import { DATABASE_RETRY_AFTER_S } from '../../../server/http-errors.ts';
import {
  pendingPush,
  poolRecoversFromTerminatedIdleConnections,
  terminatedPushIsRetriedWhole,
} from '../../support/db-faults.ts';
import { freshDatabase, SERVER_DIALECTS } from '../../support/server-db.ts';
import { TEST_STORE_KEY, tempDir } from '../../support/temp-store.ts';
import { openSyncDesk, startSyncServer, type SyncServer } from '../../support/sync-desktop.ts';

// The server survives its database (issue #14 item 3), in process over real HTTP on a real PostgreSQL:
// a connection terminated under a push fails that push with 503 + Retry-After and nothing else; the
// pool replaces it; the push sent again is applied exactly once.

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function serverDatabaseName(server: SyncServer): Promise<string> {
  const r = await server.opened.db
    .selectNoFrom((eb) => eb.fn<string>('current_database').as('name'))
    .executeTakeFirstOrThrow();
  return r.name;
}

describe('the server on PostgreSQL survives terminated connections', () => {
  it('fails only the push whose connection was terminated (503 + Retry-After); the push sent again is applied once', async () => {
    const server = await startSyncServer(
      'postgres',
      [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
      [{ loginId: 'kim01', role: 'counselor', center: 'SEL01' }],
    );
    cleanups.push(server.close);
    const desk = await openSyncDesk(server.url, 'kim01');
    cleanups.push(desk.close);
    const database = await serverDatabaseName(server);
    await terminatedPushIsRetriedWhole(server.url, database, desk);
    // A second time on the recovered pool, then with every idle connection gone.
    await terminatedPushIsRetriedWhole(server.url, database, desk);
    await poolRecoversFromTerminatedIdleConnections(
      server.url,
      database,
      (await pendingPush(desk.store, desk.session, '김철수')).token,
    );
  });
});

describe.each(SERVER_DIALECTS)('GET /ready and /health on %s', (dialect) => {
  it('is ready when the database answers and is migrated', async () => {
    const server = await startSyncServer(
      dialect,
      [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
      [],
    );
    cleanups.push(server.close);
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, database: 'up', migrated: true });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});

describe('a server whose PostgreSQL cannot be reached', () => {
  it('stays alive: /health 200, /ready 503, requests 503 database-unavailable', async () => {
    // Port 1 on the loopback: nothing listens there, so every connection is refused.
    const opened = await openServerDb('postgres://postgres@127.0.0.1:1/caseworker', { migrate: false });
    const app = await buildServer({ db: opened.db, dialect: opened.dialect });
    cleanups.push(async () => {
      await app.close();
      await opened.close();
    });
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['retry-after']).toMatch(/^\d+$/);
    expect(ready.json()).toMatchObject({ ready: false, database: 'down', migrated: false });
    const login = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: {
        loginId: 'kim01',
        password: 'Sync-pass-2026',
        deviceId: '0192e0a0-0000-7000-8000-000000000001',
        deviceName: 'PC',
      },
    });
    expect(login.statusCode).toBe(503);
    expect(login.headers['retry-after']).toMatch(/^\d+$/);
    expect(login.json()).toEqual({
      error: {
        code: 'database-unavailable',
        message: 'The server cannot reach its database right now. Nothing was changed; try again shortly.',
      },
    });
  });

  it("the desktop's client reads the 503 as retryable, with the server's Retry-After", async () => {
    const opened = await openServerDb('postgres://postgres@127.0.0.1:1/caseworker', { migrate: false });
    const app = await buildServer({ db: opened.db, dialect: opened.dialect });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const t = tempDir('caseworker-desk-');
    const store = await openDesktopStore(t.dir, { key: TEST_STORE_KEY });
    cleanups.push(async () => {
      await store.close();
      t.remove();
      await app.close();
      await opened.close();
    });
    const client = new SyncClient(store.context, httpTransport(url));
    const error = await client.signIn('kim01', 'Sync-pass-2026', 'PC').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ status: 503, code: 'database-unavailable', retryable: true });
    expect((error as SyncError).retryAfterMs).toBe(DATABASE_RETRY_AFTER_S * 1000);
  });

  it('a reachable database that was never migrated is not ready', async () => {
    const database = await freshDatabase('postgres');
    const opened = await openServerDb(database.url, { migrate: false });
    const app = await buildServer({ db: opened.db, dialect: opened.dialect });
    cleanups.push(async () => {
      await app.close();
      await opened.close();
      await database.drop();
    });
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ ready: false, database: 'up', migrated: false });
  });
});
