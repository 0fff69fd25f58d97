import { uuidv7 } from 'uuidv7';
import { nextHlc } from '../../../db/repositories/outbox.ts';
import {
  appendSyncOutbox,
  getRefused,
  recordRefusedAction,
  unhandledRefused,
  type RefusedRow,
} from '../../../db/repositories/sync-lifecycle.ts';
import type { CaseDb } from '../../../db/connection.ts';
import { sql } from 'kysely';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import type { RefusedChange } from '../../../shared/contract/sync.ts';
import { HANDOVER_TABLE, RESOLUTION_TABLE } from '../../../shared/sync/protocol.ts';
import { isSyncedTable, syncRule } from '../../../shared/sync/tables.ts';
import { TRANSFER_WITHDRAW_TABLE } from '../../../shared/sync/transfer-directory.ts';
import { caseScope } from '../case-access.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { auditAction } from '../synced-writes.ts';
import { recordLabel } from './reviews.ts';
import { keptTransferDirectory } from './transfer-directory.ts';

// Changes the server refused (sync.md: "rejected with a reason that the counselor sees"). They stay in
// the outbox with the reason and leave the list only when a person acts: sent again as a new change
// (after fixing the cause: the record reached the server, a permission was granted …), or handed to a
// supervisor, where they become a review item of the center that a supervisor applies or sets aside.
// Nothing is ever dropped: an export of every unsent change is one click away (outbox-export.ts).

function fieldsOf(row: RefusedRow): Record<string, unknown> {
  try {
    const parsed = JSON.parse(row.fields) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function caseIdOf(row: RefusedRow, fields: Record<string, unknown>): string | null {
  if (row.table_name === 'jobseekers') return row.row_id;
  const id = fields['jobseeker_id'];
  return typeof id === 'string' ? id : null;
}

/** The case a refused change belongs to: named in the change, or by the record as this desktop has it. */
async function caseOf(db: CaseDb, r: RefusedRow, fields: Record<string, unknown>): Promise<string | null> {
  const named = caseIdOf(r, fields);
  if (named || !isSyncedTable(r.table_name)) return named;
  const scope = syncRule(r.table_name).scope as { kind: string; parentTable?: string; parentField?: string };
  if (scope.kind !== 'parent' || scope.parentTable !== 'jobseekers' || !scope.parentField) return null;
  const found = await sql<
    Record<string, unknown>
  >`select ${sql.ref(scope.parentField)} as case_id from ${sql.table(
    r.table_name,
  )} where id = ${r.row_id}`.execute(db);
  const id = found.rows[0]?.['case_id'];
  return typeof id === 'string' ? id : null;
}

/** A queued transfer withdrawal names the person of the request, as the sending center's list has it. */
async function withdrawnName(db: CaseDb, fields: Record<string, unknown>): Promise<string | null> {
  const id = fields['transfer_id'];
  const kept = await keptTransferDirectory(db);
  return kept?.outgoing.find((t) => t.id === id)?.jobseeker_name ?? null;
}

export async function refusedChanges(db: CaseDb): Promise<RefusedChange[]> {
  const out: RefusedChange[] = [];
  for (const r of await unhandledRefused(db)) {
    const fields = fieldsOf(r);
    const caseId = await caseOf(db, r, fields);
    const label =
      r.table_name === TRANSFER_WITHDRAW_TABLE
        ? await withdrawnName(db, fields)
        : await recordLabel(db, r.table_name, r.row_id, caseId);
    out.push({
      clientSeq: r.client_seq,
      table: r.table_name,
      rowId: r.row_id,
      reason: r.error ?? '',
      createdAt: r.created_at,
      op: r.op,
      fields: Object.keys(fields),
      // Only a case that is on this desktop can be opened from the list.
      caseId: caseId && label !== null ? caseId : null,
      recordLabel: label,
    });
  }
  return out;
}

async function refusedFor(ctx: ServiceContext, actor: SessionInfo, clientSeq: number): Promise<RefusedRow> {
  caseScope(actor);
  const row = await getRefused(ctx.db, clientSeq);
  if (!row) throw new AppFailure({ code: 'not-found', message: 'refused.notFound' });
  if (row.handled) throw new AppFailure({ code: 'conflict', message: 'refused.alreadyHandled' });
  return row;
}

async function localSeq(ctx: ServiceContext, table: string, id: string): Promise<number | null> {
  if (!isSyncedTable(table)) return null;
  const key = (syncRule(table) as { key?: string }).key ?? 'id';
  const found = await sql<{
    seq: number;
  }>`select seq from ${sql.table(table)} where ${sql.ref(key)} = ${id}`.execute(ctx.db);
  const row = found.rows[0];
  return row ? Number(row.seq) : null;
}

/** Sends a refused change again, as a new change based on the row as this desktop has it now. */
export async function resendRefused(
  ctx: ServiceContext,
  actor: SessionInfo,
  clientSeq: number,
): Promise<void> {
  const row = await refusedFor(ctx, actor, clientSeq);
  // A resolution or a hand-over is not re-sent blindly: the review list shows the item again.
  if (row.table_name === RESOLUTION_TABLE || row.table_name === HANDOVER_TABLE)
    throw new AppFailure({ code: 'conflict', message: 'refused.cannotResend' });
  const base = row.op === 'update' ? await localSeq(ctx, row.table_name, row.row_id) : 0;
  const at = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    const followUp = await appendSyncOutbox(trx, {
      table: row.table_name,
      rowId: row.row_id,
      op: row.op,
      fields: fieldsOf(row),
      hlc,
      baseSeq: base ?? 0,
      createdAt: at,
    });
    await recordRefusedAction(trx, {
      clientSeq,
      action: 'resent',
      followUpSeq: followUp,
      actorId: actor.userId,
      at,
    });
    await auditAction(trx, ctx, actor, {
      action: 'sync.refused.resend',
      subjectType: row.table_name,
      subjectId: row.row_id,
      personId: caseIdOf(row, fieldsOf(row)),
      detail: { clientSeq, followUp },
    });
  });
  ctx.sync?.scheduler.kick();
}

/** Hands a refused change to a supervisor: it travels to the server as a review item of the center. */
export async function handRefused(ctx: ServiceContext, actor: SessionInfo, clientSeq: number): Promise<void> {
  const row = await refusedFor(ctx, actor, clientSeq);
  const at = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    const followUp = await appendSyncOutbox(trx, {
      table: HANDOVER_TABLE,
      rowId: uuidv7(),
      op: 'insert',
      fields: {
        client_seq: clientSeq,
        table: row.table_name,
        row_id: row.row_id,
        op: row.op,
        fields: row.fields,
        reason: (row.error ?? '').slice(0, 2000),
      },
      hlc,
      baseSeq: 0,
      createdAt: at,
    });
    await recordRefusedAction(trx, {
      clientSeq,
      action: 'handed',
      followUpSeq: followUp,
      actorId: actor.userId,
      at,
    });
    await auditAction(trx, ctx, actor, {
      action: 'sync.refused.handover',
      subjectType: row.table_name,
      subjectId: row.row_id,
      personId: caseIdOf(row, fieldsOf(row)),
      detail: { clientSeq, followUp },
    });
  });
  ctx.sync?.scheduler.kick();
}
