import type { TimelineSource } from '../source.ts';
import { appointmentsSource } from './appointments.ts';
import { assessmentsSource } from './assessments.ts';
import { documentsSource } from './documents.ts';
import { jobReferralsSource } from './job-referrals.ts';
import { lifecycleSource } from './lifecycle.ts';
import { notesSource } from './notes.ts';
import { placementsSource } from './placements.ts';

// Every source of the case timeline, one line each (issue 17 item 5). A new kind of record adds its file
// beside these and one line below; the service (../index.ts) runs them all, sorts and filters.

export const TIMELINE_SOURCES: readonly TimelineSource[] = [
  assessmentsSource,
  notesSource,
  appointmentsSource,
  // Programmes (국민취업지원제도 enrolment, stages, IAP): prog-core's ./programmes.ts goes here.
  // Obligations (periodic job-search reports, compliance decisions): prog-core's ./obligations.ts here.
  // Group programme sessions (enrolment, attendance, completion): prog-groups' ./group-sessions.ts here.
  // Service referrals (training, partner agencies, welfare): prog-services' ./service-referrals.ts here.
  jobReferralsSource,
  placementsSource,
  documentsSource,
  lifecycleSource,
];
