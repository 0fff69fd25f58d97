import { chmodSync, closeSync, constants, copyFileSync, fsyncSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import {
  checkStoreFile,
  copyStoreInto,
  reidentifyCopy,
  type CheckMode,
  type KnownSchema,
  type StoreCheck,
} from '../../../db/store-files.ts';

// Runs one whole-file job on its own thread and connection: copying a 100,000-jobseeker store or checking
// every page of it takes seconds, and better-sqlite3 never yields while a statement runs. On the main
// thread that would freeze every call from the window (and sign-in) for as long; here it does not.
// The key arrives in workerData (a copy in this thread's memory) and is zeroed when the job ends.
// This file loads the driver and db/store-files.ts only, so the thread starts quickly.

export type WorkerJob =
  /** A backup: the encrypted copy into `target`, flushed, then checked (`mode`). */
  | { op: 'copy'; source: string; target: string; mode: CheckMode; schema: KnownSchema; key: Uint8Array }
  | { op: 'check'; file: string; mode: CheckMode; schema: KnownSchema; key: Uint8Array }
  /** A restore: the backup copied beside the store (owner-only), given a new device id, flushed. */
  | { op: 'stage'; source: string; target: string; deviceId: string; key: Uint8Array };

export type WorkerAnswer =
  /** The copy is written; its check starts (for the progress bar). */
  | { copied: true }
  | { ok: true; check: StoreCheck | null }
  | { ok: false; name: string; code: string | null; message: string };

const port = parentPort;
if (!port) throw new Error('backups/worker.ts runs as a worker thread (see run-job.ts)');
const job = workerData as WorkerJob;
try {
  port.postMessage({ ok: true, check: run(job) } satisfies WorkerAnswer);
} catch (error) {
  const e = error as { name?: unknown; code?: unknown; message?: unknown };
  port.postMessage({
    ok: false,
    name: typeof e.name === 'string' ? e.name : 'Error',
    code: typeof e.code === 'string' ? e.code : null,
    message: typeof e.message === 'string' ? e.message : 'failed',
  } satisfies WorkerAnswer);
} finally {
  job.key.fill(0);
}

function run(job: WorkerJob): StoreCheck | null {
  switch (job.op) {
    case 'stage':
      copyFileSync(job.source, job.target, constants.COPYFILE_EXCL);
      chmodSync(job.target, 0o600);
      reidentifyCopy(job.target, job.key, job.deviceId);
      flush(job.target);
      return null;
    case 'copy':
      copyStoreInto(job.source, job.key, job.target);
      flush(job.target);
      port?.postMessage({ copied: true } satisfies WorkerAnswer);
      return checkStoreFile(job.target, job.key, job.mode, job.schema);
    case 'check':
      return checkStoreFile(job.file, job.key, job.mode, job.schema);
  }
}

/** On disk before anyone renames it into place (a power cut must not leave a named half file). */
function flush(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
