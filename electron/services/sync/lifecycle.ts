import { sql, type Transaction } from 'kysely';
import type { CaseDb } from '../../../db/connection.ts';
import type { Database } from '../../../db/schema.ts';
import {
  countLocalReviewItems,
  deferredRemovals,
  removeRows,
  replaceLocalReviewItems,
} from '../../../db/repositories/sync-lifecycle.ts';
import type { ExitsResponse, PulledRow, ReviewsResponse } from '../../../shared/sync/protocol.ts';

// The desktop's side of a record's life after the first sync (sync.md § Conflicts, § Scopes), run after
// each pull: rows the server deleted (tombstones, from the pull itself) or moved out of this desktop's
// scopes (a case transferred to another center's counselor) are removed here, unless they still have
// unsent edits (then after those are pushed, at the next sync); and the open review items of this
// desktop's scopes are stored so the case pages and the review list show them offline too.

const EXITS_CURSOR = 'exits';
const EXITS_PAGE = 1000;

export type AuthedGet = (path: string) => Promise<unknown>;

/** PRAGMA foreign_keys cannot change inside a transaction: it is switched around the whole unit of work. */
export async function withoutForeignKeys<T>(db: CaseDb, work: () => Promise<T>): Promise<T> {
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    return await work();
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

/** Removes the tombstones of a pulled page (inside its transaction) and returns the live rows. */
export async function removeTombstones(trx: Transaction<Database>, rows: PulledRow[]): Promise<PulledRow[]> {
  if (!rows.some((r) => r.deleted)) return rows;
  await removeRows(
    trx,
    rows
      .filter((r) => r.deleted)
      .map((r) => ({ table: r.table, id: r.id, seq: r.seq, reason: 'deleted' as const })),
  );
  return rows.filter((r) => !r.deleted);
}

export interface LifecycleCounts {
  removed: number;
  reviews: number;
}

export async function afterPull(db: CaseDb, get: AuthedGet, now: () => Date): Promise<LifecycleCounts> {
  let removed = 0;
  // Removals that waited for unsent edits: the push before this pull has sent them.
  const waiting = await deferredRemovals(db);
  if (waiting.length > 0) {
    removed += (
      await withoutForeignKeys(db, () => db.transaction().execute((trx) => removeRows(trx, waiting)))
    ).removed;
  }
  for (;;) {
    const cursor = Number(
      (
        await db
          .selectFrom('sync_cursors')
          .select('cursor')
          .where('scope', '=', EXITS_CURSOR)
          .executeTakeFirst()
      )?.cursor ?? 0,
    );
    const page = (await get(`/v1/sync/exits?cursor=${cursor}&limit=${EXITS_PAGE}`)) as ExitsResponse;
    const done = await withoutForeignKeys(db, () =>
      db.transaction().execute(async (trx) => {
        const result = await removeRows(
          trx,
          page.exits.map((e) => ({ table: e.table, id: e.id, seq: e.seq, reason: 'left-scope' as const })),
        );
        if (page.cursor < cursor) throw new Error('the server cursor went backwards');
        const at = now().toISOString();
        await trx
          .insertInto('sync_cursors')
          .values({ scope: EXITS_CURSOR, cursor: page.cursor, updated_at: at })
          .onConflict((oc) => oc.column('scope').doUpdateSet({ cursor: page.cursor, updated_at: at }))
          .execute();
        return result;
      }),
    );
    removed += done.removed;
    if (!page.hasMore) break;
  }
  const reviews = (await get('/v1/sync/reviews')) as ReviewsResponse;
  await db.transaction().execute((trx) =>
    replaceLocalReviewItems(
      trx,
      reviews.items.map((i) => ({
        id: i.id,
        kind: i.kind,
        table: i.table,
        rowId: i.rowId,
        caseId: i.caseId,
        json: JSON.stringify(i),
      })),
    ),
  );
  return { removed, reviews: await countLocalReviewItems(db) };
}
