import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../../../../electron/services/auth.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import {
  dispatcherFor,
  makeTestStore,
  sessionHolder,
  TEST_PASSWORD,
  type TestStore,
} from '../../../support/temp-store.ts';

// Login lockout (domain.md §10), through the dispatcher the sign-in screen uses, on a fixed clock:
// five wrong passwords lock the account, so the sixth attempt is refused as locked even with the right
// password; the lock ends after 30 minutes, or at once when an admin unlocks the account.

const WRONG = 'Wrong-pass-2026';

let t: TestStore;
let clock: Date;
let signIn: (loginId: string, password: string) => Promise<Result<unknown>>;
let asAdmin: (channel: string, input: unknown) => Promise<Result<unknown>>;

beforeEach(async () => {
  t = await makeTestStore();
  clock = new Date('2026-11-02T00:30:00Z');
  t.store.context.now = () => clock;
  const { dispatch } = dispatcherFor(t.store);
  signIn = (loginId, password) =>
    dispatch({ surface: 'desk', session: sessionHolder(null) }, 'auth:login', { loginId, password });
  const admin: SessionInfo = await t.signIn('admin');
  asAdmin = (channel, input) => dispatch({ surface: 'desk', session: sessionHolder(admin) }, channel, input);
});
afterEach(() => t.cleanup());

const minutes = (n: number) => (clock = new Date(clock.getTime() + n * 60_000));

async function lockOut(loginId: string): Promise<void> {
  for (let attempt = 1; attempt <= MAX_FAILED_LOGINS; attempt++) {
    const message = attempt < MAX_FAILED_LOGINS ? 'auth.wrongCredentials' : 'auth.locked';
    expect(await signIn(loginId, WRONG), `attempt ${attempt}`).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message },
    });
  }
}

describe('login lockout', () => {
  it('locks after five wrong passwords: the sixth attempt is refused even with the right password', async () => {
    expect(MAX_FAILED_LOGINS).toBe(5);
    await lockOut('counselor1');
    expect(await signIn('counselor1', TEST_PASSWORD)).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: 'auth.locked' },
    });
    // Other accounts are not affected.
    expect(await signIn('counselor2', TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  it(`ends after ${LOCKOUT_MINUTES} minutes`, async () => {
    expect(LOCKOUT_MINUTES).toBe(30);
    await lockOut('counselor1');
    minutes(29);
    expect(await signIn('counselor1', TEST_PASSWORD)).toMatchObject({
      ok: false,
      error: { message: 'auth.locked' },
    });
    minutes(2);
    expect(await signIn('counselor1', TEST_PASSWORD)).toMatchObject({
      ok: true,
      value: { loginId: 'counselor1' },
    });
    // A fresh count after the lock: one wrong password does not lock again.
    expect(await signIn('counselor1', WRONG)).toMatchObject({ error: { message: 'auth.wrongCredentials' } });
  });

  it('ends at once when an admin unlocks the account, and the unlock is audited', async () => {
    await lockOut('counselor1');
    const user = await t.store.db
      .selectFrom('users')
      .select(['id', 'locked_until'])
      .where('login_id', '=', 'counselor1')
      .executeTakeFirstOrThrow();
    expect(user.locked_until).not.toBeNull();
    expect(await asAdmin('accounts:unlock', { id: user.id })).toMatchObject({ ok: true });
    expect(await signIn('counselor1', TEST_PASSWORD)).toMatchObject({ ok: true });
    const audit = await t.store.db
      .selectFrom('audit_entries')
      .select(['action', 'subject_id'])
      .where('subject_id', '=', user.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.login.failed', 'auth.login.locked', 'auth.login']),
    );
    expect(audit.some((a) => a.action.includes('unlock'))).toBe(true);
  });
});
