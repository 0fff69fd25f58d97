import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Bool, Synced } from './schema/base.ts';
import type { DayTables, TaskTable } from './schema/day.ts';
import type { DocumentTables } from './schema/documents.ts';
import type { ServiceTables } from './schema/services.ts';
import type { ProgrammeTables } from './schema/programmes.ts';
import type { GroupTables } from './schema/groups.ts';
import type { MergeTables } from './schema/merges.ts';
import type { SyncLocalTables } from './schema/sync-local.ts';
import type { DerivedTables } from './schema/derived.ts';

export type * from './schema/day.ts';
export type * from './schema/documents.ts';
export type * from './schema/services.ts';
export type * from './schema/programmes.ts';
export type * from './schema/groups.ts';
export type * from './schema/sync-local.ts';

// The shape of the case store, as Kysely sees it. Column names are the SQL names (snake_case);
// repositories map rows to the camelCase domain types of shared/ in one place each.
//
// Every synced table carries the same four columns:
//   id   UUIDv7 made by the client, so offline inserts never collide;
//   seq  the server's sequence number of the version held (0 until the server has seen it);
//   hlc  hybrid logical clock time of the last local write (shared/sync/hlc.ts);
//   archived  deletion is archiving (sync.md): a flag, never a DELETE.
// Booleans are INTEGER 0/1 on every dialect so repositories need no per-dialect mapping.

type Json = string;

export interface MetaTable {
  key: string;
  value: string;
}

export interface CenterTable {
  code: string;
  name: string;
  sido: string;
  sigungu: string | null;
  settings: Generated<Json>;
  seq: Generated<number>;
  hlc: string;
  updated_at: string;
}

export interface UserTable extends Synced {
  login_id: string;
  display_name: string;
  role: 'counselor' | 'supervisor' | 'admin';
  center_code: string;
  password_hash: string;
  failed_logins: Generated<number>;
  locked_until: string | null;
  active: Generated<Bool>;
  created_at: string;
  updated_at: string;
}

export interface JobseekerTable extends Synced {
  reg_no: string;
  center_code: string;
  name: string;
  birth_year: number;
  gender: 'female' | 'male' | 'other' | null;
  phone: string | null;
  email: string | null;
  sido: string;
  sigungu: string | null;
  desired_occupation: string | null;
  desired_wage: number | null;
  mobile: Bool;
  assigned_counselor_id: string | null;
  status: Generated<'active' | 'placed' | 'closed'>;
  current_type: 'ready' | 'needs-preparation' | null;
  current_track: 'wide-area' | 'local' | 'integrated-case-management' | 'training' | 'counseling' | null;
  registered_at: string;
  created_at: string;
  updated_at: string;
  archived: Generated<Bool>;
}

export interface ConsentRecordTable extends Synced {
  jobseeker_id: string;
  item_group: 'required' | 'optional' | 'sensitive';
  granted: Bool;
  notice_version: string;
  channel: 'counter' | 'kiosk';
  recorded_by: string | null;
  recorded_at: string;
}

export interface AssessmentTable extends Synced {
  jobseeker_id: string;
  rule_set: string;
  inputs: Json;
  result: Json;
  type: 'ready' | 'needs-preparation';
  track: string;
  decision: 'accepted' | 'overridden';
  final_type: 'ready' | 'needs-preparation';
  final_track: string;
  override_reason_code: string | null;
  override_reason_text: string | null;
  created_by: string;
  created_at: string;
}

export interface CounselingNoteTable extends Synced {
  jobseeker_id: string;
  kind: 'in-person' | 'phone' | 'video';
  body: string;
  author_id: string;
  created_at: string;
  /** The first note of the revision chain; null on the original. An edit is a new row, never an UPDATE. */
  revision_of: string | null;
  revision: Generated<number>;
}

export interface CompetencyItemTable extends Synced {
  jobseeker_id: string;
  kind: 'qualification' | 'training' | 'education' | 'career';
  title: string;
  ncs_code: string | null;
  issuer: string | null;
  started_on: string | null;
  ended_on: string | null;
  hours: number | null;
  grade: string | null;
  source: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  archived: Generated<Bool>;
}

export interface EmployerTable extends Synced {
  business_no: string;
  name: string;
  industry: string;
  employees: number;
  sido: string;
  sigungu: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  potential_client: Generated<Bool>;
  focus_support: Generated<Bool>;
  wage_level: 'high' | 'mid' | 'low' | null;
  welfare_level: 'high' | 'mid' | 'low' | null;
  recognition_level: 'high' | 'mid' | 'low' | null;
  current_type: string | null;
  center_code: string;
  created_at: string;
  updated_at: string;
  archived: Generated<Bool>;
}

export interface EmployerAssessmentTable extends Synced {
  employer_id: string;
  rule_set: string;
  inputs: Json;
  result: Json;
  type: string;
  decision: 'accepted' | 'overridden';
  final_type: string;
  override_reason_code: string | null;
  override_reason_text: string | null;
  created_by: string;
  created_at: string;
}

export interface JobOpeningTable extends Synced {
  employer_id: string;
  title: string;
  occupation: string;
  sido: string;
  sigungu: string | null;
  wage: number;
  positions: number;
  required_qualifications: Generated<Json>;
  status: Generated<'open' | 'filled' | 'closed'>;
  public: Generated<Bool>;
  center_code: string;
  created_at: string;
  updated_at: string;
  archived: Generated<Bool>;
}

export interface ReferralTable extends Synced {
  jobseeker_id: string;
  opening_id: string;
  counselor_id: string;
  created_at: string;
}

export interface ReferralEventTable extends Synced {
  referral_id: string;
  kind: string;
  at: string;
  counselor_id: string;
  note: string | null;
  data: Generated<Json>;
}

// 0005_employers_referrals (issue 4): a new column by declaration merging, new tables, their entries.
export interface EmployerTable {
  contact_email: string | null;
}
export interface EmployerContactTable extends Synced {
  employer_id: string;
  kind: 'call' | 'visit' | 'email' | 'other';
  outcome: 'opening-registered' | 'interested' | 'callback' | 'no-answer' | 'not-interested';
  note: string | null;
  contacted_on: string;
  next_on: string | null;
  counselor_id: string;
  created_at: string;
}
export interface PackageStepTable extends Synced {
  employer_id: string;
  stage: 'diagnosis' | 'conditions' | 'recruitment' | 'follow-up';
  step: string;
  status: 'planned' | 'in-progress' | 'done' | 'not-needed';
  on_date: string | null;
  note: string | null;
  counselor_id: string;
  created_at: string;
}
export interface PlacementTable extends Synced {
  jobseeker_id: string;
  employer_id: string | null;
  employer_name: string;
  opening_id: string | null;
  occupation: string | null;
  hired_on: string;
  source: Generated<string>;
  note: string | null;
  counselor_id: string;
  created_at: string;
  archived: Generated<Bool>;
}
export interface PlacementFollowUpTable extends Synced {
  placement_id: string;
  months: number;
  employed: Bool;
  at: string;
  counselor_id: string;
  note: string | null;
}
export interface Database {
  employer_contacts: EmployerContactTable;
  package_steps: PackageStepTable;
  placements: PlacementTable;
  placement_follow_ups: PlacementFollowUpTable;
}

export interface CheckinTable extends Synced {
  center_code: string;
  ticket_no: number;
  service: string;
  status: Generated<'waiting' | 'called' | 'done' | 'left'>;
  self_check: Json | null;
  created_at: string;
  called_at: string | null;
  done_at: string | null;
  counter: string | null;
  called_by: string | null;
  // 0006_kiosk_checkins
  ticket_day: string | null;
  language: Generated<'ko' | 'en'>;
  visitor_name: string | null;
  visitor_phone: string | null;
  consent_version: string | null;
  consent_at: string | null;
  jobseeker_id: string | null;
  redirects: Generated<number>;
  // 0018_ticket_prefix: the issuing device's letter ('' for tickets from before it)
  ticket_prefix: Generated<string>;
  // 0012_appointments: the ticket taken with "I have an appointment".
  appointment_id: Generated<string | null>;
}

/** Append-only history of a ticket (0006): waiting and service times for the reports. */
export interface CheckinEventTable extends Synced {
  checkin_id: string;
  kind: 'issued' | 'called' | 'redirected' | 'done' | 'left' | 'linked';
  at: string;
  service: string;
  counter: string | null;
  user_id: string | null;
}

// Declaration merging keeps this table's entry next to its type (one edit in a file others share).
export interface Database {
  checkin_events: CheckinEventTable;
}

export interface AuditEntryTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_login: string | null;
  device_id: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  /** The jobseeker whose personal data was touched, when there is one. */
  person_id: string | null;
  detail: Json | null;
  prev_hash: string;
  hash: string;
  seq: Generated<number>;
}

// 0004_casework (issue 3): new columns by declaration merging, new tables, their Database entries.
export interface JobseekerTable {
  reassess_due_on: string | null;
}
export interface AssessmentTable {
  reassess_due_on: string | null;
  conversion: Generated<Bool>;
}
export interface ClassificationReviewTable extends Synced {
  jobseeker_id: string;
  assessment_id: string;
  request_text: string;
  requested_at: string;
  recorded_by: string;
  status: Generated<'open' | 'upheld' | 'changed'>;
  outcome_text: string | null;
  outcome_assessment_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
}
export interface ServicePlanStepTable extends Synced {
  jobseeker_id: string;
  assessment_id: string;
  step: string;
  done_on: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
  archived: Generated<Bool>;
}
export interface CertificateTable extends Synced {
  jobseeker_id: string;
  verification_code: string;
  center_code: string;
  item_ids: Json;
  items: Json;
  pdf_sha256: string;
  issued_by: string;
  issued_at: string;
}
export interface Database {
  classification_reviews: ClassificationReviewTable;
  service_plan_steps: ServicePlanStepTable;
  certificates: CertificateTable;
}

export interface Database {
  meta: MetaTable;
  centers: CenterTable;
  users: UserTable;
  jobseekers: JobseekerTable;
  consent_records: ConsentRecordTable;
  assessments: AssessmentTable;
  counseling_notes: CounselingNoteTable;
  competency_items: CompetencyItemTable;
  employers: EmployerTable;
  employer_assessments: EmployerAssessmentTable;
  job_openings: JobOpeningTable;
  referrals: ReferralTable;
  referral_events: ReferralEventTable;
  checkins: CheckinTable;
  audit_entries: AuditEntryTable;
}

// 0007_audit_retention (issue 8): the entry's center (sync scope), the purge's control row and anchors.
export interface AuditEntryTable {
  center_code: string | null;
}

/** The single control row (id 1): the horizons the delete trigger allows, set only during a purge. */
export interface AuditRetentionTable {
  id: number;
  purge_before: string | null;
  access_purge_before: string | null;
}

/** A purged run: what its first entry linked to and its last entry's hash (the next entry links to it). */
export interface AuditAnchorTable {
  id: string;
  device_id: string;
  after_hash: string;
  last_hash: string;
  last_id: string;
  last_at: string;
  purged: number;
  created_at: string;
}

/** 0012: a synced audit entry the retention purge removed (ids only), still counted in checksums. */
export interface AuditPurgedTable {
  id: string;
  seq: number;
  center_code: string | null;
  actor_id: string | null;
}

export interface Database {
  audit_retention: AuditRetentionTable;
  audit_anchors: AuditAnchorTable;
  audit_purged: AuditPurgedTable;
}

// 0009_consent_forward_compat (issue 13): the consent in force per group (a decisive field; null: never
// recorded, read from the latest consent record) and whether a referral shared the contact (what a newer
// server sent that this version has no column or table for: db/schema/sync-local.ts).
export interface JobseekerTable {
  consent_required: Bool | null;
  consent_optional: Bool | null;
  consent_sensitive: Bool | null;
}
export interface ReferralTable {
  share_contact: Generated<Bool>;
}

// 0011_form_drafts (issue 15 item 3): a form's unsaved contents, per user, form and record; never synced.
export interface FormDraftTable {
  user_id: string;
  form: string;
  /** The record's id, or `new` for a record not created yet. */
  record_key: string;
  /** The form's values, JSON. */
  data: string;
  updated_at: string;
}
export interface Database {
  form_drafts: FormDraftTable;
}

// 0015_case_merges (issue 16 item 5): a merged case points at its survivor.
export interface JobseekerTable {
  merged_into: string | null;
}

// Tables in files of their own: sync's bookkeeping (db/schema/sync-local.ts), issue 16's (db/schema/day.ts)
// and its merge dismissals (db/schema/merges.ts), issue 18's (db/schema/documents.ts) and issue 17's
// programme enrolments (db/schema/programmes.ts), group programmes (db/schema/groups.ts) and service
// referrals (db/schema/services.ts); what the desktop derives with triggers (db/schema/derived.ts).
export interface Database
  extends
    DayTables,
    DocumentTables,
    MergeTables,
    ProgrammeTables,
    GroupTables,
    ServiceTables,
    SyncLocalTables,
    DerivedTables {}

export type SyncedTableName = Exclude<
  keyof Database,
  | 'meta'
  | 'outbox'
  | 'sync_cursors'
  | 'audit_retention'
  | 'audit_anchors'
  | 'audit_purged'
  | 'sync_review_items'
  | 'sync_refused_actions'
  | 'sync_deferred_removals'
  | 'sync_purge'
  | 'sync_aside'
  | 'form_drafts'
  | 'attachment_blobs'
  | 'attachment_chunks'
  | 'saved_filters'
  | 'referrals_open'
  | 'duplicate_keys'
  | 'follow_up_series'
>;

export type JobseekerRow = Selectable<JobseekerTable>;
export type NewJobseekerRow = Insertable<JobseekerTable>;
export type JobseekerRowUpdate = Updateable<JobseekerTable>;
export type UserRow = Selectable<UserTable>;
export type TaskRow = Selectable<TaskTable>;
export type AuditEntryRow = Selectable<AuditEntryTable>;
export type Timestamp = ColumnType<string, string, string>;
