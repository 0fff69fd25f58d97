import type { ConsentGroup } from '../../../shared/casework/types.ts';
import type { ServicePlanStep } from '../../../shared/casework/service-plan.ts';

// The Korean words the printed forms use. The forms are the center's paper in Korean whatever the
// screen's language, so these live beside the PDF code rather than in the renderer's i18n files.

export const GENDER_KO: Record<string, string> = { female: '여', male: '남', other: '기타' };
export const TYPE_KO: Record<string, string> = {
  ready: '취업준비 완료형',
  'needs-preparation': '취업준비 필요형',
};
export const TRACK_KO: Record<string, string> = {
  'wide-area': '광역 알선',
  local: '지역 알선',
  'integrated-case-management': '통합사례관리',
  training: '직업훈련',
  counseling: '심층상담',
};
export const STATUS_KO: Record<string, string> = { active: '구직 중', placed: '취업', closed: '종결' };
export const OPENING_STATUS_KO: Record<string, string> = { open: '모집 중', filled: '충원', closed: '마감' };

export const STEP_KO: Record<ServicePlanStep, string> = {
  jobInfo: '채용정보 제공',
  resumeReview: '이력서·자기소개서 점검',
  wideAreaMatching: '광역 일자리 매칭',
  localMatching: '지역 일자리 매칭',
  intensiveReferral: '집중 알선',
  interviewPrep: '면접 준비',
  actionPlan: '개인별 취업활동계획 수립',
  motivationProgramme: '취업의욕 증진 프로그램',
  vocationalTest: '직업심리검사',
  fieldDecision: '희망 직종 결정',
  reassessment: '재진단',
  trainingCounseling: '훈련 상담',
  trainingEnrolment: '훈련 등록',
  workExperience: '일경험 프로그램',
  trainingCompletion: '훈련 수료',
  barrierAssessment: '취업 장애요인 진단',
  welfareLink: '복지서비스 연계',
  nationalEmploymentSupport: '국민취업지원제도 연계',
  caseConference: '사례회의',
};

/** What each consent group covers, as the notice the jobseeker reads (domain.md §10). */
export const CONSENT_NOTICE: Record<ConsentGroup, { title: string; text: string }> = {
  required: {
    title: '[필수] 구직 등록과 취업지원을 위한 개인정보 수집·이용',
    text: '성명, 출생연도, 연락처, 희망 직종 등을 구직 등록, 상담, 유형 분류, 일자리 매칭과 알선에 씁니다. 동의하지 않으면 구직 등록과 취업지원을 받을 수 없습니다.',
  },
  optional: {
    title: '[선택] 구인업체·협력기관 제공',
    text: '알선할 때 구인업체와 협력기관에 성명과 연락처를 제공하고 안내 문자를 보냅니다. 동의하지 않아도 취업지원을 받을 수 있으나 알선장에 연락처가 실리지 않습니다.',
  },
  sensitive: {
    title: '[선택] 민감정보(건강·장애·복지) 처리',
    text: '건강, 장애, 복지 수급에 관한 답변을 유형 분류와 복지서비스 연계에 씁니다. 동의하지 않으면 해당 항목을 묻지 않고, 철회하면 이전 답변도 쓰지 않습니다.',
  },
};
