import { z } from 'zod';
import { JOBSEEKER_STATUSES } from '../../domain/jobseeker.ts';
import { STATUS_EVENT_KINDS, STATUS_REASONS, TRANSFER_STATUSES } from '../../casework/lifecycle.ts';
import { anyUuid, centerCode, col, enumOf, int, text, timestamp } from './columns.ts';
import type { TableDecl } from './types.ts';

// A case's life (issue 16 items 3–4): its status history and its transfers between centers. The checks
// that need the database (the event matches the case's status, the transfer names a case of the caller's
// center, who may answer it) are in server/sync/transfer.ts.

const never = { update: 'never' } as const;

export const lifecycleTables = {
  case_status_events: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, { scope: 'parent' }),
      kind: col(enumOf(STATUS_EVENT_KINDS)),
      from_status: col(enumOf(JOBSEEKER_STATUSES)),
      to_status: col(enumOf(JOBSEEKER_STATUSES)),
      reason: col(enumOf(STATUS_REASONS)),
      no_contact_months: col(int(1, 60).nullable()),
      text: col(text(1_000).nullable()),
      recorded_by: col(anyUuid, { author: 'user' }),
      recorded_at: col(timestamp),
    },
    check: (row) =>
      (row['kind'] === 'closed') !== (row['to_status'] === 'closed') ||
      row['from_status'] === row['to_status']
        ? { code: 'statusEventMismatch', values: { problem: 'kind and statuses' } }
        : null,
  },
  // Scoped to the receiving center (its supervisors answer it) and owned by its requester (who sees the
  // answer): shared/sync/tables.ts. Only the answer's columns change after the request.
  case_transfers: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, never),
      jobseeker_name: col(z.string().max(50).min(1), never),
      birth_year: col(int(1900, 2100), never),
      from_center: col(z.string(), { author: 'center', update: 'never' }),
      from_center_name: col(text(100, 1), never),
      requested_by_name: col(text(100, 1), never),
      to_center: col(centerCode, never),
      reason: col(text(1_000, 1), never),
      status: col(enumOf(TRANSFER_STATUSES), { optional: true }),
      requested_by: col(anyUuid, { author: 'user', update: 'never' }),
      requested_at: col(timestamp, never),
      decided_by: col(anyUuid.nullable(), { author: 'user' }),
      decided_at: col(timestamp.nullable()),
      decision_reason: col(text(1_000).nullable(), { update: ['supervisor'] }),
      assigned_to: col(anyUuid.nullable(), { update: ['supervisor'] }),
    },
  },
} as const satisfies Record<string, TableDecl>;
