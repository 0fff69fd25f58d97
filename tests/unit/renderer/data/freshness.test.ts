import { describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/contract/index.ts';
import { isWrite, noteReceived, subscribeForTest } from '../../../../renderer/src/data/freshness.ts';

// The refresh model's one judgement: which channels change data. A read taken for a write would reload
// every screen after every load (a loop); a write taken for a read leaves lists stale (issue 15 item 7).
// The whole contract is classified here, so a new channel is a decision someone makes.

const READS = [
  'accounts:list',
  'app:info',
  'audit:list',
  'audit:overview',
  'audit:verify',
  'audit:settings',
  'auth:login',
  'auth:logout',
  'auth:session',
  'auth:setup',
  'auth:lock',
  'auth:unlock',
  'auth:activity',
  'auth:damagedStore',
  'auth:restoreDamaged',
  'backups:list',
  'backups:progress',
  'backups:verify',
  'casework:get',
  'join:plan',
  'casework:previewImport',
  'casework:verifyCertificate',
  'casework:caseload',
  'checkins:queue',
  'checkins:get',
  'employers:list',
  'employers:get',
  'employers:discovery',
  'openings:list',
  'openings:get',
  'matching:forOpening',
  'matching:forJobseeker',
  'referrals:get',
  'referrals:board',
  'referrals:counselors',
  'referrals:forOpening',
  'referrals:forJobseeker',
  'referrals:dueFollowUps',
  'jobseekers:list',
  'jobseekers:get',
  'jobseekers:findDuplicates',
  'jobseekers:assignees',
  'kiosk:welcome',
  'kiosk:openings',
  'reports:get',
  'reports:export',
  'settings:getKiosk',
  'settings:getDevice',
  'settings:getServerTrust',
  'sync:status',
  'sync:reviews',
  'sync:exportOutbox',
  // A review decision waits on this desk for the next sync, shown on its own card ("이 값으로 반영"):
  // reloading the lists would drop that card's pending state before the counselor has read it.
  'sync:decideReview',
  // A draft is the user's own unsaved typing: keeping it must not reload the screen under them.
  'drafts:get',
  'drafts:keep',
  'drafts:discard',
  // Issues 16 and 18: reads, prints (an audit entry, no record) and exports.
  'settings:getTicketDevice',
  'kiosk:ticketPrint',
  'kiosk:lobbyCalls',
  'lifecycle:history',
  'lifecycle:transferInbox',
  'lifecycle:transferChoices',
  'documents:view',
  'documents:print',
  'documents:verify',
  'attachments:list',
  'attachments:open',
  'attachments:forReferral',
  'attachments:getLimit',
  'appointments:range',
  'appointments:ofJobseeker',
  'appointments:team',
  'appointments:overlaps',
  'appointments:history',
  'programmes:ofJobseeker',
  'programmes:getFigures',
  'merges:survivor',
  'merges:duplicates',
  'merges:preview',
  'merges:dismissed',
  'inbox:list',
  'inbox:counts',
  'filters:list',
  'jobseekers:bulkExport',
  // Issue 17: a case's service referrals and its reassessment prompt.
  'services:ofJobseeker',
  'services:prompt',
  'timeline:list',
  // Issue 17 item 3: group programmes.
  'groups:list',
  'groups:get',
  'groups:staff',
  'groups:ofJobseeker',
];

describe('which channels are writes', () => {
  const names = Object.keys(contract);

  it('takes none of the reads for a write', () => {
    expect(READS.filter(isWrite)).toEqual([]);
  });

  it('takes every other channel of the contract for a write', () => {
    const others = names.filter((n) => !READS.includes(n));
    expect(others.filter((n) => !isWrite(n))).toEqual([]);
    expect(others).toContain('referrals:record');
    expect(others).toContain('referrals:placementFollowUp');
  });
});

describe('rows a sync pulled', () => {
  it('make every mounted query stale once per growth of the count, not on a repeated status', () => {
    let seen = 0;
    const stop = subscribeForTest(() => (seen += 1));
    noteReceived(4);
    expect(seen).toBe(1);
    noteReceived(4); // the same status polled again
    expect(seen).toBe(1);
    noteReceived(9);
    expect(seen).toBe(2);
    noteReceived(0); // the app started again: its count restarts, nothing new yet
    expect(seen).toBe(2);
    noteReceived(2);
    expect(seen).toBe(3);
    stop();
  });
});
