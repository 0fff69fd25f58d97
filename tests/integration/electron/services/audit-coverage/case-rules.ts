import type { ChannelName } from '../../../../../shared/contract/index.ts';
import { stepsOf } from '../../../../../shared/casework/service-plan.ts';
import { SIGNATURE_BASE64 } from '../../../../support/signature-png.ts';
import { READY_ANSWERS } from '../../../../support/case-fixtures.ts';
import { own, type Rule } from './rules.ts';

// The audit walk's rules (audit-coverage.test.ts): sign-in, the case itself, casework, programme
// enrolments, competency and documents.

const CSV = [
  'kind,title,ncsCode,issuer,startedOn,endedOn,hours,grade,source',
  'qualification,지게차운전기능사,,한국산업인력공단,2020-05-01,,,,q-net',
].join('\n');

/** In the order they are called (after the files before it in audit-coverage.test.ts). */
export const CASE_RULES: Partial<Record<ChannelName, Rule>> = {
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
};
