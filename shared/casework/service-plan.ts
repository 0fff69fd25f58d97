import type { JobseekerTrack } from '../profiling/index.ts';

// What follows each track (domain.md §3 service column, the 2021 plan's 유형별 서비스): the steps a
// counselor works through and records as done. Keys are message keys under `servicePlan.step.*`.

export const SERVICE_PLAN_STEPS = {
  'wide-area': ['jobInfo', 'resumeReview', 'wideAreaMatching', 'intensiveReferral', 'interviewPrep'],
  local: ['jobInfo', 'resumeReview', 'localMatching', 'intensiveReferral', 'interviewPrep'],
  counseling: ['actionPlan', 'motivationProgramme', 'vocationalTest', 'fieldDecision', 'reassessment'],
  training: [
    'trainingCounseling',
    'trainingEnrolment',
    'workExperience',
    'trainingCompletion',
    'reassessment',
  ],
  'integrated-case-management': [
    'barrierAssessment',
    'welfareLink',
    'nationalEmploymentSupport',
    'caseConference',
    'reassessment',
  ],
} as const satisfies Record<JobseekerTrack, readonly string[]>;

export type ServicePlanStep = (typeof SERVICE_PLAN_STEPS)[JobseekerTrack][number];
export const ALL_SERVICE_PLAN_STEPS = [
  ...new Set(Object.values(SERVICE_PLAN_STEPS).flat()),
] as ServicePlanStep[];

export function stepsOf(track: JobseekerTrack): readonly ServicePlanStep[] {
  return SERVICE_PLAN_STEPS[track];
}
