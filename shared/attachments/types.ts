import type { AttachmentType } from './content.ts';
import type { AttachmentKind } from './limits.ts';

// What the desk shows of an attachment (issue 18 item 3).

/** The record a file is kept on. A referral's files are the case's, chosen for the referral. */
export const ATTACHMENT_PARENTS = ['jobseekers', 'employers', 'job_openings'] as const;
export type AttachmentParent = (typeof ATTACHMENT_PARENTS)[number];

export interface AttachmentView {
  id: string;
  kind: AttachmentKind;
  fileName: string;
  mime: AttachmentType;
  size: number;
  addedAt: string;
  addedByName: string | null;
  removed: boolean;
  removedReason: string | null;
  removedAt: string | null;
  /** The bytes are on this PC (false while another desktop's file is still downloading). */
  available: boolean;
}

/** A file's bytes handed to the window, for its preview or a download. */
export interface AttachmentContent {
  fileName: string;
  mime: AttachmentType;
  base64: string;
}

export interface AttachmentLimit {
  maxBytes: number;
}
