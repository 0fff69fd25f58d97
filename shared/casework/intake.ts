import { z } from 'zod';
import {
  BARRIER_OPTIONS,
  CHECKLIST_ITEMS,
  ECONOMIC_HARDSHIP_OPTIONS,
  EXPERIENCE_OPTIONS,
  JOBSEEKER_TRACK_VALUES,
  PREPARATION_OPTIONS,
  SEARCH_ACTIVITIES_OPTIONS,
  SINCE_LAST_JOB_OPTIONS,
  START_WISH_OPTIONS,
  WILL_TO_WORK_OPTIONS,
  type ChecklistItem,
  type JobseekerChecklist,
  type JobseekerTrack,
  type JobseekerType,
} from '../profiling/index.ts';

// The intake (심층 진입상담) as the counselor fills it in: the checklist of domain.md §3, where the
// sensitive items (health barriers, welfare and income: §10) may be declined ("응답하지 않음"). A
// declined item is classified as absent and the record keeps that it was declined, so it shows as
// not answered rather than as "none".

/** Items whose answers are sensitive data (건강·복지): each may be declined. */
export const SENSITIVE_ITEMS = ['barriers', 'economicHardship'] as const satisfies readonly ChecklistItem[];
export type SensitiveItem = (typeof SENSITIVE_ITEMS)[number];

/** The items the kiosk self-check asks (the motivation items, domain.md §8). */
export const KIOSK_ITEMS = ['searchActivities4w', 'startWish', 'willToWork'] as const;

/** What the intake sends: every answer (sensitive ones may be declined), which were declined, provenance. */
export const intakeAnswersSchema = z
  .object({
    searchActivities4w: z.enum(SEARCH_ACTIVITIES_OPTIONS, { error: 'checklist.searchActivities4w.invalid' }),
    startWish: z.enum(START_WISH_OPTIONS, { error: 'checklist.startWish.invalid' }),
    willToWork: z.literal(WILL_TO_WORK_OPTIONS, { error: 'checklist.willToWork.invalid' }),
    preparation: z.enum(PREPARATION_OPTIONS, { error: 'checklist.preparation.invalid' }),
    experience: z.enum(EXPERIENCE_OPTIONS, { error: 'checklist.experience.invalid' }),
    sinceLastJob: z.enum(SINCE_LAST_JOB_OPTIONS, { error: 'checklist.sinceLastJob.invalid' }),
    barriers: z
      .array(z.enum(BARRIER_OPTIONS, { error: 'checklist.barriers.invalid' }))
      .max(BARRIER_OPTIONS.length, 'checklist.barriers.invalid')
      .refine((v) => new Set(v).size === v.length, 'checklist.barriers.invalid'),
    economicHardship: z
      .array(z.enum(ECONOMIC_HARDSHIP_OPTIONS, { error: 'checklist.economicHardship.invalid' }))
      .max(ECONOMIC_HARDSHIP_OPTIONS.length, 'checklist.economicHardship.invalid')
      .refine((v) => new Set(v).size === v.length, 'checklist.economicHardship.invalid'),
    fieldDecided: z.boolean({ error: 'checklist.fieldDecided.invalid' }),
    mobile: z.boolean({ error: 'checklist.mobile.invalid' }),
    /** Sensitive items the jobseeker preferred not to answer: their answers must be empty. */
    declined: z.array(z.enum(SENSITIVE_ITEMS)).max(SENSITIVE_ITEMS.length).default([]),
    /** Items pre-filled from the kiosk self-check, which the counselor confirmed with the jobseeker. */
    kioskItems: z.array(z.enum(KIOSK_ITEMS)).max(KIOSK_ITEMS.length).default([]),
  })
  .strict()
  .superRefine((a, ctx) => {
    for (const item of a.declined) {
      if (a[item].length > 0)
        ctx.addIssue({ code: 'custom', path: [item], message: 'intake.declinedHasAnswers' });
    }
  });
export type IntakeAnswers = z.output<typeof intakeAnswersSchema>;

/** The checklist the rules see: a declined sensitive item counts as absent (domain.md §10). */
export function checklistFromAnswers(a: IntakeAnswers): JobseekerChecklist {
  const declined = new Set<string>(a.declined);
  return {
    searchActivities4w: a.searchActivities4w,
    startWish: a.startWish,
    willToWork: a.willToWork,
    preparation: a.preparation,
    experience: a.experience,
    sinceLastJob: a.sinceLastJob,
    barriers: declined.has('barriers') ? [] : [...a.barriers],
    economicHardship: declined.has('economicHardship') ? [] : [...a.economicHardship],
    fieldDecided: a.fieldDecided,
    mobile: a.mobile,
  };
}

/** The stored inputs of an assessment: the checklist as classified plus what was declined and where answers came from. */
export interface StoredInputs extends JobseekerChecklist {
  declined: SensitiveItem[];
  kioskItems: Array<(typeof KIOSK_ITEMS)[number]>;
  checkinId?: string;
}

/** Reads stored inputs, including older rows (demo data, earlier versions) that hold a bare checklist. */
export function readStoredInputs(json: string): StoredInputs {
  const raw = JSON.parse(json) as Partial<StoredInputs>;
  const checklist = Object.fromEntries(
    CHECKLIST_ITEMS.map((k) => [k, raw[k]]),
  ) as unknown as JobseekerChecklist;
  return {
    ...checklist,
    declined: Array.isArray(raw.declined) ? raw.declined : [],
    kioskItems: Array.isArray(raw.kioskItems) ? raw.kioskItems : [],
    ...(typeof raw.checkinId === 'string' ? { checkinId: raw.checkinId } : {}),
  };
}

// ---- Decision ----

/** Why a counselor overrode the advice. The text is always required as well. */
export const OVERRIDE_REASON_CODES = [
  'health-disclosed',
  'caregiving-change',
  'jobseeker-request',
  'information-correction',
  'counselor-judgement',
] as const;
export type OverrideReasonCode = (typeof OVERRIDE_REASON_CODES)[number];

export const READY_TRACKS = ['wide-area', 'local'] as const satisfies readonly JobseekerTrack[];

/** The type a track belongs to: the two referral tracks are the ready pool; the rest need preparation. */
export function typeOfTrack(track: JobseekerTrack): JobseekerType {
  return (READY_TRACKS as readonly string[]).includes(track) ? 'ready' : 'needs-preparation';
}

export const decisionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('accepted') }).strict(),
    z
      .object({
        kind: z.literal('overridden'),
        track: z.enum(JOBSEEKER_TRACK_VALUES, { error: 'intake.override.trackRequired' }),
        reasonCode: z.enum(OVERRIDE_REASON_CODES, { error: 'intake.override.reasonCodeRequired' }),
        reasonText: z
          .string({ error: 'intake.override.reasonTextRequired' })
          .trim()
          .min(1, 'intake.override.reasonTextRequired')
          .max(1000, 'validation.tooLong'),
      })
      .strict(),
  ],
  { error: 'intake.decisionRequired' },
);
export type Decision = z.output<typeof decisionSchema>;

/**
 * Reassessment: a needs-preparation jobseeker is reassessed when their track's programme ends (domain.md
 * §3). These are the usual programme lengths the form proposes; the counselor sets the actual date.
 */
export const PROGRAMME_MONTHS: Record<JobseekerTrack, number | null> = {
  'wide-area': null,
  local: null,
  counseling: 3,
  training: 6,
  'integrated-case-management': 6,
};

/** The proposed reassessment date (YYYY-MM-DD) for a track, from a day (YYYY-MM-DD); null for ready tracks. */
export function proposedReassessment(track: JobseekerTrack, today: string): string | null {
  const months = PROGRAMME_MONTHS[track];
  if (months === null) return null;
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** A conversion (전환): the previous final type needed preparation and the new one is ready. */
export function isConversion(previous: JobseekerType | null, next: JobseekerType): boolean {
  return previous === 'needs-preparation' && next === 'ready';
}

export const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'intake.invalidDate')
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'intake.invalidDate',
  );
