import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../../shared/contract/backups.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { KNOWN_SCHEMA } from './check.ts';
import {
  createOwnerOnlyFile,
  ensureBackupsDir,
  findBackup,
  fsyncDir,
  removePartials,
  writeCheck,
} from './folder.ts';
import { backupName, partialName } from './names.ts';
import { runStoreJob, StoreJobError } from './run-job.ts';

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
  // The first half follows the copy's size against the store's; the second, the check, which reads the
  // copy once more and takes about as long as the copy did.
  const started = performance.now();
  let copied: { at: number; took: number } | null = null;
  const timer = setInterval(() => {
    const progress = copied
      ? 0.5 + 0.45 * Math.min(1, (performance.now() - copied.at) / Math.max(1, copied.took))
      : 0.5 * Math.min(1, sizeOf(partial) / Math.max(1, estimate));
    o.onProgress?.(progress);
  }, PROGRESS_EVERY_MS);
  const key = Uint8Array.from(o.key);
  try {
    o.onProgress?.(0);
    // quick_check, not integrity_check: a copy VACUUM just wrote has its indexes rebuilt from the
    // tables, so what can be wrong is a page the disk did not keep, and decrypting every page (each
    // carries a MAC) with the quick check finds that at a third of the cost. "검사" runs the full check.
    const check = await runStoreJob(
      { op: 'copy', source: o.storeFile, target: partial, mode: 'quick', schema: KNOWN_SCHEMA, key },
      o.signal,
      () => (copied = { at: performance.now(), took: performance.now() - started }),
    ).catch((error: unknown) => {
      throw copyFailure(error);
    });
    clearInterval(timer);
    o.onProgress?.(0.97);
    if (check?.verdict !== 'ok') {
      throw new AppFailure({ code: 'unavailable', message: 'backups.copyFailed' });
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

/** What the admin is told (the cause stays out of the message: it may carry paths). */
export function copyFailure(error: unknown): Error {
  if (!(error instanceof StoreJobError)) return error instanceof Error ? error : new Error(String(error));
  if (error.code === 'aborted') return error;
  const code = error.code ?? '';
  if (code === 'SQLITE_FULL') return new AppFailure({ code: 'unavailable', message: 'backups.diskFull' });
  // Reading the live store failed: it is damaged where the copy read it. The next start's check says more.
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new AppFailure({ code: 'unavailable', message: 'backups.storeUnreadable' });
  }
  return new AppFailure({ code: 'unavailable', message: 'backups.copyFailed' });
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
