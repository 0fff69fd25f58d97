import { z } from 'zod';
import { competencyFieldsSchema, MAX_IMPORT_BYTES, type CompetencyItem } from '../casework/competency.ts';
import { decisionSchema, intakeAnswersSchema, isoDaySchema } from '../casework/intake.ts';
import { ALL_SERVICE_PLAN_STEPS } from '../casework/service-plan.ts';
import {
  CONSENT_GROUPS,
  NOTE_KINDS,
  type CaseFile,
  type CaseloadPage,
  type ImportPreview,
  type IssuedCertificate,
} from '../casework/types.ts';
import { JOBSEEKER_TRACK_VALUES, JOBSEEKER_TYPE_VALUES } from '../profiling/index.ts';
import { channel } from './channel.ts';
import { searchQuerySchema } from './search.ts';

// Channels of the casework domain (issue 3): the case file, intake and decision, reviews, the service
// plan, notes, consent, the competency record and its certificate, and the counselor's caseload.

const CASE_ROLES = ['counselor', 'supervisor'] as const;
const id = z.string().uuid('validation.id');
const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');

export const saveAssessmentSchema = z
  .object({
    jobseekerId: id,
    answers: intakeAnswersSchema,
    decision: decisionSchema,
    /** When the programme ends and the jobseeker is reassessed; null for the ready tracks. */
    reassessDueOn: isoDaySchema.nullable().default(null),
    /** The kiosk check-in the self-check answers came from (issue 6's queue). */
    checkinId: z.string().max(64).optional(),
  })
  .strict();

export const importSchema = z
  .object({
    jobseekerId: id,
    format: z.enum(['json', 'csv']),
    content: z.string().max(MAX_IMPORT_BYTES, 'competency.error.tooLarge'),
  })
  .strict();

export const caseloadInputSchema = z
  .object({
    query: searchQuerySchema(50),
    type: z.enum(JOBSEEKER_TYPE_VALUES).optional(),
    track: z.enum(JOBSEEKER_TRACK_VALUES).optional(),
    unclassified: z.boolean().default(false),
    attentionOnly: z.boolean().default(false),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const caseworkChannels = {
  /** The whole case page in one audited read. */
  'casework:get': channel<CaseFile>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ jobseekerId: id }).strict(),
  }),
  'casework:saveAssessment': channel<CaseFile>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: saveAssessmentSchema,
  }),
  /**
   * The intake form's save (issue 15's speed aim): the consent given at the counter and the assessment
   * in one call and one transaction, so an assessment refused leaves the consent as it was.
   */
  'casework:saveIntake': channel<CaseFile>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z
      .object({
        consent: z.partialRecord(z.enum(CONSENT_GROUPS), z.boolean()),
        assessment: saveAssessmentSchema,
      })
      .strict(),
  }),
  'casework:requestReview': channel<CaseFile>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ jobseekerId: id, assessmentId: id, text: text(1000) }).strict(),
  }),
  'casework:decideReview': channel<CaseFile>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ reviewId: id, outcome: z.enum(['upheld', 'changed']), text: text(1000) }).strict(),
  }),
  'casework:setStep': channel<CaseFile>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z
      .object({
        jobseekerId: id,
        assessmentId: id,
        step: z.enum(ALL_SERVICE_PLAN_STEPS as [string, ...string[]]),
        done: z.boolean(),
        note: z.string().trim().max(500, 'validation.tooLong').default(''),
      })
      .strict(),
  }),
  'casework:addNote': channel<CaseFile>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ jobseekerId: id, kind: z.enum(NOTE_KINDS), body: text(5000) }).strict(),
  }),
  'casework:reviseNote': channel<CaseFile>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ noteId: id, kind: z.enum(NOTE_KINDS), body: text(5000) }).strict(),
  }),
  'casework:recordConsent': channel<CaseFile>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z
      .object({
        jobseekerId: id,
        channel: z.enum(['counter', 'kiosk']).default('counter'),
        granted: z.partialRecord(z.enum(CONSENT_GROUPS), z.boolean()),
      })
      .strict(),
  }),
  'casework:addCompetency': channel<CaseFile>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ jobseekerId: id, item: competencyFieldsSchema.strict() }).strict(),
  }),
  'casework:previewImport': channel<ImportPreview>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: importSchema,
  }),
  'casework:import': channel<{ added: number; skipped: number; caseFile: CaseFile }>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: importSchema,
  }),
  'casework:issueCertificate': channel<IssuedCertificate>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z
      .object({ jobseekerId: id, itemIds: z.array(id).min(1, 'certificate.noItems').max(200) })
      .strict(),
  }),
  'casework:verifyCertificate': channel<{
    valid: boolean;
    issuedAt: string | null;
    centerName: string | null;
    itemCount: number;
    items: Array<Pick<CompetencyItem, 'kind' | 'title'>>;
  }>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ code: z.string().trim().min(4).max(32) }).strict(),
  }),
  'casework:caseload': channel<CaseloadPage>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: caseloadInputSchema,
  }),
};
