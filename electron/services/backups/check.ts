import { join } from 'node:path';
import { MIGRATION_TABLE } from '../../../db/migrator.ts';
import { migrations } from '../../../db/migrations/index.ts';
import type { CheckMode, KnownSchema, StoreCheck } from '../../../db/store-files.ts';
import type { BackupInfo } from '../../../shared/contract/backups.ts';
import { backupsDir, findBackup, readCheck, writeCheck } from './folder.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { runStoreJob, StoreJobError } from './run-job.ts';

// Checking a store file with the key, off the main thread: `full` (integrity_check) for backups, `quick`
// for the store at start. The key is copied for the worker and the copy wiped when it is done.

/** What this app's schema is: a backup from a newer app (more migrations) cannot be restored by it. */
export const KNOWN_SCHEMA: KnownSchema = {
  table: MIGRATION_TABLE,
  migrations: migrations.map(([name]) => name),
};

export async function checkFile(
  file: string,
  key: Uint8Array,
  mode: CheckMode,
  signal?: AbortSignal,
): Promise<StoreCheck> {
  const copy = Uint8Array.from(key);
  try {
    const check = await runStoreJob({ op: 'check', file, mode, schema: KNOWN_SCHEMA, key: copy }, signal);
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
  const check = await checkFile(join(dir, name), key, 'full', signal).catch((error: unknown) => {
    throw checkFailure(error);
  });
  writeCheck(dir, name, {
    format: 1,
    status: check.verdict,
    verifiedAt: at.toISOString(),
    kind: readCheck(dir, name)?.kind ?? null,
    migrations: check.migrations,
  });
  return { info: findBackup(dataDir, name), check };
}

/** A check that could not run (not one that found damage: that is a verdict) as the admin is told it. */
export function checkFailure(error: unknown): Error {
  if (error instanceof StoreJobError && error.code !== 'aborted') {
    return new AppFailure({ code: 'unavailable', message: 'backups.checkFailed' });
  }
  return error instanceof Error ? error : new Error(String(error));
}
