import type { Generated } from 'kysely';
import type { Bool, Synced } from './base.ts';

// The tables of documents (issue 18): signatures on forms and attachments with their bytes. db/schema.ts
// lists them in the store's Database.

// 0016: a jobseeker's signature on a form (issue 18 item 2).
export interface SignatureTable extends Synced {
  jobseeker_id: string;
  document_kind: string;
  record_id: string;
  document_sha256: string;
  image_png: string;
  signed_at: string;
  counselor_id: string;
}
export interface SignatureTables {
  signatures: SignatureTable;
}

// 0017_attachments (issue 18 item 3): file metadata (synced), the referral's chosen files, the bytes.
interface AttachmentFile {
  kind: 'resume' | 'certificate' | 'form' | 'other';
  file_name: string;
  mime: 'application/pdf' | 'image/jpeg' | 'image/png';
  size: number;
  sha256: string;
  added_by: string;
  added_at: string;
  removed: Generated<Bool>;
  removed_reason: string | null;
  removed_by: string | null;
  removed_at: string | null;
}
export interface AttachmentTable extends Synced, AttachmentFile {
  jobseeker_id: string;
}
export interface EmployerAttachmentTable extends Synced, AttachmentFile {
  employer_id: string;
  opening_id: string | null;
}
export interface ReferralAttachmentTable extends Synced {
  referral_id: string;
  attachment_id: string;
  added_by: string;
  added_at: string;
}
export interface AttachmentBlobTable {
  sha256: string;
  size: number;
  bytes: Uint8Array;
  uploaded: Generated<Bool>;
}
export interface AttachmentChunkTable {
  sha256: string;
  n: number;
  bytes: Uint8Array;
}
export interface AttachmentTables {
  attachments: AttachmentTable;
  employer_attachments: EmployerAttachmentTable;
  referral_attachments: ReferralAttachmentTable;
  attachment_blobs: AttachmentBlobTable;
  attachment_chunks: AttachmentChunkTable;
}

export interface DocumentTables extends SignatureTables, AttachmentTables {}
