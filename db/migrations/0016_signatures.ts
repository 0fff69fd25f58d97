import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// Issue 18 item 2 (a jobseeker signs a form on a pad). FROZEN once landed.
//
// - signatures: one row per signing, never changed (append-only, synced): which form (document_kind) of
//   which record, the sha256 of the form's content as the jobseeker read it (a form changed later no
//   longer matches, and shows unsigned), the pad's PNG (base64, bounded by the sync declaration), when,
//   and the counselor who held the session. The store is encrypted as a whole, so is the picture.
//   Like the other append-only synced tables, rows leave only when sync names them in sync_purge (0008).

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

const COLUMNS = [
  'id',
  'hlc',
  'jobseeker_id',
  'document_kind',
  'record_id',
  'document_sha256',
  'image_png',
  'signed_at',
  'counselor_id',
];

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    await db.schema
      .createTable('signatures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('jobseeker_id', 'text', (c) => c.notNull().references('jobseekers.id'))
      .addColumn('document_kind', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('document_sha256', 'text', (c) => c.notNull())
      .addColumn('image_png', 'text', (c) => c.notNull())
      .addColumn('signed_at', 'text', (c) => c.notNull())
      .addColumn('counselor_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('signatures_document')
      .on('signatures')
      .columns(['document_kind', 'record_id', 'signed_at'])
      .execute();
    await db.schema.createIndex('signatures_jobseeker').on('signatures').column('jobseeker_id').execute();

    const purged = `EXISTS (SELECT 1 FROM sync_purge WHERE table_name = 'signatures' AND row_id = OLD.id)`;
    if (dialect === 'sqlite') {
      const unchanged = COLUMNS.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ');
      await sql
        .raw(
          `CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures
           WHEN NOT (${unchanged})
           BEGIN SELECT RAISE(ABORT, 'signatures is append-only'); END`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
           WHEN NOT ${purged}
           BEGIN SELECT RAISE(ABORT, 'signatures is append-only'); END`,
        )
        .execute(db);
      return;
    }
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION signatures_append_only() RETURNS trigger AS $$
         BEGIN
           IF TG_OP = 'DELETE' THEN
             IF ${purged} THEN RETURN OLD; END IF;
             RAISE EXCEPTION 'signatures is append-only';
           END IF;
           IF (to_jsonb(NEW) - 'seq') <> (to_jsonb(OLD) - 'seq') THEN
             RAISE EXCEPTION 'signatures is append-only';
           END IF;
           RETURN NEW;
         END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER signatures_append_only BEFORE UPDATE OR DELETE ON signatures
         FOR EACH ROW EXECUTE FUNCTION signatures_append_only()`,
      )
      .execute(db);
  },
};
