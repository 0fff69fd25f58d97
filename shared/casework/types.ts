import type { Jobseeker } from '../domain/jobseeker.ts';
import type { JobseekerClassification, JobseekerTrack, JobseekerType } from '../profiling/index.ts';
import type { CompetencyFields, CompetencyItem, ImportLineError } from './competency.ts';
import type { OverrideReasonCode, StoredInputs } from './intake.ts';
import type { ServicePlanStep } from './service-plan.ts';

// What the case page shows (one audited read: casework:get).

export interface Assessment {
  id: string;
  ruleSet: string;
  inputs: StoredInputs;
  result: JobseekerClassification;
  decision: 'accepted' | 'overridden';
  finalType: JobseekerType;
  finalTrack: JobseekerTrack;
  overrideReasonCode: OverrideReasonCode | null;
  overrideReasonText: string | null;
  /** needs-preparation → ready compared with the assessment before it. */
  conversion: boolean;
  /**
   * The health and welfare answers it held are not shown: the sensitive consent is not in force (withdrawn
   * or never given). `inputs` then reads them as not answered (domain.md §10).
   */
  sensitiveWithheld: boolean;
  reassessDueOn: string | null;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
}

export type ReviewStatus = 'open' | 'upheld' | 'changed';

export interface ClassificationReview {
  id: string;
  assessmentId: string;
  requestText: string;
  requestedAt: string;
  recordedByName: string | null;
  status: ReviewStatus;
  outcomeText: string | null;
  outcomeAssessmentId: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
}

export type NoteKind = 'in-person' | 'phone' | 'video';
export const NOTE_KINDS = ['in-person', 'phone', 'video'] as const satisfies readonly NoteKind[];

export interface NoteRevision {
  id: string;
  revision: number;
  kind: NoteKind;
  body: string;
  authorName: string | null;
  createdAt: string;
}

/** A note as shown: its latest text, with every earlier revision kept. */
export interface CounselingNote {
  /** The id of the original note (the revision chain's root). */
  id: string;
  latestId: string;
  kind: NoteKind;
  body: string;
  authorName: string | null;
  /** When the note was first written. */
  createdAt: string;
  /** When the latest revision was written (same as createdAt if never edited). */
  updatedAt: string;
  revisions: NoteRevision[];
}

export type ConsentGroup = 'required' | 'optional' | 'sensitive';
export const CONSENT_GROUPS = [
  'required',
  'optional',
  'sensitive',
] as const satisfies readonly ConsentGroup[];
/** The privacy notice the consent form shows; a new notice text gets a new version. */
export const CONSENT_NOTICE_VERSION = '2026-01';

export interface ConsentEntry {
  id: string;
  group: ConsentGroup;
  granted: boolean;
  noticeVersion: string;
  channel: 'counter' | 'kiosk';
  recordedByName: string | null;
  recordedAt: string;
}

export interface ConsentState {
  /** The latest entry per group; absent when never asked. */
  current: Partial<Record<ConsentGroup, ConsentEntry>>;
  history: ConsentEntry[];
}

export interface PlanStepRecord {
  id: string;
  assessmentId: string;
  step: ServicePlanStep;
  doneOn: string;
  note: string | null;
  recordedByName: string | null;
  recordedAt: string;
}

export interface CertificateRecord {
  id: string;
  verificationCode: string;
  itemCount: number;
  issuedAt: string;
  issuedByName: string | null;
}

export interface CaseFile {
  jobseeker: Jobseeker;
  /** Newest first. */
  assessments: Assessment[];
  reviews: ClassificationReview[];
  planSteps: PlanStepRecord[];
  notes: CounselingNote[];
  consent: ConsentState;
  competency: CompetencyItem[];
  certificates: CertificateRecord[];
  /** The current reassessment date, if the current decision has one. */
  reassessDueOn: string | null;
}

export interface ImportPreview {
  toAdd: Array<{ line: number; fields: CompetencyFields }>;
  duplicates: Array<{ line: number; title: string }>;
  errors: ImportLineError[];
}

export interface IssuedCertificate {
  certificate: CertificateRecord;
  fileName: string;
  /** The PDF, base64 (crosses IPC and the test host's JSON alike). */
  pdfBase64: string;
}

export interface CaseloadRow {
  id: string;
  regNo: string;
  name: string;
  birthYear: number;
  currentType: JobseekerType | null;
  currentTrack: JobseekerTrack | null;
  reassessDueOn: string | null;
  reassessOverdue: boolean;
  /** The earliest overdue follow-up (사후관리) date, if any. */
  followUpDueOn: string | null;
  followUpMonths: number | null;
  lastContactAt: string | null;
}

export interface CaseloadGroup {
  type: JobseekerType | null;
  track: JobseekerTrack | null;
  count: number;
}

export interface CaseloadPage {
  groups: CaseloadGroup[];
  overdueReassessments: number;
  overdueFollowUps: number;
  total: number;
  offset: number;
  rows: CaseloadRow[];
}
