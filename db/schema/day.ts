import type { Generated } from 'kysely';
import type { Bool, Synced } from './base.ts';

// The tables of the counselor's day (issue 16): appointments, to-dos and saved searches, a case's status
// history and its transfers between centers. db/schema.ts lists them in the store's Database.

// 0012_appointments (issue 16 item 1): booked meetings and their append-only history.
export type AppointmentKind = 'in_person' | 'phone' | 'video';
export type AppointmentOutcome =
  'attended' | 'no_show' | 'cancelled_by_jobseeker' | 'cancelled_by_center' | 'rescheduled';
export interface AppointmentTable extends Synced {
  jobseeker_id: string;
  counselor_id: string;
  kind: AppointmentKind;
  starts_at: string;
  duration_min: number;
  /** A room or address (in person), a phone number or a video link. */
  place: string | null;
  purpose: string;
  note: string | null;
  outcome: AppointmentOutcome | null;
  outcome_at: string | null;
  booked_by: string;
  created_at: string;
  archived: Generated<Bool>;
}
export interface AppointmentEventTable extends Synced {
  appointment_id: string;
  kind: 'booked' | 'rescheduled' | 'outcome' | 'changed';
  at: string;
  counselor_id: string;
  from_starts_at: string | null;
  to_starts_at: string | null;
  outcome: AppointmentOutcome | null;
  note: string | null;
}
export interface AppointmentTables {
  appointments: AppointmentTable;
  appointment_events: AppointmentEventTable;
}

// 0013_tasks_saved_filters (issue 16 items 2, 7)
export interface TaskTable extends Synced {
  center_code: string;
  assignee_id: string;
  created_by: string;
  title: string;
  /** YYYY-MM-DD, the day it is due (Korean local day). */
  due_on: string;
  jobseeker_id: string | null;
  employer_id: string | null;
  opening_id: string | null;
  referral_id: string | null;
  done: Generated<Bool>;
  done_at: string | null;
  /** YYYY-MM-DD: hidden from the inbox before this day. */
  snoozed_until: string | null;
  created_at: string;
  updated_at: string;
  archived: Generated<Bool>;
}
export interface SavedFilterTable {
  id: string;
  user_id: string;
  name: string;
  /** The filter, JSON (shared/domain/jobseeker-filters.ts). */
  filter: string;
  created_at: string;
}
export interface TaskTables {
  tasks: TaskTable;
  saved_filters: SavedFilterTable;
}

// 0014_case_lifecycle (issue 16 items 3–4): the status history of a case and transfers between centers.
export interface CaseStatusEventTable extends Synced {
  jobseeker_id: string;
  kind: 'closed' | 'reopened';
  from_status: string;
  to_status: string;
  reason: string;
  no_contact_months: number | null;
  text: string | null;
  recorded_by: string;
  recorded_at: string;
}
export interface CaseTransferTable extends Synced {
  jobseeker_id: string;
  jobseeker_name: string;
  birth_year: number;
  from_center: string;
  from_center_name: string;
  requested_by_name: string;
  to_center: string;
  reason: string;
  status: Generated<'requested' | 'accepted' | 'declined' | 'cancelled'>;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  assigned_to: string | null;
}
export interface LifecycleTables {
  case_status_events: CaseStatusEventTable;
  case_transfers: CaseTransferTable;
}

export interface DayTables extends AppointmentTables, TaskTables, LifecycleTables {}
