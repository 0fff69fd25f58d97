import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import { deskChannelNames } from '../../../../shared/contract/index.ts';
import { dispatcherFor, makeTestStore, sessionHolder, type TestStore } from '../../../support/temp-store.ts';

let t: TestStore;
let counselor: SessionInfo;
beforeEach(async () => {
  t = await makeTestStore();
  counselor = await t.signIn('counselor1');
});
afterEach(() => t.cleanup());

const jobseeker = { name: '윤서준', birthYear: 1988, sido: '11', phone: '010-7777-8888' };

describe('the dispatcher', () => {
  it('names the failing field of a malformed input and writes nothing', async () => {
    const { dispatch, desk } = dispatcherFor(t.store);
    const result = await dispatch(desk(counselor), 'jobseekers:create', {
      fields: { ...jobseeker, birthYear: 'nineteen' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'fields.birthYear' } });
    expect(await t.store.db.selectFrom('jobseekers').selectAll().execute()).toEqual([]);
    // The only outbox entry is the sign-in's audit entry (audit entries sync): nothing from the refused call.
    const outbox = await t.store.db.selectFrom('outbox').select('table_name').execute();
    expect(outbox.map((o) => o.table_name)).toEqual(['audit_entries']);
  });

  it('lists every failing field at once', async () => {
    const { dispatch, desk } = dispatcherFor(t.store);
    const result = await dispatch(desk(counselor), 'jobseekers:create', {
      fields: { name: '', birthYear: 1, sido: 'x' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.issues?.map((i) => i.field).sort()).toEqual([
        'fields.birthYear',
        'fields.name',
        'fields.sido',
      ]);
  });

  it('refuses unknown channels and non-object junk without calling anything', async () => {
    const { dispatch, desk } = dispatcherFor(t.store);
    expect(await dispatch(desk(counselor), 'jobseekers:drop', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch(desk(counselor), { toString: 1 }, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch(desk(counselor), 'jobseekers:list', 'DROP TABLE')).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('refuses every case channel without a session', async () => {
    const { dispatch, desk } = dispatcherFor(t.store);
    for (const name of deskChannelNames.filter((n) => n.startsWith('jobseekers:'))) {
      expect(await dispatch(desk(null), name, {}), name).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated' },
      });
    }
  });

  it('refuses case channels to the admin role (admins manage accounts, not cases)', async () => {
    const { dispatch, desk } = dispatcherFor(t.store);
    const admin = await t.signIn('admin');
    expect(await dispatch(desk(admin), 'jobseekers:list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses every desk channel from the kiosk surface, even with a session', async () => {
    const { dispatch } = dispatcherFor(t.store);
    for (const name of deskChannelNames) {
      const result = await dispatch({ surface: 'kiosk', session: sessionHolder(counselor) }, name, {});
      expect(result, name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(
      await dispatch({ surface: 'kiosk', session: sessionHolder(null) }, 'kiosk:welcome', {}),
    ).toMatchObject({
      ok: true,
      value: { centerName: '테스트고용센터' },
    });
  });

  it('refuses kiosk channels from the desk surface', async () => {
    const { dispatch, desk } = dispatcherFor(t.store);
    expect(await dispatch(desk(counselor), 'kiosk:welcome', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('signs in and out through the contract', async () => {
    const { dispatch } = dispatcherFor(t.store);
    const caller = { surface: 'desk' as const, session: sessionHolder(null) };
    expect(
      await dispatch(caller, 'auth:login', { loginId: 'counselor1', password: 'wrong-password-1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: 'auth.wrongCredentials' },
    });
    expect(caller.session.get()).toBeNull();
    expect(
      await dispatch(caller, 'auth:login', { loginId: 'counselor1', password: 'Test-pass-2026' }),
    ).toMatchObject({ ok: true });
    expect(await dispatch(caller, 'jobseekers:list', {})).toMatchObject({ ok: true, value: { total: 0 } });
    await dispatch(caller, 'auth:logout', {});
    expect(await dispatch(caller, 'jobseekers:list', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });

  it('turns an unexpected failure into data and logs no input', async () => {
    const { dispatch, desk, errors } = dispatcherFor(t.store);
    await t.store.close(); // the store disappears under a running app
    const result = await dispatch(desk(counselor), 'jobseekers:create', { fields: jobseeker });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: 'errors.internal' } });
    expect(JSON.stringify(errors)).not.toContain('윤서준');
    t = { ...t, cleanup: () => Promise.resolve() };
  });
});
