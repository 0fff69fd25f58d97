import { z } from 'zod';
import type { JobseekerChecklist } from './jobseeker.ts';
import type { EmployerProfile } from './employer.ts';

// The answer lists of the intake checklist and of the employer profile (domain.md §3–4), their zod
// schemas, and the one error both classifiers throw. The lists are exported so that the intake form
// builds its option lists from the same source the classifier checks against; the schemas are reused
// by the forms and by the IPC layer. Schema messages are i18n keys (see messages.ts), as elsewhere in
// shared/; the thrown error carries an English developer message that names the item.

export const SEARCH_ACTIVITIES_OPTIONS = ['0', '1-2', '3+'] as const;
export const START_WISH_OPTIONS = ['undecided', 'over6m', '3to6m', 'within3m'] as const;
export const WILL_TO_WORK_OPTIONS = [1, 2, 3, 4, 5] as const;
export const PREPARATION_OPTIONS = ['none', 'education', 'license'] as const;
export const EXPERIENCE_OPTIONS = ['none', 'under2y', '2y+'] as const;
export const SINCE_LAST_JOB_OPTIONS = ['never', 'over24m', '6to24m', 'under6m'] as const;
export const BARRIER_OPTIONS = ['health', 'caregiving', 'language', 'digital'] as const;
export const ECONOMIC_HARDSHIP_OPTIONS = ['livelihood-recipient', 'low-income', 'housing'] as const;
export const BOOLEAN_OPTIONS = [true, false] as const;
export const LEVEL_OPTIONS = ['high', 'mid', 'low'] as const;

/** Checklist items in the order the intake form asks them; also the order errors are reported in. */
export const CHECKLIST_ITEMS = [
  'searchActivities4w',
  'startWish',
  'willToWork',
  'preparation',
  'experience',
  'sinceLastJob',
  'barriers',
  'economicHardship',
  'fieldDecided',
  'mobile',
] as const satisfies ReadonlyArray<keyof JobseekerChecklist>;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

/** Items answered as a set (several answers, or none). */
export const CHECKLIST_SET_ITEMS = [
  'barriers',
  'economicHardship',
] as const satisfies ReadonlyArray<ChecklistItem>;

/** The allowed answers per checklist item, for forms that loop over the items. */
export const CHECKLIST_OPTIONS = {
  searchActivities4w: SEARCH_ACTIVITIES_OPTIONS,
  startWish: START_WISH_OPTIONS,
  willToWork: WILL_TO_WORK_OPTIONS,
  preparation: PREPARATION_OPTIONS,
  experience: EXPERIENCE_OPTIONS,
  sinceLastJob: SINCE_LAST_JOB_OPTIONS,
  barriers: BARRIER_OPTIONS,
  economicHardship: ECONOMIC_HARDSHIP_OPTIONS,
  fieldDecided: BOOLEAN_OPTIONS,
  mobile: BOOLEAN_OPTIONS,
} as const satisfies Record<ChecklistItem, ReadonlyArray<string | number | boolean>>;

export const EMPLOYER_PROFILE_ITEMS = [
  'uniformConditions',
  'wage',
  'welfare',
  'recognition',
  'employees',
] as const satisfies ReadonlyArray<keyof EmployerProfile>;
export type EmployerProfileItem = (typeof EMPLOYER_PROFILE_ITEMS)[number];

/** Thrown for any checklist or profile that is not exactly what the rule set expects: we never guess. */
export class ProfilingInputError extends Error {
  /** The offending item (e.g. "willToWork"), or '' when the input as a whole is not an object. */
  readonly field: string;
  /** What the item accepts, in words, e.g. `1, 2, 3, 4 or 5`. */
  readonly expected: string;

  constructor(subject: string, field: string, expected: string) {
    super(
      field === ''
        ? `Invalid ${subject}: expected ${expected}`
        : `Invalid ${subject} item "${field}": expected ${expected}`,
    );
    this.name = 'ProfilingInputError';
    this.field = field;
    this.expected = expected;
  }
}

// The message of an error never repeats the value received: barrier and hardship answers are
// sensitive data (domain.md §10) and error messages end up in logs.

function show(value: string | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function oneOf(values: ReadonlyArray<string | number | boolean>): string {
  const shown = values.map(show);
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}

function setOf(values: ReadonlyArray<string>): string {
  return `a list of distinct values, each ${oneOf(values)}`;
}

const CHECKLIST_EXPECTED: Record<ChecklistItem, string> = {
  searchActivities4w: oneOf(SEARCH_ACTIVITIES_OPTIONS),
  startWish: oneOf(START_WISH_OPTIONS),
  willToWork: oneOf(WILL_TO_WORK_OPTIONS),
  preparation: oneOf(PREPARATION_OPTIONS),
  experience: oneOf(EXPERIENCE_OPTIONS),
  sinceLastJob: oneOf(SINCE_LAST_JOB_OPTIONS),
  barriers: setOf(BARRIER_OPTIONS),
  economicHardship: setOf(ECONOMIC_HARDSHIP_OPTIONS),
  fieldDecided: oneOf(BOOLEAN_OPTIONS),
  mobile: oneOf(BOOLEAN_OPTIONS),
};

const EMPLOYER_EXPECTED: Record<EmployerProfileItem, string> = {
  uniformConditions: oneOf(BOOLEAN_OPTIONS),
  wage: oneOf(LEVEL_OPTIONS),
  welfare: oneOf(LEVEL_OPTIONS),
  recognition: oneOf(LEVEL_OPTIONS),
  employees: 'an integer >= 1',
};

function distinct(values: ReadonlyArray<unknown>): boolean {
  return new Set(values).size === values.length;
}

/** A set answer: each value from the list, none twice (a repeat means the form or caller is broken). */
function setSchema<const T extends readonly [string, ...string[]]>(values: T, error: string) {
  return z.array(z.enum(values, { error }), { error }).refine(distinct, { error });
}

function checklistKey(item: ChecklistItem): string {
  return `checklist.${item}.invalid`;
}

function employerKey(item: EmployerProfileItem): string {
  return `employerProfile.${item}.invalid`;
}

export const jobseekerChecklistSchema = z.object(
  {
    searchActivities4w: z.enum(SEARCH_ACTIVITIES_OPTIONS, { error: checklistKey('searchActivities4w') }),
    startWish: z.enum(START_WISH_OPTIONS, { error: checklistKey('startWish') }),
    willToWork: z.literal(WILL_TO_WORK_OPTIONS, { error: checklistKey('willToWork') }),
    preparation: z.enum(PREPARATION_OPTIONS, { error: checklistKey('preparation') }),
    experience: z.enum(EXPERIENCE_OPTIONS, { error: checklistKey('experience') }),
    sinceLastJob: z.enum(SINCE_LAST_JOB_OPTIONS, { error: checklistKey('sinceLastJob') }),
    barriers: setSchema(BARRIER_OPTIONS, checklistKey('barriers')),
    economicHardship: setSchema(ECONOMIC_HARDSHIP_OPTIONS, checklistKey('economicHardship')),
    fieldDecided: z.boolean({ error: checklistKey('fieldDecided') }),
    mobile: z.boolean({ error: checklistKey('mobile') }),
  },
  { error: 'checklist.invalid' },
) satisfies z.ZodType<JobseekerChecklist>;

export const employerProfileSchema = z.object(
  {
    uniformConditions: z.boolean({ error: employerKey('uniformConditions') }),
    wage: z.enum(LEVEL_OPTIONS, { error: employerKey('wage') }),
    welfare: z.enum(LEVEL_OPTIONS, { error: employerKey('welfare') }),
    recognition: z.enum(LEVEL_OPTIONS, { error: employerKey('recognition') }),
    employees: z
      .number({ error: employerKey('employees') })
      .int({ error: employerKey('employees') })
      .min(1, { error: employerKey('employees') }),
  },
  { error: 'employerProfile.invalid' },
) satisfies z.ZodType<EmployerProfile>;

/**
 * The first offending item in form order, so the same bad input always names the same item; '' when the
 * input as a whole is wrong (not an object).
 */
function firstField<T extends string>(
  issues: ReadonlyArray<{ path: PropertyKey[] }>,
  order: readonly T[],
): T | '' {
  let best = -1;
  for (const issue of issues) {
    const index = order.indexOf(issue.path[0] as T);
    if (index === -1) return '';
    if (best === -1 || index < best) best = index;
  }
  return order[best] ?? '';
}

/** Validates a checklist (from a form, IPC or storage) and returns it without unknown keys. */
export function parseJobseekerChecklist(input: unknown): JobseekerChecklist {
  const result = jobseekerChecklistSchema.safeParse(input);
  if (result.success) return result.data;
  const field = firstField(result.error.issues, CHECKLIST_ITEMS);
  throw new ProfilingInputError('checklist', field, field === '' ? 'an object' : CHECKLIST_EXPECTED[field]);
}

/** Validates an employer profile and returns it without unknown keys. */
export function parseEmployerProfile(input: unknown): EmployerProfile {
  const result = employerProfileSchema.safeParse(input);
  if (result.success) return result.data;
  const field = firstField(result.error.issues, EMPLOYER_PROFILE_ITEMS);
  throw new ProfilingInputError(
    'employer profile',
    field,
    field === '' ? 'an object' : EMPLOYER_EXPECTED[field],
  );
}
