import type { Generated } from 'kysely';
import type { AttendanceMark, ParticipantStatus } from '../../shared/domain/groups.ts';
import type { Bool, Synced } from './base.ts';

// 0020_group_programmes (issue 17 item 3): group programme runs, their sessions, participants and
// attendance. db/schema.ts lists them in the store's Database.

export interface GroupProgrammeTable extends Synced {
  center_code: string;
  /** The catalogue programme (resources/programmes) and the edition the run started on. */
  programme_code: string;
  catalogue_version: string;
  title: string;
  facilitator_id: string;
  place: string | null;
  capacity: number;
  /** Share of sessions attended that completes (the edition's figure within the center's limits). */
  completion_pct: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  archived: Generated<Bool>;
  /** Why, who and when it was archived (0025; null while not archived). */
  archive_reason: string | null;
  archived_by: string | null;
  archived_at: string | null;
}

export interface GroupSessionTable extends Synced {
  programme_id: string;
  session_no: number;
  starts_at: string;
  duration_min: number;
  place: string | null;
  /** A session's own capacity when it differs from the run's (a smaller room). */
  capacity: number | null;
  created_at: string;
  archived: Generated<Bool>;
  /** Why, who and when it was archived (0025; null while not archived). */
  archive_reason: string | null;
  archived_by: string | null;
  archived_at: string | null;
}

export interface GroupParticipantTable extends Synced {
  jobseeker_id: string;
  programme_id: string;
  status: Generated<ParticipantStatus>;
  enrolled_by: string;
  enrolled_at: string;
  /** The attendance share when completion was decided. */
  completion_pct: number | null;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
}

export interface GroupAttendanceTable extends Synced {
  participant_id: string;
  session_id: string;
  mark: AttendanceMark;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface GroupTables {
  group_programmes: GroupProgrammeTable;
  group_sessions: GroupSessionTable;
  group_participants: GroupParticipantTable;
  group_attendance: GroupAttendanceTable;
}
