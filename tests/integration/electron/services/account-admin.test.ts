import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Caller } from '../../../../electron/main/dispatcher.ts';
import { handlers } from '../../../../electron/services/handlers/index.ts';
import { NO_OS_KEYRING, readKeyring } from '../../../../electron/services/keyring.ts';
import { StoreGate } from '../../../../electron/services/store-gate.ts';
import type { AccountView } from '../../../../shared/contract/accounts.ts';
import type { ChannelName } from '../../../../shared/contract/index.ts';
import { sessionHolder, tempDir } from '../../../support/temp-store.ts';

// An admin's account work through the encrypted store's gate: a new account can open the store with its
// own password, role changes are audited under `account.`, a deactivated account loses its key copy.

const ADMIN = { loginId: 'itadmin', password: 'Setup-pass-2026' };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function open(dir: string) {
  const gate = new StoreGate({ dataDir: dir, protector: NO_OS_KEYRING });
  cleanups.push(() => gate.close());
  const dispatch = createDispatcher(handlers, gate, { error: () => undefined });
  const desk = (): Caller => ({ surface: 'desk', session: sessionHolder() });
  return { gate, dispatch, desk };
}

async function value<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('account administration', () => {
  it('creates, changes, deactivates and resets accounts, each audited, with key copies kept in step', async () => {
    const { dir, remove } = tempDir('caseworker-accounts-');
    cleanups.push(remove);
    const first = open(dir);
    const admin = first.desk();
    const call = (c: Caller, ch: ChannelName, input: unknown = {}) => first.dispatch(c, ch, input);
    await value(
      call(admin, 'auth:setup', {
        centerCode: 'A01',
        centerName: '계정센터',
        sido: '11',
        loginId: ADMIN.loginId,
        displayName: '관리자',
        password: ADMIN.password,
      }),
    );

    const weak = await call(admin, 'accounts:create', {
      loginId: 'kim01',
      displayName: '김상담',
      role: 'counselor',
      password: 'kim01pass',
    });
    expect(weak).toMatchObject({ ok: false, error: { code: 'validation', field: 'password' } });
    const kim = await value<AccountView>(
      call(admin, 'accounts:create', {
        loginId: 'kim01',
        displayName: '김상담',
        role: 'counselor',
        password: 'Kim-pass-2026',
      }),
    );
    expect(kim).toMatchObject({ loginId: 'kim01', role: 'counselor', centerCode: 'A01', active: true });
    expect(readKeyring(dir)?.users['kim01']).toBeDefined();

    // A counselor can't reach account administration, whatever the screen shows.
    const counselor = first.desk();
    await value(call(counselor, 'auth:login', { loginId: 'kim01', password: 'Kim-pass-2026' }));
    expect(
      await call(counselor, 'accounts:create', {
        loginId: 'x01',
        displayName: 'x',
        role: 'admin',
        password: 'Xx-pass-2026',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    expect(
      await value<AccountView>(call(admin, 'accounts:update', { id: kim.id, role: 'supervisor' })),
    ).toMatchObject({
      role: 'supervisor',
    });
    // The admin cannot demote themselves.
    const me = (await value<{ accounts: AccountView[] }>(call(admin, 'accounts:list'))).accounts.find(
      (a) => a.loginId === ADMIN.loginId,
    );
    expect(await call(admin, 'accounts:update', { id: me?.id, role: 'counselor' })).toMatchObject({
      ok: false,
      error: { message: 'accounts.notYourself' },
    });
    await first.gate.close();

    // After a restart the new account opens the store with its own password.
    const second = open(dir);
    const kimDesk = second.desk();
    expect(
      await value(second.dispatch(kimDesk, 'auth:login', { loginId: 'kim01', password: 'Kim-pass-2026' })),
    ).toMatchObject({
      role: 'supervisor',
    });
    await second.gate.close();

    const third = open(dir);
    const admin3 = third.desk();
    await value(third.dispatch(admin3, 'auth:login', ADMIN));
    await value(third.dispatch(admin3, 'accounts:resetPassword', { id: kim.id, password: 'Kim-new-2026!' }));
    await value(third.dispatch(admin3, 'accounts:update', { id: kim.id, active: false }));
    expect(readKeyring(dir)?.users['kim01']).toBeUndefined();
    const actions = await third.gate
      .current()
      ?.db.selectFrom('audit_entries')
      .select(['action', 'subject_id'])
      .where('action', 'like', 'account.%')
      .orderBy('seq')
      .execute();
    expect(actions?.map((a) => a.action)).toEqual([
      'account.create', // the first admin, at setup
      'account.create',
      'account.role',
      'account.password-reset',
      'account.deactivate',
    ]);
    await third.gate.close();

    const fourth = open(dir);
    expect(
      await fourth.dispatch(fourth.desk(), 'auth:login', { loginId: 'kim01', password: 'Kim-new-2026!' }),
    ).toMatchObject({ ok: false, error: { message: 'auth.wrongCredentials' } });
  });
});
