import type { Insertable, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../db/repositories/audit.ts';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import type { Database, SyncedTableName } from '../../db/schema.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { isoNow, type ServiceContext } from './context.ts';

// The write pattern of CONTRIBUTING.md for issue 4's records, once: the row with its HLC, the outbox
// entry (changed fields only) and the audit entry (ids only), all in the caller's transaction.

type Trx = Transaction<Database>;

export async function insertSynced<T extends SyncedTableName>(
  trx: Trx,
  ctx: ServiceContext,
  table: T,
  fields: Omit<Insertable<Database[T]>, 'id' | 'hlc' | 'seq'>,
): Promise<string> {
  const id = uuidv7();
  const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
  // Kysely cannot relate a generic table name to its row type; the parameter type above does.
  await trx
    .insertInto(table)
    .values({ id, hlc, ...fields } as never)
    .execute();
  await appendOutbox(trx, {
    table,
    rowId: id,
    op: 'insert',
    fields: fields,
    hlc,
    baseSeq: 0,
    createdAt: isoNow(ctx),
  });
  return id;
}

export async function updateSynced(
  trx: Trx,
  ctx: ServiceContext,
  table:
    | 'employers'
    | 'job_openings'
    | 'jobseekers'
    | 'case_transfers'
    | 'appointments'
    | 'tasks'
    | 'service_referrals'
    | 'programme_enrolments'
    | 'action_plans'
    | 'group_programmes'
    | 'group_sessions'
    | 'group_participants'
    | 'case_merge_dismissals',
  id: string,
  changed: Record<string, unknown>,
  baseSeq: number,
): Promise<void> {
  if (Object.keys(changed).length === 0) return;
  const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
  await trx
    .updateTable(table)
    .set({ ...changed, hlc } as never)
    .where('id', '=', id)
    .execute();
  await appendOutbox(trx, {
    table,
    rowId: id,
    op: 'update',
    fields: changed,
    hlc,
    baseSeq,
    createdAt: isoNow(ctx),
  });
}

export async function auditAction(
  db: Parameters<typeof appendAudit>[0],
  ctx: ServiceContext,
  actor: SessionInfo,
  e: {
    action: string;
    subjectType: string;
    subjectId: string | null;
    personId?: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await appendAudit(db, {
    at: isoNow(ctx),
    actorId: actor.userId,
    actorLogin: actor.loginId,
    deviceId: ctx.deviceId,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    personId: e.personId ?? null,
    detail: e.detail ?? null,
  });
}

/** Today (YYYY-MM-DD) in Korea, where the centers are: dates the counselor sees are local days. */
export function todayKst(ctx: ServiceContext): string {
  return new Date(ctx.now().getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
