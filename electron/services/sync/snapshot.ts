import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { CaseDb } from '../../../db/connection.ts';
import type { Database } from '../../../db/schema.ts';
import { getMeta } from '../../../db/repositories/meta.ts';
import type { ScopeName } from '../../../shared/sync/checksum.ts';
import type { PulledRow } from '../../../shared/sync/protocol.ts';
import type { ScopesResponse, SnapshotLine } from '../../../shared/sync/snapshot.ts';
import { applyPulledPage } from './apply-pulled.ts';
import { withoutForeignKeys } from './lifecycle.ts';

// Snapshots (sync.md § First download and checks). A new desktop does not replay the log: it downloads
// the current rows of each of its scopes up to the server's seq at the start (`upTo`), then pulls the
// log from `upTo`. The plan (upTo and scopes) is kept in meta and each scope's progress (the seq of the
// last row applied) in sync_cursors, committed with the rows it covers, so a download cut off by a
// closed laptop or a lost connection continues where it stopped. A row that changes while the snapshot
// runs is either sent already changed or comes again through the log: both end at the latest version.
// The same machinery downloads one scope again when its checksum differs (verify.ts).

const PLAN_KEY = 'sync.snapshot';
const PROGRESS = 'snapshot:';
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

async function setCursor(db: Kysely<Database>, scope: string, cursor: number, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('sync_cursors')
    .values({ scope, cursor, updated_at: at })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ cursor, updated_at: at }))
    .execute();
}

export async function savePlan(db: CaseDb, plan: SnapshotPlan): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`insert into meta (key, value) values (${PLAN_KEY}, ${JSON.stringify(plan)})
              on conflict(key) do update set value = excluded.value`.execute(trx);
    for (const scope of plan.scopes)
      await trx
        .deleteFrom('sync_cursors')
        .where('scope', '=', PROGRESS + scope)
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
  // SQLite folds the WAL back into the file (a checkpoint) inside whichever commit crosses its
  // threshold, which makes that commit several times longer. Here checkpoints run in a turn of their
  // own between transactions instead, so no single piece of work holds the event loop for both.
  const autoCheckpoint = Number(
    (await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(d.db)).rows[0]
      ?.wal_autocheckpoint ?? 1000,
  );
  await sql`PRAGMA wal_autocheckpoint = 0`.execute(d.db);
  try {
    await runScopes(d, plan, autoCheckpoint, (n) => {
      applied += n;
      d.onRows?.(applied);
    });
  } finally {
    await sql.raw(`PRAGMA wal_autocheckpoint = ${Math.max(0, Math.trunc(autoCheckpoint))}`).execute(d.db);
  }
  await finish(d.db, plan, d.now());
  return applied;
}

async function runScopes(
  d: SnapshotDeps,
  plan: SnapshotPlan,
  walPages: number,
  onApplied: (n: number) => void,
): Promise<void> {
  for (const scope of plan.scopes) {
    for (;;) {
      const progress = await d.db
        .selectFrom('sync_cursors')
        .select('cursor')
        .where('scope', '=', PROGRESS + scope)
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
        await setCursor(d.db, PROGRESS + scope, plan.upTo, d.now());
        continue;
      }
      const end = await applyStream(d, scope, lines, walPages, onApplied);
      if (!end) throw new SnapshotCutOff();
      // The whole scope is here once the server says nothing more is to come.
      if (!end.more) await setCursor(d.db, PROGRESS + scope, plan.upTo, d.now());
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
  d: SnapshotDeps,
  scope: string,
  lines: AsyncIterable<string>,
  walPages: number,
  onApplied: (n: number) => void,
): Promise<Extract<SnapshotLine, { end: true }> | null> {
  let batch: PulledRow[] = [];
  let last = 0;
  let sinceCheckpoint = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await withoutForeignKeys(d.db, () =>
      d.db.transaction().execute(async (trx) => {
        await applyPulledPage(trx, rows, turn);
        await setCursor(trx, PROGRESS + scope, last, d.now());
      }),
    );
    onApplied(rows.length);
    // Let the windows' requests run between batches: a first download never freezes the app.
    await turn();
    sinceCheckpoint += rows.length;
    // About as often as SQLite would (each batch fills about its threshold of WAL pages), in a turn of
    // its own: its time grows with the pages it copies, so often and small keeps each one short.
    if (walPages > 0 && sinceCheckpoint >= walPages * 2) {
      sinceCheckpoint = 0;
      await sql`PRAGMA wal_checkpoint(PASSIVE)`.execute(d.db);
      await turn();
    }
  };
  try {
    for await (const text of lines) {
      const line = JSON.parse(text) as SnapshotLine;
      if ('end' in line) {
        await flush();
        return line;
      }
      batch.push({
        table: line.t,
        id: line.i,
        seq: line.s,
        data: line.d,
        ...(line.x ? { deleted: true as const } : {}),
      });
      last = line.s;
      if (batch.length >= BATCH_ROWS) await flush();
    }
  } catch (error) {
    // Keep what arrived before the break: the next request starts after it.
    await flush();
    throw error;
  }
  await flush();
  return null;
}

/** One turn of the event loop (timers, IPC), between pieces of synchronous SQLite work. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function finish(db: CaseDb, plan: SnapshotPlan, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // The log continues from the snapshot's seq (never backwards: a repair starts from a later one).
    if (plan.first) {
      if ((await logCursor(trx)) < plan.upTo) await setCursor(trx, LOG_CURSOR, plan.upTo, now);
      await sql`insert into meta (key, value) values (${FIRST_DONE_KEY}, ${now.toISOString()})
                on conflict(key) do update set value = excluded.value`.execute(trx);
    }
    await trx.deleteFrom('sync_cursors').where('scope', 'like', `${PROGRESS}%`).execute();
    await trx.deleteFrom('meta').where('key', '=', PLAN_KEY).execute();
    // Compare checksums after the catch-up that follows (verify.ts).
    await sql`insert into meta (key, value) values (${VERIFY_DUE_KEY}, ${now.toISOString()})
              on conflict(key) do update set value = excluded.value`.execute(trx);
  });
}
