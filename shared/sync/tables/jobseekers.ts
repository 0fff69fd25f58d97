import { z } from 'zod';
import { COMPETENCY_KINDS, competencyFieldsSchema } from '../../casework/competency.ts';
import { OVERRIDE_REASON_CODES, isoDaySchema } from '../../casework/intake.ts';
import { ALL_SERVICE_PLAN_STEPS } from '../../casework/service-plan.ts';
import { CONSENT_GROUPS, NOTE_KINDS } from '../../casework/types.ts';
import {
  JOBSEEKER_STATUSES,
  JOBSEEKER_TYPES,
  TRACKS,
  jobseekerFieldsSchema,
} from '../../domain/jobseeker.ts';
import {
  MAX_SIGNATURE_BASE64,
  PNG_BASE64_PREFIX,
  SIGNABLE_KINDS,
  SIGNED_RECORD_TABLE,
  type SignableKind,
} from '../../documents/kinds.ts';
import { isRegistrationNumber } from '../../domain/registration-number.ts';
import { anyUuid, bool01, col, enumOf, int, jsonText, text, timestamp } from './columns.ts';
import { checkJobseekerAssessment } from './derive.ts';
import type { TableDecl } from './types.ts';

// The jobseeker's case (domain.md §2–3, §10): the case itself and the records that belong to it. Column
// names and types follow the desktop's store (db/schema.ts, db/migrations/*); each value is checked with
// the schema the desk's own form or contract uses for it.

const js = jobseekerFieldsSchema.shape;
const comp = competencyFieldsSchema.shape;
const parent = { scope: 'parent' } as const;
const never = { update: 'never' } as const;

export const jobseekerTables = {
  jobseekers: {
    insert: ['counselor', 'supervisor'],
    columns: {
      reg_no: col(z.string().refine(isRegistrationNumber), never),
      center_code: col(z.string(), { scope: 'center' }),
      name: col(js.name),
      birth_year: col(js.birthYear),
      gender: col(js.gender),
      phone: col(js.phone),
      email: col(js.email),
      sido: col(js.sido),
      sigungu: col(js.sigungu),
      desired_occupation: col(js.desiredOccupation),
      desired_wage: col(js.desiredWage),
      mobile: col(bool01),
      assigned_counselor_id: col(anyUuid.nullable(), { scope: 'owner' }),
      status: col(enumOf(JOBSEEKER_STATUSES), { optional: true }),
      current_type: col(enumOf(JOBSEEKER_TYPES).nullable()),
      current_track: col(enumOf(TRACKS).nullable()),
      registered_at: col(timestamp, never),
      created_at: col(timestamp, never),
      updated_at: col(timestamp),
      archived: col(bool01, { optional: true }),
      reassess_due_on: col(isoDaySchema.nullable()),
      // The consent in force per group (decisive; consent_records keeps the history). Null: never recorded.
      consent_required: col(bool01.nullable(), { optional: true }),
      consent_optional: col(bool01.nullable(), { optional: true }),
      consent_sensitive: col(bool01.nullable(), { optional: true }),
      // Set by the server's merge flow only (server/sync/merge.ts): a new case has none, no push sets it.
      merged_into: col(z.null(), { optional: true, update: 'never' }),
    },
  },
  consent_records: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, parent),
      item_group: col(enumOf(CONSENT_GROUPS)),
      granted: col(bool01),
      notice_version: col(text(40, 1)),
      channel: col(enumOf(['counter', 'kiosk'])),
      recorded_by: col(anyUuid.nullable(), { author: 'user' }),
      recorded_at: col(timestamp),
    },
  },
  assessments: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, parent),
      rule_set: col(text(40, 1)),
      inputs: col(jsonText(4_000)),
      result: col(jsonText(4_000), { derived: true }),
      type: col(enumOf(JOBSEEKER_TYPES), { derived: true }),
      track: col(enumOf(TRACKS), { derived: true }),
      decision: col(enumOf(['accepted', 'overridden'])),
      final_type: col(enumOf(JOBSEEKER_TYPES)),
      final_track: col(enumOf(TRACKS)),
      override_reason_code: col(enumOf(OVERRIDE_REASON_CODES).nullable()),
      override_reason_text: col(text(1_000).nullable()),
      created_by: col(anyUuid, { author: 'user' }),
      created_at: col(timestamp),
      reassess_due_on: col(isoDaySchema.nullable()),
      conversion: col(bool01, { optional: true }),
    },
    check: checkJobseekerAssessment,
  },
  counseling_notes: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, parent),
      kind: col(enumOf(NOTE_KINDS)),
      body: col(text(5_000, 1)),
      author_id: col(anyUuid, { author: 'user' }),
      created_at: col(timestamp),
      revision_of: col(anyUuid.nullable()),
      revision: col(int(0, 10_000), { optional: true }),
    },
  },
  competency_items: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, parent),
      kind: col(enumOf(COMPETENCY_KINDS)),
      title: col(comp.title),
      ncs_code: col(comp.ncsCode),
      issuer: col(comp.issuer),
      started_on: col(comp.startedOn),
      ended_on: col(comp.endedOn),
      hours: col(comp.hours),
      grade: col(comp.grade),
      source: col(comp.source),
      created_by: col(anyUuid, { author: 'user', update: 'never' }),
      created_at: col(timestamp, never),
      updated_at: col(timestamp),
      archived: col(bool01, { optional: true }),
    },
    check: (row) =>
      typeof row['started_on'] === 'string' &&
      typeof row['ended_on'] === 'string' &&
      row['ended_on'] < row['started_on']
        ? { code: 'invalidValue', values: { field: 'ended_on', table: 'competency_items' } }
        : null,
  },
  classification_reviews: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, parent),
      assessment_id: col(anyUuid, never),
      request_text: col(text(2_000, 1), never),
      requested_at: col(timestamp, never),
      recorded_by: col(anyUuid, { author: 'user', update: 'never' }),
      status: col(enumOf(['open', 'upheld', 'changed']), { optional: true }),
      outcome_text: col(text(2_000).nullable()),
      outcome_assessment_id: col(anyUuid.nullable()),
      decided_by: col(anyUuid.nullable(), { author: 'user' }),
      decided_at: col(timestamp.nullable()),
    },
  },
  service_plan_steps: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, parent),
      assessment_id: col(anyUuid, never),
      step: col(enumOf(ALL_SERVICE_PLAN_STEPS as unknown as [string, ...string[]]), never),
      done_on: col(isoDaySchema, never),
      note: col(text(2_000).nullable(), never),
      recorded_by: col(anyUuid, { author: 'user', update: 'never' }),
      recorded_at: col(timestamp, never),
      archived: col(bool01, { optional: true }),
    },
  },
  certificates: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, parent),
      verification_code: col(text(40, 1)),
      center_code: col(z.string(), { author: 'center' }),
      item_ids: col(jsonText(20_000)),
      items: col(jsonText(20_000)),
      pdf_sha256: col(z.string().regex(/^[0-9a-f]{64}$/)),
      issued_by: col(anyUuid, { author: 'user' }),
      issued_at: col(timestamp),
    },
  },
  // The pad's PNG, bounded (shared/documents/kinds.ts); the signer's counselor is the caller.
  signatures: {
    insert: ['counselor', 'supervisor'],
    columns: {
      jobseeker_id: col(anyUuid, parent),
      document_kind: col(enumOf(SIGNABLE_KINDS)),
      record_id: col(anyUuid),
      document_sha256: col(z.string().regex(/^[0-9a-f]{64}$/)),
      image_png: col(
        z
          .string()
          .max(MAX_SIGNATURE_BASE64)
          .regex(/^[A-Za-z0-9+/]+={0,2}$/)
          .refine((s) => s.startsWith(PNG_BASE64_PREFIX)),
      ),
      signed_at: col(timestamp),
      counselor_id: col(anyUuid, { author: 'user' }),
    },
    // A case form's record is the jobseeker's own; the action plan's is a programme enrolment, never the
    // jobseeker (the server checks it is an enrolment of this jobseeker in the caller's scope:
    // server/sync/signature-check.ts).
    check: (row) => {
      const ofCase = SIGNED_RECORD_TABLE[row['document_kind'] as SignableKind] === 'jobseekers';
      return (row['record_id'] === row['jobseeker_id']) === ofCase
        ? null
        : { code: 'invalidValue', values: { field: 'record_id', table: 'signatures' } };
    },
  },
} as const satisfies Record<string, TableDecl>;
