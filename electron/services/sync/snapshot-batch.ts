import type { Kysely } from 'kysely';
import type { CaseDb } from '../../../db/connection.ts';
import type { Database } from '../../../db/schema.ts';
import type { PulledRow } from '../../../shared/sync/protocol.ts';
import type { SnapshotEndLine, SnapshotLine } from '../../../shared/sync/snapshot.ts';
import { applyPulledPage } from './apply-pulled.ts';
import { withoutForeignKeys } from './lifecycle.ts';

// One batch of a snapshot stream, applied: its rows and the scope's progress (the seq of the last row)
// committed in one transaction, so a download cut off anywhere continues after the last whole batch.
// The same function runs on the main thread (snapshot-writer.ts) and on the download's worker thread
// (snapshot-worker.ts); it takes the lines as they came off the wire, so the thread that applies them
// also parses them.

/** sync_cursors rows `snapshot:<scope>` hold each scope's progress while a snapshot runs. */
export const PROGRESS_PREFIX = 'snapshot:';

export interface BatchResult {
  /** Rows written (tombstones included). */
  applied: number;
  /** The stream's end line, when this batch held it. */
  end: SnapshotEndLine | null;
}

export async function setCursor(
  db: Kysely<Database>,
  scope: string,
  cursor: number,
  nowIso: string,
): Promise<void> {
  await db
    .insertInto('sync_cursors')
    .values({ scope, cursor, updated_at: nowIso })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ cursor, updated_at: nowIso }))
    .execute();
}

/** A line that is not a snapshot line: the batch is refused whole, nothing of it is written. */
export class BadSnapshotLine extends Error {
  override readonly name = 'BadSnapshotLine';
}

function parseLine(text: string): SnapshotLine {
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch {
    throw new BadSnapshotLine('The server sent a snapshot line that is not JSON.');
  }
  const l = line as Partial<Record<string, unknown>> | null;
  if (l && l['end'] === true && typeof l['after'] === 'number' && typeof l['more'] === 'boolean')
    return l as unknown as SnapshotEndLine;
  if (
    l &&
    typeof l['t'] === 'string' &&
    typeof l['i'] === 'string' &&
    typeof l['s'] === 'number' &&
    typeof l['d'] === 'object' &&
    l['d'] !== null
  )
    return l as unknown as SnapshotLine;
  throw new BadSnapshotLine('The server sent a snapshot line of an unknown shape.');
}

/**
 * Applies `lines` of `scope`'s snapshot stream (rows, perhaps followed by the end line). `pause`, when
 * given, runs between statements (the main thread lets its event loop turn there).
 */
export async function applySnapshotBatch(
  db: CaseDb,
  scope: string,
  lines: readonly string[],
  nowIso: string,
  pause?: () => Promise<void>,
): Promise<BatchResult> {
  const rows: PulledRow[] = [];
  let end: SnapshotEndLine | null = null;
  for (const text of lines) {
    const line = parseLine(text);
    if ('end' in line) {
      end = line;
      break;
    }
    rows.push({
      table: line.t,
      id: line.i,
      seq: line.s,
      data: line.d,
      ...(line.x ? { deleted: true as const } : {}),
    });
  }
  const last = rows.at(-1);
  if (!last) return { applied: 0, end };
  await withoutForeignKeys(db, () =>
    db.transaction().execute(async (trx) => {
      await applyPulledPage(trx, rows, pause);
      await setCursor(trx, PROGRESS_PREFIX + scope, last.seq, nowIso);
    }),
  );
  return { applied: rows.length, end };
}
