import {
  APPOINTMENT_EVENT_KINDS,
  APPOINTMENT_KINDS,
  APPOINTMENT_OUTCOMES,
  DURATION_MAX,
  DURATION_MIN,
} from '../../domain/appointments.ts';
import { anyUuid, bool01, col, enumOf, int, text, timestamp } from './columns.ts';
import type { TableDecl } from './types.ts';

// Appointments (상담 예약, issue 16 item 1): a meeting booked with a jobseeker, in the jobseeker's scope.
// `counselor_id` is the owner: a counselor books for themself, a supervisor may book for any counselor
// of the center (server/sync/flows.ts, as for a case's assignee). The outcome is decisive (sync rules in
// ../tables.ts); the start and length are descriptive (the later move wins, the other stays in history).
// Every booking, move and outcome also leaves an append-only event.

const parent = { scope: 'parent' } as const;
const never = { update: 'never' } as const;

export const appointmentTables = {
  appointments: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, parent),
      counselor_id: col(anyUuid, { scope: 'owner' }),
      kind: col(enumOf(APPOINTMENT_KINDS)),
      starts_at: col(timestamp),
      duration_min: col(int(DURATION_MIN, DURATION_MAX)),
      place: col(text(300).nullable()),
      purpose: col(text(200, 1)),
      note: col(text(2_000).nullable()),
      outcome: col(enumOf(APPOINTMENT_OUTCOMES).nullable()),
      outcome_at: col(timestamp.nullable()),
      booked_by: col(anyUuid, { author: 'user', update: 'never' }),
      created_at: col(timestamp, never),
      archived: col(bool01, { optional: true }),
    },
  },
  appointment_events: {
    insert: ['counselor', 'supervisor'],
    columns: {
      appointment_id: col(anyUuid, parent),
      kind: col(enumOf(APPOINTMENT_EVENT_KINDS)),
      at: col(timestamp),
      counselor_id: col(anyUuid, { author: 'user' }),
      from_starts_at: col(timestamp.nullable()),
      to_starts_at: col(timestamp.nullable()),
      outcome: col(enumOf(APPOINTMENT_OUTCOMES).nullable()),
      note: col(text(2_000).nullable()),
    },
    // A move names where from and where to; an outcome names which.
    check: (row) => {
      if (row['kind'] === 'rescheduled' && (!row['from_starts_at'] || !row['to_starts_at']))
        return { code: 'invalidValue', values: { field: 'to_starts_at', table: 'appointment_events' } };
      if (row['kind'] === 'outcome' && !row['outcome'])
        return { code: 'invalidValue', values: { field: 'outcome', table: 'appointment_events' } };
      return null;
    },
  },
} as const satisfies Record<string, TableDecl>;
