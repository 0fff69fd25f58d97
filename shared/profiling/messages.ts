import type { Economic, JobseekerTrack, JobseekerType, Level } from './jobseeker.ts';
import type { EmployerType } from './employer.ts';
import type { ChecklistItem, EmployerProfileItem } from './validate.ts';

// Korean and English texts for every key the profiling module emits (reasons, services, type, track and
// level names) and for the intake form (item questions, answers, validation messages). Korean first,
// in the words counselors use in the 2021 plan. Texts are self-contained (no {{interpolation}}): the
// numbers they mention are those of rule set PES-2021-v1. Keys never nest inside one another, so the
// flat tables can be handed to i18next as they are (keySeparator: false) or unflattened.

const ko = {
  // Levels, dimensions, types, tracks
  'level.high': '상',
  'level.mid': '중',
  'level.low': '하',
  'profiling.ruleSet': '유형분류 기준 PES-2021-v1 (2021 공공고용서비스 강화 방안)',
  'jobseeker.dimension.motivation': '취업의욕',
  'jobseeker.dimension.ability': '취업능력',
  'jobseeker.dimension.economic': '경제적 여건',
  'jobseeker.type.ready': '준비된 구직자',
  'jobseeker.type.needs-preparation': '준비가 필요한 구직자',
  'jobseeker.track.wide-area': '광역 알선',
  'jobseeker.track.local': '지역 내 알선',
  'jobseeker.track.integrated-case-management': '통합사례관리',
  'jobseeker.track.training': '훈련·일경험',
  'jobseeker.track.counseling': '심층상담·구직의욕고취',
  'jobseeker.economic.stable': '경제적 여건 양호',
  'jobseeker.economic.vulnerable': '경제적 여건 취약',

  // Jobseeker services
  'service.wideAreaReferral': '일자리 정보 제공 및 집중 취업알선: 광역 단위 일자리 알선·매칭',
  'service.localReferral': '일자리 정보 제공 및 집중 취업알선: 지역 내 적합 일자리 위주 알선',
  'service.integratedCaseManagement': '복지서비스 연계 등 통합사례관리를 통한 취업애로요인 해소 지원',
  'service.trainingWorkExperience': '훈련 및 일경험 등 취업역량 제고 지원',
  'service.intensiveCounseling': '심층상담, 구직의욕고취 프로그램 등 지원',

  // Jobseeker reasons
  'jobseeker.reason.fieldDecided': '희망 직종이 정해져 있고 구직자가 이를 확인했습니다(취업분야 결정 完).',
  'jobseeker.reason.fieldNotDecided':
    '취업분야가 아직 결정되지 않았습니다(취업분야 결정 未完). 준비된 구직자로 분류하려면 희망 직종을 정하고 구직자의 확인을 받아야 합니다.',
  'jobseeker.reason.motivationHigh': '취업의욕이 상입니다(구직활동·취업희망시기·취업의지 합계 5점 이상).',
  'jobseeker.reason.motivationMid': '취업의욕이 중입니다(구직활동·취업희망시기·취업의지 합계 3~4점).',
  'jobseeker.reason.motivationLow': '취업의욕이 하입니다(구직활동·취업희망시기·취업의지 합계 2점 이하).',
  'jobseeker.reason.abilityHigh':
    '취업능력이 상입니다(분야 준비·관련 경력·직전 근무 시기와 애로요인 합계 5점 이상).',
  'jobseeker.reason.abilityMid':
    '취업능력이 중입니다(분야 준비·관련 경력·직전 근무 시기와 애로요인 합계 3~4점).',
  'jobseeker.reason.abilityLow':
    '취업능력이 하입니다(분야 준비·관련 경력·직전 근무 시기와 애로요인 합계 2점 이하).',
  'jobseeker.reason.barriersLoweredAbility':
    '건강, 가족 돌봄, 언어, 디지털 역량 등 취업애로요인 때문에 취업능력 수준이 낮아졌습니다(1개 -1점, 2개 이상 -2점).',
  'jobseeker.reason.noLevelHigh':
    '취업의욕과 취업능력이 모두 중입니다. 준비된 구직자가 되려면 둘 중 하나 이상이 상이어야 합니다.',
  'jobseeker.reason.economicVulnerable':
    '기초생활수급·차상위, 가구소득 중위 60% 이하, 주거 불안정 중 해당 사항이 있어 경제적 여건이 어렵습니다.',
  'jobseeker.reason.economicStable':
    '경제적 어려움(수급·차상위, 저소득, 주거 불안정)에 해당하지 않아 통합사례관리 기준에는 해당하지 않습니다.',
  'jobseeker.reason.mobile': '거주 지역 밖의 일자리도 가능합니다(지역이동 可): 광역 알선 대상입니다.',
  'jobseeker.reason.notMobile':
    '거주 지역 밖으로 이동하기 어렵습니다(지역이동 不可): 지역 내 알선 대상입니다.',

  // Employer types and services
  'employer.type.online-alert': '온라인알림형',
  'employer.type.large-scale': '대규모채용형',
  'employer.type.conditions-improvement': '고용여건개선형',
  'employer.type.recognition': '인지도확산형',
  'employer.type.talent': '인재지원형',
  'employer.stage1': '1단계(채용공고)',
  'employer.stage2': '2단계(구인애로)',
  'employer.score': '임금·복지·인지도 점수',
  'employerService.selfMatchingAlerts': '자율매칭: 조건이 맞는 구직자에게 자동알림(알림톡, 푸시알림)',
  'employerService.counselorReferral': '채용지원: 상담사의 구직자 알선',
  'employerService.intensiveSupport': '집중 채용지원: 채용대행, 채용행사',
  'employerService.intensiveSupportWithReferral': '집중 채용지원: 구직자 알선, 채용대행, 채용행사',
  'employerService.recruitmentPackage':
    '고용여건향상 종합 지원: 기업채용지원패키지(진단 → 고용여건 향상 → 채용지원 → 사후관리)',
  'employerService.activeIntervention': '적극개입: 눈높이 조절, 근로조건 조정·협상',
  'employerService.competencyRecommendations': '자율매칭: 직무능력 중심 AI 일자리 추천',
  'employerService.candidateDiscovery': '적극개입: 구직자 발굴, 눈높이 조절',

  // Employer reasons
  'employer.reason.uniformConditions':
    '어느 사업장에서 일하든 근로조건이 같거나 비슷한 직종입니다(요양·돌봄, 경비, 청소 등).',
  'employer.reason.notUniformConditions':
    '사업장마다 근로조건이 같은 직종(요양·돌봄, 경비, 청소 등)이 아닙니다.',
  'employer.reason.scoreAtLeast5': '임금·복지·인지도 점수 합계가 5점 이상입니다(상 2점, 중 1점, 하 0점).',
  'employer.reason.scoreAtMost1': '임금·복지·인지도 점수 합계가 1점 이하입니다(상 2점, 중 1점, 하 0점).',
  'employer.reason.scoreIs2': '임금·복지·인지도 점수 합계가 2점입니다(상 2점, 중 1점, 하 0점).',
  'employer.reason.score3to4': '임금·복지·인지도 점수 합계가 3~4점입니다(상 2점, 중 1점, 하 0점).',
  'employer.reason.fewerThan30Employees': '근로자 30인 미만의 소규모 기업입니다.',
  'employer.reason.atLeast30Employees': '근로자가 30인 이상이어서 소규모 기업 기준에는 해당하지 않습니다.',
  'employer.reason.recognitionLow': '기업 인지도가 하입니다.',
  'employer.reason.recognitionNotLow': '기업 인지도가 중 이상입니다.',

  // Intake checklist (심층 진입상담 유형분류 체크리스트)
  'checklist.title': '유형분류 체크리스트',
  'checklist.invalid': '체크리스트 응답을 확인해 주세요.',
  'checklist.preferNotToSay': '응답하지 않음',
  'checklist.group.motivation': '취업의욕',
  'checklist.group.ability': '취업능력',
  'checklist.group.economic': '경제적 여건',
  'checklist.group.direction': '취업분야·지역이동',

  'checklist.searchActivities4w.label':
    '최근 4주 동안 입사지원, 면접, 채용정보 문의 같은 구직활동을 몇 번 하셨어요?',
  'checklist.searchActivities4w.option.0': '안 했음',
  'checklist.searchActivities4w.option.1-2': '1~2번',
  'checklist.searchActivities4w.option.3+': '3번 이상',
  'checklist.searchActivities4w.invalid': '최근 4주 구직활동 횟수를 골라 주세요.',

  'checklist.startWish.label': '언제부터 일을 시작하고 싶으세요?',
  'checklist.startWish.option.undecided': '아직 정하지 않았음',
  'checklist.startWish.option.over6m': '6개월 이후',
  'checklist.startWish.option.3to6m': '3~6개월 안에',
  'checklist.startWish.option.within3m': '3개월 안에(가능하면 바로)',
  'checklist.startWish.invalid': '취업 희망 시기를 골라 주세요.',

  'checklist.willToWork.label': '지금 일을 하고 싶은 마음은 어느 정도세요? (1점 전혀 없음 ~ 5점 매우 강함)',
  'checklist.willToWork.option.1': '1 - 전혀 없음',
  'checklist.willToWork.option.2': '2 - 별로 없음',
  'checklist.willToWork.option.3': '3 - 보통',
  'checklist.willToWork.option.4': '4 - 있는 편',
  'checklist.willToWork.option.5': '5 - 매우 강함',
  'checklist.willToWork.invalid': '취업 의지를 1~5 중에서 골라 주세요.',

  'checklist.preparation.label': '희망하시는 분야를 위해 따로 준비하신 게 있으세요?',
  'checklist.preparation.option.none': '준비한 것 없음',
  'checklist.preparation.option.education': '관련 전공·교육·훈련 이수',
  'checklist.preparation.option.license': '관련 자격증(면허) 보유',
  'checklist.preparation.invalid': '희망 분야 준비 정도를 골라 주세요.',

  'checklist.experience.label': '희망 분야나 비슷한 분야에서 일해 보신 적이 있으세요? 있다면 얼마나요?',
  'checklist.experience.option.none': '없음',
  'checklist.experience.option.under2y': '2년 미만',
  'checklist.experience.option.2y+': '2년 이상',
  'checklist.experience.invalid': '관련 분야 경력을 골라 주세요.',

  'checklist.sinceLastJob.label': '마지막 직장을 그만두신 지 얼마나 되셨어요?',
  'checklist.sinceLastJob.option.never': '일해 본 적 없음',
  'checklist.sinceLastJob.option.over24m': '2년 넘음',
  'checklist.sinceLastJob.option.6to24m': '6개월~2년',
  'checklist.sinceLastJob.option.under6m': '6개월 안 됨',
  'checklist.sinceLastJob.invalid': '직전 근무 후 지난 기간을 골라 주세요.',

  'checklist.barriers.label': '일하시는 데 걸림돌이 되는 게 있으세요? (해당하는 것 모두)',
  'checklist.barriers.none': '해당 없음',
  'checklist.barriers.option.health': '건강상 제약',
  'checklist.barriers.option.caregiving': '자녀·가족 돌봄',
  'checklist.barriers.option.language': '한국어 의사소통',
  'checklist.barriers.option.digital': '컴퓨터·스마트폰 사용(디지털 역량)',
  'checklist.barriers.invalid': '취업애로요인을 목록에서 골라 주세요(같은 항목은 한 번만).',

  'checklist.economicHardship.label': '다음 중 해당하시는 게 있으세요? (해당하는 것 모두)',
  'checklist.economicHardship.none': '해당 없음',
  'checklist.economicHardship.option.livelihood-recipient': '기초생활수급자 또는 차상위계층',
  'checklist.economicHardship.option.low-income': '가구소득이 기준 중위소득 60% 이하',
  'checklist.economicHardship.option.housing': '주거가 불안정함',
  'checklist.economicHardship.invalid': '경제적 어려움 항목을 목록에서 골라 주세요(같은 항목은 한 번만).',

  'checklist.fieldDecided.label': '희망 직종이 정해져 있고, 그 직종으로 취업하시려는 게 맞으세요?',
  'checklist.fieldDecided.option.true': '예, 희망 직종 확인',
  'checklist.fieldDecided.option.false': '아니요, 아직 정하지 못함',
  'checklist.fieldDecided.invalid': '취업분야 결정 여부를 골라 주세요.',

  'checklist.mobile.label': '사시는 지역 밖의 일자리도 다니실 수 있으세요? (출퇴근이나 이사 포함)',
  'checklist.mobile.option.true': '예, 다른 지역도 가능',
  'checklist.mobile.option.false': '아니요, 사는 지역 안에서만',
  'checklist.mobile.invalid': '지역이동 가능 여부를 골라 주세요.',

  // Employer profile form
  'employerProfile.title': '구인기업 유형분류',
  'employerProfile.invalid': '구인기업 정보를 확인해 주세요.',
  'employerProfile.uniformConditions.label':
    '어느 사업장에서 일하든 근로조건이 거의 같은 직종인가요? (요양·돌봄, 경비, 청소 등)',
  'employerProfile.uniformConditions.option.true': '예',
  'employerProfile.uniformConditions.option.false': '아니요',
  'employerProfile.uniformConditions.invalid': '근로조건 동일 직종 여부를 골라 주세요.',
  'employerProfile.wage.label': '임금 수준 (지역 내 같은 직종 대비)',
  'employerProfile.wage.option.high': '높음(上)',
  'employerProfile.wage.option.mid': '비슷함(中)',
  'employerProfile.wage.option.low': '낮음(下)',
  'employerProfile.wage.invalid': '임금 수준을 골라 주세요.',
  'employerProfile.welfare.label': '복리후생 수준 (지역 내 같은 직종 대비)',
  'employerProfile.welfare.option.high': '높음(上)',
  'employerProfile.welfare.option.mid': '비슷함(中)',
  'employerProfile.welfare.option.low': '낮음(下)',
  'employerProfile.welfare.invalid': '복리후생 수준을 골라 주세요.',
  'employerProfile.recognition.label': '기업 인지도 (지역 내 같은 직종 대비)',
  'employerProfile.recognition.option.high': '높음(上)',
  'employerProfile.recognition.option.mid': '보통(中)',
  'employerProfile.recognition.option.low': '낮음(下)',
  'employerProfile.recognition.invalid': '기업 인지도를 골라 주세요.',
  'employerProfile.employees.label': '근로자 수(명)',
  'employerProfile.employees.invalid': '근로자 수를 1 이상의 정수로 입력해 주세요.',
} as const satisfies Record<string, string>;

// Typed against the Korean table, so a key missing from (or extra in) the English one fails to compile.
const en: Record<keyof typeof ko, string> = {
  'level.high': 'High',
  'level.mid': 'Medium',
  'level.low': 'Low',
  'profiling.ruleSet': 'Classification rules PES-2021-v1 (2021 public employment service plan)',
  'jobseeker.dimension.motivation': 'Motivation',
  'jobseeker.dimension.ability': 'Employability',
  'jobseeker.dimension.economic': 'Economic situation',
  'jobseeker.type.ready': 'Ready jobseeker',
  'jobseeker.type.needs-preparation': 'Jobseeker needing preparation',
  'jobseeker.track.wide-area': 'Wide-area referral',
  'jobseeker.track.local': 'Local referral',
  'jobseeker.track.integrated-case-management': 'Integrated case management',
  'jobseeker.track.training': 'Training and work experience',
  'jobseeker.track.counseling': 'In-depth counseling and motivation',
  'jobseeker.economic.stable': 'Economically stable',
  'jobseeker.economic.vulnerable': 'Economically vulnerable',

  'service.wideAreaReferral': 'Job information and intensive referral: jobs across the wider region',
  'service.localReferral': 'Job information and intensive referral: suitable jobs in the local area',
  'service.integratedCaseManagement':
    'Integrated case management with links to welfare services, to remove barriers to work',
  'service.trainingWorkExperience': 'Vocational training and work experience to build employability',
  'service.intensiveCounseling': 'In-depth counseling and programmes that build motivation to look for work',

  'jobseeker.reason.fieldDecided':
    'A desired occupation is set and the jobseeker confirmed it (field decided).',
  'jobseeker.reason.fieldNotDecided':
    'The field of work is not decided yet. A jobseeker is classified as ready only once a desired occupation is set and confirmed.',
  'jobseeker.reason.motivationHigh':
    'Motivation is high (search activities, start date and will to work add up to 5 points or more).',
  'jobseeker.reason.motivationMid':
    'Motivation is medium (search activities, start date and will to work add up to 3–4 points).',
  'jobseeker.reason.motivationLow':
    'Motivation is low (search activities, start date and will to work add up to 2 points or less).',
  'jobseeker.reason.abilityHigh':
    'Employability is high (preparation, related experience, time since the last job and barriers add up to 5 points or more).',
  'jobseeker.reason.abilityMid':
    'Employability is medium (preparation, related experience, time since the last job and barriers add up to 3–4 points).',
  'jobseeker.reason.abilityLow':
    'Employability is low (preparation, related experience, time since the last job and barriers add up to 2 points or less).',
  'jobseeker.reason.barriersLoweredAbility':
    'Barriers such as health, caregiving, language or digital skills lowered the employability level (one: −1 point, two or more: −2 points).',
  'jobseeker.reason.noLevelHigh':
    'Motivation and employability are both medium; a ready jobseeker needs at least one of them high.',
  'jobseeker.reason.economicVulnerable':
    'Economic hardship: basic-livelihood or near-poor recipient, household income at or below 60% of the median, or housing instability.',
  'jobseeker.reason.economicStable':
    'No economic hardship was reported, so the criterion for integrated case management does not apply.',
  'jobseeker.reason.mobile': 'Can take a job outside the home region: wide-area referral.',
  'jobseeker.reason.notMobile': 'Cannot easily take a job outside the home region: local referral.',

  'employer.type.online-alert': 'Online alert',
  'employer.type.large-scale': 'Large-scale recruitment',
  'employer.type.conditions-improvement': 'Employment conditions improvement',
  'employer.type.recognition': 'Recognition building',
  'employer.type.talent': 'Talent support',
  'employer.stage1': 'Stage 1 (posting)',
  'employer.stage2': 'Stage 2 (hard to fill)',
  'employer.score': 'Wage, welfare and recognition score',
  'employerService.selfMatchingAlerts':
    'Self-matching: automatic alerts (messenger, push) to matching jobseekers',
  'employerService.counselorReferral': 'Recruitment support: the counselor refers jobseekers',
  'employerService.intensiveSupport':
    "Intensive support: recruitment on the employer's behalf, hiring events",
  'employerService.intensiveSupportWithReferral':
    "Intensive support: referral of jobseekers, recruitment on the employer's behalf, hiring events",
  'employerService.recruitmentPackage':
    'Comprehensive support: the recruitment-support package (diagnosis → conditions improvement → recruitment → follow-up)',
  'employerService.activeIntervention': 'Active intervention: adjusting expectations, negotiating conditions',
  'employerService.competencyRecommendations': 'Self-matching: competency-based AI job recommendations',
  'employerService.candidateDiscovery': 'Active intervention: finding candidates, adjusting expectations',

  'employer.reason.uniformConditions':
    'The occupation has the same or similar conditions wherever it is done (care, security, cleaning).',
  'employer.reason.notUniformConditions':
    'The occupation does not have the same conditions everywhere (not care, security or cleaning).',
  'employer.reason.scoreAtLeast5':
    'Wage, welfare and recognition add up to 5 points or more (high 2, medium 1, low 0).',
  'employer.reason.scoreAtMost1':
    'Wage, welfare and recognition add up to 1 point or less (high 2, medium 1, low 0).',
  'employer.reason.scoreIs2': 'Wage, welfare and recognition add up to 2 points (high 2, medium 1, low 0).',
  'employer.reason.score3to4':
    'Wage, welfare and recognition add up to 3–4 points (high 2, medium 1, low 0).',
  'employer.reason.fewerThan30Employees': 'A small firm with fewer than 30 employees.',
  'employer.reason.atLeast30Employees': '30 employees or more, so the small-firm criterion does not apply.',
  'employer.reason.recognitionLow': 'The company is little known (recognition low).',
  'employer.reason.recognitionNotLow': 'The company is reasonably well known (recognition medium or high).',

  'checklist.title': 'Classification checklist',
  'checklist.invalid': 'Please check the checklist answers.',
  'checklist.preferNotToSay': 'Prefer not to say',
  'checklist.group.motivation': 'Motivation',
  'checklist.group.ability': 'Employability',
  'checklist.group.economic': 'Economic situation',
  'checklist.group.direction': 'Field of work and mobility',

  'checklist.searchActivities4w.label':
    'In the last 4 weeks, how many times did you look for work (applications, interviews, enquiries)?',
  'checklist.searchActivities4w.option.0': 'None',
  'checklist.searchActivities4w.option.1-2': '1–2 times',
  'checklist.searchActivities4w.option.3+': '3 times or more',
  'checklist.searchActivities4w.invalid': 'Choose how often you looked for work in the last 4 weeks.',

  'checklist.startWish.label': 'When would you like to start working?',
  'checklist.startWish.option.undecided': 'Not decided yet',
  'checklist.startWish.option.over6m': 'In more than 6 months',
  'checklist.startWish.option.3to6m': 'Within 3 to 6 months',
  'checklist.startWish.option.within3m': 'Within 3 months (as soon as possible)',
  'checklist.startWish.invalid': 'Choose when you would like to start working.',

  'checklist.willToWork.label': 'How much do you want to work right now? (1 not at all – 5 very much)',
  'checklist.willToWork.option.1': '1 – Not at all',
  'checklist.willToWork.option.2': '2 – Not much',
  'checklist.willToWork.option.3': '3 – Somewhat',
  'checklist.willToWork.option.4': '4 – Quite a lot',
  'checklist.willToWork.option.5': '5 – Very much',
  'checklist.willToWork.invalid': 'Choose your will to work from 1 to 5.',

  'checklist.preparation.label': 'Have you prepared for the field you want to work in?',
  'checklist.preparation.option.none': 'No preparation',
  'checklist.preparation.option.education': 'Related study, education or training',
  'checklist.preparation.option.license': 'A relevant qualification or licence',
  'checklist.preparation.invalid': 'Choose how you prepared for the field.',

  'checklist.experience.label': 'Have you worked in this or a related field? If so, for how long?',
  'checklist.experience.option.none': 'No',
  'checklist.experience.option.under2y': 'Less than 2 years',
  'checklist.experience.option.2y+': '2 years or more',
  'checklist.experience.invalid': 'Choose your experience in the field.',

  'checklist.sinceLastJob.label': 'How long ago did your last job end?',
  'checklist.sinceLastJob.option.never': 'Never worked',
  'checklist.sinceLastJob.option.over24m': 'More than 2 years ago',
  'checklist.sinceLastJob.option.6to24m': '6 months to 2 years ago',
  'checklist.sinceLastJob.option.under6m': 'Less than 6 months ago',
  'checklist.sinceLastJob.invalid': 'Choose how long ago your last job ended.',

  'checklist.barriers.label': 'Is anything making it hard for you to work? (choose all that apply)',
  'checklist.barriers.none': 'None of these',
  'checklist.barriers.option.health': 'Health limits',
  'checklist.barriers.option.caregiving': 'Caring for children or family',
  'checklist.barriers.option.language': 'Korean language',
  'checklist.barriers.option.digital': 'Using a computer or smartphone (digital skills)',
  'checklist.barriers.invalid': 'Choose barriers from the list, each at most once.',

  'checklist.economicHardship.label': 'Do any of these apply to you? (choose all that apply)',
  'checklist.economicHardship.none': 'None of these',
  'checklist.economicHardship.option.livelihood-recipient': 'Basic-livelihood or near-poor recipient',
  'checklist.economicHardship.option.low-income': 'Household income at or below 60% of the median income',
  'checklist.economicHardship.option.housing': 'Unstable housing',
  'checklist.economicHardship.invalid': 'Choose hardships from the list, each at most once.',

  'checklist.fieldDecided.label':
    'Have you decided on the occupation you want, and is that the job you are looking for?',
  'checklist.fieldDecided.option.true': 'Yes, the desired occupation is confirmed',
  'checklist.fieldDecided.option.false': 'No, not decided yet',
  'checklist.fieldDecided.invalid': 'Choose whether the field of work is decided.',

  'checklist.mobile.label': 'Could you take a job outside your home region (commuting or moving)?',
  'checklist.mobile.option.true': 'Yes, other regions are possible',
  'checklist.mobile.option.false': 'No, only in my home region',
  'checklist.mobile.invalid': 'Choose whether you can work outside your home region.',

  'employerProfile.title': 'Employer classification',
  'employerProfile.invalid': 'Please check the employer details.',
  'employerProfile.uniformConditions.label':
    'Does the occupation have nearly the same conditions wherever it is done (care, security, cleaning)?',
  'employerProfile.uniformConditions.option.true': 'Yes',
  'employerProfile.uniformConditions.option.false': 'No',
  'employerProfile.uniformConditions.invalid': 'Choose whether the occupation has uniform conditions.',
  'employerProfile.wage.label': 'Wage level (against the same occupation in the region)',
  'employerProfile.wage.option.high': 'Higher',
  'employerProfile.wage.option.mid': 'About the same',
  'employerProfile.wage.option.low': 'Lower',
  'employerProfile.wage.invalid': 'Choose the wage level.',
  'employerProfile.welfare.label': 'Welfare and benefits (against the same occupation in the region)',
  'employerProfile.welfare.option.high': 'Better',
  'employerProfile.welfare.option.mid': 'About the same',
  'employerProfile.welfare.option.low': 'Worse',
  'employerProfile.welfare.invalid': 'Choose the welfare level.',
  'employerProfile.recognition.label':
    'How well known the company is (against the same occupation in the region)',
  'employerProfile.recognition.option.high': 'Well known',
  'employerProfile.recognition.option.mid': 'Moderately known',
  'employerProfile.recognition.option.low': 'Little known',
  'employerProfile.recognition.invalid': 'Choose the recognition level.',
  'employerProfile.employees.label': 'Number of employees',
  'employerProfile.employees.invalid': 'Enter the number of employees as a whole number of at least 1.',
};

export type ProfilingMessageKey = keyof typeof ko;

export const profilingMessages: { ko: Record<string, string>; en: Record<string, string> } = { ko, en };

// Key builders, so the UI never assembles a key by hand (and a typo cannot slip past the compiler).

export function levelKey(level: Level): string {
  return `level.${level}`;
}

export function jobseekerTypeKey(type: JobseekerType): string {
  return `jobseeker.type.${type}`;
}

export function trackKey(track: JobseekerTrack): string {
  return `jobseeker.track.${track}`;
}

export function economicKey(economic: Economic): string {
  return `jobseeker.economic.${economic}`;
}

export function employerTypeKey(type: EmployerType): string {
  return `employer.type.${type}`;
}

export function checklistLabelKey(item: ChecklistItem): string {
  return `checklist.${item}.label`;
}

/** The text of one answer; booleans use `true` / `false`, numbers their digits. */
export function checklistOptionKey(item: ChecklistItem, value: string | number | boolean): string {
  return `checklist.${item}.option.${String(value)}`;
}

export function employerProfileLabelKey(item: EmployerProfileItem): string {
  return `employerProfile.${item}.label`;
}

/** Options exist for uniformConditions (`true` / `false`) and the three levels; employees is typed in. */
export function employerProfileOptionKey(item: EmployerProfileItem, value: string | boolean): string {
  return `employerProfile.${item}.option.${String(value)}`;
}
