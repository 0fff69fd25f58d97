import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { CaseDb } from '../../../db/connection.ts';
import type { Database } from '../../../db/schema.ts';
import { getMeta } from '../../../db/repositories/meta.ts';
import type { ScopeName } from '../../../shared/sync/checksum.ts';
import type { ScopesResponse, SnapshotEndLine } from '../../../shared/sync/snapshot.ts';
import { PROGRESS_PREFIX, setCursor, type BatchResult } from './snapshot-batch.ts';
import { inThreadWriter, type SnapshotWriter, type SnapshotWriterFactory } from './snapshot-writer.ts';

// Snapshots (sync.md § First download and checks). A new desktop does not replay the log: it downloads
// the current rows of each of its scopes up to the server's seq at the start (`upTo`), then pulls the
// log from `upTo`. The plan (upTo and scopes) is kept in meta and each scope's progress (the seq of the
// last row applied) in sync_cursors, committed with the rows it covers, so a download cut off by a
// closed laptop or a lost connection continues where it stopped. A row that changes while the snapshot
// runs is either sent already changed or comes again through the log: both end at the latest version.
// The same machinery downloads one scope again when its checksum differs (verify.ts).

const PLAN_KEY = 'sync.snapshot';
export const LOG_CURSOR = 'all';
export const VERIFY_DUE_KEY = 'sync.verify.due';
/** Set when the first download ended (a server with nothing yet for this desktop leaves the cursor at 0). */
const FIRST_DONE_KEY = 'sync.firstDownload';
/** Rows per request: large, since the answer is streamed and applied as it arrives. */
const REQUEST_ROWS = 50_000;
/**
 * Rows per transaction: each commits with its progress. Fewer, larger commits write each index page
 * once instead of several times; the event loop turns between the transaction's statements.
 */
const BATCH_ROWS = 2000;
/** Batches handed to the writer and not yet committed: one being written, one waiting. */
const IN_FLIGHT = 2;

export interface SnapshotPlan {
  upTo: number;
  scopes: ScopeName[];
  /** A first download (sets the log cursor to upTo at the end) or a repair of some scopes. */
  first: boolean;
}

export interface SnapshotDeps {
  db: CaseDb;
  now: () => Date;
  schemaVersion: number;
  get: (path: string) => Promise<unknown>;
  /** An authenticated streamed GET; throws like `get` for an answer other than 200. */
  stream: (path: string) => Promise<AsyncIterable<string>>;
  /** Rows applied so far in this run, after each batch. */
  onRows?: (rows: number) => void;
  /** Where batches are written: on a worker thread in the app (snapshot-thread.ts); here by default. */
  writer?: SnapshotWriterFactory;
}

export async function logCursor(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('sync_cursors')
    .select('cursor')
    .where('scope', '=', LOG_CURSOR)
    .executeTakeFirst();
  return Number(row?.cursor ?? 0);
}

export async function snapshotPlan(db: CaseDb): Promise<SnapshotPlan | null> {
  const text = await getMeta(db, PLAN_KEY);
  return text ? (JSON.parse(text) as SnapshotPlan) : null;
}

export async function savePlan(db: CaseDb, plan: SnapshotPlan): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`insert into meta (key, value) values (${PLAN_KEY}, ${JSON.stringify(plan)})
              on conflict(key) do update set value = excluded.value`.execute(trx);
    for (const scope of plan.scopes)
      await trx
        .deleteFrom('sync_cursors')
        .where('scope', '=', PROGRESS_PREFIX + scope)
        .execute();
  });
}

/**
 * A desktop that has never pulled starts with a snapshot of all its scopes. Returns whether one is
 * planned (or was already under way).
 */
export async function planFirstDownload(d: SnapshotDeps): Promise<boolean> {
  if (await snapshotPlan(d.db)) return true;
  if ((await logCursor(d.db)) > 0 || (await getMeta(d.db, FIRST_DONE_KEY))) return false;
  const scopes = (await d.get(`/v1/sync/scopes?cursor=0&schemaVersion=${d.schemaVersion}`)) as ScopesResponse;
  await savePlan(d.db, { upTo: scopes.upTo, scopes: scopes.scopes.map((s) => s.scope), first: true });
  return true;
}

/** Runs (or resumes) the planned snapshot to its end; returns the rows applied. */
export async function runSnapshot(d: SnapshotDeps): Promise<number> {
  const plan = await snapshotPlan(d.db);
  if (!plan) return 0;
  let applied = 0;
  // The writer checkpoints on its own cadence (snapshot-writer.ts). This connection's automatic
  // checkpoint is off meanwhile too: a write here (an audit entry, a counselor's save) would otherwise
  // fold the whole WAL the download is filling into the file inside that commit, on the main thread.
  const writer = (d.writer ?? (() => inThreadWriter(d.db, d.now)))();
  try {
    const autoCheckpoint = Number(
      (await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(d.db)).rows[0]
        ?.wal_autocheckpoint ?? 1000,
    );
    await sql`PRAGMA wal_autocheckpoint = 0`.execute(d.db);
    try {
      await runScopes(d, writer, plan, (n) => {
        applied += n;
        d.onRows?.(applied);
      });
    } finally {
      await sql.raw(`PRAGMA wal_autocheckpoint = ${Math.max(0, Math.trunc(autoCheckpoint))}`).execute(d.db);
    }
  } finally {
    await writer.close();
  }
  await finish(d.db, plan, d.now());
  return applied;
}

async function runScopes(
  d: SnapshotDeps,
  writer: SnapshotWriter,
  plan: SnapshotPlan,
  onApplied: (n: number) => void,
): Promise<void> {
  for (const scope of plan.scopes) {
    for (;;) {
      const progress = await d.db
        .selectFrom('sync_cursors')
        .select('cursor')
        .where('scope', '=', PROGRESS_PREFIX + scope)
        .executeTakeFirst();
      const after = Number(progress?.cursor ?? 0);
      if (after >= plan.upTo) break;
      const path =
        `/v1/sync/snapshot?scope=${encodeURIComponent(scope)}&upTo=${plan.upTo}&after=${after}` +
        `&limit=${REQUEST_ROWS}&schemaVersion=${d.schemaVersion}`;
      let lines: AsyncIterable<string>;
      try {
        lines = await d.stream(path);
      } catch (error) {
        // The scope is no longer this account's (moved to another center since the plan was made):
        // nothing of it is to be downloaded; the log and scope exits take care of the rest.
        if ((error as { status?: number }).status !== 403) throw error;
        await setCursor(d.db, PROGRESS_PREFIX + scope, plan.upTo, d.now().toISOString());
        continue;
      }
      const end = await applyStream(writer, scope, lines, onApplied);
      if (!end) throw new SnapshotCutOff();
      // The whole scope is here once the server says nothing more is to come.
      if (!end.more) await setCursor(d.db, PROGRESS_PREFIX + scope, plan.upTo, d.now().toISOString());
    }
  }
}

/** The stream broke before its end line; what arrived is committed, the next run continues. */
export class SnapshotCutOff extends Error {
  constructor() {
    super('The download was cut off; it continues from where it stopped at the next sync.');
    this.name = 'SnapshotCutOff';
  }
}

async function applyStream(
  writer: SnapshotWriter,
  scope: string,
  lines: AsyncIterable<string>,
  onApplied: (n: number) => void,
): Promise<SnapshotEndLine | null> {
  // Batches go to the writer as they fill; while one is written the next is read off the network.
  // At most IN_FLIGHT are given and not yet written, which bounds the memory a fast server can fill.
  const inFlight: Array<Promise<BatchResult>> = [];
  let end: SnapshotEndLine | null = null;
  let batch: string[] = [];
  const settleOldest = async () => {
    const r = await (inFlight.shift() as Promise<BatchResult>);
    onApplied(r.applied);
    if (r.end) end = r.end;
  };
  const send = async () => {
    if (batch.length === 0) return;
    inFlight.push(writer.write(scope, batch));
    batch = [];
    while (inFlight.length > IN_FLIGHT) await settleOldest();
  };
  let broken: Error | null = null;
  try {
    for await (const text of lines) {
      batch.push(text);
      if (batch.length >= BATCH_ROWS) await send();
    }
  } catch (error) {
    // Keep what arrived before the break: the next request starts after it.
    broken = error instanceof Error ? error : new Error(String(error));
  }
  await send();
  // Every batch given is settled before returning or throwing, so no write is left running behind
  // the caller (a failed batch fails those after it; the first failure is the one reported).
  let failed: Error | null = null;
  while (inFlight.length > 0) {
    try {
      await settleOldest();
    } catch (error) {
      failed ??= error instanceof Error ? error : new Error(String(error));
    }
  }
  if (failed) throw failed;
  if (broken) throw broken;
  return end;
}

async function finish(db: CaseDb, plan: SnapshotPlan, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // The log continues from the snapshot's seq (never backwards: a repair starts from a later one).
    if (plan.first) {
      if ((await logCursor(trx)) < plan.upTo) await setCursor(trx, LOG_CURSOR, plan.upTo, now.toISOString());
      await sql`insert into meta (key, value) values (${FIRST_DONE_KEY}, ${now.toISOString()})
                on conflict(key) do update set value = excluded.value`.execute(trx);
    }
    await trx.deleteFrom('sync_cursors').where('scope', 'like', `${PROGRESS_PREFIX}%`).execute();
    await trx.deleteFrom('meta').where('key', '=', PLAN_KEY).execute();
    // Compare checksums after the catch-up that follows (verify.ts).
    await sql`insert into meta (key, value) values (${VERIFY_DUE_KEY}, ${now.toISOString()})
              on conflict(key) do update set value = excluded.value`.execute(trx);
  });
}
