import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../../../../electron/services/store.ts';
import type { SessionInfo } from '../../../../../shared/contract/auth.ts';
import type { BackupInfo, BackupsView, RestoreResult } from '../../../../../shared/contract/backups.ts';
import {
  ADMIN,
  addPerson,
  backupPath,
  damagePages,
  harness,
  namesIn,
  newDir,
  PEOPLE,
  setUpStore,
  sha256,
  storeKey,
  type Harness,
} from './harness.ts';

// Backups made, listed, checked and restored through the channels the admin's page calls, on real
// encrypted files with real keys.

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function started(): Promise<Harness> {
  const h = harness(newDir(cleanups));
  cleanups.push(() => h.close());
  await setUpStore(h);
  return h;
}

async function value<T>(result: Promise<{ ok: boolean }>): Promise<T> {
  const r = await result;
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return (r as { ok: true; value: T }).value;
}

async function auditActions(h: Harness): Promise<Array<{ action: string; detail: string | null }>> {
  const services = h.gate.current();
  if (!services) throw new Error('store not open');
  return services.db.selectFrom('audit_entries').select(['action', 'detail']).orderBy('at').execute();
}

describe('making a backup', () => {
  it('writes an owner-only, encrypted, complete copy that opens with the key and not without', async () => {
    const h = await started();
    const made = await value<BackupInfo>(h.call('backups:make'));
    expect(made).toMatchObject({ status: 'ok', kind: 'manual' });
    expect(made.name).toMatch(/^caseworker-20261102T090000000Z\.backup$/);

    const file = backupPath(h.dir, made.name);
    expect(statSync(join(h.dir, 'backups')).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(made.bytes).toBe(statSync(file).size);
    // Nothing half-written is left, and the check note is all that sits beside it.
    expect(readdirSync(join(h.dir, 'backups')).sort()).toEqual([made.name, `${made.name}.check.json`]);

    const bytes = readFileSync(file);
    for (const secret of [
      ...PEOPLE.flatMap((p) => [p.name, p.phone, p.phone.replace(/-/g, '')]),
      '백업고용센터',
      'SQLite format 3',
    ]) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
    const key = await storeKey(h.dir);
    expect(namesIn(file, key)).toEqual(PEOPLE.map((p) => p.name).sort());
    expect(() => namesIn(file, null)).toThrow(/not a database/i);
    expect(() => namesIn(file, Buffer.alloc(32, 1))).toThrow(/not a database/i);

    const view = await value<BackupsView>(h.call('backups:list'));
    expect(view.backups).toEqual([made]);
    expect(view.job).toBeNull();
    expect(view.settings).toEqual({ intervalHours: 24, keepDaily: 7, keepWeekly: 4 });
    const entries = await auditActions(h);
    expect(entries.filter((e) => e.action === 'backup.make')).toHaveLength(1);
    expect(entries.find((e) => e.action === 'backup.make')?.detail).toContain(made.name);
  });

  it('is for the admin only, and takes names from the folder, never paths', async () => {
    const h = await started();
    const made = await value<BackupInfo>(h.call('backups:make'));
    const counselor = { surface: 'desk' as const, session: h.desk.session };
    const admin = h.desk.session.get() as SessionInfo;
    counselor.session.set({ ...admin, role: 'counselor' });
    expect(await h.call('backups:make', {}, counselor)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    counselor.session.set(admin);

    for (const name of ['../caseworker.db', '/etc/passwd', `backups/${made.name}`, 'caseworker.db', '']) {
      expect(await h.call('backups:verify', { name }), name).toMatchObject({
        ok: false,
        error: { code: 'validation', field: 'name' },
      });
    }
    // Well-formed, but not in the folder.
    expect(await h.call('backups:restore', { name: 'caseworker-20200101T000000000Z.backup' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'backups.unknownBackup' },
    });
    expect(h.desk.session.get()).toMatchObject({ loginId: ADMIN.loginId });
  });
});

describe('checking a backup', () => {
  it('finds a backup damaged on disk and says so in the listing', async () => {
    const h = await started();
    const made = await value<BackupInfo>(h.call('backups:make'));
    expect(await value<BackupInfo>(h.call('backups:verify', { name: made.name }))).toMatchObject({
      status: 'ok',
    });
    damagePages(backupPath(h.dir, made.name));
    h.clock.now += 60_000;
    expect(await value<BackupInfo>(h.call('backups:verify', { name: made.name }))).toMatchObject({
      status: 'damaged',
      verifiedAt: '2026-11-02T09:01:00.000Z',
    });
    const view = await value<BackupsView>(h.call('backups:list'));
    expect(view.backups[0]).toMatchObject({ name: made.name, status: 'damaged' });
  });
});

describe('restoring a backup', () => {
  it('brings back the backup’s data, keeps the replaced files, ends the session and audits it', async () => {
    const h = await started();
    const made = await value<BackupInfo>(h.call('backups:make'));
    h.clock.now += 10 * 60_000;
    await addPerson(h, '나중에', '010-5555-0001');
    const deviceBefore = h.gate.current()?.deviceId;

    const result = await value<RestoreResult>(h.call('backups:restore', { name: made.name }));
    expect(result).toEqual({
      restored: made.name,
      setAside: `${STORE_FILE}.before-restore-20261102T091000000Z`,
    });
    // The session ended: everyone signs in again on the restored store.
    expect(h.desk.session.get()).toBeNull();
    expect(await h.call('backups:list')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const key = await storeKey(h.dir);
    expect(namesIn(join(h.dir, STORE_FILE), key)).toEqual(PEOPLE.map((p) => p.name).sort());
    // The replaced store is kept beside it, whole, and still opens with the key.
    expect(namesIn(join(h.dir, result.setAside), key)).toEqual(
      [...PEOPLE.map((p) => p.name), '나중에'].sort(),
    );
    expect(statSync(join(h.dir, result.setAside)).mode & 0o777).toBe(0o600);
    // A new device id (so sync's change numbers start afresh), and the restore in the restored trail.
    const services = h.gate.current();
    expect(services?.deviceId).toBeTruthy();
    expect(services?.deviceId).not.toBe(deviceBefore);

    expect(await h.call('auth:login', ADMIN)).toMatchObject({ ok: true });
    const restore = (await auditActions(h)).find((e) => e.action === 'backup.restore');
    expect(JSON.parse(restore?.detail ?? '{}')).toEqual({
      backup: made.name,
      setAside: result.setAside,
      previousDevice: deviceBefore,
    });
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const h = await started();
    const made = await value<BackupInfo>(h.call('backups:make'));
    await addPerson(h, '나중에', '010-5555-0001');
    damagePages(backupPath(h.dir, made.name));
    const before = readdirSync(h.dir).sort();

    expect(await h.call('backups:restore', { name: made.name })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'backups.restoreDamaged' },
    });
    expect(readdirSync(h.dir).sort()).toEqual(before);
    expect(h.gate.state()).toBe('open');
    expect(h.desk.session.get()).toMatchObject({ loginId: ADMIN.loginId });
    const services = h.gate.current();
    const names = await services?.db.selectFrom('jobseekers').select('name').execute();
    expect(names?.map((n) => n.name).sort()).toEqual([...PEOPLE.map((p) => p.name), '나중에'].sort());
    const view = await value<BackupsView>(h.call('backups:list'));
    expect(view.backups[0]).toMatchObject({ status: 'damaged' });
  });

  it('refuses a backup in which the restoring admin is not an admin (they would lock themselves out)', async () => {
    const h = await started();
    const made = await value<BackupInfo>(h.call('backups:make'));
    const storeBefore = sha256(backupPath(h.dir, made.name));
    // A second admin, created after the backup, tries to restore it.
    const services = h.gate.current();
    if (!services) throw new Error('store not open');
    const { createAccount } = await import('../../../../../electron/services/accounts.ts');
    await createAccount(services, {
      loginId: 'newadmin',
      displayName: '새 관리자',
      role: 'admin',
      centerCode: 'B01',
      password: 'Second-pass-2026',
    });
    await h.gate.rememberPassword('newadmin', null, 'Second-pass-2026');
    h.desk.session.set(null);
    expect(await h.call('auth:login', { loginId: 'newadmin', password: 'Second-pass-2026' })).toMatchObject({
      ok: true,
    });
    expect(await h.call('backups:restore', { name: made.name })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'backups.restoreNotAdmin' },
    });
    expect(sha256(backupPath(h.dir, made.name))).toBe(storeBefore);
    expect(readdirSync(h.dir).filter((n) => n.includes('before-restore'))).toEqual([]);
  });
});
