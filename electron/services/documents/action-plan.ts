import { plansOf } from '../../../db/repositories/programmes.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { DOCUMENT_TITLES, type DocumentContent } from '../../../shared/documents/kinds.ts';
import type { PlanItem } from '../../../shared/programmes/action-plan.ts';
import { providerOf } from '../../../shared/programmes/catalogue.ts';
import { enrolmentProgramme } from '../../../shared/programmes/stages.ts';
import type { ServiceContext } from '../context.ts';
import { reachable } from '../programmes/access.ts';

// The Individual Action Plan as a form (취업활동계획서, issue 17 item 2): the plan in force of one programme
// enrolment, whose id is the form's record id. Its content is what the jobseeker reads and signs: the
// jobseeker, the programme and the catalogue edition the enrolment runs on, the goals, each planned
// activity with who does it and its dates, and the day it was agreed. Revising an agreed plan starts a
// new plan (electron/services/programmes/plans.ts), so the content, and its hash, change with it.
// Names that change by themselves (an account's display name) are left out so the hash does not.

// The words the plan editor uses (renderer i18n programmes.plan.actors).
const WHO_KO: Record<PlanItem['who'], string> = {
  counselor: '상담사',
  jobseeker: '구직자',
  partner: '연계 기관',
};

function parsedList<T>(json: string): T[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

export async function actionPlanContent(
  ctx: ServiceContext,
  actor: SessionInfo,
  enrolmentId: string,
): Promise<DocumentContent> {
  // The enrolment's case access decides (a missing, archived or unreachable one reads as not found).
  const { row, jobseeker } = await reachable(ctx, actor, enrolmentId);
  const plan = (await plansOf(ctx.db, [row.id])).get(row.id);
  if (!plan) throw new AppFailure({ code: 'validation', message: 'documents.error.noActionPlan' });
  const found = enrolmentProgramme(row);
  const goals = parsedList<string>(plan.goals);
  const items = parsedList<PlanItem>(plan.items);
  const who = (i: PlanItem) => {
    if (i.who !== 'partner') return WHO_KO[i.who];
    const partner = i.partner ? (providerOf(i.partner, row.catalogue_version)?.ko ?? i.partner) : '-';
    return `${WHO_KO.partner}: ${partner}`;
  };
  return {
    kind: 'action-plan',
    recordId: row.id,
    title: DOCUMENT_TITLES['action-plan'],
    subtitle: 'Individual Action Plan',
    personId: row.jobseeker_id,
    verificationCode: null,
    sections: [
      {
        heading: '참여자',
        rows: [
          { label: '성명', value: jobseeker.name },
          { label: '구직등록번호', value: jobseeker.reg_no },
        ],
      },
      {
        heading: '참여 사업',
        rows: [
          { label: '사업명', value: found?.programme.ko ?? row.programme_code },
          { label: '기준 판', value: row.catalogue_version },
          { label: '참여일', value: row.enrolled_on },
        ],
      },
      {
        heading: '취업 목표',
        rows: goals.map((g, n) => ({ label: `목표 ${n + 1}`, value: g })),
      },
      {
        heading: '활동 계획',
        // The label column is narrow: the activity (up to 300 characters) goes in the value, which wraps.
        rows: items.map((i, n) => ({
          label: `활동 ${n + 1}`,
          value: `${i.activity} — 담당 ${who(i)} · ${i.from} ~ ${i.to}`,
        })),
      },
      {
        heading: '계획 합의',
        rows: [{ label: '합의일', value: plan.agreed_on ?? '합의 전(초안)' }],
        paragraphs: [
          '위 계획을 상담사와 함께 세웠으며, 계획에 따라 취업활동에 성실히 참여하겠습니다. 계획을 바꾸면 다시 합의하고 서명합니다.',
        ],
      },
    ],
  };
}

/** A plan is signed once agreed: a draft may be printed to discuss, not signed. */
export async function assertPlanAgreed(ctx: ServiceContext, enrolmentId: string): Promise<void> {
  const plan = (await plansOf(ctx.db, [enrolmentId])).get(enrolmentId);
  if (!plan || plan.agreed_on === null)
    throw new AppFailure({ code: 'conflict', message: 'documents.error.planNotAgreed' });
}
