import { mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { openCaseStore, type OpenedStore } from '../../db/connection.ts';

export { StoreError } from '../../db/errors.ts';
import { getMeta, setMeta } from '../../db/repositories/meta.ts';
import type { ServiceContext } from './context.ts';
import { applyKeptAside } from './sync/kept-aside.ts';
import { forgetStoreColumns } from './sync/store-columns.ts';

export const STORE_FILE = 'caseworker.db';

export interface DesktopStore extends OpenedStore {
  dataDir: string;
  file: string;
  context: ServiceContext;
}

/**
 * Opens the store in a data folder (the user profile in the app, `--data` on the command line, a temp
 * folder in tests). The folder is made owner-only. The device id is made once and kept in the store:
 * audit entries and sync's (device, sequence) pairs both need a stable one.
 */
export async function openDesktopStore(
  dataDir: string,
  options: { key: Uint8Array | null; create?: boolean; now?: () => Date },
): Promise<DesktopStore> {
  if (options.create ?? true) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
  }
  const file = join(dataDir, STORE_FILE);
  const opened = await openCaseStore(file, { key: options.key, create: options.create ?? true });
  // Columns read from a store this process had open before are not this one's.
  forgetStoreColumns();
  // An updated app: what the server sent before the update and this version now has room for goes in.
  if (opened.migrated.length > 0) await applyKeptAside(opened.db);
  let deviceId = await getMeta(opened.db, 'device_id');
  if (!deviceId) {
    deviceId = uuidv7();
    await setMeta(opened.db, 'device_id', deviceId);
  }
  return {
    ...opened,
    dataDir,
    file,
    context: { db: opened.db, deviceId, now: options.now ?? (() => new Date()) },
  };
}
