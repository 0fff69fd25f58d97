import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_SCHEMA_VERSION } from '../../../db/server/migrations/index.ts';
import { openServerDb, type OpenedServerDb } from '../../../db/server/connection.ts';
import { addCenter, addUser } from '../../../server/admin.ts';
import { buildServer } from '../../../server/app.ts';
import { freshDatabase, SERVER_DIALECTS, type TestDatabase } from '../../support/server-db.ts';

const PASSWORD = 'Server-pass-2026';
const DEVICE = '01930000-0000-7000-8000-000000000001';
const OTHER_DEVICE = '01930000-0000-7000-8000-000000000002';

describe.each(SERVER_DIALECTS)('server accounts over %s', (dialect) => {
  let database: TestDatabase;
  let opened: OpenedServerDb;
  let app: FastifyInstance;
  let clock = new Date('2026-11-02T09:00:00Z');

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    opened = await openServerDb(database.url);
    await addCenter(opened.db, { code: 'SEL01', name: '서울고용센터', region: '11' }, clock);
    await addUser(
      opened.db,
      { loginId: 'counselor1', name: '김상담', role: 'counselor', centerCode: 'SEL01', password: PASSWORD },
      clock,
    );
    await addUser(
      opened.db,
      { loginId: 'admin1', name: '관리자', role: 'admin', centerCode: 'SEL01', password: PASSWORD },
      clock,
    );
    await addUser(
      opened.db,
      { loginId: 'locky', name: '잠김', role: 'counselor', centerCode: 'SEL01', password: PASSWORD },
      clock,
    );
    await addCenter(opened.db, { code: 'BUS01', name: '부산고용센터', region: '26' }, clock);
    await addUser(
      opened.db,
      { loginId: 'busan1', name: '박부산', role: 'counselor', centerCode: 'BUS01', password: PASSWORD },
      clock,
    );
    app = await buildServer({ db: opened.db, dialect: opened.dialect, now: () => clock });
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
    await database.drop();
  });

  const login = (loginId: string, password = PASSWORD, deviceId = DEVICE) =>
    app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { loginId, password, deviceId, deviceName: '상담석 3번 PC' },
    });

  it('answers /health with its version and schema', async () => {
    const r = await app.inject({ method: 'GET', url: '/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      ok: true,
      version: expect.any(String),
      schema: SERVER_SCHEMA_VERSION,
      db: dialect,
    });
    expect(r.headers['x-server-time']).toBeTruthy();
  });

  it('signs in, registers the device, and accepts the access token', async () => {
    const r = await login('counselor1');
    expect(r.statusCode).toBe(200);
    const body = r.json<{
      accessToken: string;
      refreshToken: string;
      user: { role: string; centerName: string };
    }>();
    expect(body.user).toMatchObject({ role: 'counselor', centerName: '서울고용센터' });
    const me = await app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    expect(me.json()).toMatchObject({ deviceId: DEVICE, role: 'counselor', centerCode: 'SEL01' });
  });

  it('rotates refresh tokens: each works once', async () => {
    const first = (await login('counselor1')).json<{ refreshToken: string }>();
    const r1 = await app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: first.refreshToken, deviceId: DEVICE },
    });
    expect(r1.statusCode).toBe(200);
    const again = await app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: first.refreshToken, deviceId: DEVICE },
    });
    expect(again.statusCode).toBe(401);
  });

  it('refuses a malformed body with a 400 naming the field, and changes nothing', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { loginId: 'counselor1', password: PASSWORD, deviceId: 'not-a-uuid', deviceName: 'x' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: { code: 'validation', field: 'deviceId' } });
    const extra = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { loginId: 'a', password: 'b', deviceId: DEVICE, deviceName: 'x', role: 'admin' },
    });
    expect(extra.statusCode).toBe(400);
  });

  it('locks an account after five failures, even against the right password', async () => {
    const device = '01930000-0000-7000-8000-0000000000bb';
    for (let i = 0; i < 5; i++) expect((await login('locky', 'Wrong-pass-1', device)).statusCode).toBe(401);
    // Locked: the right password gets the same answer as a wrong one (no oracle; see server/auth/login.ts).
    expect((await login('locky', PASSWORD, device)).statusCode).toBe(401);
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect((await login('locky', PASSWORD, device)).statusCode).toBe(200);
  });

  it("lets another account of the device's center sign in on it (a shared PC), never another center's", async () => {
    expect((await login('counselor1')).statusCode).toBe(200);
    expect((await login('admin1')).statusCode).toBe(200);
    const other = await login('busan1');
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ error: { code: 'device-other-center' } });
  });

  it('refuses a revoked device at its next request, and its next sign-in', async () => {
    const counselor = (await login('counselor1', PASSWORD, OTHER_DEVICE)).json<{
      accessToken: string;
      refreshToken: string;
    }>();
    const admin = (await login('admin1', PASSWORD, '01930000-0000-7000-8000-0000000000aa')).json<{
      accessToken: string;
    }>();
    const revoke = await app.inject({
      method: 'POST',
      url: `/v1/devices/${OTHER_DEVICE}/revoke`,
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(revoke.statusCode).toBe(200);
    const me = await app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${counselor.accessToken}` },
    });
    expect(me.statusCode).toBe(403);
    expect(me.json()).toMatchObject({ error: { code: 'device-revoked' } });
    expect((await login('counselor1', PASSWORD, OTHER_DEVICE)).statusCode).toBe(403);
    const refresh = await app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: counselor.refreshToken, deviceId: OTHER_DEVICE },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it('lets only an admin deactivate accounts, effective at the next request', async () => {
    const counselor = (await login('counselor1')).json<{ accessToken: string; user: { id: string } }>();
    const selfAttempt = await app.inject({
      method: 'POST',
      url: `/v1/users/${counselor.user.id}/deactivate`,
      headers: { authorization: `Bearer ${counselor.accessToken}` },
    });
    expect(selfAttempt.statusCode).toBe(403);
    const admin = (await login('admin1', PASSWORD, '01930000-0000-7000-8000-0000000000aa')).json<{
      accessToken: string;
    }>();
    const r = await app.inject({
      method: 'POST',
      url: `/v1/users/${counselor.user.id}/deactivate`,
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(r.statusCode).toBe(200);
    const me = await app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${counselor.accessToken}` },
    });
    expect(me.statusCode).toBe(401);
  });

  it('stores refresh tokens only as hashes', async () => {
    const body = (await login('admin1', PASSWORD, '01930000-0000-7000-8000-0000000000aa')).json<{
      refreshToken: string;
    }>();
    const rows = await opened.db.selectFrom('refresh_tokens').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === body.refreshToken)).toBe(false);
  });
});
