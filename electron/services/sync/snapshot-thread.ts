import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { namedStoreFault } from '../../../db/errors.ts';
import type { BatchResult } from './snapshot-batch.ts';
import type { SnapshotThreadAnswer, SnapshotThreadData, SnapshotThreadRequest } from './snapshot-worker.ts';
import type { SnapshotWriter } from './snapshot-writer.ts';

// A snapshot writer on its own thread (snapshot-worker.ts): the main thread only reads the stream off
// the network and hands the lines over, so a first download of 100,000 cases leaves the windows' calls
// answering within a few milliseconds while it runs, and the parsing and writing overlap the transfer.
// Under Node the sources run as they are; in the Electron build the worker is its own bundle beside
// main.js (tools/build-electron.ts).

const here = import.meta.dirname;
const WORKER_FILE = existsSync(join(here, 'snapshot-worker.ts'))
  ? join(here, 'snapshot-worker.ts')
  : join(here, 'sync-snapshot-worker.js');

/** A batch the thread refused or could not write, with the thread's error name and code. */
export class SnapshotThreadError extends Error {
  readonly code: string | null;
  constructor(name: string, message: string, code: string | null) {
    super(message);
    this.name = name;
    this.code = code;
  }
}

export interface ThreadWriter extends SnapshotWriter {
  /** Stops the thread at once (the store is closing); unsettled writes fail, nothing half-written stays. */
  abort(): Promise<void>;
}

/** Starts the thread on the store `file` with a copy of its `key` (wiped here once handed over). */
export function threadWriter(file: string, key: Uint8Array, now: () => Date): ThreadWriter {
  const copy = Uint8Array.from(key);
  const worker = new Worker(WORKER_FILE, { workerData: { file, key: copy } satisfies SnapshotThreadData });
  // workerData is cloned when the thread is made; this thread's copy is not needed any more.
  copy.fill(0);
  const pending = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  const exited = new Promise<void>((resolve) => {
    worker.on('exit', (code) => {
      fail(
        new SnapshotThreadError(
          'SnapshotThreadError',
          `The download's thread ended (exit code ${code}).`,
          null,
        ),
      );
      resolve();
    });
  });
  worker.on('error', (error: Error) =>
    fail(new SnapshotThreadError(error.name, error.message, (error as { code?: string }).code ?? null)),
  );
  worker.on('message', (answer: SnapshotThreadAnswer) => {
    const p = pending.get(answer.id);
    if (!p) return;
    pending.delete(answer.id);
    if (answer.ok) p.resolve(answer.result);
    else {
      const error = new SnapshotThreadError(answer.name, answer.message, answer.code);
      // A full disk or an I/O error in the thread is the same named error as on this thread.
      p.reject(namedStoreFault(error) ?? error);
    }
  });
  const post = (request: SnapshotThreadRequest) => worker.postMessage(request);
  return {
    write(scope, lines) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise<BatchResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post({ id, scope, lines, now: now().toISOString() });
      });
    },
    async close() {
      if (!failure) post({ close: true });
      await exited;
    },
    async abort() {
      await worker.terminate();
      await exited;
    },
  };
}
