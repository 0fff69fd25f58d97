import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { accountInFile } from '../../../db/store-files.ts';
import type { RestoreResult } from '../../../shared/contract/backups.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { STORE_FILE } from '../store.ts';
import type { BackupActor } from './audit.ts';
import { checkFailure, checkFile } from './check.ts';
import { backupsDir, findBackup, fsyncDir, readCheck, writeCheck } from './folder.ts';
import type { BackupHost } from './host.ts';
import { copyFailure } from './make.ts';
import { stamp } from './names.ts';
import { runStoreJob } from './run-job.ts';

// Restoring a backup over the store. In order: the backup is checked in full with the key (a damaged
// one, or one from a newer app, is refused and nothing changes); the person restoring must be an active
// admin in it (or they would lock themselves out of what they restored); a copy of it is made beside
// the store and given a new device id (db/store-files.ts says why); the store is shut; its files are
// moved aside as `caseworker.db.before-restore-<time>` (with `-wal`/`-shm` after it, so the set
// aside store opens as it was), never deleted; the copy takes the store's name; the store opens again,
// through the same check as at start. If it does not open, the files go back as they were.

const SIDE_FILES = ['', '-wal', '-shm', '-journal'] as const;

export interface RestoreOutcome {
  result: RestoreResult;
  /** The restoring admin as the restored store knows them (for its audit entry). */
  actor: BackupActor;
}

export async function restoreBackup(
  host: BackupHost,
  name: string,
  key: Buffer,
  loginId: string,
): Promise<RestoreOutcome> {
  findBackup(host.dataDir, name);
  const dir = backupsDir(host.dataDir);
  const file = join(dir, name);
  const check = await checkFile(file, key, 'full').catch((error: unknown) => {
    throw checkFailure(error);
  });
  writeCheck(dir, name, {
    format: 1,
    status: check.verdict,
    verifiedAt: host.now().toISOString(),
    kind: readCheck(dir, name)?.kind ?? null,
    migrations: check.migrations,
  });
  if (check.verdict === 'damaged') {
    throw new AppFailure({ code: 'conflict', message: 'backups.restoreDamaged', field: 'name' });
  }
  if (check.verdict === 'newer') {
    throw new AppFailure({ code: 'conflict', message: 'backups.restoreNewer', field: 'name' });
  }
  const account = accountInFile(file, key, loginId);
  if (!account || account.role !== 'admin' || !account.active) {
    throw new AppFailure({ code: 'forbidden', message: 'backups.restoreNotAdmin', field: 'name' });
  }

  const at = host.now();
  const staged = join(host.dataDir, `.${STORE_FILE}.restore-${stamp(at)}.partial`);
  try {
    // Copying hundreds of megabytes takes seconds: in the worker, like the checks.
    const copy = Uint8Array.from(key);
    await runStoreJob({ op: 'stage', source: file, target: staged, deviceId: uuidv7(), key: copy })
      .catch((error: unknown) => {
        throw copyFailure(error);
      })
      .finally(() => copy.fill(0));
    let setAside: string | null = null;
    try {
      await host.reopenAround(key, () => {
        setAside = swapIn(host.dataDir, staged, at);
      });
    } catch (error) {
      const moved = setAside;
      if (moved) await host.reopenAround(key, () => swapBack(host.dataDir, moved, at)).catch(() => undefined);
      throw error;
    }
    if (!setAside) throw new Error('The store files were not swapped.');
    return { result: { restored: name, setAside }, actor: { userId: account.userId, loginId } };
  } finally {
    rmSync(staged, { force: true });
    rmSync(`${staged}-journal`, { force: true });
  }
}

/** Moves the store's files aside and the staged copy into place; returns the set-aside name. */
function swapIn(dataDir: string, staged: string, at: Date): string {
  const setAside = `${STORE_FILE}.before-restore-${stamp(at)}`;
  for (const suffix of SIDE_FILES) {
    const current = join(dataDir, STORE_FILE + suffix);
    if (existsSync(current)) renameSync(current, join(dataDir, setAside + suffix));
  }
  renameSync(staged, join(dataDir, STORE_FILE));
  fsyncDir(dataDir);
  return setAside;
}

/** Undoes swapIn after the restored store would not open: it is kept as `…failed-restore-<time>`. */
function swapBack(dataDir: string, setAside: string, at: Date): void {
  const failed = `${STORE_FILE}.failed-restore-${stamp(at)}`;
  for (const suffix of SIDE_FILES) {
    const restored = join(dataDir, STORE_FILE + suffix);
    if (existsSync(restored)) renameSync(restored, join(dataDir, failed + suffix));
    const original = join(dataDir, setAside + suffix);
    if (existsSync(original)) renameSync(original, join(dataDir, STORE_FILE + suffix));
  }
  fsyncDir(dataDir);
}
