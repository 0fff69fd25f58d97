import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AttachmentTable, Database, EmployerAttachmentTable } from '../schema.ts';

// SQL of document attachments (issue 18 item 3): the metadata rows of both tables (a case's files and an
// employer's), the referral's chosen files, and the bytes kept by content in `attachment_blobs`.

type Db = Kysely<Database> | Transaction<Database>;
export type FileTable = 'attachments' | 'employer_attachments';
export type CaseAttachmentRow = Selectable<AttachmentTable> & { added_by_name: string | null };
export type EmployerAttachmentRow = Selectable<EmployerAttachmentTable> & { added_by_name: string | null };
export type AnyAttachmentRow = (CaseAttachmentRow | EmployerAttachmentRow) & { table: FileTable };

export async function listCaseAttachments(db: Db, jobseekerId: string): Promise<CaseAttachmentRow[]> {
  return db
    .selectFrom('attachments as a')
    .leftJoin('users as u', 'u.id', 'a.added_by')
    .selectAll('a')
    .select('u.display_name as added_by_name')
    .where('a.jobseeker_id', '=', jobseekerId)
    .orderBy('a.added_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

export async function listEmployerAttachments(
  db: Db,
  where: { employerId: string } | { openingId: string },
): Promise<EmployerAttachmentRow[]> {
  let q = db
    .selectFrom('employer_attachments as a')
    .leftJoin('users as u', 'u.id', 'a.added_by')
    .selectAll('a')
    .select('u.display_name as added_by_name');
  q =
    'employerId' in where
      ? q.where('a.employer_id', '=', where.employerId)
      : q.where('a.opening_id', '=', where.openingId);
  return q.orderBy('a.added_at', 'desc').orderBy('a.id', 'desc').execute();
}

export async function findAttachment(db: Db, id: string): Promise<AnyAttachmentRow | undefined> {
  const own = await db
    .selectFrom('attachments as a')
    .leftJoin('users as u', 'u.id', 'a.added_by')
    .selectAll('a')
    .select('u.display_name as added_by_name')
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (own) return { ...own, table: 'attachments' };
  const employer = await db
    .selectFrom('employer_attachments as a')
    .leftJoin('users as u', 'u.id', 'a.added_by')
    .selectAll('a')
    .select('u.display_name as added_by_name')
    .where('a.id', '=', id)
    .executeTakeFirst();
  return employer ? { ...employer, table: 'employer_attachments' } : undefined;
}

/** Hashes of the files on this PC (of those asked). */
export async function presentBlobs(db: Db, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .selectFrom('attachment_blobs')
    .select('sha256')
    .where('sha256', 'in', hashes)
    .execute();
  return new Set(rows.map((r) => r.sha256));
}

export async function blobBytes(db: Db, sha256: string): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('attachment_blobs')
    .select('bytes')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row?.bytes;
}

/** Keeps a file's bytes once, whatever number of records name it. */
export async function keepBlob(
  db: Db,
  b: { sha256: string; bytes: Uint8Array; uploaded: boolean },
): Promise<void> {
  await db
    .insertInto('attachment_blobs')
    .values({ sha256: b.sha256, size: b.bytes.length, bytes: b.bytes, uploaded: b.uploaded ? 1 : 0 })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

/** Drops the bytes when no record that is not removed names them any more. */
export async function dropUnusedBlob(db: Db, sha256: string): Promise<void> {
  const used = await db
    .selectFrom('attachments')
    .select('id')
    .where('sha256', '=', sha256)
    .where('removed', '=', 0)
    .union(
      db
        .selectFrom('employer_attachments')
        .select('id')
        .where('sha256', '=', sha256)
        .where('removed', '=', 0),
    )
    .executeTakeFirst();
  if (!used) {
    await zeroed(db, async () => {
      await db.deleteFrom('attachment_blobs').where('sha256', '=', sha256).execute();
      await db.deleteFrom('attachment_chunks').where('sha256', '=', sha256).execute();
    });
  }
}

/**
 * Runs deletes with SQLite's secure_delete on: the freed pages are overwritten, so a removed file's
 * content does not linger in the store's free pages (still encrypted, but readable with the key) until
 * SQLite reuses them. Only for these deletes: elsewhere the default stands.
 */
async function zeroed<T>(db: Db, run: () => Promise<T>): Promise<T> {
  await sql`PRAGMA secure_delete = ON`.execute(db);
  try {
    return await run();
  } finally {
    await sql`PRAGMA secure_delete = OFF`.execute(db);
  }
}

/**
 * Drops every file no record that is not removed names (a removal or a purge that arrived by sync, where
 * dropUnusedBlob never ran on this PC), and chunks of downloads nobody wants any more. Returns how many
 * files went.
 */
export async function dropUnusedBlobs(db: Db): Promise<number> {
  const live = db
    .selectFrom('attachments')
    .select('sha256')
    .where('removed', '=', 0)
    .union(db.selectFrom('employer_attachments').select('sha256').where('removed', '=', 0));
  return zeroed(db, async () => {
    const gone = await db.deleteFrom('attachment_blobs').where('sha256', 'not in', live).executeTakeFirst();
    await db.deleteFrom('attachment_chunks').where('sha256', 'not in', live).execute();
    return Number(gone.numDeletedRows);
  });
}

/** The referral's chosen files (ids of case attachments). */
export async function referralAttachmentIds(db: Db, referralId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('referral_attachments')
    .select('attachment_id')
    .where('referral_id', '=', referralId)
    .orderBy('added_at')
    .execute();
  return rows.map((r) => r.attachment_id);
}
