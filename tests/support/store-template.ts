import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openCaseStore } from '../../db/connection.ts';
import { openDesktopStore, STORE_FILE, type DesktopStore } from '../../electron/services/store.ts';
import { TEST_STORE_KEY } from './store-key.ts';
import { tempDir } from './temp-dir.ts';

// A new test store without running every migration again. Opening an empty store runs all of the
// desktop's migrations (26 of them, ~150 ms); the sync simulation alone opens about 750 new stores per
// dialect and the integration suite hundreds more. So the first new store of a test process is migrated
// for real into a template file, and each later one starts as a copy of it, opened by the product's own
// `openDesktopStore` (which then finds nothing to migrate and gives the copy its own device id, made on
// first open and never part of the template). The template is made by the same migrations in the same
// process, so a copy's schema is the migrated one; the migrations themselves are tested on their own
// (tests/integration/db/migrations.test.ts and tests/integration/db/migrations/).

let template: Promise<string> | undefined;

async function makeTemplate(): Promise<string> {
  const { dir, remove } = tempDir('caseworker-template-');
  process.once('exit', remove);
  const file = join(dir, STORE_FILE);
  const opened = await openCaseStore(file, { key: TEST_STORE_KEY });
  // Everything into the main file, so a copy of that file alone is the whole store.
  opened.raw.pragma('wal_checkpoint(TRUNCATE)');
  await opened.close();
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  return file;
}

/** Opens a new store (test key) in `dataDir`, which must not hold one yet, from the migrated template. */
export async function openFreshDesktopStore(
  dataDir: string,
  options: { now?: () => Date } = {},
): Promise<DesktopStore> {
  template ??= makeTemplate();
  const source = await template;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, STORE_FILE);
  if (existsSync(file)) throw new Error(`openFreshDesktopStore: ${dataDir} already holds a store`);
  copyFileSync(source, file);
  chmodSync(file, 0o600);
  return openDesktopStore(dataDir, { key: TEST_STORE_KEY, ...(options.now ? { now: options.now } : {}) });
}
