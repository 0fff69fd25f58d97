import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { checkFile } from '../../electron/services/backups/check.ts';
import { backupsDir } from '../../electron/services/backups/folder.ts';
import { makeBackup } from '../../electron/services/backups/make.ts';
import { TEST_STORE_KEY } from '../support/store-key.ts';
import { countLabel } from './store.bench.ts';
import type { Benchmark } from './types.ts';

// Backups of the demo store (issue 8): making one (encrypted copy with VACUUM INTO, then quick_check of
// the copy, both in a worker thread), how long the main thread's event loop was held meanwhile (what the
// window's calls would wait), the store's start-up check (quick_check of the live store, which every
// sign-in that opens the store waits for), and the full integrity_check that "검사" and a restore run.

/** A backup must never hold the main thread: the window's calls are answered there. */
const STALL_AIM = { below: 100 };

export const backupBench: Benchmark = {
  name: 'backup',
  summary: 'backup of the store off the main thread, the start-up quick_check, a full check of the backup',
  async run(ctx) {
    const demo = await ctx.demoStore();
    const n = countLabel(demo.jobseekers);
    const store = demo.store;
    store.raw.pragma('wal_checkpoint(TRUNCATE)');

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const start = performance.now();
    const made = await makeBackup({
      dataDir: store.dataDir,
      storeFile: store.file,
      key: TEST_STORE_KEY,
      now: () => new Date(),
      kind: 'manual',
    });
    const makeMs = performance.now() - start;
    loop.disable();
    ctx.report.figure(`backup.make.${n}`, makeMs / 1000, 's');
    ctx.report.figure(`backup.size.${n}`, made.bytes / 1e6, 'MB');
    ctx.report.figure('backup.make.mainThreadMaxStall', loop.max / 1e6, 'ms', STALL_AIM);

    let t = performance.now();
    const quick = await checkFile(store.file, TEST_STORE_KEY, 'quick');
    ctx.report.figure(`store.quickCheck.${n}`, (performance.now() - t) / 1000, 's');
    t = performance.now();
    const full = await checkFile(join(backupsDir(store.dataDir), made.name), TEST_STORE_KEY, 'full');
    ctx.report.figure(`backup.verify.${n}`, (performance.now() - t) / 1000, 's');
    if (quick.verdict !== 'ok' || full.verdict !== 'ok') {
      throw new Error(`the demo store or its backup failed a check (${quick.verdict}, ${full.verdict})`);
    }
    rmSync(backupsDir(store.dataDir), { recursive: true, force: true });
  },
};
