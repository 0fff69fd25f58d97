import { TEST_STORE_KEY } from './store-key.ts';
import { tempDir } from './temp-dir.ts';
import { openFreshDesktopStore } from './store-template.ts';
import { createDispatcher, type Caller, type SessionHolder } from '../../electron/main/dispatcher.ts';
import { createAccount, ensureCenter } from '../../electron/services/accounts.ts';
import { login } from '../../electron/services/auth.ts';
import { handlers } from '../../electron/services/handlers/index.ts';
import type { DesktopStore } from '../../electron/services/store.ts';
import type { Role } from '../../shared/contract/channel.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';

// Real stores in temporary folders for integration tests: no mocks of the database or the services.

export const TEST_PASSWORD = 'Test-pass-2026';

export { tempDir, TEST_STORE_KEY };

export interface TestStore {
  store: DesktopStore;
  dir: string;
  signIn: (loginId: string) => Promise<SessionInfo>;
  cleanup: () => Promise<void>;
}

/** A store with center T01 and one account of each role (counselor1, counselor2, supervisor1, admin). */
export async function makeTestStore(): Promise<TestStore> {
  const { dir, remove } = tempDir();
  const store = await openFreshDesktopStore(dir);
  await ensureCenter(store.context, { code: 'T01', name: '테스트고용센터', sido: '11', sigungu: '11680' });
  const accounts: Array<[string, Role]> = [
    ['counselor1', 'counselor'],
    ['counselor2', 'counselor'],
    ['supervisor1', 'supervisor'],
    ['admin', 'admin'],
  ];
  for (const [loginId, role] of accounts) {
    await createAccount(store.context, {
      loginId,
      displayName: `${loginId} 이름`,
      role,
      centerCode: 'T01',
      password: TEST_PASSWORD,
    });
  }
  return {
    store,
    dir,
    signIn: (loginId) => login(store.context, loginId, TEST_PASSWORD),
    cleanup: async () => {
      await store.close();
      remove();
    },
  };
}

export function sessionHolder(initial: SessionInfo | null = null): SessionHolder {
  let current = initial;
  return { get: () => current, set: (s) => (current = s) };
}

export function dispatcherFor(store: DesktopStore) {
  const errors: Array<Record<string, unknown>> = [];
  const dispatch = createDispatcher(handlers, store.context, { error: (obj) => errors.push(obj) });
  return {
    dispatch,
    errors,
    desk: (session: SessionInfo | null): Caller => ({ surface: 'desk', session: sessionHolder(session) }),
  };
}
