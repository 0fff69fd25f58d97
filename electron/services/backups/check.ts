import { join } from 'node:path';
import type { CheckMode, StoreCheck } from '../../../db/store-files.ts';
import type { BackupInfo } from '../../../shared/contract/backups.ts';
import { backupsDir, findBackup, readCheck, writeCheck } from './folder.ts';
import { runStoreJob } from './run-job.ts';

// Checking a store file with the key, off the main thread: `full` (integrity_check) for backups, `quick`
// for the store at start. The key is copied for the worker and the copy wiped when it is done.

export async function checkFile(
  file: string,
  key: Uint8Array,
  mode: CheckMode,
  signal?: AbortSignal,
): Promise<StoreCheck> {
  const copy = Uint8Array.from(key);
  try {
    const check = await runStoreJob({ op: 'check', file, mode, key: copy }, signal);
    if (!check) throw new Error('The check gave no result.');
    return check;
  } finally {
    copy.fill(0);
  }
}

/** Checks a backup in full and records the verdict beside it (what the listing shows). */
export async function verifyBackup(
  dataDir: string,
  name: string,
  key: Uint8Array,
  at: Date,
  signal?: AbortSignal,
): Promise<{ info: BackupInfo; check: StoreCheck }> {
  findBackup(dataDir, name);
  const dir = backupsDir(dataDir);
  const check = await checkFile(join(dir, name), key, 'full', signal);
  writeCheck(dir, name, {
    format: 1,
    status: check.verdict,
    verifiedAt: at.toISOString(),
    kind: readCheck(dir, name)?.kind ?? null,
    migrations: check.migrations,
  });
  return { info: findBackup(dataDir, name), check };
}
