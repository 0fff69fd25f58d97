import {
  discoveryList,
  employerIdByBusinessNo,
  getEmployer,
  getOpening,
  listEmployerAssessments,
  listEmployerContacts,
  listEmployers,
  listOpenings,
  listPackageSteps,
} from '../../db/repositories/employers.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import {
  packageProgress,
  stageOfStep,
  type ContactKind,
  type ContactOutcome,
  type DiscoveryRow,
  type EmployerDetail,
  type EmployerFields,
  type EmployerListPage,
  type EmployerOverrideReason,
  type Opening,
  type OpeningFields,
  type OpeningListPage,
  type OpeningStatus,
  type PackageStep,
  type PackageStepStatus,
} from '../../shared/domain/employers.ts';
import { classifyEmployer, type EmployerProfile, type EmployerType } from '../../shared/profiling/index.ts';
import { isKnownOccupation, isKnownSido } from '../../shared/reference/index.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { auditAction, insertSynced, todayKst, updateSynced } from './synced-writes.ts';

// Employer (구인기업) and opening (구인 일자리) use cases: records, profiling (domain.md §4) with the
// counselor's decision, the discovery log, the recruitment-support package.

const notFound = () => new AppFailure({ code: 'not-found', message: 'employers.notFound' });

export function findEmployers(
  ctx: ServiceContext,
  q: Parameters<typeof listEmployers>[1],
): Promise<EmployerListPage> {
  return listEmployers(ctx.db, q);
}

export async function employerDetail(ctx: ServiceContext, id: string): Promise<EmployerDetail> {
  const employer = await getEmployer(ctx.db, id);
  if (!employer) throw notFound();
  const [assessments, contacts, steps, openings] = await Promise.all([
    listEmployerAssessments(ctx.db, id),
    listEmployerContacts(ctx.db, id),
    listPackageSteps(ctx.db, id),
    listOpenings(ctx.db, { query: '', employerId: id, offset: 0, limit: 500 }),
  ]);
  return { employer, assessments, contacts, package: packageProgress(steps), openings: openings.rows };
}

function checkRegion(sido: string | undefined, sigungu: string | null | undefined) {
  if (sido !== undefined && !isKnownSido(sido))
    throw new AppFailure({ code: 'validation', message: 'validation.region', field: 'sido' });
  if (sigungu && sido && !sigungu.startsWith(sido))
    throw new AppFailure({ code: 'validation', message: 'validation.region', field: 'sigungu' });
}

function employerColumns(f: Partial<EmployerFields>): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  if (f.businessNo !== undefined) c['business_no'] = f.businessNo;
  if (f.name !== undefined) c['name'] = f.name;
  if (f.industry !== undefined) c['industry'] = f.industry;
  if (f.employees !== undefined) c['employees'] = f.employees;
  if (f.sido !== undefined) c['sido'] = f.sido;
  if (f.sigungu !== undefined) c['sigungu'] = f.sigungu;
  if (f.contactName !== undefined) c['contact_name'] = f.contactName;
  if (f.contactPhone !== undefined) c['contact_phone'] = f.contactPhone;
  if (f.contactEmail !== undefined) c['contact_email'] = f.contactEmail;
  if (f.potentialClient !== undefined) c['potential_client'] = f.potentialClient ? 1 : 0;
  if (f.focusSupport !== undefined) c['focus_support'] = f.focusSupport ? 1 : 0;
  return c;
}

async function refuseDuplicateBusinessNo(ctx: ServiceContext, businessNo: string, exceptId?: string) {
  const existing = await employerIdByBusinessNo(ctx.db, businessNo);
  if (existing && existing !== exceptId) {
    throw new AppFailure({ code: 'conflict', message: 'employers.duplicateBusinessNo', field: 'businessNo' });
  }
}

export async function createEmployer(
  ctx: ServiceContext,
  actor: SessionInfo,
  fields: EmployerFields,
): Promise<EmployerDetail> {
  checkRegion(fields.sido, fields.sigungu);
  await refuseDuplicateBusinessNo(ctx, fields.businessNo);
  const now = isoNow(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertSynced(trx, ctx, 'employers', {
      business_no: fields.businessNo,
      name: fields.name,
      industry: fields.industry,
      employees: fields.employees,
      sido: fields.sido,
      sigungu: fields.sigungu,
      contact_name: fields.contactName,
      contact_phone: fields.contactPhone,
      contact_email: fields.contactEmail,
      potential_client: fields.potentialClient ? 1 : 0,
      focus_support: fields.focusSupport ? 1 : 0,
      wage_level: null,
      welfare_level: null,
      recognition_level: null,
      current_type: null,
      center_code: actor.centerCode,
      created_at: now,
      updated_at: now,
    });
    await auditAction(trx, ctx, actor, {
      action: 'employer.create',
      subjectType: 'employer',
      subjectId: newId,
    });
    return newId;
  });
  return employerDetail(ctx, id);
}

export async function updateEmployer(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
  baseSeq: number,
  fields: Partial<EmployerFields>,
): Promise<EmployerDetail> {
  const current = await ctx.db.selectFrom('employers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current || current.archived === 1) throw notFound();
  checkRegion(fields.sido ?? current.sido, fields.sigungu === undefined ? current.sigungu : fields.sigungu);
  if (fields.businessNo !== undefined) await refuseDuplicateBusinessNo(ctx, fields.businessNo, id);
  const wanted = employerColumns(fields);
  const changed = Object.fromEntries(
    Object.entries(wanted).filter(([k, v]) => current[k as keyof typeof current] !== v),
  );
  if (Object.keys(changed).length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      await updateSynced(trx, ctx, 'employers', id, { ...changed, updated_at: isoNow(ctx) }, baseSeq);
      await auditAction(trx, ctx, actor, {
        action: 'employer.update',
        subjectType: 'employer',
        subjectId: id,
        detail: { fields: Object.keys(changed) },
      });
    });
  }
  return employerDetail(ctx, id);
}

/** Runs the rule set, keeps the counselor's decision (accept, or override with a reason) as a new assessment. */
export async function assessEmployer(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    employerId: string;
    profile: EmployerProfile;
    decision: 'accepted' | 'overridden';
    finalType?: EmployerType | undefined;
    overrideReasonCode?: EmployerOverrideReason | undefined;
    overrideReasonText?: string | undefined;
  },
): Promise<EmployerDetail> {
  const current = await getEmployer(ctx.db, input.employerId);
  if (!current) throw notFound();
  const result = classifyEmployer(input.profile);
  const overridden = input.decision === 'overridden';
  const finalType = overridden ? (input.finalType ?? result.type) : result.type;
  if (overridden && finalType === result.type) {
    throw new AppFailure({ code: 'validation', message: 'employers.override.sameType', field: 'finalType' });
  }
  const now = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const assessmentId = await insertSynced(trx, ctx, 'employer_assessments', {
      employer_id: input.employerId,
      rule_set: result.ruleSet,
      inputs: JSON.stringify(input.profile),
      result: JSON.stringify(result),
      type: result.type,
      decision: input.decision,
      final_type: finalType,
      override_reason_code: overridden ? (input.overrideReasonCode ?? null) : null,
      override_reason_text: overridden ? (input.overrideReasonText ?? null) : null,
      created_by: actor.userId,
      created_at: now,
    });
    await updateSynced(
      trx,
      ctx,
      'employers',
      input.employerId,
      {
        wage_level: input.profile.wage,
        welfare_level: input.profile.welfare,
        recognition_level: input.profile.recognition,
        employees: input.profile.employees,
        current_type: finalType,
        updated_at: now,
      },
      current.seq,
    );
    await auditAction(trx, ctx, actor, {
      action: 'employer.assess',
      subjectType: 'employer',
      subjectId: input.employerId,
      detail: { assessmentId, type: result.type, finalType, decision: input.decision },
    });
  });
  return employerDetail(ctx, input.employerId);
}

export async function logEmployerContact(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    employerId: string;
    kind: ContactKind;
    outcome: ContactOutcome;
    contactedOn: string;
    nextOn: string | null;
    note?: string | undefined;
  },
): Promise<EmployerDetail> {
  if (!(await getEmployer(ctx.db, input.employerId))) throw notFound();
  if (input.contactedOn > todayKst(ctx)) {
    throw new AppFailure({ code: 'validation', message: 'discovery.futureContact', field: 'contactedOn' });
  }
  if (input.nextOn !== null && input.nextOn < input.contactedOn) {
    throw new AppFailure({ code: 'validation', message: 'discovery.nextBeforeContact', field: 'nextOn' });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const contactId = await insertSynced(trx, ctx, 'employer_contacts', {
      employer_id: input.employerId,
      kind: input.kind,
      outcome: input.outcome,
      note: input.note || null,
      contacted_on: input.contactedOn,
      next_on: input.nextOn,
      counselor_id: actor.userId,
      created_at: isoNow(ctx),
    });
    await auditAction(trx, ctx, actor, {
      action: 'employer.contact',
      subjectType: 'employer',
      subjectId: input.employerId,
      detail: { contactId, outcome: input.outcome },
    });
  });
  return employerDetail(ctx, input.employerId);
}

export function discoveryWorkList(
  ctx: ServiceContext,
  q: { flag?: 'potential-client' | 'focus-support' | undefined; limit: number },
): Promise<DiscoveryRow[]> {
  return discoveryList(ctx.db, { ...q, today: todayKst(ctx) });
}

export async function recordPackageStep(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    employerId: string;
    step: string;
    status: PackageStepStatus;
    on: string | null;
    note?: string | undefined;
  },
): Promise<EmployerDetail> {
  if (!(await getEmployer(ctx.db, input.employerId))) throw notFound();
  const step = input.step as PackageStep;
  await ctx.db.transaction().execute(async (trx) => {
    await insertSynced(trx, ctx, 'package_steps', {
      employer_id: input.employerId,
      stage: stageOfStep(step),
      step,
      status: input.status,
      on_date: input.on,
      note: input.note || null,
      counselor_id: actor.userId,
      created_at: isoNow(ctx),
    });
    await auditAction(trx, ctx, actor, {
      action: 'employer.package',
      subjectType: 'employer',
      subjectId: input.employerId,
      detail: { step, status: input.status },
    });
  });
  return employerDetail(ctx, input.employerId);
}

// ---- Openings ----

export function findOpenings(
  ctx: ServiceContext,
  q: Parameters<typeof listOpenings>[1],
): Promise<OpeningListPage> {
  return listOpenings(ctx.db, q);
}

export async function openingDetail(ctx: ServiceContext, id: string): Promise<Opening> {
  const opening = await getOpening(ctx.db, id);
  if (!opening) throw new AppFailure({ code: 'not-found', message: 'openings.notFound' });
  return opening;
}

function checkOpeningFields(f: Partial<OpeningFields>, sido: string | undefined) {
  if (f.occupation !== undefined && !isKnownOccupation(f.occupation))
    throw new AppFailure({ code: 'validation', message: 'validation.occupation', field: 'occupation' });
  checkRegion(sido, f.sigungu);
}

export async function createOpening(
  ctx: ServiceContext,
  actor: SessionInfo,
  employerId: string,
  fields: OpeningFields,
): Promise<Opening> {
  if (!(await getEmployer(ctx.db, employerId))) throw notFound();
  checkOpeningFields(fields, fields.sido);
  const now = isoNow(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertSynced(trx, ctx, 'job_openings', {
      employer_id: employerId,
      title: fields.title,
      occupation: fields.occupation,
      sido: fields.sido,
      sigungu: fields.sigungu,
      wage: fields.wage,
      positions: fields.positions,
      required_qualifications: JSON.stringify(fields.requiredQualifications),
      status: 'open',
      public: fields.public ? 1 : 0,
      center_code: actor.centerCode,
      created_at: now,
      updated_at: now,
    });
    await auditAction(trx, ctx, actor, {
      action: 'opening.create',
      subjectType: 'opening',
      subjectId: newId,
    });
    return newId;
  });
  return openingDetail(ctx, id);
}

export async function updateOpening(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
  baseSeq: number,
  fields: Partial<OpeningFields>,
): Promise<Opening> {
  const current = await ctx.db.selectFrom('job_openings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current || current.archived === 1)
    throw new AppFailure({ code: 'not-found', message: 'openings.notFound' });
  checkOpeningFields(fields, fields.sido ?? current.sido);
  const wanted: Record<string, unknown> = {};
  if (fields.title !== undefined) wanted['title'] = fields.title;
  if (fields.occupation !== undefined) wanted['occupation'] = fields.occupation;
  if (fields.sido !== undefined) wanted['sido'] = fields.sido;
  if (fields.sigungu !== undefined) wanted['sigungu'] = fields.sigungu;
  if (fields.wage !== undefined) wanted['wage'] = fields.wage;
  if (fields.positions !== undefined) wanted['positions'] = fields.positions;
  if (fields.requiredQualifications !== undefined)
    wanted['required_qualifications'] = JSON.stringify(fields.requiredQualifications);
  if (fields.public !== undefined) wanted['public'] = fields.public ? 1 : 0;
  const changed = Object.fromEntries(
    Object.entries(wanted).filter(([k, v]) => current[k as keyof typeof current] !== v),
  );
  if (Object.keys(changed).length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      await updateSynced(trx, ctx, 'job_openings', id, { ...changed, updated_at: isoNow(ctx) }, baseSeq);
      await auditAction(trx, ctx, actor, {
        action: 'opening.update',
        subjectType: 'opening',
        subjectId: id,
        detail: { fields: Object.keys(changed) },
      });
    });
  }
  return openingDetail(ctx, id);
}

export async function setOpeningStatus(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
  status: OpeningStatus,
): Promise<Opening> {
  const opening = await openingDetail(ctx, id);
  if (status === 'filled' && opening.filled < opening.positions) {
    // "Filled" is derived from hires; a counselor closes an opening that will not be filled instead.
    throw new AppFailure({ code: 'conflict', message: 'openings.notYetFilled', field: 'status' });
  }
  if (opening.status !== status) {
    await ctx.db.transaction().execute(async (trx) => {
      await updateSynced(trx, ctx, 'job_openings', id, { status, updated_at: isoNow(ctx) }, opening.seq);
      await auditAction(trx, ctx, actor, {
        action: 'opening.status',
        subjectType: 'opening',
        subjectId: id,
        detail: { status },
      });
    });
  }
  return openingDetail(ctx, id);
}
