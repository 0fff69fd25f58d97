import { parentPort, workerData } from 'node:worker_threads';
import { openDesktopStore } from '../../electron/services/store.ts';
import { generateBenchDemo, type Generated } from './demo-store.ts';
import { TEST_STORE_KEY } from '../support/store-key.ts';

// Generates the demo store in a worker thread. Generation keeps its thread busy for many seconds
// without a turn of the event loop; here that leaves the runner's thread free to show progress and to
// clean up on Ctrl-C.

export interface DemoWorkerInput {
  dir: string;
  jobseekers: number;
  /** False only for the unencrypted twin the encryption benchmark compares against. */
  encrypted: boolean;
}

export type DemoWorkerMessage =
  { kind: 'progress'; step: string; done: number; total: number } | { kind: 'done'; generated: Generated };

const port = parentPort;
if (!port) throw new Error('demo-worker.ts runs as a worker thread (see fixtures.ts)');
const input = workerData as DemoWorkerInput;
const post = (message: DemoWorkerMessage) => port.postMessage(message);

const store = await openDesktopStore(input.dir, { key: input.encrypted ? TEST_STORE_KEY : null });
try {
  const generated = await generateBenchDemo(store, input.jobseekers, (step, done, total) =>
    post({ kind: 'progress', step, done, total }),
  );
  post({ kind: 'done', generated });
} finally {
  await store.close();
}
