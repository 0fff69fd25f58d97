import { z } from 'zod';
import { CATALOGUES } from '../../programmes/catalogue.ts';
import {
  ATTENDANCE_MARKS,
  GROUP_CAPACITY_MAX,
  GROUP_CAPACITY_MIN,
  GROUP_NOTE_MAX,
  GROUP_PLACE_MAX,
  GROUP_SESSIONS_MAX,
  GROUP_SESSION_MINUTES_MAX,
  GROUP_SESSION_MINUTES_MIN,
  GROUP_TITLE_MAX,
  PARTICIPANT_STATUSES,
} from '../../domain/groups.ts';
import { anyUuid, bool01, col, enumOf, int, text, timestamp } from './columns.ts';
import type { Problem, TableDecl } from './types.ts';

// Group programmes (집단상담·프로그램, issue 17 item 3). A run is the center's record (center scope, no
// owner: every counselor and supervisor of the center sees and works it); its sessions follow it; a
// participant is the case's (parent jobseekers) and names its run (shared/sync/references.ts); attendance
// is append-only under the participant and names its session. The programme and the catalogue edition
// of a run never change: a run of another programme is another run. Across records, the server checks
// that a facilitator is staff of the run's center and that a mark's session belongs to the participant's
// run (server/sync/group-check.ts).

const never = { update: 'never' } as const;
const parent = { scope: 'parent' } as const;
const ROLES = ['counselor', 'supervisor'] as const;

/** A programme code of kind group-programme in some edition this build knows. */
const GROUP_CODES = [
  ...new Set(
    CATALOGUES.flatMap((c) => c.programmes.filter((p) => p.kind === 'group-programme').map((p) => p.code)),
  ),
] as [string, ...string[]];
const VERSIONS = CATALOGUES.map((c) => c.version) as [string, ...string[]];
const pct = int(1, 100);

/** An archived run or session names why, who and when (a new one may leave them out: not archived). */
const archiveNamed =
  (table: string) =>
  (row: Record<string, unknown>): Problem | null =>
    (row['archived'] === 1 || row['archived'] === true) &&
    (row['archive_reason'] == null || row['archived_by'] == null || row['archived_at'] == null)
      ? { code: 'invalidValue', values: { field: 'archive_reason', table } }
      : null;

export const groupTables = {
  group_programmes: {
    insert: ROLES,
    columns: {
      center_code: col(z.string(), { scope: 'center' }),
      programme_code: col(enumOf(GROUP_CODES), never),
      catalogue_version: col(enumOf(VERSIONS), never),
      title: col(text(GROUP_TITLE_MAX, 1)),
      facilitator_id: col(anyUuid),
      place: col(text(GROUP_PLACE_MAX).nullable()),
      capacity: col(int(GROUP_CAPACITY_MIN, GROUP_CAPACITY_MAX)),
      completion_pct: col(pct, never),
      created_by: col(anyUuid, { author: 'user', update: 'never' }),
      created_at: col(timestamp, never),
      updated_at: col(timestamp),
      // Archiving a run (it leaves the lists, stays in history and reports) is a supervisor's, with a reason.
      archived: col(bool01, { optional: true, update: ['supervisor'] }),
      archive_reason: col(text(GROUP_NOTE_MAX, 1).nullable(), { update: ['supervisor'] }),
      archived_by: col(anyUuid.nullable(), { author: 'user', update: ['supervisor'] }),
      archived_at: col(timestamp.nullable(), { update: ['supervisor'] }),
    },
    check: archiveNamed('group_programmes'),
  },
  group_sessions: {
    insert: ROLES,
    columns: {
      programme_id: col(anyUuid, parent),
      session_no: col(int(1, GROUP_SESSIONS_MAX)),
      starts_at: col(timestamp),
      duration_min: col(int(GROUP_SESSION_MINUTES_MIN, GROUP_SESSION_MINUTES_MAX)),
      place: col(text(GROUP_PLACE_MAX).nullable()),
      capacity: col(int(GROUP_CAPACITY_MIN, GROUP_CAPACITY_MAX).nullable()),
      created_at: col(timestamp, never),
      // A session is never deleted (sync has no delete); one is archived with a reason by the run's staff.
      archived: col(bool01, { optional: true }),
      archive_reason: col(text(GROUP_NOTE_MAX, 1).nullable()),
      archived_by: col(anyUuid.nullable(), { author: 'user' }),
      archived_at: col(timestamp.nullable()),
    },
    check: archiveNamed('group_sessions'),
  },
  group_participants: {
    insert: ROLES,
    columns: {
      jobseeker_id: col(anyUuid, parent),
      programme_id: col(anyUuid, never),
      status: col(enumOf(PARTICIPANT_STATUSES), { optional: true }),
      enrolled_by: col(anyUuid, { author: 'user', update: 'never' }),
      enrolled_at: col(timestamp, never),
      completion_pct: col(int(0, 100).nullable()),
      decided_by: col(anyUuid.nullable(), { author: 'user' }),
      decided_at: col(timestamp.nullable()),
      note: col(text(GROUP_NOTE_MAX).nullable()),
    },
    // A decided completion names who decided, when and on what share; an undecided one names nobody.
    check: (row) => {
      const decided = row['status'] === 'completed' || row['status'] === 'not_completed';
      const named = row['decided_by'] != null && row['decided_at'] != null && row['completion_pct'] != null;
      return decided && !named
        ? { code: 'invalidValue', values: { field: 'decided_by', table: 'group_participants' } }
        : null;
    },
  },
  group_attendance: {
    insert: ROLES,
    columns: {
      participant_id: col(anyUuid, parent),
      session_id: col(anyUuid),
      mark: col(enumOf(ATTENDANCE_MARKS)),
      note: col(text(GROUP_NOTE_MAX).nullable()),
      recorded_by: col(anyUuid, { author: 'user' }),
      recorded_at: col(timestamp),
    },
  },
} as const satisfies Record<string, TableDecl>;
