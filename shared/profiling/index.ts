// The profiling module's public surface (interfaces.md "Profiling module"): the two classifiers of
// rule set PES-2021-v1, their types, the answer lists and schemas the forms reuse, and the texts.

export {
  RULE_SET,
  classifyJobseeker,
  jobseekerService,
  levelOf,
  JOBSEEKER_POINTS,
  LEVEL_THRESHOLDS,
  LEVEL_VALUES,
  JOBSEEKER_TYPE_VALUES,
  JOBSEEKER_TRACK_VALUES,
  ECONOMIC_VALUES,
  JOBSEEKER_REASON_KEYS,
  JOBSEEKER_SERVICES,
} from './jobseeker.ts';
export type {
  Level,
  JobseekerChecklist,
  JobseekerClassification,
  JobseekerType,
  JobseekerTrack,
  Economic,
  JobseekerReasonKey,
  JobseekerServiceKey,
} from './jobseeker.ts';

export {
  classifyEmployer,
  employerScore,
  EMPLOYER_TYPE_VALUES,
  EMPLOYER_LEVEL_POINTS,
  LARGE_SCALE_MIN_SCORE,
  CONDITIONS_IMPROVEMENT_MAX_SCORE,
  SMALL_FIRM_EMPLOYEES,
  SMALL_FIRM_MAX_SCORE,
  EMPLOYER_SERVICES,
  EMPLOYER_REASON_KEYS,
} from './employer.ts';
export type {
  EmployerProfile,
  EmployerClassification,
  EmployerType,
  EmployerServiceKey,
  EmployerReasonKey,
} from './employer.ts';

export {
  ProfilingInputError,
  jobseekerChecklistSchema,
  employerProfileSchema,
  parseJobseekerChecklist,
  parseEmployerProfile,
  SEARCH_ACTIVITIES_OPTIONS,
  START_WISH_OPTIONS,
  WILL_TO_WORK_OPTIONS,
  PREPARATION_OPTIONS,
  EXPERIENCE_OPTIONS,
  SINCE_LAST_JOB_OPTIONS,
  BARRIER_OPTIONS,
  ECONOMIC_HARDSHIP_OPTIONS,
  BOOLEAN_OPTIONS,
  LEVEL_OPTIONS,
  CHECKLIST_ITEMS,
  CHECKLIST_SET_ITEMS,
  CHECKLIST_OPTIONS,
  EMPLOYER_PROFILE_ITEMS,
} from './validate.ts';
export type { ChecklistItem, EmployerProfileItem } from './validate.ts';

export {
  profilingMessages,
  levelKey,
  jobseekerTypeKey,
  trackKey,
  economicKey,
  employerTypeKey,
  checklistLabelKey,
  checklistOptionKey,
  employerProfileLabelKey,
  employerProfileOptionKey,
} from './messages.ts';
export type { ProfilingMessageKey } from './messages.ts';
