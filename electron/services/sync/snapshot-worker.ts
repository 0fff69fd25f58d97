import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { caseStoreDialect } from '../../../db/sqlite-dialect.ts';
import { applyStoreKey } from '../../../db/store-key.ts';
import { applySnapshotBatch, type BatchResult } from './snapshot-batch.ts';
import { CheckpointCadence, checkpointPassive } from './snapshot-writer.ts';

// The thread a snapshot is written on (started by snapshot-thread.ts): its own keyed connection to the
// store, the batches applied in the order they arrive, a checkpoint after every few thousand rows. A
// batch takes tens of milliseconds of synchronous SQLite work; here that holds nobody's event loop.
// The key arrives in workerData (this thread's own copy) and is wiped once the connection is keyed.

export interface SnapshotThreadData {
  file: string;
  key: Uint8Array;
}

export type SnapshotThreadRequest =
  | { id: number; scope: string; lines: string[]; now: string }
  /** Finish the batches sent so far, close the connection, end the thread. */
  | { close: true };

export type SnapshotThreadAnswer =
  | { id: number; ok: true; result: BatchResult }
  | { id: number; ok: false; name: string; code: string | null; message: string };

const port = parentPort;
if (!port) throw new Error('sync/snapshot-worker.ts runs as a worker thread (see snapshot-thread.ts)');
const data = workerData as SnapshotThreadData;

const raw = new BetterSqlite3(data.file, { fileMustExist: true, timeout: 10_000 });
try {
  applyStoreKey(raw, data.key);
  // Reading the schema proves the key (a wrong one reads as "not a database").
  raw.pragma('schema_version');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('cache_size = -32768');
  raw.pragma('wal_autocheckpoint = 0');
} catch (error) {
  raw.close();
  throw error;
} finally {
  data.key.fill(0);
}
const db = new Kysely<Database>({ dialect: caseStoreDialect(raw) });
const cadence = new CheckpointCadence();
let chain: Promise<unknown> = Promise.resolve();
let failed: SnapshotThreadAnswer | null = null;

async function apply(request: Extract<SnapshotThreadRequest, { id: number }>): Promise<SnapshotThreadAnswer> {
  // After a failed batch nothing more is written: a later batch's progress would skip the failed rows.
  if (failed) return { ...failed, id: request.id };
  try {
    const result = await applySnapshotBatch(db, request.scope, request.lines, request.now);
    if (cadence.add(result.applied)) await checkpointPassive(db);
    return { id: request.id, ok: true, result };
  } catch (error) {
    const e = error as { name?: unknown; code?: unknown; message?: unknown };
    const answer: SnapshotThreadAnswer = {
      id: request.id,
      ok: false,
      name: typeof e.name === 'string' ? e.name : 'Error',
      code: typeof e.code === 'string' ? e.code : null,
      message: typeof e.message === 'string' ? e.message : 'The batch could not be written.',
    };
    failed = answer;
    return answer;
  }
}

port.on('message', (request: SnapshotThreadRequest) => {
  chain = chain.then(async () => {
    if ('close' in request) {
      await db.destroy();
      port.close();
      return;
    }
    port.postMessage(await apply(request));
  });
});
