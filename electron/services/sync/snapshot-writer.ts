import { sql } from 'kysely';
import type { CaseDb } from '../../../db/connection.ts';
import { applySnapshotBatch, type BatchResult } from './snapshot-batch.ts';

// Where a snapshot's batches are written. The desktop app writes them on a worker thread with its own
// connection (snapshot-thread.ts), so a first download of a whole center never holds the window's
// event loop; this file is the same work on the calling thread, for stores that have no file or key to
// hand to a thread (tests' in-memory stores, the simulation) and as the reference the thread must match.
//
// Either way batches are applied strictly in the order given, and after a failed batch every later one
// fails too without being written: a batch's progress must never be committed past rows that were not.

export interface SnapshotWriter {
  /** Applies one batch of `scope`'s stream (see snapshot-batch.ts); settles once it is committed. */
  write(scope: string, lines: string[]): Promise<BatchResult>;
  /** Ends the writer (after the writes given so far have settled). */
  close(): Promise<void>;
}

export type SnapshotWriterFactory = () => SnapshotWriter;

/**
 * SQLite folds the WAL back into the file (a checkpoint) inside whichever commit crosses its threshold,
 * which makes that commit several times longer. A snapshot turns the automatic checkpoint off on the
 * connection that writes it and checkpoints after every CHECKPOINT_ROWS rows, in a step of its own:
 * its time grows with the pages it copies, so often and small keeps each one short.
 */
export const CHECKPOINT_ROWS = 2000;

export class CheckpointCadence {
  private since = 0;
  /** Counts rows written; true when a checkpoint is due. */
  add(rows: number): boolean {
    this.since += rows;
    if (this.since < CHECKPOINT_ROWS) return false;
    this.since = 0;
    return true;
  }
}

export async function checkpointPassive(db: CaseDb): Promise<void> {
  await sql`PRAGMA wal_checkpoint(PASSIVE)`.execute(db);
}

/** One turn of the event loop (timers, IPC), between pieces of synchronous SQLite work. */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Writes on the calling thread, turning the event loop between statements and around checkpoints. */
export function inThreadWriter(db: CaseDb, now: () => Date): SnapshotWriter {
  const cadence = new CheckpointCadence();
  let chain: Promise<unknown> = Promise.resolve();
  let failed: Error | null = null;
  return {
    write(scope, lines) {
      const result = chain.then(async () => {
        if (failed) throw failed;
        try {
          const r = await applySnapshotBatch(db, scope, lines, now().toISOString(), turn);
          await turn();
          if (cadence.add(r.applied)) {
            await checkpointPassive(db);
            await turn();
          }
          return r;
        } catch (error) {
          failed = error instanceof Error ? error : new Error(String(error));
          throw failed;
        }
      });
      chain = result.catch(() => undefined);
      return result;
    },
    async close() {
      await chain;
    },
  };
}
