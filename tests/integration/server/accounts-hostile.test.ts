import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerDb, type OpenedServerDb } from '../../../db/server/connection.ts';
import { addCenter, addUser } from '../../../server/admin.ts';
import { buildServer } from '../../../server/app.ts';
import { SIGN_IN_REFUSED } from '../../../server/auth/login.ts';
import { freshDatabase, SERVER_DIALECTS, type TestDatabase } from '../../support/server-db.ts';

// Accounts on the server from the attacker's side (issue #13 item 7), over real HTTP, both dialects:
// parallel guesses, login-id oracles, replayed and raced refresh tokens, account changes by the wrong
// people. Every refusal is checked for its answer and for what did not change.

const PASSWORD = 'Server-pass-2026';
const NEW_PASSWORD = 'Renewed-pass-2027';

interface Session {
  accessToken: string;
  refreshToken: string;
  deviceId: string;
  user: { id: string };
}

describe.each(SERVER_DIALECTS)('server accounts under attack over %s', (dialect) => {
  let database: TestDatabase;
  let opened: OpenedServerDb;
  let app: FastifyInstance;
  let base: string;
  const clock = new Date('2026-11-02T09:00:00Z');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    opened = await openServerDb(database.url);
    await addCenter(opened.db, { code: 'SEL01', name: '서울고용센터', region: '11' }, clock);
    await addCenter(opened.db, { code: 'BUS01', name: '부산고용센터', region: '26' }, clock);
    const people: Array<[string, string, string]> = [
      ['guessed', 'counselor', 'SEL01'],
      ['known', 'counselor', 'SEL01'],
      ['lockme', 'counselor', 'SEL01'],
      ['gone', 'counselor', 'SEL01'],
      ['rotor', 'counselor', 'SEL01'],
      ['racer', 'counselor', 'SEL01'],
      ['coun1', 'counselor', 'SEL01'],
      ['coun2', 'counselor', 'SEL01'],
      ['sup1', 'supervisor', 'SEL01'],
      ['sup2', 'supervisor', 'SEL01'],
      ['adm1', 'admin', 'SEL01'],
      ['busan1', 'counselor', 'BUS01'],
      ['busadm', 'admin', 'BUS01'],
    ];
    for (const [loginId, role, centerCode] of people)
      ids[loginId] = await addUser(
        opened.db,
        { loginId, name: loginId, role, centerCode, password: PASSWORD },
        clock,
      );
    app = await buildServer({ db: opened.db, dialect: opened.dialect, now: () => clock });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    await opened.db.updateTable('users').set({ active: 0 }).where('login_id', '=', 'gone').execute();
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
    await database.drop();
  });

  async function post(path: string, body: unknown, token?: string) {
    const r = await fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: r.status, text: await r.text() };
  }
  async function me(token: string) {
    return (await fetch(`${base}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;
  }
  const login = (loginId: string, password = PASSWORD, deviceId: string = randomUUID()) =>
    post('/v1/auth/login', { loginId, password, deviceId, deviceName: '상담석 PC' });
  async function session(loginId: string, password = PASSWORD): Promise<Session> {
    const deviceId = randomUUID();
    const r = await login(loginId, password, deviceId);
    expect(r.status).toBe(200);
    return { ...(JSON.parse(r.text) as Omit<Session, 'deviceId'>), deviceId };
  }
  const refresh = (s: { refreshToken: string; deviceId: string }) =>
    post('/v1/auth/refresh', { refreshToken: s.refreshToken, deviceId: s.deviceId });
  const user = (loginId: string) =>
    opened.db.selectFrom('users').selectAll().where('login_id', '=', loginId).executeTakeFirstOrThrow();
  const auditOf = (loginId: string) =>
    opened.db
      .selectFrom('account_audit')
      .selectAll()
      .where('target_id', '=', ids[loginId] ?? '')
      .orderBy('at')
      .orderBy('id')
      .execute();

  it('counts twenty parallel wrong passwords as twenty, and then refuses the right one alike', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login('guessed', `Wrong-guess-${i}x`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(401));
    const row = await user('guessed');
    expect(row.failed_logins).toBe(20);
    expect(row.locked_until).toBe(new Date(clock.getTime() + 30 * 60_000).toISOString());
    const right = await login('guessed');
    expect(right).toEqual(answers[0]);
    // The right password during the lock did not count as a failure, nor open the lock.
    expect((await user('guessed')).failed_logins).toBe(20);
    expect(
      await opened.db
        .selectFrom('devices')
        .where('user_id', '=', ids['guessed'] ?? '')
        .selectAll()
        .execute(),
    ).toEqual([]);
  });

  it('answers an unknown id, a wrong password, a locked account and an inactive one identically', async () => {
    for (let i = 0; i < 5; i++) await login('lockme', 'Wrong-guess-1x');
    const answers = {
      unknown: await login('nobody-here', PASSWORD),
      wrong: await login('known', 'Wrong-guess-1x'),
      lockedRight: await login('lockme', PASSWORD),
      lockedWrong: await login('lockme', 'Wrong-guess-1x'),
      inactive: await login('gone', PASSWORD),
    };
    for (const a of Object.values(answers)) expect(a).toEqual(answers.unknown);
    expect(answers.unknown.status).toBe(401);
    expect(JSON.parse(answers.unknown.text)).toEqual({
      error: { code: 'unauthenticated', message: SIGN_IN_REFUSED },
    });
    // The sentence tells a locked user what happened and what to do, without saying it is the case.
    expect(SIGN_IN_REFUSED).toMatch(/locked/);
    expect(SIGN_IN_REFUSED).toMatch(/supervisor/);
  });

  it('revokes the whole family when a used refresh token is replayed, and only that family', async () => {
    const first = await session('rotor');
    const other = await session('rotor'); // the same account on another PC: another family
    const r1 = await refresh(first);
    expect(r1.status).toBe(200);
    const second = { ...(JSON.parse(r1.text) as Session), deviceId: first.deviceId };
    expect(await me(second.accessToken)).toBe(200);
    // The thief replays the first token: refused, and the device's own newer tokens stop too.
    const replay = await refresh(first);
    expect(replay.status).toBe(401);
    expect((await refresh(second)).status).toBe(401);
    expect(await me(second.accessToken)).toBe(401);
    expect(await me(first.accessToken)).toBe(401);
    // The other PC's session is untouched.
    expect(await me(other.accessToken)).toBe(200);
    expect((await refresh(other)).status).toBe(200);
    const audit = await auditOf('rotor');
    expect(audit.map((a) => a.action)).toEqual(['refresh-reuse']);
    expect(audit[0]).toMatchObject({ device_id: first.deviceId, center_code: 'SEL01' });
    // Signing in again works.
    expect((await login('rotor', PASSWORD, first.deviceId)).status).toBe(200);
  });

  it('lets exactly one of ten parallel refreshes of one token through', async () => {
    const s = await session('racer');
    const answers = await Promise.all(Array.from({ length: 10 }, () => refresh(s)));
    const ok = answers.filter((a) => a.status === 200);
    expect(ok).toHaveLength(1);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(9);
    // Nine replays of a used token: the family is ended (the device signs in again).
    const family = JSON.parse(ok[0]?.text ?? '{}') as Session;
    expect(await me(family.accessToken)).toBe(401);
    const tokens = await opened.db
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('user_id', '=', ids['racer'] ?? '')
      .execute();
    expect(tokens).toHaveLength(2);
    expect(tokens.every((t) => t.revoked_at !== null)).toBe(true);
  });

  it('lets a counselor unlock, reset, deactivate or re-role nobody, themselves included', async () => {
    const c = await session('coun1');
    const before = await opened.db.selectFrom('users').selectAll().orderBy('id').execute();
    for (const target of ['coun2', 'coun1', 'sup1', 'busan1'])
      for (const [action, body] of [
        ['unlock', {}],
        ['reset-password', { password: NEW_PASSWORD }],
        ['deactivate', {}],
        ['reactivate', {}],
        ['role', { role: 'admin' }],
      ] as const) {
        const r = await post(`/v1/users/${ids[target]}/${action}`, body, c.accessToken);
        expect(r.status).toBe(403);
      }
    expect(await opened.db.selectFrom('users').selectAll().orderBy('id').execute()).toEqual(before);
    expect(
      await opened.db.selectFrom('account_audit').selectAll().where('actor_id', '=', c.user.id).execute(),
    ).toEqual([]);
  });

  it("keeps a supervisor to their own center's counselors, and roles to admins", async () => {
    const s = await session('sup1');
    const before = await opened.db.selectFrom('users').selectAll().orderBy('id').execute();
    const refusals: Array<[string, string, unknown, number]> = [
      ['busan1', 'unlock', {}, 404], // another center answers like an unknown account
      ['busan1', 'reset-password', { password: NEW_PASSWORD }, 404],
      ['busan1', 'deactivate', {}, 404],
      ['coun2', 'role', { role: 'supervisor' }, 403],
      ['sup2', 'reset-password', { password: NEW_PASSWORD }, 403],
      ['adm1', 'deactivate', {}, 403],
      ['sup1', 'role', { role: 'admin' }, 403],
      ['sup1', 'reset-password', { password: NEW_PASSWORD }, 403],
    ];
    for (const [target, action, body, status] of refusals) {
      const r = await post(`/v1/users/${ids[target]}/${action}`, body, s.accessToken);
      expect([target, action, r.status]).toEqual([target, action, status]);
    }
    const unknown = await post(`/v1/users/${randomUUID()}/unlock`, {}, s.accessToken);
    const otherCenter = await post(`/v1/users/${ids['busan1']}/unlock`, {}, s.accessToken);
    expect(otherCenter).toEqual(unknown);
    // A weak password and a forged body field change nothing either.
    expect(
      (await post(`/v1/users/${ids['coun2']}/reset-password`, { password: 'short' }, s.accessToken)).status,
    ).toBe(400);
    expect((await post(`/v1/users/${ids['coun2']}/unlock`, { role: 'admin' }, s.accessToken)).status).toBe(
      400,
    );
    expect(await opened.db.selectFrom('users').selectAll().orderBy('id').execute()).toEqual(before);
    expect(
      await opened.db.selectFrom('account_audit').selectAll().where('actor_id', '=', s.user.id).execute(),
    ).toEqual([]);
  });

  it('lets a supervisor unlock and reset a counselor: audited, old sessions end at once', async () => {
    const victim = await session('coun2');
    for (let i = 0; i < 5; i++) await login('coun2', 'Wrong-guess-1x');
    expect((await login('coun2')).status).toBe(401);
    const s = await session('sup1');
    // The supervisor learns of the lock from the list of their center's counselors.
    const list = (await (
      await fetch(`${base}/v1/users`, { headers: { authorization: `Bearer ${s.accessToken}` } })
    ).json()) as { users: Array<{ loginId: string; role: string; lockedUntil: string | null }> };
    expect(list.users.find((u) => u.loginId === 'coun2')?.lockedUntil).toBe(
      new Date(clock.getTime() + 30 * 60_000).toISOString(),
    );
    expect(list.users.find((u) => u.loginId === 'coun1')?.lockedUntil).toBeNull();
    expect(new Set(list.users.map((u) => u.role))).toEqual(new Set(['counselor']));
    expect(list.users.map((u) => u.loginId)).not.toContain('busan1');
    expect(JSON.stringify(list)).not.toMatch(/argon2|password/);
    expect(
      (await fetch(`${base}/v1/users`, { headers: { authorization: `Bearer ${victim.accessToken}` } }))
        .status,
    ).toBe(403);
    expect((await post(`/v1/users/${ids['coun2']}/unlock`, {}, s.accessToken)).status).toBe(200);
    expect(await user('coun2')).toMatchObject({ failed_logins: 0, locked_until: null });
    expect(await me(victim.accessToken)).toBe(200); // unlocking ends no session
    const reset = await post(
      `/v1/users/${ids['coun2']}/reset-password`,
      { password: NEW_PASSWORD },
      s.accessToken,
    );
    expect(reset.status).toBe(200);
    expect(await me(victim.accessToken)).toBe(401);
    expect((await refresh(victim)).status).toBe(401);
    expect((await login('coun2', PASSWORD)).status).toBe(401);
    expect((await login('coun2', NEW_PASSWORD)).status).toBe(200);
    const audit = await auditOf('coun2');
    expect(audit.map((a) => [a.action, a.actor_id, a.actor_label, a.device_id, a.center_code])).toEqual([
      ['unlock', s.user.id, 'sup1', s.deviceId, 'SEL01'],
      ['reset-password', s.user.id, 'sup1', s.deviceId, 'SEL01'],
    ]);
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it('lets an admin change roles and deactivate in their center only; reactivation lets them back', async () => {
    const a = await session('adm1');
    const bus = await session('busadm');
    const target = await session('coun1');
    expect(
      (await post(`/v1/users/${ids['coun1']}/role`, { role: 'supervisor' }, bus.accessToken)).status,
    ).toBe(404);
    expect((await post(`/v1/users/${ids['coun1']}/role`, { role: 'root' }, a.accessToken)).status).toBe(400);
    expect((await user('coun1')).role).toBe('counselor');
    expect((await post(`/v1/users/${ids['coun1']}/role`, { role: 'supervisor' }, a.accessToken)).status).toBe(
      200,
    );
    expect((await user('coun1')).role).toBe('supervisor');
    expect(await me(target.accessToken)).toBe(200);
    expect((await post(`/v1/users/${ids['coun1']}/deactivate`, {}, a.accessToken)).status).toBe(200);
    expect(await me(target.accessToken)).toBe(401);
    expect((await login('coun1')).status).toBe(401);
    expect((await post(`/v1/users/${ids['coun1']}/reactivate`, {}, a.accessToken)).status).toBe(200);
    expect((await refresh(target)).status).toBe(401); // the old session stays ended
    expect((await login('coun1')).status).toBe(200);
    const audit = await auditOf('coun1');
    expect(audit.map((x) => [x.action, x.actor_label, x.detail])).toEqual([
      ['role', 'adm1', JSON.stringify({ from: 'counselor', to: 'supervisor' })],
      ['deactivate', 'adm1', null],
      ['reactivate', 'adm1', null],
    ]);
  });
});
