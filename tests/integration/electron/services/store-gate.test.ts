import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Caller } from '../../../../electron/main/dispatcher.ts';
import { handlers } from '../../../../electron/services/handlers/index.ts';
import {
  KEYRING_FILE,
  NO_OS_KEYRING,
  readKeyring,
  unwrapForUser,
} from '../../../../electron/services/keyring.ts';
import { StoreGate } from '../../../../electron/services/store-gate.ts';
import { STORE_FILE } from '../../../../electron/services/store.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { ChannelName } from '../../../../shared/contract/index.ts';
import { jobseekerFieldsSchema } from '../../../../shared/domain/jobseeker.ts';
import { sessionHolder, tempDir } from '../../../support/temp-store.ts';

// The encrypted store end to end through the dispatcher, as the app and the test host use it: setup,
// sign-in unlocking the key, wrong passwords and lockout before the store opens, the raw bytes, the
// kiosk's device key, and the idle lock enforced in main.

const ADMIN_PASSWORD = 'Setup-pass-2026';
const SETUP = {
  centerCode: 'S01',
  centerName: '비밀고용센터',
  sido: '11',
  loginId: 'itadmin',
  displayName: '관리자 한명',
  password: ADMIN_PASSWORD,
};
const PERSON = { name: '탁문희', birthYear: 1979, sido: '11', phone: '010-4826-1357' };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function harness(dir: string, start = Date.parse('2026-11-02T09:00:00Z')) {
  let clock = start;
  const gate = new StoreGate({ dataDir: dir, protector: NO_OS_KEYRING, now: () => new Date(clock) });
  const errors: unknown[] = [];
  const dispatch = createDispatcher(handlers, gate, { error: (e) => errors.push(e) }, () => clock);
  const desk: Caller = { surface: 'desk', session: sessionHolder() };
  const kiosk: Caller = { surface: 'kiosk', session: sessionHolder() };
  cleanups.push(() => gate.close());
  return {
    gate,
    desk,
    kiosk,
    errors,
    advance: (ms: number) => (clock += ms),
    call: (caller: Caller, channel: ChannelName, input: unknown = {}) => dispatch(caller, channel, input),
  };
}

function newDir(): string {
  const { dir, remove } = tempDir('caseworker-gate-');
  cleanups.push(remove);
  return dir;
}

async function setUp(dir: string) {
  const h = harness(dir);
  const done = await h.call(h.desk, 'auth:setup', SETUP);
  expect(done).toMatchObject({ ok: true, value: { loginId: 'itadmin', role: 'admin', centerCode: 'S01' } });
  return h;
}

describe('first-run setup', () => {
  it('asks for setup, refuses a weak password without creating anything, then creates the admin', async () => {
    const dir = newDir();
    const h = harness(dir);
    expect(await h.call(h.desk, 'app:info')).toMatchObject({
      ok: true,
      value: { needsSetup: true, storeLocked: true, serverConfigured: false, centerName: null },
    });
    const weak = await h.call(h.desk, 'auth:setup', { ...SETUP, password: 'password' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'validation', field: 'password' } });
    expect(existsSync(join(dir, STORE_FILE))).toBe(false);

    await h.call(h.desk, 'auth:setup', SETUP);
    expect(h.desk.session.get()).toMatchObject({ loginId: 'itadmin', role: 'admin' });
    expect(await h.call(h.desk, 'app:info')).toMatchObject({
      ok: true,
      value: { needsSetup: false, storeLocked: false, centerName: '비밀고용센터' },
    });
    // Setup happens once.
    const again = await h.call(h.desk, 'auth:setup', { ...SETUP, loginId: 'another' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: 'setup.alreadyDone' } });
    expect(statSync(join(dir, KEYRING_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, STORE_FILE)).mode & 0o777).toBe(0o600);
  });
});

describe('the encrypted store', () => {
  it('holds no readable personal data in its files, and the keyring holds no usable key', async () => {
    const dir = newDir();
    const h = await setUp(dir);
    // The admin has no case data; a supervisor would, but the store is the same file either way, so
    // write through the services directly.
    const services = h.gate.current();
    if (!services) throw new Error('store not open');
    const { createJobseeker } = await import('../../../../electron/services/jobseekers.ts');
    const session = h.desk.session.get() as SessionInfo;
    await createJobseeker(
      services,
      { ...session, role: 'counselor' },
      jobseekerFieldsSchema.parse(PERSON),
      true,
    );
    await h.gate.close();

    const bytes = Buffer.concat(
      ['', '-wal']
        .filter((s) => existsSync(join(dir, STORE_FILE + s)))
        .map((s) => readFileSync(join(dir, STORE_FILE + s))),
    );
    expect(bytes.length).toBeGreaterThan(4096);
    for (const secret of [
      PERSON.name,
      PERSON.phone,
      PERSON.phone.replace(/-/g, ''),
      SETUP.centerName,
      'SQLite format 3',
    ]) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
    const keyringText = readFileSync(join(dir, KEYRING_FILE), 'utf8');
    const keyring = readKeyring(dir);
    const entry = keyring?.users['itadmin'];
    if (!entry) throw new Error('no keyring entry for the admin');
    const key = await unwrapForUser(entry, 'itadmin', ADMIN_PASSWORD);
    expect(key?.length).toBe(32);
    expect(keyringText).not.toContain(key?.toString('base64'));
    expect(keyringText).not.toContain(key?.toString('hex'));
    expect(await unwrapForUser(entry, 'itadmin', 'Wrong-pass-2026')).toBeNull();
    // The wrapped copy is bound to its login id: copied under another name it does not open.
    expect(await unwrapForUser(entry, 'someoneelse', ADMIN_PASSWORD)).toBeNull();
  });

  it('stays shut until a sign-in, refuses wrong passwords without opening, and locks after five', async () => {
    const dir = newDir();
    await (await setUp(dir)).gate.close();

    const h = harness(dir);
    expect(await h.call(h.desk, 'app:info')).toMatchObject({
      ok: true,
      value: { storeLocked: true, needsSetup: false },
    });
    expect(await h.call(h.desk, 'jobseekers:list', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: 'auth.required' },
    });
    const wrong = await h.call(h.desk, 'auth:login', { loginId: 'itadmin', password: 'Wrong-pass-1' });
    expect(wrong).toMatchObject({ ok: false, error: { message: 'auth.wrongCredentials' } });
    expect(h.gate.state()).toBe('locked');
    const unknown = await h.call(h.desk, 'auth:login', { loginId: 'nobody', password: ADMIN_PASSWORD });
    expect(unknown).toMatchObject({ ok: false, error: { message: 'auth.wrongCredentials' } });

    for (let i = 0; i < 3; i++)
      await h.call(h.desk, 'auth:login', { loginId: 'itadmin', password: 'Wrong-pass-1' });
    const fifth = await h.call(h.desk, 'auth:login', { loginId: 'itadmin', password: 'Wrong-pass-1' });
    expect(fifth).toMatchObject({ ok: false, error: { message: 'auth.locked' } });
    const sixth = await h.call(h.desk, 'auth:login', SETUP_LOGIN);
    expect(sixth).toMatchObject({ ok: false, error: { message: 'auth.locked' } });
    expect(h.gate.state()).toBe('locked');

    h.advance(31 * 60_000);
    const later = await h.call(h.desk, 'auth:login', SETUP_LOGIN);
    expect(later).toMatchObject({ ok: true, value: { loginId: 'itadmin' } });
    expect(h.gate.state()).toBe('open');
    expect(readKeyring(dir)?.users['itadmin']).toMatchObject({ failedUnlocks: 0, lockedUntil: null });
  });

  it('opens a kiosk PC with the device key an admin sealed, and not once it is removed', async () => {
    const dir = newDir();
    const h = await setUp(dir);
    expect(await h.call(h.desk, 'settings:saveDevice', { kioskMode: true })).toMatchObject({
      ok: true,
      value: { kioskMode: true, deviceKey: 'plain' },
    });
    await h.gate.close();

    const lobby = harness(dir);
    expect(await lobby.call(lobby.kiosk, 'kiosk:welcome')).toMatchObject({ ok: true });
    // The kiosk's open store does not sign anyone in on the desk.
    expect(await lobby.call(lobby.desk, 'jobseekers:list', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    await lobby.call(lobby.desk, 'auth:login', SETUP_LOGIN);
    await lobby.call(lobby.desk, 'settings:saveDevice', { kioskMode: false });
    await lobby.gate.close();

    const after = harness(dir);
    expect(await after.call(after.kiosk, 'kiosk:welcome')).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: 'kiosk.notSetUp' },
    });
  });
});

const SETUP_LOGIN = { loginId: 'itadmin', password: ADMIN_PASSWORD };

describe('the first download’s thread', () => {
  it('writes with the open store’s key, and is stopped before the store closes', async () => {
    const dir = newDir();
    const h = await setUp(dir);
    const line = (i: number) =>
      JSON.stringify({
        t: 'meta_probe',
        i: `row-${i}`,
        s: i,
        d: { id: `row-${i}` },
      });
    // A table this version does not know is kept aside in meta (sync.md § Versions): enough to see
    // the thread write through the gate's key.
    const writer = h.gate.snapshotWriter();
    await expect(writer.write('center:S01', [line(1), line(2)])).resolves.toMatchObject({ applied: 2 });
    const queued = Array.from({ length: 50 }, (_, k) =>
      writer.write('center:S01', [line(10 + k)]).then(
        () => 'written',
        () => 'stopped',
      ),
    );
    await h.gate.close();
    // Every write given settled (written, or stopped if the thread had not reached it), and the thread
    // is gone: left running, it would still write with its own connection after the store closed.
    for (const outcome of await Promise.all(queued)) expect(['written', 'stopped']).toContain(outcome);
    await expect(writer.write('center:S01', [line(99)])).rejects.toThrow(/ended/);
    expect(() => h.gate.snapshotWriter()).toThrow(/not open/);
  });
});

describe('the idle lock in main', () => {
  it('locks an idle session, refuses data calls until the password is given again', async () => {
    const dir = newDir();
    const h = await setUp(dir);
    const minute = 60_000;
    expect(await h.call(h.desk, 'settings:getDevice')).toMatchObject({
      ok: true,
      value: { idleLockMinutes: 15 },
    });
    h.advance(10 * minute);
    // A poll the screen makes by itself is not activity.
    expect(await h.call(h.desk, 'sync:status')).toMatchObject({ ok: true });
    h.advance(6 * minute);
    expect(await h.call(h.desk, 'settings:getDevice')).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: 'auth.sessionLocked' },
    });
    expect(await h.call(h.desk, 'auth:session')).toMatchObject({ ok: true, value: { locked: true } });
    expect(await h.call(h.desk, 'auth:unlock', { password: 'Wrong-pass-1' })).toMatchObject({
      ok: false,
      error: { message: 'auth.wrongCredentials' },
    });
    expect(await h.call(h.desk, 'auth:unlock', { password: ADMIN_PASSWORD })).toMatchObject({
      ok: true,
      value: { locked: false },
    });
    expect(await h.call(h.desk, 'settings:getDevice')).toMatchObject({ ok: true });
    // Activity keeps it open; the setting changes the limit.
    await h.call(h.desk, 'settings:saveDevice', { kioskMode: false, idleLockMinutes: 5 });
    h.advance(4 * minute);
    expect(await h.call(h.desk, 'auth:activity')).toMatchObject({ ok: true });
    h.advance(4 * minute);
    expect(await h.call(h.desk, 'settings:getDevice')).toMatchObject({
      ok: true,
      value: { idleLockMinutes: 5 },
    });
    h.advance(6 * minute);
    expect(await h.call(h.desk, 'settings:getDevice')).toMatchObject({
      ok: false,
      error: { message: 'auth.sessionLocked' },
    });
    expect(
      await h.call(h.desk, 'settings:saveDevice', { kioskMode: false, idleLockMinutes: 0 }),
    ).toMatchObject({
      ok: false,
    });
  });

  it('locks on request and audits it', async () => {
    const dir = newDir();
    const h = await setUp(dir);
    expect(await h.call(h.desk, 'auth:lock')).toMatchObject({ ok: true, value: { locked: true } });
    expect(await h.call(h.desk, 'settings:getDevice')).toMatchObject({
      ok: false,
      error: { message: 'auth.sessionLocked' },
    });
    const services = h.gate.current();
    const actions = await services?.db.selectFrom('audit_entries').select('action').execute();
    expect(actions?.map((a) => a.action)).toContain('auth.session.locked');
  });
});
