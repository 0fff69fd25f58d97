import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { progressLine } from '../../electron/cli/progress.ts';
import { openDesktopStore, type DesktopStore } from '../../electron/services/store.ts';
import { asDemoStore, type DemoStore, type Generated } from './demo-store.ts';
import type { DemoWorkerInput, DemoWorkerMessage } from './demo-worker.ts';
import { TEST_STORE_KEY } from '../support/store-key.ts';

// What benchmarks share within one run: the demo store, made on first use in a temporary folder that
// is deleted at the end, on failure, and on Ctrl-C. It is generated in a worker thread, then opened
// here, as the app opens an existing store.

export interface Fixtures {
  demoStore(): Promise<DemoStore>;
  /** The same demo data in an unencrypted store, for the benchmark that measures what encryption costs. */
  plainDemoStore(): Promise<DemoStore>;
  /** Closes the store and deletes the folder. */
  dispose(): Promise<void>;
  /** The same, synchronously, for signal handlers. */
  disposeNow(): void;
}

export function createFixtures(jobseekers: number): Fixtures {
  const dirs: string[] = [];
  const stores: DesktopStore[] = [];
  let worker: Worker | undefined;
  let demo: Promise<DemoStore> | undefined;
  let plainDemo: Promise<DemoStore> | undefined;

  const generate = (input: DemoWorkerInput) =>
    new Promise<Generated>((resolve, reject) => {
      const progress = progressLine();
      let generated: Generated | undefined;
      let failure: Error | undefined;
      const w = new Worker(new URL('./demo-worker.ts', import.meta.url), { workerData: input });
      worker = w;
      w.on('message', (m: DemoWorkerMessage) => {
        if (m.kind === 'progress') progress.update(m.step, m.done, m.total);
        else generated = m.generated;
      });
      w.on('error', (error: Error) => {
        failure = error;
      });
      // Settle on exit, so the worker has closed its connection before this thread opens the store.
      w.on('exit', (code) => {
        progress.done();
        worker = undefined;
        if (generated && code === 0) resolve(generated);
        else reject(failure ?? new Error(`demo generation stopped (worker exit code ${code})`));
      });
    });

  const make = async (encrypted: boolean): Promise<DemoStore> => {
    const dir = mkdtempSync(join(tmpdir(), 'caseworker-bench-'));
    dirs.push(dir);
    const generated = await generate({ dir, jobseekers, encrypted });
    const store = await openDesktopStore(dir, { key: encrypted ? TEST_STORE_KEY : null, create: false });
    stores.push(store);
    return asDemoStore(store, jobseekers, generated);
  };
  const removeDir = () => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  };

  return {
    demoStore: () => (demo ??= make(true)),
    plainDemoStore: () => (plainDemo ??= make(false)),
    async dispose() {
      const opened = stores.splice(0);
      try {
        await worker?.terminate();
        for (const store of opened) await store.close();
      } finally {
        removeDir();
      }
    },
    disposeNow() {
      void worker?.terminate();
      for (const store of stores.splice(0)) {
        try {
          store.raw.close();
        } catch {
          // Closing mid-statement can fail; the folder goes regardless.
        }
      }
      removeDir();
    },
  };
}
