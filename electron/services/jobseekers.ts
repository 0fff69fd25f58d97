import { randomInt } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../db/repositories/audit.ts';
import {
  findDuplicateJobseekers,
  getJobseeker,
  insertJobseeker,
  listJobseekers,
  regNoExists,
  updateJobseekerRow,
  type JobseekerQuery,
} from '../../db/repositories/jobseekers.ts';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import type { JobseekerRow } from '../../db/schema.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import type {
  DuplicateCandidate,
  Jobseeker,
  JobseekerFields,
  JobseekerListPage,
} from '../../shared/domain/jobseeker.ts';
import { makeRegistrationNumber } from '../../shared/domain/registration-number.ts';
import { accessibleJobseeker, caseScope } from './case-access.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { auditAction } from './synced-writes.ts';

// Jobseeker use cases: every read of a record and every change is audited (domain.md §10), and every
// change goes to the outbox in the same transaction (sync.md).

export async function listForCounselor(
  ctx: ServiceContext,
  actor: SessionInfo,
  q: Omit<JobseekerQuery, 'counselorId' | 'scope'> & { mine: boolean },
): Promise<JobseekerListPage> {
  const page = await listJobseekers(ctx.db, {
    ...q,
    scope: caseScope(actor),
    counselorId: q.mine ? actor.userId : undefined,
  });
  // A page of names and numbers is a read of several people's data: recorded once per page, with what
  // was asked (never the search text itself: it may be a name or a phone number).
  await auditAction(ctx.db, ctx, actor, {
    action: 'jobseeker.list',
    subjectType: 'jobseeker-list',
    subjectId: null,
    detail: { rows: page.rows.length, offset: q.offset, searched: q.query !== '', mine: q.mine },
  });
  return page;
}

export async function openJobseeker(ctx: ServiceContext, actor: SessionInfo, id: string): Promise<Jobseeker> {
  await accessibleJobseeker(ctx.db, actor, id, { archived: true });
  const jobseeker = await getJobseeker(ctx.db, id);
  if (!jobseeker) throw new AppFailure({ code: 'not-found', message: 'jobseekers.notFound' });
  await audit(ctx, actor, 'jobseeker.read', id);
  return jobseeker;
}

/** Likely duplicates among the jobseekers the caller may see (names and phones of others stay hidden). */
export async function findDuplicates(
  ctx: ServiceContext,
  actor: SessionInfo,
  probe: {
    name: string;
    birthYear?: number | undefined;
    phone: string | null;
    excludeId?: string | undefined;
  },
): Promise<DuplicateCandidate[]> {
  const found = await findDuplicateJobseekers(ctx.db, probe, caseScope(actor));
  await auditAction(ctx.db, ctx, actor, {
    action: 'jobseeker.duplicates.list',
    subjectType: 'jobseeker-list',
    subjectId: null,
    detail: { rows: found.length },
  });
  return found;
}

function toColumns(fields: Partial<JobseekerFields>): Partial<JobseekerRow> {
  const columns: Partial<JobseekerRow> = {};
  if (fields.name !== undefined) columns.name = fields.name;
  if (fields.birthYear !== undefined) columns.birth_year = fields.birthYear;
  if (fields.gender !== undefined) columns.gender = fields.gender;
  if (fields.phone !== undefined) columns.phone = fields.phone;
  if (fields.email !== undefined) columns.email = fields.email;
  if (fields.sido !== undefined) columns.sido = fields.sido;
  if (fields.sigungu !== undefined) columns.sigungu = fields.sigungu;
  if (fields.desiredOccupation !== undefined) columns.desired_occupation = fields.desiredOccupation;
  if (fields.desiredWage !== undefined) columns.desired_wage = fields.desiredWage;
  if (fields.mobile !== undefined) columns.mobile = fields.mobile ? 1 : 0;
  return columns;
}

async function freshRegistrationNumber(ctx: ServiceContext): Promise<string> {
  for (;;) {
    const regNo = makeRegistrationNumber(ctx.now().getFullYear(), () => randomInt(32));
    if (!(await regNoExists(ctx.db, regNo))) return regNo;
  }
}

export async function createJobseeker(
  ctx: ServiceContext,
  actor: SessionInfo,
  fields: JobseekerFields,
  confirmedNotDuplicate: boolean,
): Promise<Jobseeker> {
  const scope = caseScope(actor);
  if (!confirmedNotDuplicate) {
    const duplicates = await findDuplicateJobseekers(ctx.db, fields, scope);
    if (duplicates.length > 0) {
      throw new AppFailure({ code: 'conflict', message: 'jobseekers.possibleDuplicate', field: 'name' });
    }
  }
  const id = uuidv7();
  const now = isoNow(ctx);
  const regNo = await freshRegistrationNumber(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    const row = {
      id,
      hlc,
      reg_no: regNo,
      center_code: actor.centerCode,
      name: fields.name,
      birth_year: fields.birthYear,
      gender: fields.gender,
      phone: fields.phone,
      email: fields.email,
      sido: fields.sido,
      sigungu: fields.sigungu,
      desired_occupation: fields.desiredOccupation,
      desired_wage: fields.desiredWage,
      mobile: fields.mobile ? 1 : 0,
      assigned_counselor_id: actor.role === 'counselor' ? actor.userId : null,
      current_type: null,
      current_track: null,
      registered_at: now,
      created_at: now,
      updated_at: now,
    };
    await insertJobseeker(trx, row);
    const { id: _id, hlc: _hlc, ...syncedFields } = row;
    await appendOutbox(trx, {
      table: 'jobseekers',
      rowId: id,
      op: 'insert',
      fields: syncedFields,
      hlc,
      baseSeq: 0,
      createdAt: now,
    });
    await audit(ctx, actor, 'jobseeker.create', id, undefined, trx);
  });
  const created = await getJobseeker(ctx.db, id);
  if (!created) throw new Error('created jobseeker vanished');
  return created;
}

export async function updateJobseeker(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
  baseSeq: number,
  fields: Partial<JobseekerFields>,
): Promise<Jobseeker> {
  const current = await accessibleJobseeker(ctx.db, actor, id);
  const wanted = toColumns(fields);
  const changed = Object.fromEntries(
    Object.entries(wanted).filter(([column, value]) => current[column as keyof JobseekerRow] !== value),
  ) as Partial<JobseekerRow>;
  // Nothing changed: the record handed back is a read.
  if (Object.keys(changed).length === 0) await audit(ctx, actor, 'jobseeker.read', id);
  if (Object.keys(changed).length > 0) {
    const now = isoNow(ctx);
    await ctx.db.transaction().execute(async (trx) => {
      const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
      await updateJobseekerRow(trx, id, { ...changed, hlc, updated_at: now });
      await appendOutbox(trx, {
        table: 'jobseekers',
        rowId: id,
        op: 'update',
        fields: changed,
        hlc,
        baseSeq,
        createdAt: now,
      });
      // The audit entry names the fields, never their values: the trail must not copy personal data.
      await audit(ctx, actor, 'jobseeker.update', id, { fields: Object.keys(changed) }, trx);
    });
  }
  const updated = await getJobseeker(ctx.db, id);
  if (!updated) throw new Error('updated jobseeker vanished');
  return updated;
}

async function audit(
  ctx: ServiceContext,
  actor: SessionInfo,
  action: string,
  jobseekerId: string,
  detail?: Record<string, unknown>,
  db: ServiceContext['db'] | Parameters<typeof appendAudit>[0] = ctx.db,
): Promise<void> {
  await appendAudit(db, {
    at: isoNow(ctx),
    actorId: actor.userId,
    actorLogin: actor.loginId,
    deviceId: ctx.deviceId,
    action,
    subjectType: 'jobseeker',
    subjectId: jobseekerId,
    personId: jobseekerId,
    detail: detail ?? null,
  });
}
