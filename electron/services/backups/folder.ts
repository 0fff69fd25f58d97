import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BackupInfo } from '../../../shared/contract/backups.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { BACKUPS_FOLDER, backupTime, CHECK_SUFFIX, isBackupName, PARTIAL_SUFFIX } from './names.ts';

// The backups folder, `<dataDir>/backups/`: owner-only (0700, files 0600) like the store, since a
// backup holds the same people's data (encrypted with the same key). What the last check of a backup
// found is kept beside it in a small JSON file, so listing needs no key and opens no database.

const OWNER_DIR = 0o700;
const OWNER_FILE = 0o600;

const checkFileSchema = z
  .object({
    format: z.literal(1),
    status: z.enum(['ok', 'damaged', 'newer']),
    verifiedAt: z.string(),
    kind: z.enum(['scheduled', 'manual']).nullable(),
    migrations: z.number().int().min(0),
  })
  .strict();

export type CheckRecord = z.infer<typeof checkFileSchema>;

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUPS_FOLDER);
}

export function ensureBackupsDir(dataDir: string): string {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: OWNER_DIR });
  chmodSync(dir, OWNER_DIR);
  return dir;
}

/** An empty owner-only file, made before anything is written into it. */
export function createOwnerOnlyFile(file: string): void {
  closeSync(openSync(file, 'wx', OWNER_FILE));
  chmodSync(file, OWNER_FILE);
}

/** Flushes a folder's entries after a rename (the file itself was flushed by the worker that wrote it). */
export function fsyncDir(dir: string): void {
  // Windows cannot open a folder for fsync; its rename is already durable enough there.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function readCheck(dir: string, name: string): CheckRecord | null {
  const file = join(dir, name + CHECK_SUFFIX);
  if (!existsSync(file)) return null;
  try {
    const parsed = checkFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // an unreadable note only means "not verified"
  }
}

export function writeCheck(dir: string, name: string, record: CheckRecord): void {
  const file = join(dir, name + CHECK_SUFFIX);
  const aside = `${file}${PARTIAL_SUFFIX}`;
  writeFileSync(aside, JSON.stringify(record), { mode: OWNER_FILE });
  renameSync(aside, file);
}

/** Every complete backup, newest first. Partial files, notes and anything else in the folder are skipped. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    if (!isBackupName(name)) continue;
    const at = backupTime(name);
    let bytes: number;
    try {
      const st = statSync(join(dir, name));
      if (!st.isFile()) continue;
      bytes = st.size;
    } catch {
      continue; // removed while listing
    }
    if (!at) continue;
    const check = readCheck(dir, name);
    out.push({
      name,
      createdAt: at.toISOString(),
      bytes,
      status: check?.status ?? 'unverified',
      verifiedAt: check?.verifiedAt ?? null,
      kind: check?.kind ?? null,
    });
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/**
 * The backup the renderer named, found in the folder's listing: a name that is not there is refused as
 * unknown, so no path or other file can ever be reached through it.
 */
export function findBackup(dataDir: string, name: string): BackupInfo {
  const found = listBackups(dataDir).find((b) => b.name === name);
  if (!found) throw new AppFailure({ code: 'not-found', message: 'backups.unknownBackup', field: 'name' });
  return found;
}

export function removeBackup(dataDir: string, name: string): void {
  const dir = backupsDir(dataDir);
  rmSync(join(dir, name), { force: true });
  rmSync(join(dir, name + CHECK_SUFFIX), { force: true });
}

/** Partial copies left by a crash or a closed app: never complete, never listed; removed at the next job. */
export function removePartials(dataDir: string): void {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir))
    if (name.endsWith(PARTIAL_SUFFIX)) rmSync(join(dir, name), { force: true });
}
