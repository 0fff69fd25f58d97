import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../electron/main/dispatcher.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import { channelNames, type ChannelName } from '../../../../shared/contract/index.ts';
import { stepsOf } from '../../../../shared/casework/service-plan.ts';
import { auditKindOf, isAccessAction, type AuditKind } from '../../../../shared/domain/audit.ts';
import { SIGNATURE_BASE64 } from '../../../support/signature-png.ts';
import { tinyPdf } from '../../../support/attachment-files.ts';
import {
  caller,
  caseWithRecords,
  READY_ANSWERS,
  seedFixture,
  type Fixture,
} from '../../../support/case-fixtures.ts';
import { dispatcherFor, makeTestStore, sessionHolder, type TestStore } from '../../../support/temp-store.ts';

// domain.md §10: every read of a jobseeker's record, every change, print and export is an audit entry
// naming the account, the time, the device, whose data it was and the action. This walks the contract:
// every channel is classified below (a new channel fails the first test until it is), and every channel
// that touches a person is called for real and must leave an entry naming that person.

type Who = 'counselor' | 'supervisor' | 'admin';

interface State {
  f: Fixture;
  person: string;
  latestAssessmentId: string;
  createdJobseekerId: string;
  checkinId: string;
  transferId: string;
  documentHash?: string;
  attachmentId?: string;
  appointmentId: string;
  /** A second live case of counselor1's center, for the merge preview. */
  spareId: string;
  taskId: string;
  serviceReferralId?: string;
  enrolmentId: string;
  groupId: string;
  groupSessionId: string;
  ownParticipantId: string;
  spareParticipantId: string;
  dismissalId?: string;
}

interface Call {
  as?: Who;
  input: (s: State) => unknown;
  /** Remembers what later calls need from this one's answer. */
  after?: (s: State, output: unknown) => void;
}

type Rule =
  /** Reads or changes one person's data: an entry naming them (person_id), by the caller. */
  | ({ kind: 'person'; personOf?: (s: State) => string } & Call)
  /** A visitor's ticket: an entry naming the ticket (the person too, once it is linked). */
  | ({ kind: 'record'; subjectOf: (s: State) => string } & Call)
  /** Several people's data at once (a page of a list): one entry of the kind `read`, by the caller. */
  | ({ kind: 'list' } & Call)
  | ({ kind: 'export' } & Call)
  /** Role and permission changes: an `account.*` entry (kept three years). */
  | ({ kind: 'permission' } & Call)
  /** Upkeep of the trail itself: some entry by the caller. */
  | ({ kind: 'logged' } & Call)
  /** Touches nobody's personal data (or only the caller's own sign-in, audited under auth.*). */
  | { kind: 'none'; why: string }
  /** Shows personal data but is not audited per call, for the reason given. */
  | { kind: 'exempt'; why: string }
  /** Audited, but needs what this walk cannot set up (a sync server); the test that covers it is named. */
  | { kind: 'elsewhere'; why: string };

const CSV = [
  'kind,title,ncsCode,issuer,startedOn,endedOn,hours,grade,source',
  'qualification,지게차운전기능사,,한국산업인력공단,2020-05-01,,,,q-net',
].join('\n');

const own = (s: State) => s.f.own.jobseekerId;

/** In the order they are called: some calls need what an earlier one made. */
const RULES: Record<ChannelName, Rule> = {
  'app:info': { kind: 'none', why: 'version and store facts' },
  'auth:login': { kind: 'none', why: "the caller's own sign-in (auth.login entries)" },
  'auth:logout': { kind: 'none', why: "the caller's own session" },
  'auth:session': { kind: 'none', why: "the caller's own session" },
  'auth:setup': { kind: 'none', why: 'first-run setup of an empty store' },
  'auth:lock': { kind: 'none', why: "the caller's own session (auth.session.locked)" },
  'auth:unlock': { kind: 'none', why: "the caller's own session (auth.login)" },
  'auth:activity': { kind: 'none', why: "keeps the caller's idle clock" },

  'jobseekers:list': { kind: 'list', input: () => ({ query: '' }) },
  'jobseekers:findDuplicates': { kind: 'list', input: () => ({ name: '김하늘', phone: null }) },
  'jobseekers:get': { kind: 'person', input: (s) => ({ id: own(s) }) },
  'jobseekers:create': {
    kind: 'person',
    input: () => ({
      fields: { name: '최감사', birthYear: 1990, sido: '11', desiredOccupation: '5501' },
      confirmedNotDuplicate: true,
    }),
    after: (s, out) => (s.createdJobseekerId = (out as { id: string }).id),
    personOf: (s) => s.createdJobseekerId,
  },
  'jobseekers:update': {
    kind: 'person',
    input: (s) => ({ id: own(s), baseSeq: 0, fields: { desiredWage: 2_700_000 } }),
  },
  'jobseekers:assignees': {
    kind: 'exempt',
    why: "the center's counselors and supervisors for the assign dialog; the case shown beside it was read, and audited, by jobseekers:get",
  },
  'jobseekers:assign': {
    kind: 'person',
    as: 'supervisor',
    input: (s) => ({ id: s.createdJobseekerId, baseSeq: 0, counselorId: null }),
    personOf: (s) => s.createdJobseekerId,
  },
  'jobseekers:archive': {
    kind: 'person',
    as: 'supervisor',
    input: (s) => ({ id: s.createdJobseekerId, baseSeq: 0, archived: true }),
    personOf: (s) => s.createdJobseekerId,
  },

  'casework:get': { kind: 'person', input: (s) => ({ jobseekerId: own(s) }) },
  'casework:caseload': { kind: 'list', input: () => ({}) },
  'casework:decideReview': {
    kind: 'person',
    as: 'supervisor',
    input: (s) => ({ reviewId: s.f.own.reviewId, outcome: 'upheld', text: '검토 결과 유지' }),
  },
  'casework:saveAssessment': {
    kind: 'person',
    input: (s) => ({ jobseekerId: own(s), answers: READY_ANSWERS, decision: { kind: 'accepted' } }),
    after: (s, out) => {
      const file = out as { assessments: Array<{ id: string }> };
      s.latestAssessmentId = file.assessments[0]?.id ?? '';
    },
  },
  'casework:saveIntake': {
    kind: 'person',
    input: (s) => ({
      consent: { required: true },
      assessment: { jobseekerId: own(s), answers: READY_ANSWERS, decision: { kind: 'accepted' } },
    }),
    // The intake's assessment is now the latest one, the one the plan's steps belong to.
    after: (s, out) => {
      const file = out as { assessments: Array<{ id: string }> };
      s.latestAssessmentId = file.assessments[0]?.id ?? '';
    },
  },
  'casework:requestReview': {
    kind: 'person',
    input: (s) => ({ jobseekerId: own(s), assessmentId: s.latestAssessmentId, text: '재검토 요청' }),
  },
  'casework:setStep': {
    kind: 'person',
    input: (s) => ({
      jobseekerId: own(s),
      assessmentId: s.latestAssessmentId,
      step: stepsOf('wide-area')[0],
      done: true,
      note: '',
    }),
  },
  'casework:addNote': {
    kind: 'person',
    input: (s) => ({ jobseekerId: own(s), kind: 'phone', body: '전화 상담' }),
  },
  'casework:reviseNote': {
    kind: 'person',
    input: (s) => ({ noteId: s.f.own.noteId, kind: 'in-person', body: '첫 상담 (고침)' }),
  },
  'casework:recordConsent': {
    kind: 'person',
    input: (s) => ({ jobseekerId: own(s), granted: { sensitive: true } }),
  },
  // Programme enrolments (issue 17): the case already has the sensitive consent (casework:recordConsent).
  'programmes:enrol': {
    kind: 'person',
    input: (s) => ({ jobseekerId: own(s), programmeCode: 'nes-1' }),
    after: (s, out) => {
      s.enrolmentId = (out as { id: string }).id;
    },
  },
  'programmes:ofJobseeker': { kind: 'person', input: (s) => ({ jobseekerId: own(s) }) },
  'programmes:precheck': {
    kind: 'person',
    input: (s) => ({
      enrolmentId: s.enrolmentId,
      inputs: { age: 40, householdIncomePct: 50, assetsBand: 'under-400m', recentWorkDays: 300 },
    }),
  },
  'programmes:decide': {
    kind: 'person',
    input: (s) => ({ enrolmentId: s.enrolmentId, decision: 'admit', reasonCode: 'meets-rules' }),
  },
  'programmes:move': {
    kind: 'person',
    input: (s) => ({ enrolmentId: s.enrolmentId, to: 'plan', on: '2099-01-02' }),
  },
  'programmes:savePlan': {
    kind: 'person',
    input: (s) => ({
      enrolmentId: s.enrolmentId,
      goals: ['3개월 안에 물류 사무직 취업'],
      items: [
        { activity: '이력서 작성', who: 'jobseeker', partner: null, from: '2099-01-03', to: '2099-01-10' },
      ],
    }),
  },
  'programmes:agreePlan': {
    kind: 'person',
    input: (s) => ({ enrolmentId: s.enrolmentId, on: '2099-01-03' }),
  },
  'programmes:decidePeriod': {
    kind: 'elsewhere',
    why: 'needs the service stage (a second move): tests/integration/electron/services/programmes/enrolments.test.ts checks its entry names the person',
  },
  'programmes:getFigures': { kind: 'none', why: "the catalogue's figures and the center's own values" },
  'programmes:saveFigures': { kind: 'none', why: "the center's figures (settings.programmes.save)" },
  'casework:addCompetency': {
    kind: 'person',
    input: (s) => ({
      jobseekerId: own(s),
      item: {
        kind: 'training',
        title: '물류 관리 과정',
        ncsCode: null,
        issuer: '한국폴리텍대학',
        startedOn: '2021-03-02',
        endedOn: '2021-08-31',
        hours: 300,
        grade: null,
        source: 'hrd-net',
      },
    }),
  },
  'casework:previewImport': {
    kind: 'person',
    input: (s) => ({ jobseekerId: own(s), format: 'csv', content: CSV }),
  },
  'casework:import': { kind: 'person', input: (s) => ({ jobseekerId: own(s), format: 'csv', content: CSV }) },
  'casework:issueCertificate': {
    kind: 'person',
    input: (s) => ({ jobseekerId: own(s), itemIds: s.f.own.competencyIds }),
  },
  'casework:verifyCertificate': { kind: 'person', input: (s) => ({ code: s.f.own.certificateCode }) },
  'documents:view': {
    kind: 'person',
    input: (s) => ({ kind: 'consent', recordId: own(s) }),
    after: (s, out) =>
      (s.documentHash = (out as { signature: { currentHash: string } }).signature.currentHash),
  },
  'documents:sign': {
    kind: 'person',
    input: (s) => ({
      kind: 'consent',
      recordId: own(s),
      documentHash: s.documentHash ?? '',
      imagePng: SIGNATURE_BASE64,
    }),
  },
  'documents:print': { kind: 'person', input: (s) => ({ kind: 'registration', recordId: own(s) }) },
  'documents:verify': { kind: 'person', input: (s) => ({ code: s.f.own.certificateCode }) },

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

  'settings:getKiosk': { kind: 'none', why: 'kiosk texts and counters' },
  'settings:saveKiosk': { kind: 'none', why: 'kiosk texts and counters (settings.kiosk.save)' },
  'settings:getDevice': { kind: 'none', why: "this PC's start mode" },
  'settings:saveDevice': { kind: 'none', why: "this PC's start mode (settings.device.save)" },
  'settings:getServerTrust': { kind: 'none', why: "this PC's server address and CA file" },
  'settings:saveServerTrust': { kind: 'none', why: "this PC's CA file (settings.serverTrust.save)" },

  'accounts:list': { kind: 'none', why: "the center's staff accounts" },
  'accounts:create': {
    kind: 'permission',
    as: 'admin',
    input: () => ({
      loginId: 'audited1',
      displayName: '감사 상담사',
      role: 'counselor',
      password: 'Audit-pass-2026',
    }),
  },
  'accounts:update': {
    kind: 'permission',
    as: 'admin',
    input: (s) => ({ id: s.f.sessions.counselor2.userId, role: 'supervisor' }),
  },
  'accounts:unlock': {
    kind: 'permission',
    as: 'admin',
    input: (s) => ({ id: s.f.sessions.counselor2.userId }),
  },
  'accounts:resetPassword': {
    kind: 'permission',
    as: 'admin',
    input: (s) => ({ id: s.f.sessions.counselor2.userId, password: 'Reset-pass-2026' }),
  },

  'join:plan': { kind: 'none', why: 'pairs account login ids and counts records; no personal data' },
  'join:apply': {
    kind: 'elsewhere',
    why: 'needs a sync server: the sync.join entry is covered by tests/integration/sync/join-http.test.ts',
  },
  'sync:status': { kind: 'none', why: 'counts of unsent changes' },
  'sync:now': { kind: 'none', why: 'starts a sync' },
  'sync:reviews': {
    kind: 'elsewhere',
    why: 'audited (sync.reviews.read) when it shows items, which come from a sync server',
  },
  'sync:exportOutbox': { kind: 'export', input: () => ({ purpose: '기기 교체 전 보관' }) },
  'sync:resolveReview': { kind: 'elsewhere', why: 'needs a review item from a sync server' },
  'sync:resendRefused': { kind: 'elsewhere', why: 'needs a change a sync server refused' },
  'sync:handRefused': { kind: 'elsewhere', why: 'needs a change a sync server refused' },

  'audit:list': { kind: 'none', why: 'the audit trail itself (ids, masked names); opening it is audit.view' },
  'audit:overview': {
    kind: 'logged',
    as: 'supervisor',
    input: () => ({ filter: { from: '2026-11-01', to: '2026-11-02' } }),
  },
  'audit:verify': { kind: 'logged', as: 'supervisor', input: () => ({}) },
  'audit:purge': { kind: 'logged', as: 'admin', input: () => ({}) },
  'audit:settings': { kind: 'none', why: 'retention and thresholds' },
  'audit:saveSettings': { kind: 'none', why: 'retention and thresholds (settings.audit.save)' },

  'backups:list': { kind: 'none', why: 'backup file names, times and sizes' },
  'backups:progress': { kind: 'none', why: "the running backup job's progress" },
  'backups:saveSettings': { kind: 'none', why: 'backup interval and rotation (settings.backup.save)' },
  'backups:make': { kind: 'elsewhere', why: 'needs the store gate (backup.make): backups/backups.test.ts' },
  'backups:verify': {
    kind: 'elsewhere',
    why: 'needs the store gate (backup.verify): backups/backups.test.ts',
  },
  'backups:restore': {
    kind: 'elsewhere',
    why: 'needs the store gate (backup.restore): backups/backups.test.ts',
  },
  'auth:damagedStore': { kind: 'none', why: 'backup file names and verdicts, before sign-in' },
  'auth:restoreDamaged': {
    kind: 'elsewhere',
    why: 'needs a damaged store behind the gate (backup.restore): backups/damaged-store.test.ts',
  },

  'kiosk:welcome': { kind: 'none', why: 'public kiosk texts' },
  'kiosk:openings': { kind: 'none', why: 'public openings' },
  'kiosk:takeTicket': { kind: 'none', why: "the visitor's own ticket, at the kiosk (checkin.issue)" },
  'kiosk:endVisit': { kind: 'none', why: 'clears the kiosk screen' },
  'kiosk:ticketPrint': { kind: 'none', why: 'number, counter and time only (checkin.print)' },
  'kiosk:lobbyCalls': { kind: 'none', why: 'ticket numbers and counters only, for the lobby display' },
  'settings:getTicketDevice': { kind: 'none', why: "this PC's ticket letter and printer" },
  'settings:saveTicketDevice': {
    kind: 'none',
    why: "this PC's ticket letter and printer (settings.ticketDevice.save)",
  },
  'drafts:get': {
    kind: 'exempt',
    why: "the caller's own unsaved typing, shown back only to them; the saved record is audited",
  },
  'drafts:keep': { kind: 'exempt', why: "the caller's own unsaved typing on this PC, never synced" },
  'drafts:discard': { kind: 'exempt', why: "removes the caller's own unsaved typing" },

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

let t: TestStore;
let state: State;
let dispatch: Dispatch;

beforeAll(async () => {
  t = await makeTestStore();
  const f = await seedFixture(t);
  dispatch = dispatcherFor(t.store).dispatch;
  const spare = await caseWithRecords(caller(dispatch), f.sessions.counselor, '박병합', f.openingId);
  state = {
    f,
    person: '',
    latestAssessmentId: f.own.assessmentId,
    createdJobseekerId: '',
    checkinId: f.checkinId,
    transferId: '',
    appointmentId: '',
    spareId: spare.jobseekerId,
    taskId: '',
    enrolmentId: '',
    groupId: '',
    groupSessionId: '',
    ownParticipantId: '',
    spareParticipantId: '',
  };
});
afterAll(() => t.cleanup());

function sessionOf(who: Who | undefined): SessionInfo {
  const s = state.f.sessions;
  return who === 'supervisor' ? s.supervisor : who === 'admin' ? s.admin : s.counselor;
}

function lastRowid(): number {
  const row = t.store.raw.prepare('select coalesce(max(rowid), 0) as n from audit_entries').get() as {
    n: number;
  };
  return row.n;
}

interface Entry {
  action: string;
  actor_id: string | null;
  device_id: string;
  at: string;
  person_id: string | null;
  subject_id: string | null;
}

function entriesAfter(rowid: number): Entry[] {
  return t.store.raw
    .prepare(
      'select action, actor_id, device_id, at, person_id, subject_id from audit_entries where rowid > ? order by rowid',
    )
    .all(rowid) as Entry[];
}

describe('the audit trail covers every channel that touches a person', () => {
  it('classifies every channel of the contract (a new channel must be placed here)', () => {
    expect(Object.keys(RULES).sort()).toEqual([...channelNames].sort());
    // Case areas hold people's data: none of their channels may be waved through as touching no one.
    const caseAreas = ['jobseekers', 'casework', 'matching', 'checkins'];
    const waved = channelNames.filter(
      (n) => caseAreas.includes(n.split(':')[0] ?? '') && RULES[n].kind === 'none',
    );
    expect(waved).toEqual([]);
  });

  const walked = (Object.entries(RULES) as Array<[ChannelName, Rule]>).filter(
    (e): e is [ChannelName, Extract<Rule, Call>] => 'input' in e[1],
  );

  it.each(walked.map(([name]) => name))('%s leaves its audit entry', async (name) => {
    const rule = RULES[name] as Extract<Rule, Call>;
    const session = sessionOf(rule.as);
    const before = lastRowid();
    const result = await dispatch(
      { surface: 'desk', session: sessionHolder(session) },
      name,
      rule.input(state),
    );
    expect(result, `${name} should succeed: ${JSON.stringify(result)}`).toMatchObject({ ok: true });
    if (!result.ok) return;
    rule.after?.(state, result.value);
    const entries = entriesAfter(before);
    const mine = entries.filter((e) => e.actor_id === session.userId);
    // Every entry names the account, the device and the time.
    for (const e of mine) {
      expect(e.device_id).toBe(t.store.context.deviceId);
      expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    }
    const kinds = mine.map((e) => auditKindOf(e.action));
    const has = (kind: AuditKind) => kinds.includes(kind);
    switch (rule.kind) {
      case 'person': {
        const person = (rule.personOf ?? own)(state);
        expect(
          mine.some((e) => e.person_id === person),
          `${name}: no entry names the person (${JSON.stringify(mine)})`,
        ).toBe(true);
        break;
      }
      case 'record':
        expect(
          mine.some((e) => e.subject_id === rule.subjectOf(state)),
          `${name}: ${JSON.stringify(mine)}`,
        ).toBe(true);
        break;
      case 'list':
        expect(has('read'), `${name}: ${JSON.stringify(mine)}`).toBe(true);
        break;
      case 'export':
        expect(has('export'), `${name}: ${JSON.stringify(mine)}`).toBe(true);
        break;
      case 'permission':
        expect(
          mine.some((e) => isAccessAction(e.action)),
          `${name}: ${JSON.stringify(mine)}`,
        ).toBe(true);
        break;
      case 'logged':
        expect(mine.length, name).toBeGreaterThan(0);
        break;
    }
  });

  it('leaves the chain intact after the walk', async () => {
    const { verifyAuditChain } = await import('../../../../db/repositories/audit.ts');
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true });
  });
});
