import { afterAll, describe, expect, it } from 'vitest';
import { openServerDb } from '../../../../db/server/connection.ts';
import { openDesktopStore } from '../../../../electron/services/store.ts';
import { startDesktopSync } from '../../../../electron/services/sync/start.ts';
import { addCenter, addUser } from '../../../../server/admin.ts';
import { buildServer } from '../../../../server/app.ts';
import { freshDatabase } from '../../../support/server-db.ts';
import { tempDir } from '../../../support/temp-dir.ts';
import { dispatcherFor } from '../../../support/temp-store.ts';
import { TEST_STORE_KEY } from '../../../support/store-key.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('signing in on a desktop that has a server', () => {
  it('signs in online on a new desktop, then offline against the local verifier, and reports sync status', async () => {
    const database = await freshDatabase('sqlite');
    cleanups.push(database.drop);
    const opened = await openServerDb(database.url);
    await addCenter(opened.db, { code: 'SEL01', name: '서울고용센터', region: '11' }, new Date());
    await addUser(
      opened.db,
      {
        loginId: 'kim01',
        name: '김상담',
        role: 'counselor',
        centerCode: 'SEL01',
        password: 'Online-pass-2026',
      },
      new Date(),
    );
    const server = await buildServer({ db: opened.db, dialect: opened.dialect });
    const url = await server.listen({ port: 0, host: '127.0.0.1' });

    const t = tempDir('caseworker-desk-');
    cleanups.push(t.remove);
    const store = await openDesktopStore(t.dir, { key: TEST_STORE_KEY });
    cleanups.push(() => store.close());
    const sync = startDesktopSync(store, url);
    cleanups.push(() => sync.scheduler.stop());
    const { dispatch } = dispatcherFor(store);
    let session: unknown = null;
    const caller = {
      surface: 'desk' as const,
      session: { get: () => session as never, set: (s: unknown) => void (session = s) },
    };

    expect(
      await dispatch(caller, 'auth:login', { loginId: 'kim01', password: 'Wrong-pass-2026' }),
    ).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(
      await dispatch(caller, 'auth:login', { loginId: 'kim01', password: 'Online-pass-2026' }),
    ).toMatchObject({
      ok: true,
      value: { loginId: 'kim01', centerName: '서울고용센터', role: 'counselor' },
    });
    const status = await dispatch(caller, 'sync:status', {});
    expect(status).toMatchObject({ ok: true, value: { configured: true, pending: 0, refused: [] } });

    await server.close();
    await opened.close();
    session = null;
    expect(
      await dispatch(caller, 'auth:login', { loginId: 'kim01', password: 'Online-pass-2026' }),
    ).toMatchObject({ ok: true, value: { loginId: 'kim01' } });
    expect(
      await dispatch(caller, 'auth:login', { loginId: 'kim01', password: 'Wrong-pass-2026' }),
    ).toMatchObject({ ok: false });
  });
});
