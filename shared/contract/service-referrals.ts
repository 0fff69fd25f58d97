import { z } from 'zod';
import { daySchema } from '../domain/day.ts';
import {
  SERVICE_CLOSE_REASONS,
  SERVICE_REFERRAL_REASONS,
  SERVICE_REFERRAL_STATUSES,
  SERVICE_TARGET_KINDS,
  type ServiceCloseReason,
  type ServiceReferralReason,
  type ServiceReferralStatus,
  type ServiceTargetKind,
} from '../programmes/service-referral-status.ts';
import { channel } from './channel.ts';
import { rule } from './messages.ts';

// Service referrals (서비스 연계, issue 17 item 4): a case's referrals to training, work experience, partner
// agencies and welfare resources with their steps and history; a new referral; a dated step (accepted,
// declined with a reason, started, completed, dropped with a reason); the reassessment the case awaits
// after a completed one. Every answer about a case is an audited read.

const ROLES = ['counselor', 'supervisor'] as const;
const id = z.string().uuid('validation.id');
const day = daySchema('services.v.day');
const code = z.string().max(60, rule('validation.tooLongMax', { max: 60 }));
const optionalText = (max: number) =>
  z
    .string()
    .max(max, rule('validation.tooLongMax', { max }))
    .transform((v) => (v.trim() === '' ? null : v.trim()))
    .nullable()
    .default(null)
    .transform((v) => v ?? null);

export interface ServiceReferralEventView {
  id: string;
  from: ServiceReferralStatus | null;
  to: ServiceReferralStatus;
  on: string;
  reasonCode: string | null;
  note: string | null;
  counselorName: string | null;
  at: string;
}

export interface ServiceReferralView {
  id: string;
  targetKind: ServiceTargetKind;
  catalogueVersion: string;
  programmeCode: string | null;
  providerCode: string | null;
  providerName: string | null;
  courseName: string | null;
  planStep: string | null;
  /** The plan step is recorded done on the case (a completion closes it when the case's track has it). */
  planStepDone: boolean;
  reasonCode: ServiceReferralReason;
  reasonText: string | null;
  status: ServiceReferralStatus;
  /** The day each step was reached (null: not reached). */
  days: Record<ServiceReferralStatus, string | null>;
  closeReasonCode: ServiceCloseReason | null;
  closeReasonText: string | null;
  outcomeNote: string | null;
  /** The steps the machine allows from here (empty once closed). */
  next: ServiceReferralStatus[];
  events: ServiceReferralEventView[];
}

/** A completed referral still waiting for the needs-preparation → ready reassessment it calls for. */
export interface ReassessPrompt {
  serviceReferralId: string;
  targetKind: ServiceTargetKind;
  catalogueVersion: string;
  programmeCode: string | null;
  providerCode: string | null;
  providerName: string | null;
  courseName: string | null;
  completedOn: string;
}

export interface CaseServices {
  items: ServiceReferralView[];
  prompt: ReassessPrompt | null;
  /** Today in Korea, the latest day a step may carry. */
  today: string;
}

export const createServiceReferralSchema = z
  .object({
    jobseekerId: id,
    targetKind: z.enum(SERVICE_TARGET_KINDS, 'services.v.targetKind'),
    programmeCode: code.nullable().default(null),
    providerCode: code.nullable().default(null),
    providerName: optionalText(200),
    courseName: optionalText(200),
    reasonCode: z.enum(SERVICE_REFERRAL_REASONS, 'services.v.reason'),
    reasonText: optionalText(1_000),
    referredOn: day,
  })
  .strict()
  .refine((v) => v.reasonCode !== 'other' || v.reasonText !== null, {
    message: 'services.v.reasonText',
    path: ['reasonText'],
  });

export const transitionSchema = z
  .object({
    id,
    to: z.enum(SERVICE_REFERRAL_STATUSES, 'services.v.status'),
    on: day,
    reasonCode: z.enum(SERVICE_CLOSE_REASONS, 'services.v.closeReason').nullable().default(null),
    reasonText: optionalText(1_000),
    outcomeNote: optionalText(2_000),
  })
  .strict();

export const serviceReferralsChannels = {
  'services:ofJobseeker': channel<CaseServices>()({
    surface: 'desk',
    access: ROLES,
    input: z.object({ jobseekerId: id }).strict(),
  }),
  'services:create': channel<CaseServices>()({
    surface: 'desk',
    access: ROLES,
    input: createServiceReferralSchema,
  }),
  /** One dated step; a completion also records the plan step the referral closes. */
  'services:transition': channel<CaseServices>()({
    surface: 'desk',
    access: ROLES,
    input: transitionSchema,
  }),
  /** The case page's banner: the reassessment a completed referral calls for, if any. */
  'services:prompt': channel<ReassessPrompt | null>()({
    surface: 'desk',
    access: ROLES,
    input: z.object({ jobseekerId: id }).strict(),
  }),
};
