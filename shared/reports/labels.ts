// Korean labels of the values that reports group by (the exports' language is Korean). The referral
// stages are the screens' words (renderer i18n `referrals.state`), checked by tests/unit/shared/reports/
// vocabulary.test.ts: one vocabulary on screens, reports and exports (issue 15).

export const VALUE_LABELS: Readonly<Record<string, string>> = {
  ready: '준비된 구직자',
  'needs-preparation': '준비가 필요한 구직자',
  'wide-area': '광역 알선',
  local: '지역 내 알선',
  'integrated-case-management': '통합사례관리',
  training: '훈련·일경험',
  counseling: '심층상담·구직의욕고취',
  proposed: '추천',
  referred: '알선',
  interview: '면접',
  hired: '채용',
  'not-hired': '불채용',
  declined: '구직자 거절',
  'no-show': '불참',
  cancelled: '취소',
  care: '돌봄서비스',
  'security-cleaning': '경비·청소',
  'simple-manufacturing': '제조단순직',
  other: '그 외 직종',
  unknown: '미상',
  female: '여성',
  male: '남성',
  'gender-other': '기타',
  'gender-unknown': '미기재',
  'online-alert': '온라인알림형',
  talent: '인재지원형',
  'large-scale': '대규모채용형',
  'conditions-improvement': '고용여건개선형',
  recognition: '인지도확산형',
  diagnosis: '진단',
  conditions: '근로조건 개선',
  recruitment: '채용 지원',
  'follow-up': '사후관리',
  referral: '알선 취업',
  own: '본인 취업',
  unassigned: '미배정',
  unclassified: '미분류',
  easyTotal: '쉬운 일자리 3개 직종 합계',
};

export function label(value: string | null): string {
  if (value === null) return VALUE_LABELS['unclassified'] ?? '-';
  return VALUE_LABELS[value] ?? value;
}

const EN: Readonly<Record<string, string>> = {
  ready: 'Ready',
  'needs-preparation': 'Needs preparation',
  'wide-area': 'Wide-area referral',
  local: 'Local referral',
  'integrated-case-management': 'Integrated case management',
  training: 'Training and work experience',
  counseling: 'In-depth counseling',
  proposed: 'Proposed',
  referred: 'Referred to employer',
  interview: 'Interview',
  hired: 'Hired',
  'not-hired': 'Not hired',
  declined: 'Declined by jobseeker',
  'no-show': 'No-show',
  cancelled: 'Cancelled',
  care: 'Care services',
  'security-cleaning': 'Security and cleaning',
  'simple-manufacturing': 'Simple manufacturing',
  other: 'Other occupations',
  unknown: 'Unknown',
  female: 'Female',
  male: 'Male',
  'gender-other': 'Other',
  'gender-unknown': 'Not given',
  'online-alert': 'Online alert',
  talent: 'Talent support',
  'large-scale': 'Large-scale hiring',
  'conditions-improvement': 'Working-conditions improvement',
  recognition: 'Recognition',
  diagnosis: 'Diagnosis',
  conditions: 'Working conditions',
  recruitment: 'Recruitment',
  'follow-up': 'Follow-up',
  referral: 'Through a referral',
  own: 'Found on their own',
  unassigned: 'Unassigned',
  unclassified: 'Unclassified',
  easyTotal: 'Three easiest occupations, total',
};

const enByKo = new Map<string, string>(
  Object.entries(VALUE_LABELS).flatMap(([code, ko]) => (EN[code] ? [[ko, EN[code]] as const] : [])),
);

/** The English for a label the reports computed (they carry Korean, the exports' language). */
export function englishLabel(value: string): string {
  const months = /^(\d+)개월$/.exec(value);
  if (months) return `${months[1]} month${months[1] === '1' ? '' : 's'}`;
  return enByKo.get(value) ?? value;
}
