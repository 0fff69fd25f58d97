import type { TimelineSource } from '../source.ts';
import { appointmentsSource } from './appointments.ts';
import { assessmentsSource } from './assessments.ts';
import { documentsSource } from './documents.ts';
import { jobReferralsSource } from './job-referrals.ts';
import { lifecycleSource } from './lifecycle.ts';
import { notesSource } from './notes.ts';
import { placementsSource } from './placements.ts';
import { groupSessionsSource } from './group-sessions.ts';
import { obligationTimelineSource } from './obligations.ts';
import { programmeTimelineSource } from './programmes.ts';
import { serviceReferralSource } from './service-referrals.ts';

// Every source of the case timeline, one line each (issue 17 item 5). A new kind of record adds its file
// beside these and one line below; the service (../index.ts) runs them all, sorts and filters.

export const TIMELINE_SOURCES: readonly TimelineSource[] = [
  assessmentsSource,
  notesSource,
  appointmentsSource,
  programmeTimelineSource,
  obligationTimelineSource,
  groupSessionsSource,
  serviceReferralSource,
  jobReferralsSource,
  placementsSource,
  documentsSource,
  lifecycleSource,
];
