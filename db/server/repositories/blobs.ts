import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../schema.ts';

// SQL of the blob store (server/blobs/): chunks that arrived, and files that were put together.

type Db = Kysely<ServerDatabase>;

export async function presentChunks(db: Db, sha256: string): Promise<number[]> {
  const rows = await db
    .selectFrom('blob_chunks')
    .select('n')
    .where('sha256', '=', sha256)
    .orderBy('n')
    .execute();
  return rows.map((r) => Number(r.n));
}

/** Records a chunk; the same chunk twice (a retried request) is one row. */
export async function recordChunk(
  db: Db,
  c: { sha256: string; n: number; size: number; bytes: Uint8Array | null; at: string },
): Promise<void> {
  await db
    .insertInto('blob_chunks')
    .values({ sha256: c.sha256, n: c.n, size: c.size, bytes: c.bytes, received_at: c.at })
    .onConflict((oc) => oc.columns(['sha256', 'n']).doNothing())
    .execute();
}

export async function chunkBytes(db: Db, sha256: string, n: number): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom('blob_chunks')
    .select('bytes')
    .where('sha256', '=', sha256)
    .where('n', '=', n)
    .executeTakeFirst();
  return row?.bytes ?? null;
}

export async function dropChunks(db: Db, sha256: string): Promise<void> {
  await db.deleteFrom('blob_chunks').where('sha256', '=', sha256).execute();
}

export async function getBlob(db: Db, sha256: string) {
  return db.selectFrom('blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export async function recordBlob(
  db: Db,
  b: { sha256: string; size: number; mime: string; chunkCount: number; at: string; by: string },
): Promise<void> {
  await db
    .insertInto('blobs')
    .values({
      sha256: b.sha256,
      size: b.size,
      mime: b.mime,
      chunk_count: b.chunkCount,
      committed_at: b.at,
      committed_by: b.by,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}
