import type { ChannelName } from '../../../../../shared/contract/index.ts';
import { own, type Rule } from './rules.ts';

// The audit walk's rules (audit-coverage.test.ts): employers, openings, matching, referrals, the lobby's
// check-ins and reports.

/** In the order they are called (after the files before it in audit-coverage.test.ts). */
export const EMPLOYMENT_RULES: Partial<Record<ChannelName, Rule>> = {
  'employers:list': { kind: 'none', why: "businesses' records, not people's" },
  'employers:get': { kind: 'none', why: "businesses' records, not people's" },
  'employers:create': { kind: 'none', why: "businesses' records (audited as employer.*)" },
  'employers:update': { kind: 'none', why: "businesses' records (audited as employer.*)" },
  'employers:assess': { kind: 'none', why: "businesses' records (audited as employer.*)" },
  'employers:logContact': { kind: 'none', why: "businesses' records (audited as employer.*)" },
  'employers:discovery': { kind: 'none', why: "businesses' records" },
  'employers:recordPackageStep': { kind: 'none', why: "businesses' records (audited as employer.*)" },
  'openings:list': { kind: 'none', why: 'job openings' },
  'openings:get': { kind: 'none', why: 'job openings' },
  'openings:create': { kind: 'none', why: 'job openings (audited as opening.*)' },
  'openings:update': { kind: 'none', why: 'job openings (audited as opening.*)' },
  'openings:setStatus': { kind: 'none', why: 'job openings (audited as opening.*)' },

  'matching:forJobseeker': { kind: 'person', input: (s) => ({ jobseekerId: own(s) }) },
  'matching:forOpening': { kind: 'list', input: (s) => ({ openingId: s.f.openingId }) },

  'referrals:create': {
    kind: 'person',
    input: (s) => ({ jobseekerId: s.f.travellingId, openingId: s.f.openingId }),
    personOf: (s) => s.f.travellingId,
  },
  'referrals:record': {
    kind: 'person',
    input: (s) => ({ referralId: s.f.own.referralId, kind: 'interview', interviewOn: '2026-11-10' }),
  },
  'referrals:get': { kind: 'person', input: (s) => ({ id: s.f.own.referralId }) },
  'referrals:forJobseeker': { kind: 'person', input: (s) => ({ jobseekerId: own(s) }) },
  'referrals:board': { kind: 'list', input: () => ({}) },
  'referrals:forOpening': { kind: 'list', input: (s) => ({ openingId: s.f.openingId }) },
  'referrals:dueFollowUps': { kind: 'list', input: () => ({}) },
  'referrals:counselors': { kind: 'none', why: "the center's staff names, no jobseeker" },
  'referrals:recordPlacement': {
    kind: 'person',
    input: (s) => ({ jobseekerId: own(s), employerName: '(주)새일터', hiredOn: '2026-10-20' }),
  },
  'referrals:placementFollowUp': {
    kind: 'person',
    input: (s) => ({ placementId: s.f.own.placementId, months: 1, employed: true }),
  },

  'checkins:queue': {
    kind: 'exempt',
    why:
      'the queue screen polls it every few seconds (background): ticket numbers and the names visitors ' +
      'typed today; each ticket a counselor calls, opens, links or closes is audited (checkins:*)',
  },
  'checkins:callNext': {
    kind: 'record',
    input: () => ({ counterId: 'c1' }),
    subjectOf: (s) => s.checkinId,
  },
  'checkins:get': { kind: 'record', input: (s) => ({ id: s.checkinId }), subjectOf: (s) => s.checkinId },
  'checkins:link': { kind: 'person', input: (s) => ({ id: s.checkinId, jobseekerId: own(s) }) },
  'checkins:redirect': {
    kind: 'record',
    input: (s) => ({ id: s.checkinId, serviceId: 'job-search', counterId: 'c2' }),
    subjectOf: (s) => s.checkinId,
  },
  'checkins:call': {
    kind: 'record',
    input: (s) => ({ id: s.checkinId, counterId: 'c2' }),
    subjectOf: (s) => s.checkinId,
  },
  'checkins:finish': {
    kind: 'record',
    input: (s) => ({ id: s.checkinId, outcome: 'done' }),
    subjectOf: (s) => s.checkinId,
  },

  'reports:get': { kind: 'none', why: 'counts and rates; names appear only in an export with names' },
  'reports:export': {
    kind: 'export',
    as: 'supervisor',
    input: () => ({ report: 'caseload', format: 'csv', purpose: '분기 점검' }),
  },
};
