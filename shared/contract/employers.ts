import { z } from 'zod';
import { DONE_WINDOW, INTERVIEW_WINDOW, daySchema, recentDaySchema } from '../domain/day.ts';
import { channel } from './channel.ts';
import { searchQuerySchema } from './search.ts';
import { patchSchema } from './patch.ts';
import {
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  EMPLOYER_OVERRIDE_REASONS,
  OPENING_STATUSES,
  PACKAGE_STEPS,
  PACKAGE_STEP_STATUSES,
  employerFieldsSchema,
  openingFieldsSchema,
  type CandidateList,
  type DiscoveryRow,
  type DueFollowUpRow,
  type EmployerDetail,
  type EmployerListPage,
  type JobseekerReferralHistory,
  type Opening,
  type OpeningListPage,
  type OpeningMatchList,
  type Placement,
  type ReferralBoard,
  type ReferralDetail,
  type ReferralSummary,
} from '../domain/employers.ts';
import { EMPLOYER_TYPE_VALUES, employerProfileSchema } from '../profiling/index.ts';
import { REFERRAL_EVENT_KINDS, REFERRAL_STATES } from '../referrals/state-machine.ts';

// Channels of issue 4: employers (구인기업) with profiling, discovery and the recruitment-support
// package; openings (구인 일자리); matching (알선 추천); referrals (알선) and placements (취업).

const CASE_ROLES = ['counselor', 'supervisor'] as const;
const id = z.string().uuid('validation.id');
const day = daySchema('employers.validation.date');
/** Dates of what happened (a package step, a hire): never after today (shared/domain/day.ts). */
const doneDay = recentDaySchema(DONE_WINDOW, 'employers.validation.date');
const note = z.string().trim().max(2000, 'validation.tooLong').optional();
const page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

export const employerListInputSchema = z
  .object({
    query: searchQuerySchema(50),
    type: z.enum(EMPLOYER_TYPE_VALUES).optional(),
    flag: z.enum(['potential-client', 'focus-support']).optional(),
    ...page,
  })
  .strict();

export const employerAssessInputSchema = z
  .object({
    employerId: id,
    profile: employerProfileSchema.strict(),
    decision: z.enum(['accepted', 'overridden']),
    finalType: z.enum(EMPLOYER_TYPE_VALUES).optional(),
    overrideReasonCode: z.enum(EMPLOYER_OVERRIDE_REASONS).optional(),
    overrideReasonText: z.string().trim().max(1000, 'validation.tooLong').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision !== 'overridden') return;
    if (!v.finalType)
      ctx.addIssue({ code: 'custom', path: ['finalType'], message: 'employers.override.typeRequired' });
    if (!v.overrideReasonCode)
      ctx.addIssue({
        code: 'custom',
        path: ['overrideReasonCode'],
        message: 'employers.override.reasonRequired',
      });
    if (!v.overrideReasonText)
      ctx.addIssue({
        code: 'custom',
        path: ['overrideReasonText'],
        message: 'employers.override.textRequired',
      });
  });

export const contactInputSchema = z
  .object({
    employerId: id,
    kind: z.enum(CONTACT_KINDS),
    outcome: z.enum(CONTACT_OUTCOMES),
    contactedOn: day,
    nextOn: day.nullable().default(null),
    note,
  })
  .strict();

export const referralEventInputSchema = z
  .object({
    referralId: id,
    kind: z.enum(REFERRAL_EVENT_KINDS),
    note,
    interviewOn: recentDaySchema(INTERVIEW_WINDOW, 'employers.validation.date').optional(),
    /** hired: the first day of work; main takes today when the form sends none. */
    hiredOn: doneDay.optional(),
    months: z.union([z.literal(1), z.literal(3), z.literal(6)]).optional(),
    employed: z.boolean().optional(),
  })
  .strict();

export const placementInputSchema = z
  .object({
    jobseekerId: id,
    employerName: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
    employerId: id.optional(),
    occupation: z
      .string()
      .regex(/^\d{4}$/, 'validation.occupation')
      .optional(),
    hiredOn: doneDay,
    note,
  })
  .strict();

export const employersChannels = {
  'employers:list': channel<EmployerListPage>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: employerListInputSchema,
  }),
  'employers:get': channel<EmployerDetail>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ id }).strict(),
  }),
  'employers:create': channel<EmployerDetail>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ fields: employerFieldsSchema.strict() }).strict(),
  }),
  'employers:update': channel<EmployerDetail>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z
      .object({ id, baseSeq: z.number().int().min(0), fields: patchSchema(employerFieldsSchema) })
      .strict(),
  }),
  'employers:assess': channel<EmployerDetail>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: employerAssessInputSchema,
  }),
  'employers:logContact': channel<EmployerDetail>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: contactInputSchema,
  }),
  'employers:discovery': channel<DiscoveryRow[]>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z
      .object({ flag: z.enum(['potential-client', 'focus-support']).optional(), limit: page.limit })
      .strict(),
  }),
  'employers:recordPackageStep': channel<EmployerDetail>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z
      .object({
        employerId: id,
        step: z.enum(PACKAGE_STEPS as [string, ...string[]]),
        status: z.enum(PACKAGE_STEP_STATUSES),
        on: doneDay.nullable().default(null),
        note,
      })
      .strict(),
  }),

  'openings:list': channel<OpeningListPage>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z
      .object({
        query: searchQuerySchema(50),
        status: z.enum(OPENING_STATUSES).optional(),
        employerId: id.optional(),
        ...page,
      })
      .strict(),
  }),
  'openings:get': channel<Opening>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ id }).strict(),
  }),
  'openings:create': channel<Opening>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ employerId: id, fields: openingFieldsSchema.strict() }).strict(),
  }),
  'openings:update': channel<Opening>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z
      .object({ id, baseSeq: z.number().int().min(0), fields: patchSchema(openingFieldsSchema) })
      .strict(),
  }),
  'openings:setStatus': channel<Opening>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ id, status: z.enum(OPENING_STATUSES) }).strict(),
  }),

  'matching:forOpening': channel<CandidateList>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ openingId: id, limit: z.number().int().min(1).max(1000).default(200) }).strict(),
  }),
  'matching:forJobseeker': channel<OpeningMatchList>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ jobseekerId: id, limit: z.number().int().min(1).max(500).default(100) }).strict(),
  }),

  'referrals:create': channel<ReferralDetail>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z
      .object({
        jobseekerId: id,
        openingId: id,
        note,
        /** The person's name and contact go to the employer with the referral: needs the optional consent. */
        shareContact: z.boolean().default(false),
      })
      .strict(),
  }),
  'referrals:record': channel<ReferralDetail>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: referralEventInputSchema,
  }),
  'referrals:get': channel<ReferralDetail>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ id }).strict(),
  }),
  'referrals:board': channel<ReferralBoard>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z
      .object({
        counselorId: id.optional(),
        states: z.array(z.enum(REFERRAL_STATES)).max(REFERRAL_STATES.length).optional(),
        limit: z.number().int().min(1).max(10_000).default(5000),
      })
      .strict(),
  }),
  /** The center's counselors, for a supervisor choosing whose board or follow-ups to see. */
  'referrals:counselors': channel<Array<{ id: string; name: string }>>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({}).strict(),
  }),
  'referrals:forOpening': channel<ReferralSummary[]>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ openingId: id }).strict(),
  }),
  'referrals:forJobseeker': channel<JobseekerReferralHistory>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ jobseekerId: id }).strict(),
  }),
  'referrals:dueFollowUps': channel<DueFollowUpRow[]>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({ counselorId: id.optional(), onlyDue: z.boolean().default(false) }).strict(),
  }),
  'referrals:recordPlacement': channel<Placement>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: placementInputSchema,
  }),
  'referrals:placementFollowUp': channel<Placement>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z
      .object({
        placementId: id,
        months: z.union([z.literal(1), z.literal(3), z.literal(6)]),
        employed: z.boolean(),
        note,
      })
      .strict(),
  }),
};
