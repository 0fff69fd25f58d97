// Attachment sizes and the transfer's chunking, shared by the desktop and the server.

/** The default size limit of one file (issue 18 item 3): a center or PC may set another. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The most any setting may allow: a scanned form or résumé is never this big. */
export const MAX_SETTABLE_ATTACHMENT_BYTES = 100 * 1024 * 1024;
/** Bytes per uploaded or downloaded chunk: the unit a cut connection resumes from. */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function chunkCount(size: number): number {
  return Math.max(1, Math.ceil(size / BLOB_CHUNK_BYTES));
}

/** What a file is kept as (résumé, certificate, a scanned form, anything else). */
export const ATTACHMENT_KINDS = ['resume', 'certificate', 'form', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
