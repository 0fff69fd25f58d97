import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../../shared/contract/backups.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { checkFile } from './check.ts';
import {
  createOwnerOnlyFile,
  ensureBackupsDir,
  findBackup,
  fsyncDir,
  fsyncFile,
  removePartials,
  writeCheck,
} from './folder.ts';
import { backupName, partialName } from './names.ts';
import { runStoreJob } from './run-job.ts';

// Making a backup: an encrypted copy written aside (`.caseworker-….backup.partial`, owner-only from its
// first byte), flushed, checked with the key, and only then renamed to its real name. A crash,
// a full disk or a failed check leaves no file that looks like a backup.

export interface MakeBackupOptions {
  dataDir: string;
  /** The open store's file; read on a connection of its own, so the app keeps writing meanwhile. */
  storeFile: string;
  key: Uint8Array;
  now: () => Date;
  kind: 'scheduled' | 'manual';
  signal?: AbortSignal;
  /** 0–1 as the copy grows (estimated against the store's size), then 1 while it is checked. */
  onProgress?: (fraction: number) => void;
}

const PROGRESS_EVERY_MS = 250;

export async function makeBackup(o: MakeBackupOptions): Promise<BackupInfo> {
  const dir = ensureBackupsDir(o.dataDir);
  removePartials(o.dataDir);
  let at = o.now();
  while (existsSync(join(dir, backupName(at)))) at = new Date(at.getTime() + 1);
  const name = backupName(at);
  const partial = join(dir, partialName(name));
  createOwnerOnlyFile(partial);
  const estimate = sizeOf(o.storeFile) + sizeOf(`${o.storeFile}-wal`);
  const timer = setInterval(() => {
    if (estimate > 0) o.onProgress?.(Math.min(0.95, sizeOf(partial) / estimate));
  }, PROGRESS_EVERY_MS);
  const key = Uint8Array.from(o.key);
  try {
    o.onProgress?.(0);
    await runStoreJob({ op: 'copy', source: o.storeFile, target: partial, key }, o.signal);
    clearInterval(timer);
    fsyncFile(partial);
    o.onProgress?.(0.95);
    // quick_check, not integrity_check: a copy VACUUM just wrote has its indexes rebuilt from the
    // tables, so what can be wrong is a page the disk did not keep, and decrypting every page (each
    // carries a MAC) with the quick check finds that at a third of the cost. "검사" runs the full check.
    const check = await checkFile(partial, o.key, 'quick', o.signal);
    if (check.verdict !== 'ok') {
      throw new AppFailure({ code: 'internal', message: 'backups.copyFailed' });
    }
    renameSync(partial, join(dir, name));
    fsyncDir(dir);
    writeCheck(dir, name, {
      format: 1,
      status: 'ok',
      verifiedAt: o.now().toISOString(),
      kind: o.kind,
      migrations: check.migrations,
    });
    o.onProgress?.(1);
    return findBackup(o.dataDir, name);
  } finally {
    clearInterval(timer);
    key.fill(0);
    rmSync(partial, { force: true });
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
