import { z } from 'zod';
import { JOBSEEKER_STATUSES, JOBSEEKER_TYPES, TRACKS } from './jobseeker.ts';

// The jobseeker list's filters as a counselor thinks of them (issue 16 item 7). One key per filter; each
// key has one SQL predicate in db/repositories/jobseeker-filters.ts (a map the type keeps complete), so
// a new filter is one key here and one entry there. Filters combine
// with AND; a saved search (내 저장 검색) is a name and one of these objects.

export const FILTER_NAME_MAX = 40;
export const MAX_SAVED_FILTERS = 50;
/** The most cases one bulk action takes (a departing counselor's caseload is a few hundred). */
export const MAX_BULK = 5_000;

export const jobseekerFilterSchema = z
  .object({
    status: z.enum(JOBSEEKER_STATUSES).optional(),
    type: z.enum(JOBSEEKER_TYPES).optional(),
    track: z.enum(TRACKS).optional(),
    /** 'me' (the person asking), 'none' (nobody has the case) or an account id. */
    counselor: z.union([z.literal('me'), z.literal('none'), z.string().uuid('validation.id')]).optional(),
    /** No counseling note in the last N days (never contacted counts as older). */
    lastContactOlderThanDays: z
      .number()
      .int('filters.validation.days')
      .min(1, 'filters.validation.days')
      .max(3650, 'filters.validation.days')
      .optional(),
    /** The reassessment day has come (today or earlier). */
    reassessmentDue: z.literal(true).optional(),
    /** true: at least one referral still under way; false: none. */
    openReferral: z.boolean().optional(),
    /** An appointment booked in this week (Monday to Sunday, Korea), whatever its outcome so far. */
    appointmentThisWeek: z.literal(true).optional(),
    /**
     * Taking part now in this catalogue programme (issue 17): an enrolment not ended, a group place held,
     * or a service referral to the course not yet finished.
     */
    programme: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, 'filters.validation.programme')
      .optional(),
  })
  .strict();
export type JobseekerFilter = z.infer<typeof jobseekerFilterSchema>;
export type JobseekerFilterKey = keyof JobseekerFilter;

export const savedFilterInputSchema = z
  .object({
    name: z.string().trim().min(1, 'filters.validation.name').max(FILTER_NAME_MAX, 'validation.tooLong'),
    filter: jobseekerFilterSchema,
  })
  .strict();

export interface SavedFilter {
  id: string;
  name: string;
  filter: JobseekerFilter;
  /** How many cases match it now. */
  count: number;
}

/** The filter with its empty keys dropped, so two equal filters are stored alike. */
export function normaliseFilter(f: JobseekerFilter): JobseekerFilter {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
}

export function activeFilterCount(f: JobseekerFilter): number {
  return Object.keys(normaliseFilter(f)).length;
}
