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
import { listCaseStaff } from '../../db/repositories/users.ts';
import type { JobseekerRow } from '../../db/schema.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import type { Assignee } from '../../shared/contract/jobseekers.ts';
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
import { auditAction, todayKst } from './synced-writes.ts';
import {
  activeFilterCount,
  normaliseFilter,
  type JobseekerFilter,
} from '../../shared/domain/jobseeker-filters.ts';

/** The repository's filter argument: the filters with who asks and today (undefined when none is set). */
export function filterQuery(
  ctx: ServiceContext,
  actor: SessionInfo,
  filter: JobseekerFilter,
): JobseekerQuery['filter'] {
  return activeFilterCount(filter) > 0
    ? { filter, env: { userId: actor.userId, today: todayKst(ctx) } }
    : undefined;
}

// Jobseeker use cases: every read of a record and every change is audited (domain.md §10), and every
// change goes to the outbox in the same transaction (sync.md).

export async function listForCounselor(
  ctx: ServiceContext,
  actor: SessionInfo,
  q: Omit<JobseekerQuery, 'counselorId' | 'scope' | 'filter'> & { mine: boolean; filter?: JobseekerFilter },
): Promise<JobseekerListPage> {
  const { filter, ...rest } = q;
  const filters = filter ? normaliseFilter(filter) : {};
  const page = await listJobseekers(ctx.db, {
    ...rest,
    scope: caseScope(actor),
    counselorId: q.mine ? actor.userId : undefined,
    filter: filterQuery(ctx, actor, filters),
  });
  // A page of names and numbers is a read of several people's data: recorded once per page, with what
  // was asked (never the search text itself: it may be a name or a phone number).
  await auditAction(ctx.db, ctx, actor, {
    action: 'jobseeker.list',
    subjectType: 'jobseeker-list',
    subjectId: null,
    detail: {
      rows: page.rows.length,
      offset: q.offset,
      searched: q.query !== '',
      mine: q.mine,
      // Which filters were set, never their values' meaning for a person (ids of accounts at most).
      ...(activeFilterCount(filters) > 0 ? { filters: Object.keys(filters) } : {}),
      // A page of the 보관함 says so; a page of the cases in work is recorded as it always was.
      ...(q.archived ? { archived: true } : {}),
    },
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
  return writeChanged(ctx, actor, current, baseSeq, toColumns(fields), 'jobseeker.update');
}

/**
 * Writes the columns of `wanted` that differ from `current`: the row, its outbox entry (only those
 * columns, on the version the person saw: sync's base for deciding a conflict) and the audit entry, in
 * one transaction. Nothing differing: the record handed back is a read.
 */
async function writeChanged(
  ctx: ServiceContext,
  actor: SessionInfo,
  current: JobseekerRow,
  baseSeq: number,
  wanted: Partial<JobseekerRow>,
  action: string,
): Promise<Jobseeker> {
  const id = current.id;
  const changed = Object.fromEntries(
    Object.entries(wanted).filter(([column, value]) => current[column as keyof JobseekerRow] !== value),
  ) as Partial<JobseekerRow>;
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
      await audit(ctx, actor, action, id, { fields: Object.keys(changed) }, trx);
    });
  }
  const updated = await getJobseeker(ctx.db, id);
  if (!updated) throw new Error('updated jobseeker vanished');
  return updated;
}

/** The accounts a case may be assigned to by this caller (the 담당 상담사 변경 dialog's choices). */
export async function assigneesFor(ctx: ServiceContext, actor: SessionInfo, id: string): Promise<Assignee[]> {
  const current = await accessibleJobseeker(ctx.db, actor, id);
  const staff = await activeCaseStaff(ctx.db, current.center_code);
  if (actor.role === 'supervisor') return staff;
  // A counselor may only take a case nobody has for themselves.
  return current.assigned_counselor_id === null ? staff.filter((s) => s.id === actor.userId) : [];
}

/**
 * 담당 상담사 변경. A supervisor assigns any active counselor or supervisor of the case's own center, or
 * clears the assignment; a counselor takes an unassigned case for themselves (내가 맡기). The new
 * owner's desktop receives the case at its next pull (sync.md § Scopes); two different assignments
 * made apart become a review item (a decisive field).
 */
export async function assignJobseeker(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
  baseSeq: number,
  counselorId: string | null,
): Promise<Jobseeker> {
  const current = await accessibleJobseeker(ctx.db, actor, id);
  if (current.assigned_counselor_id === counselorId)
    return writeChanged(ctx, actor, current, baseSeq, {}, 'jobseeker.assign');
  if (actor.role !== 'supervisor') {
    const takesFreeCase = current.assigned_counselor_id === null && counselorId === actor.userId;
    if (!takesFreeCase)
      throw new AppFailure({ code: 'forbidden', message: 'jobseekers.assignSupervisorOnly' });
  }
  if (counselorId !== null) {
    const staff = await activeCaseStaff(ctx.db, current.center_code);
    if (!staff.some((s) => s.id === counselorId))
      throw new AppFailure({
        code: 'validation',
        message: 'jobseekers.assigneeUnknown',
        field: 'counselorId',
      });
  }
  return writeChanged(
    ctx,
    actor,
    current,
    baseSeq,
    { assigned_counselor_id: counselorId },
    'jobseeker.assign',
  );
}

/**
 * 보관 / 보관 해제: archiving is how a case is deleted (sync.md § Conflicts: a decisive field); it leaves
 * the lists for the 보관함 and can be restored. The supervisors, and the counselor the case is assigned
 * to, may do it.
 */
export async function archiveJobseeker(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
  baseSeq: number,
  archived: boolean,
): Promise<Jobseeker> {
  const current = await accessibleJobseeker(ctx.db, actor, id, { archived: true });
  if (actor.role !== 'supervisor' && current.assigned_counselor_id !== actor.userId)
    throw new AppFailure({ code: 'forbidden', message: 'jobseekers.archiveNotYours' });
  return writeChanged(
    ctx,
    actor,
    current,
    baseSeq,
    { archived: archived ? 1 : 0 },
    archived ? 'jobseeker.archive' : 'jobseeker.restore',
  );
}

async function activeCaseStaff(db: ServiceContext['db'], centerCode: string): Promise<Assignee[]> {
  const rows = await listCaseStaff(db, centerCode);
  return rows.map((r) => ({
    id: r.id,
    name: r.display_name,
    role: r.role === 'supervisor' ? 'supervisor' : 'counselor',
  }));
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
