import { getCenter } from '../../../db/repositories/centers.ts';
import { getOpening } from '../../../db/repositories/employers.ts';
import { getEmployer } from '../../../db/repositories/employers.ts';
import { stepsOf } from '../../../shared/casework/service-plan.ts';
import { CONSENT_GROUPS, CONSENT_NOTICE_VERSION } from '../../../shared/casework/types.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { formatPhone } from '../../../shared/domain/phone.ts';
import {
  DOCUMENT_TITLES,
  type DocumentContent,
  type DocumentKind,
  type DocumentRow,
} from '../../../shared/documents/kinds.ts';
import { occupationLabel, regionLabel } from '../../../shared/reference/index.ts';
import { accessibleJobseeker } from '../case-access.ts';
import { loadCaseFile } from '../casework-case-file.ts';
import type { ServiceContext } from '../context.ts';
import { referralDetail } from '../referrals.ts';
import { actionPlanContent } from './action-plan.ts';
import { referralLetterCode } from './codes.ts';
import {
  CONSENT_NOTICE,
  GENDER_KO,
  OPENING_STATUS_KO,
  STATUS_KO,
  STEP_KO,
  TRACK_KO,
  TYPE_KO,
} from './labels.ts';

// Each form's content from the records in the store (issue 18 item 1). The content is what the PDF
// prints and what a signature covers (its sha256): everything that describes the record, nothing that
// changes with the day it is printed. Access follows the record: a jobseeker the caller may see
// (case-access.ts), a referral of such a jobseeker, an opening of the caller's region lists.

const dash = (v: string | number | null | undefined): string =>
  v === null || v === undefined || v === '' ? '-' : String(v);
const won = (n: number): string => `${n.toLocaleString('ko-KR')}원`;
const day = (iso: string): string => iso.slice(0, 10);

async function registration(ctx: ServiceContext, actor: SessionInfo, id: string): Promise<DocumentContent> {
  await accessibleJobseeker(ctx.db, actor, id);
  const { jobseeker: j, assessments } = await loadCaseFile(ctx, id);
  const latest = assessments[0];
  const rows: DocumentRow[] = [
    { label: '구직등록번호', value: j.regNo },
    { label: '성명', value: j.name },
    { label: '출생연도', value: `${j.birthYear}년` },
    { label: '성별', value: j.gender ? (GENDER_KO[j.gender] ?? '-') : '-' },
    { label: '휴대전화', value: j.phone ? formatPhone(j.phone) : '-' },
    { label: '전자우편', value: dash(j.email) },
    { label: '거주지', value: regionLabel(j.sido, j.sigungu, 'ko') },
  ];
  const wish: DocumentRow[] = [
    { label: '희망 직종', value: j.desiredOccupation ? occupationLabel(j.desiredOccupation, 'ko') : '-' },
    { label: '희망 임금(월)', value: j.desiredWage ? won(j.desiredWage) : '-' },
    { label: '이동 가능', value: j.mobile ? '광역 이동 가능' : '거주지 인근' },
  ];
  const service: DocumentRow[] = [
    { label: '등록일', value: day(j.registeredAt) },
    { label: '상태', value: STATUS_KO[j.status] ?? j.status },
    { label: '유형', value: latest ? (TYPE_KO[latest.finalType] ?? '-') : '미분류' },
    { label: '서비스 경로', value: latest ? (TRACK_KO[latest.finalTrack] ?? '-') : '-' },
    { label: '담당 상담사', value: dash(j.assignedCounselorName) },
  ];
  return {
    kind: 'registration',
    recordId: id,
    title: DOCUMENT_TITLES.registration,
    subtitle: 'Jobseeker Registration',
    personId: id,
    verificationCode: null,
    sections: [
      { heading: '인적 사항', rows },
      { heading: '희망 근로 조건', rows: wish },
      { heading: '등록·지원 현황', rows: service },
      {
        heading: '신청인 확인',
        paragraphs: ['위 기재 사항이 사실과 같음을 확인하고 고용센터에 구직을 신청합니다.'],
      },
    ],
  };
}

async function consent(ctx: ServiceContext, actor: SessionInfo, id: string): Promise<DocumentContent> {
  await accessibleJobseeker(ctx.db, actor, id);
  const { jobseeker: j, consent: c } = await loadCaseFile(ctx, id);
  return {
    kind: 'consent',
    recordId: id,
    title: DOCUMENT_TITLES.consent,
    subtitle: `Consent to the collection and use of personal information · 고지문 ${CONSENT_NOTICE_VERSION}`,
    personId: id,
    verificationCode: null,
    sections: [
      {
        heading: '정보주체',
        rows: [
          { label: '성명', value: j.name },
          { label: '구직등록번호', value: j.regNo },
        ],
      },
      ...CONSENT_GROUPS.map((group) => {
        const entry = c.current[group];
        const answer = entry === undefined ? '미응답' : entry.granted ? '동의함' : '동의하지 않음';
        return {
          heading: CONSENT_NOTICE[group].title,
          paragraphs: [CONSENT_NOTICE[group].text],
          rows: [
            { label: '선택', value: answer },
            { label: '기록일', value: entry ? day(entry.recordedAt) : '-' },
          ],
        };
      }),
      {
        heading: '보유 기간과 권리',
        paragraphs: [
          '개인정보는 취업지원이 끝난 뒤 관계 법령이 정한 기간 동안 보유합니다. 동의는 언제든지 철회할 수 있으며, 열람·정정·삭제를 요구할 수 있습니다.',
        ],
      },
    ],
  };
}

async function servicePlan(ctx: ServiceContext, actor: SessionInfo, id: string): Promise<DocumentContent> {
  await accessibleJobseeker(ctx.db, actor, id);
  const file = await loadCaseFile(ctx, id);
  const latest = file.assessments[0];
  if (!latest) throw new AppFailure({ code: 'validation', message: 'documents.error.noPlan' });
  const track = latest.finalTrack;
  const done = new Map(
    file.planSteps.filter((s) => s.assessmentId === latest.id).map((s) => [s.step as string, s]),
  );
  return {
    kind: 'service-plan',
    recordId: id,
    title: DOCUMENT_TITLES['service-plan'],
    subtitle: 'Employment Service Plan',
    personId: id,
    verificationCode: null,
    sections: [
      {
        heading: '대상자',
        rows: [
          { label: '성명', value: file.jobseeker.name },
          { label: '구직등록번호', value: file.jobseeker.regNo },
          { label: '유형', value: TYPE_KO[latest.finalType] ?? '-' },
          { label: '서비스 경로', value: TRACK_KO[track] ?? track },
          { label: '진단일', value: day(latest.createdAt) },
          { label: '재진단 예정일', value: dash(file.reassessDueOn) },
        ],
      },
      {
        heading: '서비스 단계',
        rows: stepsOf(track).map((step) => {
          const record = done.get(step);
          return {
            label: STEP_KO[step],
            value: record ? `완료 ${record.doneOn}${record.note ? ` · ${record.note}` : ''}` : '예정',
          };
        }),
      },
      {
        heading: '참여 확인',
        paragraphs: ['위 계획에 따라 취업지원 서비스에 성실히 참여하겠습니다.'],
      },
    ],
  };
}

async function opening(ctx: ServiceContext, id: string): Promise<DocumentContent> {
  const o = await getOpening(ctx.db, id);
  if (!o) throw new AppFailure({ code: 'not-found', message: 'openings.notFound' });
  const e = await getEmployer(ctx.db, o.employerId);
  return {
    kind: 'opening',
    recordId: id,
    title: DOCUMENT_TITLES.opening,
    subtitle: 'Job Opening Registration',
    personId: null,
    verificationCode: null,
    sections: [
      {
        heading: '구인업체',
        rows: [
          { label: '사업체명', value: o.employerName },
          { label: '사업자등록번호', value: e ? e.businessNo : '-' },
          { label: '근로자 수', value: e ? `${e.employees}명` : '-' },
          { label: '소재지', value: e ? regionLabel(e.sido, e.sigungu, 'ko') : '-' },
          { label: '담당자', value: dash(e?.contactName) },
        ],
      },
      {
        heading: '모집 내용',
        rows: [
          { label: '모집 직무', value: o.title },
          { label: '직종', value: occupationLabel(o.occupation, 'ko') },
          { label: '근무지', value: regionLabel(o.sido, o.sigungu, 'ko') },
          { label: '임금(월)', value: won(o.wage) },
          { label: '모집 인원', value: `${o.positions}명` },
          {
            label: '필요 자격',
            value: o.requiredQualifications.length ? o.requiredQualifications.join(', ') : '-',
          },
          { label: '상태', value: OPENING_STATUS_KO[o.status] ?? o.status },
          { label: '등록일', value: day(o.createdAt) },
        ],
      },
    ],
  };
}

async function referral(ctx: ServiceContext, actor: SessionInfo, id: string): Promise<DocumentContent> {
  const r = await referralDetail(ctx, actor, id);
  const [j, o, center] = await Promise.all([
    loadCaseFile(ctx, r.jobseekerId).then((f) => f),
    getOpening(ctx.db, r.openingId),
    getCenter(ctx.db, actor.centerCode),
  ]);
  // Without the optional consent a referral carries no contact (shared/casework/consent.ts).
  const shareContact = j.consent.current.optional?.granted === true;
  const code = referralLetterCode(id);
  return {
    kind: 'referral',
    recordId: id,
    title: DOCUMENT_TITLES.referral,
    subtitle: 'Referral Letter',
    personId: r.jobseekerId,
    verificationCode: code,
    sections: [
      {
        heading: '받는 곳',
        rows: [
          { label: '사업체명', value: r.employerName },
          { label: '모집 직무', value: r.openingTitle },
          { label: '근무지', value: o ? regionLabel(o.sido, o.sigungu, 'ko') : '-' },
        ],
      },
      {
        heading: '알선 대상자',
        rows: [
          { label: '성명', value: j.jobseeker.name },
          { label: '출생연도', value: `${j.jobseeker.birthYear}년` },
          {
            label: '연락처',
            value: shareContact && j.jobseeker.phone ? formatPhone(j.jobseeker.phone) : '제공 동의 없음',
          },
        ],
      },
      {
        heading: '알선 내용',
        rows: [
          { label: '알선일', value: day(r.createdAt) },
          { label: '담당 상담사', value: dash(r.counselorName) },
          { label: '알선 기관', value: center?.name ?? actor.centerName },
        ],
        paragraphs: [
          '위 사람을 귀 사업체의 구인 건에 알선하오니 면접 등 채용 절차를 진행하여 주시기 바랍니다. 채용 결과는 알선 기관에 알려 주십시오.',
        ],
      },
    ],
  };
}

export async function documentContent(
  ctx: ServiceContext,
  actor: SessionInfo,
  kind: DocumentKind,
  recordId: string,
): Promise<DocumentContent> {
  switch (kind) {
    case 'registration':
      return registration(ctx, actor, recordId);
    case 'consent':
      return consent(ctx, actor, recordId);
    case 'service-plan':
      return servicePlan(ctx, actor, recordId);
    case 'opening':
      return opening(ctx, recordId);
    case 'referral':
      return referral(ctx, actor, recordId);
    case 'action-plan':
      return actionPlanContent(ctx, actor, recordId);
  }
}
