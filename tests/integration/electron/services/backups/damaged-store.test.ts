import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../../../../electron/services/store.ts';
import type { BackupInfo, DamagedStoreView } from '../../../../../shared/contract/backups.ts';
import {
  ADMIN,
  addPerson,
  COUNSELOR,
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

// A store damaged on disk while the app was closed: the next sign-in finds it (PRAGMA quick_check before
// the store is opened for writing), opens nothing and writes nothing, answers `store.damaged`, and offers
// the latest good backup, which an admin restores with their password.

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A store with a good backup, one more person added after it, closed, then damaged on disk. */
async function damagedAfterBackup(): Promise<{ h: Harness; backup: string }> {
  const first = harness(newDir(cleanups));
  await setUpStore(first);
  const made = await first.call('backups:make');
  expect(made).toMatchObject({ ok: true });
  await addPerson(first, '나중에', '010-5555-0001');
  await first.close();
  damagePages(join(first.dir, STORE_FILE));
  const h = first.restart();
  cleanups.push(() => h.close());
  return { h, backup: (made as { ok: true; value: BackupInfo }).value.name };
}

describe('a store damaged on disk', () => {
  it('is found at sign-in, not opened and not written to, and the latest good backup is offered', async () => {
    const { h, backup } = await damagedAfterBackup();
    const file = join(h.dir, STORE_FILE);
    const before = { hash: sha256(file), mtime: statSync(file).mtimeMs, files: readdirSync(h.dir).sort() };

    // Before any sign-in nothing is said (the key is needed to look inside).
    expect(await h.call('auth:damagedStore')).toMatchObject({ ok: true, value: { damaged: false } });
    expect(await h.call('auth:login', COUNSELOR)).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: 'store.damaged' },
    });
    expect(h.gate.state()).toBe('locked');
    expect(h.desk.session.get()).toBeNull();
    expect(await h.call('jobseekers:list', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    // Not one byte written, no journal or WAL made beside it.
    expect(sha256(file)).toBe(before.hash);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
    expect(readdirSync(h.dir).sort()).toEqual(before.files);

    const view = await h.call('auth:damagedStore');
    expect(view).toMatchObject({ ok: true, value: { damaged: true, latestGood: backup } });
    expect((view as { ok: true; value: DamagedStoreView }).value.backups).toEqual([
      expect.objectContaining({ name: backup, status: 'ok' }),
    ]);
    // Signing in again says the same, and still writes nothing.
    expect(await h.call('auth:login', ADMIN)).toMatchObject({
      ok: false,
      error: { message: 'store.damaged' },
    });
    expect(sha256(file)).toBe(before.hash);
  });

  it('is replaced by the backup an admin restores with their password; the damaged file is kept', async () => {
    const { h, backup } = await damagedAfterBackup();
    const file = join(h.dir, STORE_FILE);
    const damagedHash = sha256(file);
    await h.call('auth:login', COUNSELOR);

    // Not without the right password, and not by a counselor (the backup says who is an admin).
    expect(
      await h.call('auth:restoreDamaged', {
        loginId: ADMIN.loginId,
        password: 'Wrong-pass-2026',
        name: backup,
      }),
    ).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: 'auth.wrongCredentials' } });
    expect(await h.call('auth:restoreDamaged', { ...COUNSELOR, name: backup })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'backups.restoreNotAdmin' },
    });
    expect(
      await h.call('auth:restoreDamaged', { ...ADMIN, name: 'caseworker-20990101T000000000Z.backup' }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(sha256(file)).toBe(damagedHash);
    expect(h.gate.state()).toBe('locked');

    const restored = await h.call('auth:restoreDamaged', { ...ADMIN, name: backup });
    expect(restored).toMatchObject({
      ok: true,
      value: { restored: backup, setAside: `${STORE_FILE}.before-restore-20261102T090000000Z` },
    });
    const setAside = join(h.dir, `${STORE_FILE}.before-restore-20261102T090000000Z`);
    expect(sha256(setAside)).toBe(damagedHash);
    expect(h.gate.state()).toBe('open');
    expect(await h.call('auth:damagedStore')).toMatchObject({ ok: true, value: { damaged: false } });

    // The store is the backup's: the person added after it is gone (kept in the set-aside file).
    const key = await storeKey(h.dir);
    expect(namesIn(file, key)).toEqual(PEOPLE.map((p) => p.name).sort());
    expect(await h.call('auth:login', ADMIN)).toMatchObject({ ok: true, value: { loginId: ADMIN.loginId } });
    const entries = await h.gate
      .current()
      ?.db.selectFrom('audit_entries')
      .select(['action', 'actor_login'])
      .execute();
    expect(entries).toContainEqual({ action: 'backup.restore', actor_login: ADMIN.loginId });

    // A second restore is not offered on a healthy store.
    expect(await h.call('auth:restoreDamaged', { ...ADMIN, name: backup })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'backups.storeNotDamaged' },
    });
    expect(existsSync(file)).toBe(true);
  });
});
