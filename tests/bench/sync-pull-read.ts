import type { Kysely } from 'kysely';
import { rowsAfter, type ScopeFilter, type SyncRow } from '../../db/server/repositories/sync.ts';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { BenchContext } from './types.ts';

// Issue #14: the pull's page read, the consistent one (`rowsAfter`: one statement, one snapshot) side
// by side with the one it replaced (three per-scope queries in parallel on separate pool connections,
// which could skip rows under concurrent pushes). Both read the same pages of the seeded store on
// PostgreSQL, interleaved page by page so that both see the same machine load.

const PAGE = 1000;
const PAGES = 100;

/**
 * BENCH ONLY, NOT SAFE: the pull's page read before issue #14. Each scope's query runs on its own pool
 * connection with its own snapshot, so a commit landing between them can move the page's end past rows
 * one query did not see. Kept here only to measure what the consistent read costs.
 */
export async function rowsAfterParallelUnsafe(
  db: Kysely<ServerDatabase>,
  scope: ScopeFilter,
  cursor: number,
  limit: number,
): Promise<SyncRow[]> {
  const byScope = (column: 'scope_center' | 'scope_owner' | 'scope_region', value: string) =>
    db
      .selectFrom('sync_rows')
      .selectAll()
      .where(column, '=', value)
      .where('seq', '>', cursor)
      .orderBy('seq')
      .limit(limit)
      .execute();
  const lists = await Promise.all([
    byScope('scope_center', scope.centerCode),
    byScope('scope_owner', scope.userId),
    byScope('scope_region', scope.region),
  ]);
  const seen = new Set<string>();
  const merged: SyncRow[] = [];
  for (const row of lists.flat().sort((a, b) => Number(a.seq) - Number(b.seq))) {
    const key = `${row.table_name}\u0000${row.row_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(row);
    if (merged.length === limit) break;
  }
  return merged;
}

type Read = (cursor: number) => Promise<SyncRow[]>;

/** Reads PAGES pages from `from` with both reads, page by page; the time each took, in ms. */
async function walk(consistent: Read, parallel: Read, from: number): Promise<[number, number, number]> {
  let cursorA = from;
  let cursorB = from;
  let a = 0;
  let b = 0;
  let rows = 0;
  for (let i = 0; i < PAGES; i++) {
    let t = performance.now();
    const pa = await consistent(cursorA);
    a += performance.now() - t;
    t = performance.now();
    const pb = await parallel(cursorB);
    b += performance.now() - t;
    if (pa.length !== pb.length || pa.at(-1)?.seq !== pb.at(-1)?.seq)
      throw new Error(`the two reads disagree at page ${i} from ${from}`);
    rows += pa.length;
    if (pa.length === 0) break;
    cursorA = Number(pa.at(-1)?.seq);
    cursorB = Number(pb.at(-1)?.seq);
  }
  return [a, b, rows];
}

export async function pullReadFigures(
  ctx: BenchContext,
  db: Kysely<ServerDatabase>,
  caller: ScopeFilter,
): Promise<void> {
  const consistent: Read = (c) => rowsAfter(db, caller, c, PAGE + 1);
  const parallel: Read = (c) => rowsAfterParallelUnsafe(db, caller, c, PAGE + 1);
  const max = await db
    .selectFrom('sync_rows')
    .select((eb) => eb.fn.max('seq').as('m'))
    .executeTakeFirst();
  // Warm both (plans, caches), then the log's start and its middle.
  await walk(consistent, parallel, 0);
  for (const [name, from] of [
    ['start', 0],
    ['middle', Math.floor(Number(max?.m ?? 0) / 2)],
  ] as const) {
    const [a, b, rows] = await walk(consistent, parallel, from);
    const pages = Math.max(1, Math.ceil(rows / PAGE));
    ctx.report.figure(`sync.pullPage.${name}.consistent.perPage`, a / pages, 'ms');
    ctx.report.figure(`sync.pullPage.${name}.parallelUnsafe.perPage`, b / pages, 'ms');
    ctx.report.figure(
      `sync.pullPage.${name}.consistentRowsPerSecond`,
      Math.round(rows / (a / 1000)),
      'rows/s',
    );
    ctx.report.figure(
      `sync.pullPage.${name}.parallelUnsafeRowsPerSecond`,
      Math.round(rows / (b / 1000)),
      'rows/s',
    );
  }
}
