import type { Kysely } from 'kysely';
import type { SqlDialect } from '../../db/migrations/types.ts';
import type { ServerDb } from '../../db/server/connection.ts';
import { lockSequencer } from '../../db/server/repositories/sync.ts';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { BlobStore } from './store.ts';

// Retention of attachment bytes on the server (issue 18 item 3). The bytes of a file are kept while at
// least one live attachment row (not removed, not purged) names their sha256; once the last such row is
// a tombstone (removed = 1, with its reason) or purged, the file and any chunks of it go, wherever they
// are kept (database or `--blob-dir`). The rows stay: the tombstone keeps the hash, the file name and
// who removed it why, and the audit entries of its adding and removal keep the hash too, so a copy
// found later can still be matched to what was removed; only the content leaves.
//
// It runs after a push that removed a file (so a removal is honoured at once) and with the daily
// retention work; both are idempotent, and a worker running it twice drops nothing live. An upload under
// way keeps its chunks: its row is live.

type Db = Kysely<ServerDatabase>;

export const BLOB_ROW_TABLES = ['attachments', 'employer_attachments'] as const;

export interface BlobSweep {
  /** Whole files dropped. */
  files: number;
  /** Files whose chunks had arrived but were never put together, dropped. */
  partial: number;
}

/** The contents still named by a live attachment row. */
async function liveHashes(db: Db): Promise<Set<string>> {
  const rows = await db
    .selectFrom('sync_rows')
    .select('data')
    .where('table_name', 'in', [...BLOB_ROW_TABLES])
    .where('deleted_at', 'is', null)
    .execute();
  const live = new Set<string>();
  for (const r of rows) {
    // Parsed here rather than with each dialect's JSON functions: one code path for both, and the rows
    // are metadata only (a few hundred bytes each).
    const data = JSON.parse(r.data) as { sha256?: unknown; removed?: unknown };
    if (typeof data.sha256 === 'string' && data.removed !== 1) live.add(data.sha256);
  }
  return live;
}

export async function sweepBlobs(db: ServerDb, dialect: SqlDialect, store: BlobStore): Promise<BlobSweep> {
  // Decided and recorded under the sequencer's lock: no push adds a row naming a content between the
  // look at the live rows and the drop of the file record (else a desktop adding the same file again
  // could be told "already here" by a record about to go, and never send it).
  const doomed = await db.transaction().execute(async (trx) => {
    await lockSequencer(trx, dialect);
    const live = await liveHashes(trx);
    const whole = (await trx.selectFrom('blobs').select('sha256').execute()).map((r) => r.sha256);
    const chunked = (await trx.selectFrom('blob_chunks').select('sha256').distinct().execute()).map(
      (r) => r.sha256,
    );
    const gone = [...new Set([...whole, ...chunked])].filter((sha) => !live.has(sha));
    for (const sha256 of gone) {
      await trx.deleteFrom('blobs').where('sha256', '=', sha256).execute();
      await trx.deleteFrom('blob_chunks').where('sha256', '=', sha256).execute();
    }
    return gone.map((sha256) => ({ sha256, whole: whole.includes(sha256) }));
  });
  // Then the bytes wherever they are kept (a folder's files; in the database they went above). A chunk
  // of the same content sent again meanwhile goes too; its desktop's commit says what is missing, and
  // the next sync sends it again.
  for (const d of doomed) await store.drop(d.sha256);
  return {
    files: doomed.filter((d) => d.whole).length,
    partial: doomed.filter((d) => !d.whole).length,
  };
}

/**
 * Whether a push removed an attachment row: a mutation of the body that sets `removed = 1` and that the
 * answer says was applied (a refused or held one removes nothing, and costs no sweep).
 */
export function removedAttachment(body: unknown, answer: unknown): boolean {
  const mutations = (body as { mutations?: unknown } | null)?.mutations;
  const results = (answer as { results?: unknown } | null)?.results;
  if (!Array.isArray(mutations) || !Array.isArray(results)) return false;
  const applied = new Set(
    results
      .filter((r: unknown) => (r as { status?: unknown } | null)?.status === 'applied')
      .map((r: unknown) => (r as { clientSeq?: unknown }).clientSeq),
  );
  return mutations.some((m: unknown) => {
    const x = m as { clientSeq?: unknown; table?: unknown; fields?: { removed?: unknown } } | null;
    return (
      !!x &&
      (BLOB_ROW_TABLES as readonly unknown[]).includes(x.table) &&
      x.fields?.removed === 1 &&
      applied.has(x.clientSeq)
    );
  });
}
