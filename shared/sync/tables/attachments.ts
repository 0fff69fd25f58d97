import { z } from 'zod';
import { ATTACHMENT_TYPES } from '../../attachments/content.ts';
import { ATTACHMENT_KINDS, MAX_SETTABLE_ATTACHMENT_BYTES, SHA256_HEX } from '../../attachments/limits.ts';
import { anyUuid, bool01, col, enumOf, int, text, timestamp, type ColumnDecl } from './columns.ts';
import type { Problem, TableDecl } from './types.ts';

// Document attachments (issue 18 item 3): the metadata row syncs like any record, within its parent's
// scope (a jobseeker's, or an employer's region); the bytes never enter the row log, they travel through
// the blob endpoint (server/blobs/) named by `sha256`. A removal is a tombstone: the row stays with who
// removed it, when and why; the bytes are dropped from the desktops. `referral_attachments` records which
// of a case's attachments went with a referral (the 알선장 package).

const never = { update: 'never' } as const;

/** The columns both attachment tables share, besides their parent. */
function fileColumns(): Record<string, ColumnDecl> {
  return {
    kind: col(enumOf(ATTACHMENT_KINDS)),
    file_name: col(text(200, 1), never),
    mime: col(enumOf(ATTACHMENT_TYPES), never),
    size: col(int(1, MAX_SETTABLE_ATTACHMENT_BYTES), never),
    sha256: col(z.string().regex(SHA256_HEX), never),
    added_by: col(anyUuid, { author: 'user', update: 'never' }),
    added_at: col(timestamp, never),
    removed: col(bool01, { optional: true }),
    removed_reason: col(text(500).nullable()),
    removed_by: col(anyUuid.nullable(), { author: 'user' }),
    removed_at: col(timestamp.nullable()),
  };
}

/** A removal says why, and a row that is not removed carries no reason. */
function removalCheck(table: string) {
  return (row: Record<string, unknown>): Problem | null => {
    const removed = row['removed'] === 1;
    const reason = typeof row['removed_reason'] === 'string' ? row['removed_reason'].trim() : '';
    if (removed && reason === '') return { code: 'invalidValue', values: { field: 'removed_reason', table } };
    return null;
  };
}

export const attachmentTables = {
  attachments: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, { scope: 'parent' }),
      ...fileColumns(),
    },
    check: removalCheck('attachments'),
  },
  employer_attachments: {
    insert: ['counselor', 'supervisor'],
    columns: {
      employer_id: col(anyUuid, { scope: 'parent' }),
      // Kept on one of the employer's openings (a job description), or on the employer itself.
      opening_id: col(anyUuid.nullable(), never),
      ...fileColumns(),
    },
    check: removalCheck('employer_attachments'),
  },
  referral_attachments: {
    insert: ['counselor', 'supervisor'],
    columns: {
      referral_id: col(anyUuid, { scope: 'parent' }),
      attachment_id: col(anyUuid),
      added_by: col(anyUuid, { author: 'user' }),
      added_at: col(timestamp),
    },
  },
} as const satisfies Record<string, TableDecl>;
