import type { ComponentType } from 'react';

// The desk's areas, each its own chunk. App.tsx starts loading the area of the address being opened
// together with the desk's own chunk (not after it), so a reload or a link costs one round of
// downloads after the entry, not two.

type Loader = () => Promise<ComponentType>;

const pick =
  <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): Loader =>
  () =>
    load().then((m) => m[name]);

export const DESK_AREAS: Record<string, Loader> = {
  appointments: pick(() => import('./appointments/AppointmentsArea.tsx'), 'AppointmentsArea'),
  inbox: pick(() => import('./inbox/InboxPage.tsx'), 'InboxPage'),
  caseload: pick(() => import('./caseload/CaseloadPage.tsx'), 'CaseloadPage'),
  jobseekers: pick(() => import('./jobseekers/JobseekersArea.tsx'), 'JobseekersArea'),
  employers: pick(() => import('./employers/EmployersArea.tsx'), 'EmployersArea'),
  openings: pick(() => import('./openings/OpeningsArea.tsx'), 'OpeningsArea'),
  referrals: pick(() => import('./referrals/ReferralsArea.tsx'), 'ReferralsArea'),
  reports: pick(() => import('./reports/ReportsArea.tsx'), 'ReportsArea'),
  audit: pick(() => import('./audit/AuditArea.tsx'), 'AuditArea'),
  queue: pick(() => import('./queue/QueueArea.tsx'), 'QueueArea'),
  settings: pick(() => import('./settings/SettingsArea.tsx'), 'SettingsArea'),
  reviews: pick(() => import('./sync/ReviewsPage.tsx'), 'ReviewsPage'),
  transfers: pick(() => import('./lifecycle/TransferInboxPage.tsx'), 'TransferInboxPage'),
  verify: pick(() => import('./documents/VerifyPage.tsx'), 'VerifyPage'),
  merges: pick(() => import('./merges/MergesArea.tsx'), 'MergesArea'),
  groups: pick(() => import('./groups/GroupsArea.tsx'), 'GroupsArea'),
};

/** Starts downloading the area an address (`#/jobseekers/…`) opens; the default is the jobseekers. */
export function prefetchAreaOf(hash: string): void {
  const name = /^#\/([a-z]+)/.exec(hash)?.[1] ?? 'jobseekers';
  void (DESK_AREAS[name] ?? DESK_AREAS['jobseekers'])?.().catch(() => undefined);
}
