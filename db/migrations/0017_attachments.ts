import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// Issue 18 item 3 (document attachments). FROZEN once landed.
//
// - attachments / employer_attachments: the synced metadata of a file kept on a case (a résumé, a
//   certificate, a scanned form), or on an employer or one of its openings. A removal is a tombstone:
//   removed = 1 with who, when and why; the row stays, the bytes go.
// - referral_attachments: which of the case's attachments went with a referral (append-only).
// - attachment_blobs: the bytes, by content (sha256), inside this encrypted store, never synced as rows.
//   In the store rather than in files beside it: SQLCipher already encrypts every page with the store's
//   key, a file and its metadata commit in one transaction (no orphan file after a crash, no row whose
//   file is missing), and a backup of the store carries its attachments. A 10 MB file is a handful of
//   overflow pages; SQLite reads a blob no slower than the file system at these sizes.
//   `uploaded` = 1 once the server holds the whole file (checked by its hash at the server's commit).
// - attachment_chunks: chunks of a file being downloaded, kept across restarts so a cut download resumes.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

function fileColumns<T extends string>(t: CreateTableBuilder<T, any>) {
  return t
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('resume', 'certificate', 'form', 'other')`),
    )
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) =>
      c.notNull().check(sql`mime in ('application/pdf', 'image/jpeg', 'image/png')`),
    )
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('removed_reason', 'text')
    .addColumn('removed_by', 'text')
    .addColumn('removed_at', 'text');
}

function synced<T extends string>(t: CreateTableBuilder<T, any>) {
  return t
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('hlc', 'text', (c) => c.notNull());
}

async function appendOnly(db: Kysely<any>, dialect: SqlDialect, table: string, columns: string[]) {
  const purged = `EXISTS (SELECT 1 FROM sync_purge WHERE table_name = '${table}' AND row_id = OLD.id)`;
  if (dialect === 'sqlite') {
    const unchanged = columns.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ');
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} WHEN NOT (${unchanged})
         BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} WHEN NOT ${purged}
         BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger AS $$
       BEGIN
         IF TG_OP = 'DELETE' THEN
           IF ${purged} THEN RETURN OLD; END IF;
           RAISE EXCEPTION '${table} is append-only';
         END IF;
         IF (to_jsonb(NEW) - 'seq') <> (to_jsonb(OLD) - 'seq') THEN RAISE EXCEPTION '${table} is append-only'; END IF;
         RETURN NEW;
       END $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
    )
    .execute(db);
}

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
    await fileColumns(
      synced(db.schema.createTable('attachments')).addColumn('jobseeker_id', 'text', (c) =>
        c.notNull().references('jobseekers.id'),
      ),
    ).execute();
    await db.schema.createIndex('attachments_jobseeker').on('attachments').column('jobseeker_id').execute();
    await fileColumns(
      synced(db.schema.createTable('employer_attachments'))
        .addColumn('employer_id', 'text', (c) => c.notNull().references('employers.id'))
        .addColumn('opening_id', 'text'),
    ).execute();
    await db.schema
      .createIndex('employer_attachments_employer')
      .on('employer_attachments')
      .column('employer_id')
      .execute();
    await synced(db.schema.createTable('referral_attachments'))
      .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id'))
      .addColumn('attachment_id', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('referral_attachments_referral')
      .on('referral_attachments')
      .column('referral_id')
      .execute();
    await appendOnly(db, dialect, 'referral_attachments', [
      'id',
      'hlc',
      'referral_id',
      'attachment_id',
      'added_by',
      'added_at',
    ]);
    await db.schema
      .createTable('attachment_blobs')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('bytes', bytes, (c) => c.notNull())
      .addColumn('uploaded', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('attachment_chunks')
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('bytes', bytes, (c) => c.notNull())
      .addPrimaryKeyConstraint('attachment_chunks_pk', ['sha256', 'n'])
      .execute();
  },
};
