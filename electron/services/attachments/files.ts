import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { appendOutbox, nextHlc } from '../../../db/repositories/outbox.ts';
import {
  dropUnusedBlob,
  findAttachment,
  keepBlob,
  listCaseAttachments,
  listEmployerAttachments,
  presentBlobs,
  blobBytes,
  type AnyAttachmentRow,
  type CaseAttachmentRow,
  type EmployerAttachmentRow,
} from '../../../db/repositories/attachments.ts';
import { getEmployer, getOpening } from '../../../db/repositories/employers.ts';
import { getMeta, setMeta } from '../../../db/repositories/meta.ts';
import { HEAD_BYTES, TAIL_BYTES, judgeBytes, judgeContent } from '../../../shared/attachments/content.ts';
import { DEFAULT_MAX_ATTACHMENT_BYTES, type AttachmentKind } from '../../../shared/attachments/limits.ts';
import type {
  AttachmentContent,
  AttachmentParent,
  AttachmentView,
} from '../../../shared/attachments/types.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { rule } from '../../../shared/contract/messages.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { accessibleJobseeker } from '../case-access.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { auditAction, insertSynced } from '../synced-writes.ts';

// Document attachments on a case, an employer or an opening (issue 18 item 3). A file is judged by its
// content (shared/attachments/content.ts) and its size against this PC's limit before anything is
// written; then its bytes (once per content), its metadata row with the outbox entry, and the audit
// entry commit together. Every preview and download of a file is an audit entry; a removal keeps the
// row as a tombstone with its reason and drops the bytes from this PC.

const LIMIT_KEY = 'attachments.maxBytes';
const MB = 1024 * 1024;

export interface ParentRef {
  table: AttachmentParent;
  id: string;
}

export async function attachmentLimit(ctx: ServiceContext): Promise<number> {
  const v = Number(await getMeta(ctx.db, LIMIT_KEY));
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_MAX_ATTACHMENT_BYTES;
}

export async function saveAttachmentLimit(
  ctx: ServiceContext,
  actor: SessionInfo,
  maxBytes: number,
): Promise<number> {
  await ctx.db.transaction().execute(async (trx) => {
    await setMeta(trx, LIMIT_KEY, String(maxBytes));
    await auditAction(trx, ctx, actor, {
      action: 'settings.attachmentLimit',
      subjectType: 'device',
      subjectId: ctx.deviceId,
      detail: { maxBytes },
    });
  });
  return maxBytes;
}

function tooLarge(limit: number): AppFailure {
  return new AppFailure({
    code: 'validation',
    message: rule('attachments.error.tooLarge', { max: Math.round((limit / MB) * 10) / 10 }),
    field: 'file',
  });
}

function refused(problem: string): AppFailure {
  return new AppFailure({ code: 'validation', message: problem, field: 'file' });
}

function notFound(): AppFailure {
  return new AppFailure({ code: 'not-found', message: 'attachments.error.notFound' });
}

/** Where a new file's row goes, once the caller may act on the parent (the person is the case). */
async function placeOf(
  ctx: ServiceContext,
  actor: SessionInfo,
  parent: ParentRef,
): Promise<
  | { table: 'attachments'; jobseekerId: string }
  | { table: 'employer_attachments'; employerId: string; openingId: string | null }
> {
  if (parent.table === 'jobseekers') {
    const js = await accessibleJobseeker(ctx.db, actor, parent.id);
    return { table: 'attachments', jobseekerId: js.id };
  }
  if (parent.table === 'employers') {
    if (!(await getEmployer(ctx.db, parent.id))) throw notFound();
    return { table: 'employer_attachments', employerId: parent.id, openingId: null };
  }
  const opening = await getOpening(ctx.db, parent.id);
  if (!opening) throw notFound();
  return { table: 'employer_attachments', employerId: opening.employerId, openingId: opening.id };
}

/** The person a file is about (for the audit entry): the case, or nobody for an employer's file. */
function personOf(row: AnyAttachmentRow): string | null {
  return row.table === 'attachments' ? (row as CaseAttachmentRow).jobseeker_id : null;
}

/** The attachment if the caller may see the record it is kept on. */
async function accessibleAttachment(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
): Promise<AnyAttachmentRow> {
  const row = await findAttachment(ctx.db, id);
  if (!row) throw notFound();
  if (row.table === 'attachments') {
    await accessibleJobseeker(ctx.db, actor, (row as CaseAttachmentRow).jobseeker_id, {
      archived: true,
    }).catch(() => {
      throw notFound();
    });
  }
  return row;
}

export function toView(row: CaseAttachmentRow | EmployerAttachmentRow, present: Set<string>): AttachmentView {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    mime: row.mime,
    size: Number(row.size),
    addedAt: row.added_at,
    addedByName: row.added_by_name,
    removed: row.removed === 1,
    removedReason: row.removed_reason,
    removedAt: row.removed_at,
    available: present.has(row.sha256),
  };
}

export async function listAttachments(
  ctx: ServiceContext,
  actor: SessionInfo,
  parent: ParentRef,
): Promise<AttachmentView[]> {
  const place = await placeOf(ctx, actor, parent);
  const rows =
    place.table === 'attachments'
      ? await listCaseAttachments(ctx.db, place.jobseekerId)
      : await listEmployerAttachments(
          ctx.db,
          place.openingId ? { openingId: place.openingId } : { employerId: place.employerId },
        );
  const present = await presentBlobs(ctx.db, [...new Set(rows.map((r) => r.sha256))]);
  return rows.map((r) => toView(r, present));
}

/** Adds a file given as bytes (from the window). */
export async function addAttachment(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { parent: ParentRef; kind: AttachmentKind; fileName: string; bytes: Uint8Array },
): Promise<AttachmentView> {
  const limit = await attachmentLimit(ctx);
  if (input.bytes.length > limit) throw tooLarge(limit);
  const verdict = judgeBytes(input.fileName, input.bytes);
  if (!verdict.ok) throw refused(verdict.problem);
  const place = await placeOf(ctx, actor, input.parent);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const now = isoNow(ctx);
  const file = {
    kind: input.kind,
    file_name: input.fileName,
    mime: verdict.type,
    size: input.bytes.length,
    sha256,
    added_by: actor.userId,
    added_at: now,
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    await keepBlob(trx, { sha256, bytes: input.bytes, uploaded: false });
    const newId =
      place.table === 'attachments'
        ? await insertSynced(trx, ctx, 'attachments', { jobseeker_id: place.jobseekerId, ...file })
        : await insertSynced(trx, ctx, 'employer_attachments', {
            employer_id: place.employerId,
            opening_id: place.openingId,
            ...file,
          });
    await auditAction(trx, ctx, actor, {
      action: 'attachment.add',
      subjectType: 'attachment',
      subjectId: newId,
      personId: place.table === 'attachments' ? place.jobseekerId : null,
      // The hash stays in the audit trail after a removal drops the bytes: a copy found later can be
      // matched to this file (the retention rule, server/blobs/sweep.ts).
      detail: { kind: input.kind, mime: verdict.type, size: input.bytes.length, sha256 },
    });
    return newId;
  });
  const row = await findAttachment(ctx.db, id);
  if (!row) throw notFound();
  return toView(row, new Set([sha256]));
}

/**
 * Adds a file from disk (the app's file dialog, the command line). Its size and type are judged from
 * the file system and its first and last bytes before it is read whole: a 1 GB file is refused without
 * reading it into memory.
 */
export async function addAttachmentFile(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { parent: ParentRef; kind: AttachmentKind; path: string; fileName?: string },
): Promise<AttachmentView> {
  const fileName = input.fileName ?? path.basename(input.path);
  const info = await stat(input.path);
  const limit = await attachmentLimit(ctx);
  if (info.size > limit) throw tooLarge(limit);
  const handle = await open(input.path, 'r');
  let bytes: Uint8Array;
  try {
    const head = new Uint8Array(Math.min(HEAD_BYTES, info.size));
    await handle.read(head, 0, head.length, 0);
    const tail = new Uint8Array(Math.min(TAIL_BYTES, info.size));
    await handle.read(tail, 0, tail.length, info.size - tail.length);
    const verdict = judgeContent(fileName, info.size, head, tail);
    if (!verdict.ok) throw refused(verdict.problem);
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  return addAttachment(ctx, actor, { parent: input.parent, kind: input.kind, fileName, bytes });
}

/** The bytes for the window's preview or a download; either is an audit entry. */
export async function openAttachment(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { id: string; purpose: 'preview' | 'download' },
): Promise<AttachmentContent> {
  const row = await accessibleAttachment(ctx, actor, input.id);
  if (row.removed === 1) throw new AppFailure({ code: 'conflict', message: 'attachments.error.removed' });
  const bytes = await blobBytes(ctx.db, row.sha256);
  if (!bytes) throw new AppFailure({ code: 'conflict', message: 'attachments.error.notYetHere' });
  await auditAction(ctx.db, ctx, actor, {
    // A preview is a read of the file; a download leaves the store: an export (flagged like one).
    action: input.purpose === 'preview' ? 'attachment.read' : 'attachment.export',
    subjectType: 'attachment',
    subjectId: row.id,
    personId: personOf(row),
  });
  return { fileName: row.file_name, mime: row.mime, base64: Buffer.from(bytes).toString('base64') };
}

/** Removes a file: the row stays as a tombstone with who, when and why; the bytes leave this PC. */
export async function removeAttachment(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { id: string; reason: string },
): Promise<AttachmentView> {
  const row = await accessibleAttachment(ctx, actor, input.id);
  if (row.removed === 1) throw new AppFailure({ code: 'conflict', message: 'attachments.error.removed' });
  const now = isoNow(ctx);
  const changed = { removed: 1, removed_reason: input.reason, removed_by: actor.userId, removed_at: now };
  await ctx.db.transaction().execute(async (trx) => {
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    await trx
      .updateTable(row.table)
      .set({ ...changed, hlc })
      .where('id', '=', row.id)
      .execute();
    await appendOutbox(trx, {
      table: row.table,
      rowId: row.id,
      op: 'update',
      fields: changed,
      hlc,
      baseSeq: Number(row.seq),
      createdAt: now,
    });
    await auditAction(trx, ctx, actor, {
      action: 'attachment.remove',
      subjectType: 'attachment',
      subjectId: row.id,
      personId: personOf(row),
      detail: { sha256: row.sha256 },
    });
    await dropUnusedBlob(trx, row.sha256);
  });
  const after = await findAttachment(ctx.db, row.id);
  if (!after) throw notFound();
  return toView(after, await presentBlobs(ctx.db, [after.sha256]));
}
