import type { Kysely } from 'kysely';
import type { Migration, SqlDialect } from '../../migrations/types.ts';

// FROZEN once landed. Attachment bytes (issue 18 item 3), content-addressed by their SHA-256, outside
// the row log: `blob_chunks` holds what has arrived (the bytes themselves when the server keeps them in
// its database, null when it keeps them in a folder: `--blob-dir`), `blobs` a file whose chunks were put
// together and matched its hash (only then may desktops download it).

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema */

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
    await db.schema
      .createTable('blob_chunks')
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('bytes', bytes)
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('blob_chunks_pk', ['sha256', 'n'])
      .execute();
    await db.schema
      .createTable('blobs')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('chunk_count', 'integer', (c) => c.notNull())
      .addColumn('committed_at', 'text', (c) => c.notNull())
      .addColumn('committed_by', 'text', (c) => c.notNull())
      .execute();
  },
};
