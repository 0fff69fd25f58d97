import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StoreCheck } from '../../../db/store-files.ts';
import type { WorkerAnswer, WorkerJob } from './worker.ts';

// Starts worker.ts for one job and settles when the thread has ended (so its connection is closed before
// anyone moves or deletes the files it used). Under Node the sources run as they are; in the Electron
// build the worker is its own bundle beside main.js (tools/build-electron.ts), where import.meta.dirname
// is the bundle's folder.

const here = import.meta.dirname;
const WORKER_FILE = existsSync(join(here, 'worker.ts'))
  ? join(here, 'worker.ts')
  : join(here, 'backup-worker.js');

export class StoreJobError extends Error {
  override readonly name = 'StoreJobError';
  readonly code: string | null;
  constructor(message: string, code: string | null) {
    super(message);
    this.code = code;
  }
}

/** Resolves with the check's result; rejects with a StoreJobError (also when `signal` stops the job). */
export function runStoreJob(
  job: WorkerJob,
  signal?: AbortSignal,
  onCopied?: () => void,
): Promise<StoreCheck | null> {
  return new Promise((resolve, reject) => {
    let answer: Exclude<WorkerAnswer, { copied: true }> | undefined;
    let failure: Error | undefined;
    const worker = new Worker(WORKER_FILE, { workerData: job });
    const abort = () => {
      failure = new StoreJobError('The job was stopped because the store is closing.', 'aborted');
      void worker.terminate();
    };
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (m: WorkerAnswer) => {
      if ('copied' in m) onCopied?.();
      else answer = m;
    });
    worker.on('error', (error: Error) => (failure ??= error));
    worker.on('exit', (code) => {
      signal?.removeEventListener('abort', abort);
      if (failure)
        return reject(failure instanceof StoreJobError ? failure : new StoreJobError(failure.message, null));
      if (!answer || code !== 0)
        return reject(new StoreJobError(`The worker stopped (exit code ${code}).`, null));
      if (!answer.ok) return reject(new StoreJobError(answer.message, answer.code));
      resolve(answer.check);
    });
  });
}
