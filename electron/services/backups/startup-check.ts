import { existsSync } from 'node:fs';
import { checkFile } from './check.ts';
import { StoreJobError } from './run-job.ts';

// The store's check before it is opened for writing (issue 8): `PRAGMA quick_check` with the key, on a
// read-only connection in a worker thread. Every page is read, decrypted and its MAC checked, and every
// b-tree page checked for form; a store that fails is not opened at all, so nothing is written into
// (or checkpointed over) a damaged file. Measured at 100,000 jobseekers (`store.quickCheck.100k` in
// `npm run bench`), and paid once per start of the app: the store then stays open through idle locks
// and sign-outs until the app quits.

export type StartupVerdict = 'ok' | 'damaged' | 'newer' | 'not-checked';

export async function checkStoreBeforeOpen(file: string, key: Uint8Array): Promise<StartupVerdict> {
  if (!existsSync(file)) return 'not-checked'; // a new store is made by this open
  try {
    return (await checkFile(file, key, 'quick')).verdict;
  } catch (error) {
    // The check could not run (the file is in use, or vanished): opening it reports that properly.
    if (error instanceof StoreJobError) return 'not-checked';
    throw error;
  }
}
