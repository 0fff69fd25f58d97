import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from '../../../../electron/services/accounts.ts';
import { login, LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../../../../electron/services/auth.ts';
import { makeTestStore, TEST_PASSWORD, type TestStore } from '../../../support/temp-store.ts';

let t: TestStore;
let clock = new Date('2026-11-02T09:00:00Z');
beforeEach(async () => {
  t = await makeTestStore();
  clock = new Date('2026-11-02T09:00:00Z');
  t.store.context.now = () => clock;
});
afterEach(() => t.cleanup());

describe('local sign-in', () => {
  it('signs in with the right password and audits it', async () => {
    const session = await login(t.store.context, 'counselor1', TEST_PASSWORD);
    expect(session).toMatchObject({
      loginId: 'counselor1',
      role: 'counselor',
      centerCode: 'T01',
      centerName: '테스트고용센터',
    });
    const audit = await t.store.db
      .selectFrom('audit_entries')
      .select('action')
      .where('actor_id', '=', session.userId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['auth.login']);
  });

  it('gives the same answer for an unknown login and a wrong password', async () => {
    const unknown = await login(t.store.context, 'nobody', TEST_PASSWORD).catch((e: unknown) => e);
    const wrong = await login(t.store.context, 'counselor1', 'Wrong-pass-1').catch((e: unknown) => e);
    expect(unknown).toMatchObject({ error: { code: 'unauthenticated', message: 'auth.wrongCredentials' } });
    expect(wrong).toMatchObject({ error: { code: 'unauthenticated', message: 'auth.wrongCredentials' } });
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} failures, refusing even the right password, for ${LOCKOUT_MINUTES} minutes`, async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
      await expect(login(t.store.context, 'counselor1', 'Wrong-pass-1')).rejects.toMatchObject({
        error: { message: 'auth.wrongCredentials' },
      });
    }
    await expect(login(t.store.context, 'counselor1', 'Wrong-pass-1')).rejects.toMatchObject({
      error: { message: 'auth.locked' },
    });
    await expect(login(t.store.context, 'counselor1', TEST_PASSWORD)).rejects.toMatchObject({
      error: { message: 'auth.locked' },
    });
    clock = new Date(clock.getTime() + (LOCKOUT_MINUTES + 1) * 60_000);
    await expect(login(t.store.context, 'counselor1', TEST_PASSWORD)).resolves.toMatchObject({
      loginId: 'counselor1',
    });
  });

  it('refuses weak passwords when an account is made', async () => {
    await expect(
      createAccount(t.store.context, {
        loginId: 'kim01',
        displayName: '김',
        role: 'counselor',
        centerCode: 'T01',
        password: 'short1',
      }),
    ).rejects.toMatchObject({ error: { code: 'validation', field: 'password' } });
    await expect(
      createAccount(t.store.context, {
        loginId: 'kim01',
        displayName: '김',
        role: 'counselor',
        centerCode: 'T01',
        password: 'kim01-and-more',
      }),
    ).rejects.toMatchObject({ error: { code: 'validation' } });
    await expect(
      createAccount(t.store.context, {
        loginId: 'kim01',
        displayName: '김',
        role: 'counselor',
        centerCode: 'T01',
        password: 'qwerty1234',
      }),
    ).rejects.toMatchObject({ error: { code: 'validation' } });
  });

  it('stores only an argon2id hash', async () => {
    const row = await t.store.db
      .selectFrom('users')
      .select('password_hash')
      .where('login_id', '=', 'counselor1')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });
});
