import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progressLine } from '../../electron/cli/progress.ts';
import { openDesktopStore, type DesktopStore } from '../../electron/services/store.ts';
import { fillDemoStore, type DemoStore } from './demo-store.ts';

// What benchmarks share within one run: the demo store, made on first use in a temporary folder that
// is deleted at the end, on failure, and on Ctrl-C.

export interface Fixtures {
  demoStore(): Promise<DemoStore>;
  /** Closes the store and deletes the folder. */
  dispose(): Promise<void>;
  /** The same, synchronously, for signal handlers. */
  disposeNow(): void;
}

export function createFixtures(jobseekers: number): Fixtures {
  let dir: string | undefined;
  let store: DesktopStore | undefined;
  let demo: Promise<DemoStore> | undefined;

  const make = async (): Promise<DemoStore> => {
    dir = mkdtempSync(join(tmpdir(), 'caseworker-bench-'));
    store = await openDesktopStore(dir);
    const progress = progressLine();
    try {
      return await fillDemoStore(store, jobseekers, progress.update);
    } finally {
      progress.done();
    }
  };
  const removeDir = () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  };

  return {
    demoStore: () => (demo ??= make()),
    async dispose() {
      const opened = store;
      store = undefined;
      try {
        await opened?.close();
      } finally {
        removeDir();
      }
    },
    disposeNow() {
      try {
        store?.raw.close();
      } catch {
        // Closing mid-statement can fail; the folder goes regardless.
      }
      store = undefined;
      removeDir();
    },
  };
}
