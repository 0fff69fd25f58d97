import { z } from 'zod';
import { anyUuid, bool01, col, text, timestamp } from './columns.ts';
import type { TableDecl } from './types.ts';

// Case merges' own records (issue 16 item 5). The merge itself travels as one queued write to a
// pseudo-table (shared/sync/merge.ts); a pair judged to be two people is a record of the center.
// Only supervisors dismiss a pair or take it back; both cases must be the caller's center's
// (references.ts, checked by the server on every push).

const never = { update: 'never' } as const;

export const DISMISS_REASON_MAX = 500;

export const mergeTables = {
  case_merge_dismissals: {
    insert: ['supervisor'],
    columns: {
      center_code: col(z.string(), { scope: 'center' }),
      a_id: col(anyUuid, never),
      b_id: col(anyUuid, never),
      reason: col(text(DISMISS_REASON_MAX, 1), never),
      dismissed_by: col(anyUuid, { author: 'user', update: 'never' }),
      dismissed_at: col(timestamp, never),
      undone: col(bool01, { optional: true, update: ['supervisor'] }),
      undone_by: col(anyUuid.nullable(), { author: 'user', optional: true, update: ['supervisor'] }),
      undone_at: col(timestamp.nullable(), { optional: true, update: ['supervisor'] }),
    },
    check: (row) =>
      row['a_id'] === row['b_id']
        ? { code: 'mergeSameCase' }
        : row['undone'] === 1 && (row['undone_by'] == null || row['undone_at'] == null)
          ? {
              code: 'missingFields',
              values: { table: 'case_merge_dismissals', fields: 'undone_by, undone_at' },
            }
          : null,
  },
} as const satisfies Record<string, TableDecl>;
