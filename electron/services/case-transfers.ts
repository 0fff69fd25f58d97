import {
  getTransfer,
  incomingTransfers,
  knownCenters,
  openTransferOf,
  outgoingTransfers,
  transfersOfCase,
  type TransferRow,
} from '../../db/repositories/case-lifecycle.ts';
import { listCaseStaff } from '../../db/repositories/users.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import type { TransferInbox, TransferView } from '../../shared/casework/lifecycle.ts';
import { TRANSFER_WITHDRAW_TABLE } from '../../shared/sync/transfer-directory.ts';
import { nextHlc } from '../../db/repositories/outbox.ts';
import { appendSyncOutbox } from '../../db/repositories/sync-lifecycle.ts';
import { uuidv7 } from 'uuidv7';
import { accessibleJobseeker } from './case-access.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { keptTransferDirectory, type KeptDirectory } from './sync/transfer-directory.ts';
import { withdrawalsQueued, type QueuedWithdrawal } from './sync/transfer-withdrawals.ts';
import { auditAction, insertSynced, updateSynced } from './synced-writes.ts';

// Transfers between centers (이관, issue 16 item 4), the desktop's side. A request is a synced record
// written like any other (row, outbox, audit in one transaction), so it waits in the outbox while the
// counselor is offline. The receiving center's supervisors answer it; the server moves the case when it
// receives an acceptance (server/sync/transfer.ts): the case then leaves this center's desktops at their
// next pull (after they push what they still hold) and arrives at the receiving center's.

const RECENT_DAYS = 90;

function view(actor: SessionInfo, r: TransferRow, withdrawal?: QueuedWithdrawal): TransferView {
  const asked = r.status === 'requested';
  // A withdrawal this desktop queued: waiting to be sent, or refused (answered before it arrived).
  const queued = withdrawal?.state === 'queued' && asked;
  const refused = withdrawal?.state === 'refused' && r.status !== 'cancelled';
  return {
    id: r.id,
    jobseekerId: r.jobseeker_id,
    jobseekerName: r.jobseeker_name,
    birthYear: r.birth_year,
    fromCenter: r.from_center,
    fromCenterName: r.from_name ?? r.from_center_name,
    toCenter: r.to_center,
    toCenterName: r.to_name,
    reason: r.reason,
    status: r.status,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name ?? r.requester_name,
    requestedAt: r.requested_at,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
    assignedTo: r.assigned_to,
    mayDecide: asked && actor.role === 'supervisor' && r.to_center === actor.centerCode,
    mayCancel:
      asked &&
      !queued &&
      (r.requested_by === actor.userId ||
        (actor.role === 'supervisor' && r.from_center === actor.centerCode)),
    withdrawal: queued ? 'queued' : refused ? 'refused' : null,
    withdrawalRefusal: refused ? withdrawal.reason : null,
  };
}

type KeptTransfer = KeptDirectory['outgoing'][number];

/** A request the server listed for the sending center, in the shape of a local row. */
function keptRow(t: KeptTransfer, centers: Map<string, string>): TransferRow {
  const row: TransferRow = {
    ...t,
    requester_name: t.requested_by_name,
    from_name: centers.get(t.from_center) ?? t.from_center_name,
    to_name: centers.get(t.to_center) ?? null,
  };
  return row;
}

function caseRoles(actor: SessionInfo): void {
  if (actor.role !== 'counselor' && actor.role !== 'supervisor')
    throw new AppFailure({ code: 'forbidden', message: 'errors.forbidden' });
}

export async function requestTransfer(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; toCenter: string; reason: string },
): Promise<TransferView> {
  const row = await accessibleJobseeker(ctx.db, actor, input.jobseekerId);
  if (actor.role !== 'supervisor' && row.assigned_counselor_id !== actor.userId)
    throw new AppFailure({ code: 'forbidden', message: 'lifecycle.error.notYours' });
  // Only the case's own center hands it on (a counselor's caseload from another center is not theirs to give).
  if (row.center_code !== actor.centerCode)
    throw new AppFailure({ code: 'forbidden', message: 'lifecycle.error.otherCenterCase' });
  if (input.toCenter === actor.centerCode)
    throw new AppFailure({ code: 'validation', message: 'lifecycle.error.sameCenter', field: 'toCenter' });
  if (await openTransferOf(ctx.db, row.id))
    throw new AppFailure({ code: 'conflict', message: 'lifecycle.error.transferOpen' });
  const now = isoNow(ctx);
  const names = await requesterNames(ctx, actor);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const transferId = await insertSynced(trx, ctx, 'case_transfers', {
      jobseeker_id: row.id,
      jobseeker_name: row.name,
      birth_year: row.birth_year,
      from_center: actor.centerCode,
      from_center_name: names.center,
      requested_by_name: names.person,
      to_center: input.toCenter,
      reason: input.reason,
      status: 'requested',
      requested_by: actor.userId,
      requested_at: now,
    });
    await auditAction(trx, ctx, actor, {
      action: 'transfer.request',
      subjectType: 'transfer',
      subjectId: transferId,
      personId: row.id,
      detail: { toCenter: input.toCenter },
    });
    return transferId;
  });
  return view(actor, (await getTransfer(ctx.db, id)) as TransferRow);
}

/** The requester's and their center's names as this desktop's directory (the server's) has them. */
async function requesterNames(
  ctx: ServiceContext,
  actor: SessionInfo,
): Promise<{ person: string; center: string }> {
  const [user, center] = await Promise.all([
    ctx.db.selectFrom('users').select('display_name').where('id', '=', actor.userId).executeTakeFirst(),
    ctx.db.selectFrom('centers').select('name').where('code', '=', actor.centerCode).executeTakeFirst(),
  ]);
  return { person: user?.display_name ?? actor.loginId, center: center?.name ?? actor.centerCode };
}

async function askedTransfer(ctx: ServiceContext, id: string): Promise<TransferRow> {
  const row = await getTransfer(ctx.db, id);
  if (!row) throw new AppFailure({ code: 'not-found', message: 'lifecycle.error.transferNotFound' });
  if (row.status !== 'requested')
    throw new AppFailure({ code: 'conflict', message: 'lifecycle.error.transferAnswered' });
  return row;
}

/** Accepted (with the counselor who will have it, or none yet) or declined with a reason. */
export async function decideTransfer(
  ctx: ServiceContext,
  actor: SessionInfo,
  input:
    | { transferId: string; decision: 'accepted'; assignTo: string | null }
    | { transferId: string; decision: 'declined'; reason: string },
): Promise<TransferView> {
  const row = await askedTransfer(ctx, input.transferId);
  if (actor.role !== 'supervisor' || row.to_center !== actor.centerCode)
    throw new AppFailure({ code: 'forbidden', message: 'lifecycle.error.decideSupervisorOnly' });
  let assignTo: string | null = null;
  if (input.decision === 'accepted' && input.assignTo !== null) {
    const staff = await listCaseStaff(ctx.db, actor.centerCode);
    if (!staff.some((s) => s.id === input.assignTo))
      throw new AppFailure({ code: 'validation', message: 'jobseekers.assigneeUnknown', field: 'assignTo' });
    assignTo = input.assignTo;
  }
  const now = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await updateSynced(
      trx,
      ctx,
      'case_transfers',
      row.id,
      {
        status: input.decision,
        decided_by: actor.userId,
        decided_at: now,
        ...(input.decision === 'declined' ? { decision_reason: input.reason } : { assigned_to: assignTo }),
      },
      Number(row.seq),
    );
    await auditAction(trx, ctx, actor, {
      action: input.decision === 'accepted' ? 'transfer.accept' : 'transfer.decline',
      subjectType: 'transfer',
      subjectId: row.id,
      personId: row.jobseeker_id,
      detail: { fromCenter: row.from_center, ...(assignTo ? { assignTo } : {}) },
    });
  });
  return view(actor, (await getTransfer(ctx.db, row.id)) as TransferRow);
}

/**
 * Withdrawn while it is still asked: by its requester (a synced write), or by a supervisor of the
 * sending center, who does not hold the request's row (it is the receiving center's and the
 * requester's). Both are queued like any write, so both work offline: the supervisor's as a withdrawal
 * the server applies when it is pushed (server/sync/transfer-withdraw.ts), with the same rules; one
 * answered before it arrives wins, and the withdrawal comes back refused with the reason.
 */
export async function cancelTransfer(
  ctx: ServiceContext,
  actor: SessionInfo,
  transferId: string,
): Promise<TransferView> {
  const local = await getTransfer(ctx.db, transferId);
  if (!local || (local.requested_by !== actor.userId && actor.role === 'supervisor'))
    return queueWithdrawal(ctx, actor, transferId, local);
  const row = await askedTransfer(ctx, transferId);
  if (row.requested_by !== actor.userId)
    throw new AppFailure({ code: 'forbidden', message: 'lifecycle.error.cancelNotYours' });
  const now = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await updateSynced(
      trx,
      ctx,
      'case_transfers',
      row.id,
      { status: 'cancelled', decided_by: actor.userId, decided_at: now },
      Number(row.seq),
    );
    await auditAction(trx, ctx, actor, {
      action: 'transfer.cancel',
      subjectType: 'transfer',
      subjectId: row.id,
      personId: row.jobseeker_id,
    });
  });
  return view(actor, (await getTransfer(ctx.db, row.id)) as TransferRow);
}

async function queueWithdrawal(
  ctx: ServiceContext,
  actor: SessionInfo,
  transferId: string,
  local: TransferRow | undefined,
): Promise<TransferView> {
  const kept = await keptTransferDirectory(ctx.db);
  const listed = kept?.outgoing.find((t) => t.id === transferId);
  const row = local ?? (listed ? keptRow(listed, new Map(kept?.centers.map((c) => [c.code, c.name]))) : null);
  if (!row) throw new AppFailure({ code: 'not-found', message: 'lifecycle.error.transferNotFound' });
  if (actor.role !== 'supervisor' || row.from_center !== actor.centerCode)
    throw new AppFailure({ code: 'forbidden', message: 'lifecycle.error.cancelNotYours' });
  if (row.status !== 'requested')
    throw new AppFailure({ code: 'conflict', message: 'lifecycle.error.transferAnswered' });
  const queued = await withdrawalsQueued(ctx.db);
  if (queued.get(transferId)?.state === 'queued')
    throw new AppFailure({ code: 'conflict', message: 'lifecycle.error.withdrawQueued' });
  await ctx.db.transaction().execute(async (trx) => {
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    await appendSyncOutbox(trx, {
      table: TRANSFER_WITHDRAW_TABLE,
      rowId: uuidv7(),
      op: 'insert',
      fields: { transfer_id: transferId },
      hlc,
      baseSeq: 0,
      createdAt: isoNow(ctx),
    });
    await auditAction(trx, ctx, actor, {
      action: 'transfer.cancel',
      subjectType: 'transfer',
      subjectId: transferId,
      personId: row.jobseeker_id,
      detail: { queued: true },
    });
  });
  ctx.sync?.scheduler.kick();
  return { ...view(actor, row), mayCancel: false, withdrawal: 'queued', withdrawalRefusal: null };
}

/** 이관 요청함: requests to this center (supervisors answer them) and the ones sent from it. */
export async function transferInbox(ctx: ServiceContext, actor: SessionInfo): Promise<TransferInbox> {
  caseRoles(actor);
  const since = new Date(ctx.now().getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const [incoming, outgoing] = await Promise.all([
    incomingTransfers(ctx.db, actor.centerCode, since),
    outgoingTransfers(ctx.db, actor.centerCode, actor.userId, since),
  ]);
  // The sending center's requests its supervisors do not hold as rows, as the server last listed them.
  const kept = await keptTransferDirectory(ctx.db);
  const centers = new Map(kept?.centers.map((c) => [c.code, c.name]));
  const byId = new Map(outgoing.map((r) => [r.id, r]));
  for (const t of actor.role === 'supervisor' ? (kept?.outgoing ?? []) : []) {
    const held = byId.get(t.id);
    if (t.from_center === actor.centerCode && (!held || Number(held.seq) < t.seq))
      byId.set(t.id, keptRow(t, centers));
  }
  // A receiving center this store does not hold is named from the server's list.
  for (const [id, r] of byId)
    if (r.to_name === null) byId.set(id, { ...r, to_name: centers.get(r.to_center) ?? null });
  const all = [...byId.values()].sort((a, b) => b.requested_at.localeCompare(a.requested_at));
  const withdrawals =
    actor.role === 'supervisor' ? await withdrawalsQueued(ctx.db) : new Map<string, QueuedWithdrawal>();
  // Names of people another center asks about are shown to its supervisors only.
  await auditAction(ctx.db, ctx, actor, {
    action: 'transfer.list',
    subjectType: 'transfer',
    subjectId: null,
    detail: { incoming: incoming.length, outgoing: all.length },
  });
  return {
    incoming: actor.role === 'supervisor' ? incoming.map((r) => view(actor, r)) : [],
    outgoing: all.map((r) => view(actor, r, withdrawals.get(r.id))),
    outgoingAsOf: actor.role === 'supervisor' ? (kept?.fetchedAt ?? null) : null,
  };
}

/** The transfers of one case (its page), newest first. */
export async function caseTransfers(
  ctx: ServiceContext,
  actor: SessionInfo,
  jobseekerId: string,
): Promise<TransferView[]> {
  await accessibleJobseeker(ctx.db, actor, jobseekerId, { archived: true });
  return (await transfersOfCase(ctx.db, jobseekerId)).map((r) => view(actor, r));
}

/** Centers this desktop knows by name (its own is left out), to pick the receiving one. */
export async function transferCenters(ctx: ServiceContext, actor: SessionInfo) {
  caseRoles(actor);
  // Every center the server knows (as of the last sync), and any this store holds besides.
  const byCode = new Map((await knownCenters(ctx.db)).map((c) => [c.code, c]));
  for (const c of (await keptTransferDirectory(ctx.db))?.centers ?? []) byCode.set(c.code, c);
  return [...byCode.values()]
    .filter((c) => c.code !== actor.centerCode)
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The receiving center's people a case may be assigned to on acceptance. */
export async function transferAssignees(ctx: ServiceContext, actor: SessionInfo) {
  if (actor.role !== 'supervisor') throw new AppFailure({ code: 'forbidden', message: 'errors.forbidden' });
  return (await listCaseStaff(ctx.db, actor.centerCode)).map((s) => ({ id: s.id, name: s.display_name }));
}
