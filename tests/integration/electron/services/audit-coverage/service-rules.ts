import type { ChannelName } from '../../../../../shared/contract/index.ts';
import { tinyPdf } from '../../../../support/attachment-files.ts';
import { own, type Rule } from './rules.ts';

// The audit walk's rules (audit-coverage.test.ts): group programmes, the case's lifecycle, attachments,
// appointments, service referrals, merges, the inbox and to-dos, saved filters, bulk actions and the
// timeline.

/** In the order they are called (after the files before it in audit-coverage.test.ts). */
export const SERVICE_RULES: Partial<Record<ChannelName, Rule>> = {
  // Group programmes (issue 17 item 3): before the lifecycle calls close the case.
  'groups:list': { kind: 'none', why: "the center's runs: titles, seats and dates, nobody's data" },
  'groups:staff': { kind: 'none', why: "the center's staff names, no jobseeker" },
  'groups:create': {
    kind: 'record',
    input: (s) => ({
      programmeCode: 'group-achievement',
      title: '성취프로그램 12월',
      facilitatorId: s.f.sessions.counselor.userId,
      sessions: [{ startsAt: '2026-12-01T01:00:00.000Z', durationMin: 120 }],
    }),
    after: (s, out) => {
      const d = out as { run: { id: string }; sessions: Array<{ id: string }> };
      s.groupId = d.run.id;
      s.groupSessionId = d.sessions[0]?.id ?? '';
    },
    subjectOf: (s) => s.groupId,
  },
  'groups:addParticipants': {
    kind: 'person',
    input: (s) => ({ programmeId: s.groupId, jobseekerIds: [own(s)] }),
    after: (s, out) => {
      const d = out as { detail: { participants: Array<{ id: string; jobseekerId: string }> } };
      s.ownParticipantId = d.detail.participants.find((p) => p.jobseekerId === own(s))?.id ?? '';
    },
  },
  'groups:addFromFilter': {
    kind: 'person',
    input: (s) => ({ programmeId: s.groupId, selection: { kind: 'ids', ids: [s.spareId] } }),
    after: (s, out) => {
      const d = out as { detail: { participants: Array<{ id: string; jobseekerId: string }> } };
      s.spareParticipantId = d.detail.participants.find((p) => p.jobseekerId === s.spareId)?.id ?? '';
    },
    personOf: (s) => s.spareId,
  },
  'groups:get': { kind: 'list', input: (s) => ({ id: s.groupId }) },
  'groups:setStatus': {
    kind: 'person',
    input: (s) => ({ participantId: s.spareParticipantId, status: 'waiting' }),
    personOf: (s) => s.spareId,
  },
  'groups:recordAttendance': {
    kind: 'person',
    input: (s) => ({ participantId: s.ownParticipantId, sessionId: s.groupSessionId, mark: 'attended' }),
  },
  'groups:recordCompletion': {
    kind: 'person',
    input: (s) => ({ participantId: s.ownParticipantId, outcome: 'completed' }),
  },
  'groups:addSession': {
    kind: 'logged',
    input: (s) => ({ programmeId: s.groupId, startsAt: '2026-12-08T01:00:00.000Z', durationMin: 120 }),
  },
  'groups:updateRun': {
    kind: 'record',
    input: (s) => ({
      id: s.groupId,
      title: '성취프로그램 12월 (변경)',
      facilitatorId: s.f.sessions.counselor.userId,
      place: '3층',
      capacity: 12,
    }),
    subjectOf: (s) => s.groupId,
  },
  'groups:updateSession': {
    kind: 'logged',
    input: (s) => ({ id: s.groupSessionId, startsAt: '2026-12-01T02:00:00.000Z', durationMin: 90 }),
  },
  'groups:archiveSession': {
    kind: 'logged',
    input: (s) => ({ id: s.groupSessionId, reason: '강사 사정으로 취소' }),
  },
  'groups:archiveRun': {
    kind: 'record',
    as: 'supervisor',
    input: (s) => ({ id: s.groupId, reason: '과정 종료' }),
    subjectOf: (s) => s.groupId,
  },
  'groups:ofJobseeker': { kind: 'person', input: (s) => ({ jobseekerId: own(s) }) },

  'lifecycle:history': { kind: 'person', input: (s) => ({ jobseekerId: own(s) }) },
  'lifecycle:closeMany': {
    kind: 'person',
    as: 'supervisor',
    input: (s) => ({ jobseekerIds: [own(s)], reason: 'own-request', text: '' }),
  },
  'lifecycle:reopen': { kind: 'person', input: (s) => ({ jobseekerId: own(s), reason: 'lost-job' }) },
  'lifecycle:close': {
    kind: 'person',
    input: (s) => ({ jobseekerId: own(s), reason: 'no-contact', noContactMonths: 3 }),
  },
  'lifecycle:requestTransfer': {
    kind: 'person',
    input: (s) => ({ jobseekerId: own(s), toCenter: 'BUS01', reason: '이사' }),
    after: (s, out) => {
      s.transferId = (out as { id: string }).id;
    },
  },
  'lifecycle:cancelTransfer': { kind: 'person', input: (s) => ({ transferId: s.transferId }) },
  'lifecycle:transferInbox': { kind: 'list', input: () => ({}) },
  'lifecycle:transferChoices': { kind: 'none', why: "center names and the caller's own center's staff" },
  'lifecycle:decideTransfer': {
    kind: 'elsewhere',
    why: 'needs a request from another center: tests/integration/sync/transfer-http.test.ts',
  },
  'attachments:list': {
    kind: 'exempt',
    why: 'file names on the case page, whose opening (casework:get) is the audited read; each file opened is audited',
  },
  'attachments:add': {
    kind: 'person',
    input: (s) => ({
      parent: { table: 'jobseekers', id: own(s) },
      kind: 'resume',
      fileName: '이력서.pdf',
      base64: tinyPdf().toString('base64'),
    }),
    after: (s, out) => {
      s.attachmentId = (out as { id: string }).id;
    },
  },
  'attachments:open': { kind: 'person', input: (s) => ({ id: s.attachmentId, purpose: 'download' }) },
  'attachments:chooseForReferral': {
    kind: 'person',
    input: (s) => ({ referralId: s.f.own.referralId, attachmentIds: [s.attachmentId] }),
  },
  'attachments:forReferral': {
    kind: 'exempt',
    why: 'file names on the referral page, whose opening (referrals:get) is the audited read',
  },
  'attachments:remove': { kind: 'person', input: (s) => ({ id: s.attachmentId, reason: '잘못 올린 파일' }) },
  'attachments:getLimit': { kind: 'none', why: "this PC's size limit" },
  'attachments:saveLimit': { kind: 'logged', as: 'admin', input: () => ({ maxBytes: 12 * 1024 * 1024 }) },
  'appointments:book': {
    kind: 'person',
    input: (s) => ({
      jobseekerId: own(s),
      kind: 'in_person',
      startsAt: '2026-11-02T01:00:00.000Z',
      durationMin: 30,
      purpose: '이력서 점검',
    }),
    after: (s, out) => {
      s.appointmentId = (out as { appointment: { id: string } }).appointment.id;
    },
  },
  'appointments:range': {
    kind: 'list',
    input: () => ({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' }),
  },
  'appointments:ofJobseeker': { kind: 'person', input: (s) => ({ jobseekerId: own(s) }) },
  'appointments:overlaps': {
    kind: 'exempt',
    why:
      "asked as the booking dialog's time changes (background): the times and names of the caller's own " +
      'other appointments at that time; the booking itself is audited',
  },
  'appointments:reschedule': {
    kind: 'person',
    input: (s) => ({ id: s.appointmentId, startsAt: '2026-11-02T02:00:00.000Z' }),
  },
  'appointments:history': { kind: 'person', input: (s) => ({ id: s.appointmentId }) },
  'appointments:outcome': { kind: 'person', input: (s) => ({ id: s.appointmentId, outcome: 'attended' }) },
  'appointments:team': { kind: 'none', why: "the center's staff names, no jobseeker" },
  'services:create': {
    kind: 'person',
    input: (s) => ({
      jobseekerId: own(s),
      targetKind: 'training',
      programmeCode: 'training-naeil',
      courseName: '용접 기초',
      reasonCode: 'skills-gap',
      referredOn: '2026-01-02',
    }),
    after: (s, out) => {
      s.serviceReferralId = (out as { items: Array<{ id: string }> }).items[0]?.id ?? '';
    },
  },
  'services:ofJobseeker': { kind: 'person', input: (s) => ({ jobseekerId: own(s) }) },
  'services:transition': {
    kind: 'person',
    input: (s) => ({ id: s.serviceReferralId, to: 'accepted', on: '2026-01-03' }),
  },
  'services:prompt': { kind: 'person', input: (s) => ({ jobseekerId: own(s) }) },
  'kiosk:appointmentArrive': {
    kind: 'elsewhere',
    why: 'a kiosk call without a session (appointment.arrive names the person): appointments/arrival.test.ts',
  },
  'merges:survivor': {
    kind: 'none',
    why: 'only the id of the case a merged id now leads to; opening it is audited',
  },
  'merges:duplicates': { kind: 'list', as: 'supervisor', input: () => ({}) },
  'merges:preview': {
    kind: 'person',
    as: 'supervisor',
    input: (s) => ({ a: own(s), b: s.spareId }),
  },
  'merges:dismiss': {
    kind: 'person',
    as: 'supervisor',
    input: (s) => ({ a: own(s), b: s.spareId, reason: '동명이인 (본인 확인)' }),
    after: (s, out) => {
      s.dismissalId = (out as { id: string }).id;
    },
  },
  'merges:dismissed': { kind: 'list', as: 'supervisor', input: () => ({}) },
  'merges:undoDismiss': {
    kind: 'person',
    as: 'supervisor',
    input: (s) => ({ id: s.dismissalId, seq: 0 }),
    personOf: (s) => [own(s), s.spareId].sort()[0] ?? '',
  },
  'merges:merge': {
    kind: 'elsewhere',
    why: 'merging would end the case the later calls use: tests/integration/sync/merge-http.test.ts checks its entry names both ids',
  },
  'inbox:list': { kind: 'list', input: () => ({}) },
  'inbox:counts': { kind: 'none', why: 'numbers for the navigation badge, nobody’s data' },
  'tasks:create': {
    kind: 'person',
    input: (s) => ({ title: '이력서 받기', dueOn: '2026-01-05', link: { kind: 'jobseeker', id: own(s) } }),
    after: (s, out) => {
      s.taskId = (out as { id: string }).id;
    },
  },
  'tasks:setDone': { kind: 'person', input: (s) => ({ id: s.taskId, baseSeq: 0, done: true }) },
  'tasks:snooze': { kind: 'person', input: (s) => ({ id: s.taskId, baseSeq: 0, until: '2099-01-01' }) },
  'tasks:reassign': {
    kind: 'person',
    input: (s) => ({ id: s.taskId, baseSeq: 0, assigneeId: s.f.sessions.supervisor.userId }),
  },
  'filters:list': { kind: 'none', why: 'the caller’s own saved filters with counts only' },
  'filters:save': { kind: 'none', why: 'a filter is the caller’s own setting, no one’s data' },
  'filters:delete': { kind: 'none', why: 'removes the caller’s own saved filter' },
  'jobseekers:bulkAssign': {
    kind: 'person',
    as: 'supervisor',
    // The walk's last calls: the counselor's own case goes to the supervisor.
    input: (s) => ({
      selection: { kind: 'ids', ids: [own(s)] },
      counselorId: s.f.sessions.supervisor.userId,
    }),
  },
  'jobseekers:bulkExport': {
    kind: 'export',
    as: 'supervisor',
    input: (s) => ({ selection: { kind: 'ids', ids: [own(s)] }, purpose: '이관 준비' }),
  },
  'jobseekers:bulkClose': {
    kind: 'person',
    as: 'supervisor',
    input: (s) => ({ selection: { kind: 'ids', ids: [s.spareId] }, reason: 'own-request', text: '' }),
    personOf: (s) => s.spareId,
  },
  // Issue 17 item 5: every page of a case's timeline is a read of the case.
  'timeline:list': { kind: 'person', input: (s) => ({ jobseekerId: own(s) }) },
};
