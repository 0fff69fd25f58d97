import {
  closeReviewItem,
  getReviewItem,
  itemVisibleTo,
  userNames,
  type ReviewItemRow,
} from '../../db/server/repositories/lifecycle.ts';
import type { SyncRow } from '../../db/server/repositories/sync.ts';
import {
  CHOICES_BY_KIND,
  WHOLE_CHANGE,
  WHOLE_RECORD,
  handoverFieldsSchema,
  resolutionFieldsSchema,
  type Mutation,
  type MutationResult,
} from '../../shared/sync/protocol.ts';
import { resolveVerdict } from '../../shared/sync/review-rules.ts';
import { isSyncedTable, syncRule, type SyncedTable } from '../../shared/sync/tables.ts';
import { afterWrite } from './derived.ts';
import type { PushWork } from './push-work.ts';
import {
  ParentDeleted,
  Refusal,
  caseIdOf,
  forceFields,
  insertRow,
  mayWrite,
  openReview,
  reservedIn,
  scopeFor,
  type SyncCaller,
} from './rows.ts';

// A person's decision on a review item, and a refused change handed to a supervisor. Both arrive as
// queued writes (the desktop may be offline when the counselor decides), are authorised here from the
// database, and are idempotent per device like any mutation.
//
// Resolving: a supervisor, or a counselor the item concerns (either author, or the case's owner), picks
// one of the choices the item's kind offers; the held change's author never applies it alone, and a
// hand-over is decided by a supervisor (shared/sync/review-rules.ts). `held` applies the held value as a normal sequenced write
// by the resolver (its old value goes to history); `kept` and `acknowledged` change no row. The item is
// closed with who, when, which choice and the seq of the write it made.

export async function applyResolution(
  work: PushWork,
  caller: SyncCaller,
  m: Mutation,
  now: string,
): Promise<MutationResult> {
  if (m.op !== 'insert') throw new Refusal('resolutionOnce');
  const parsed = resolutionFieldsSchema.safeParse(m.fields);
  if (!parsed.success) throw new Refusal('malformedResolution');
  const { review_id: reviewId, choice } = parsed.data;
  const item = await getReviewItem(work.trx, reviewId);
  if (!item || caller.role === 'admin' || !itemVisibleTo(item, caller)) throw new Refusal('reviewNotFound');
  if (item.status !== 'open') {
    const names = await userNames(work.trx, [item.resolved_by ?? '']);
    const who = names.get(item.resolved_by ?? '') ?? (item.resolved_by || 'the server');
    throw new Refusal('alreadyResolved', { who, at: item.resolved_at ?? 'an earlier time' });
  }
  const row = await work.getRow(item.table_name, item.row_id);
  if (!CHOICES_BY_KIND[item.kind].includes(choice))
    throw new Refusal('wrongChoice', { kind: item.kind, choice });
  // Who may decide (shared/sync/review-rules.ts): never the held change's author alone, a hand-over only
  // by a supervisor. The case's owner is read from the database, never from the client.
  const owner = item.case_id
    ? (await work.getRow('jobseekers', item.case_id))?.scope_owner
    : row?.scope_owner;
  const verdict = resolveVerdict(
    { role: caller.role, userId: caller.userId, ownsCase: owner === caller.userId },
    { kind: item.kind, keptAuthor: item.kept_author, heldAuthor: item.held_author },
    choice,
  );
  if (verdict !== 'ok') throw new Refusal(verdict);
  const seq = choice === 'held' ? await applyHeld(work, caller, item, row, m.hlc, now) : null;
  await closeReviewItem(work.trx, item.id, { resolution: choice, by: caller.userId, at: now, seq });
  return { clientSeq: m.clientSeq, status: 'applied', ...(seq !== null ? { seq } : {}) };
}

function objectOf(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

async function applyHeld(
  work: PushWork,
  caller: SyncCaller,
  item: ReviewItemRow,
  row: SyncRow | undefined,
  hlc: string,
  now: string,
): Promise<number | null> {
  if (!isSyncedTable(item.table_name)) throw new Refusal('notSyncedItem', { table: item.table_name });
  const table: SyncedTable = item.table_name;
  const held = JSON.parse(item.held_value ?? 'null') as unknown;
  if (row?.deleted_at) throw new Refusal('deleted');
  if (item.field === WHOLE_RECORD) {
    // A record held back (added under a deleted or transferred case, or a refused insert): it goes in now.
    if (row) return Number(row.seq);
    const fields = objectOf(held);
    if (!fields || reservedIn(fields).length > 0) throw new Refusal('heldRecordUnreadable');
    let scope;
    try {
      scope = await scopeFor(work, table, { ...fields, id: item.row_id });
    } catch (error) {
      if (error instanceof ParentDeleted) throw new Refusal('caseDeleted');
      throw error;
    }
    if (!mayWrite(caller, scope)) throw new Refusal('otherScope');
    const seq = await insertRow(work, caller, table, item.row_id, fields, scope, hlc, now);
    await afterWrite(work, caller, table, item.row_id, { ...fields, id: item.row_id }, 'insert', now);
    return seq;
  }
  if (!row) throw new Refusal('recordMissing');
  if (!mayWrite(caller, row)) throw new Refusal('otherScope');
  if (syncRule(table).mode === 'append-only') throw new Refusal('appendOnly');
  const fields = item.field === WHOLE_CHANGE ? objectOf(held) : { [item.field]: held };
  if (!fields || reservedIn(fields).length > 0) throw new Refusal('heldChangeUnreadable');
  const seq = await forceFields(work, caller, table, row, fields, hlc, now);
  if (seq !== null) await afterWrite(work, caller, table, row.row_id, fields, Object.keys(fields), now);
  return seq ?? Number(row.seq);
}

/**
 * A refused change a counselor hands to a supervisor: it becomes a review item of the counselor's center
 * (so it is never lost, and a supervisor can apply it or set it aside with a record of who did).
 */
export async function applyHandover(
  work: PushWork,
  caller: SyncCaller,
  m: Mutation,
  now: string,
): Promise<MutationResult> {
  if (m.op !== 'insert') throw new Refusal('handoverOnce');
  if (caller.role === 'admin') throw new Refusal('adminNoCases');
  const parsed = handoverFieldsSchema.safeParse(m.fields);
  if (!parsed.success) throw new Refusal('malformedHandover');
  const h = parsed.data;
  if (await getReviewItem(work.trx, m.rowId)) return { clientSeq: m.clientSeq, status: 'duplicate' };
  let fields: Record<string, unknown> | null;
  try {
    fields = objectOf(JSON.parse(h.fields));
  } catch {
    fields = null;
  }
  if (!fields) throw new Refusal('handoverUnreadable');
  const row = isSyncedTable(h.table) ? await work.getRow(h.table, h.row_id) : undefined;
  const readable = row !== undefined && !row.deleted_at && mayWrite(caller, row);
  const current = readable ? (JSON.parse(row.data) as Record<string, unknown>) : null;
  const jobseekerField = fields['jobseeker_id'];
  const caseId =
    h.table === 'jobseekers'
      ? h.row_id
      : readable
        ? await caseIdOf(work, h.table, h.row_id, row)
        : typeof jobseekerField === 'string'
          ? jobseekerField
          : null;
  await openReview(
    work,
    {
      // The outbox entry's own id: a retried hand-over is the same item.
      id: m.rowId,
      kind: 'refused',
      table: h.table,
      rowId: h.row_id,
      about: undefined,
      scope: { scope_center: caller.centerCode, scope_owner: null, scope_region: null },
      field: h.op === 'insert' ? WHOLE_RECORD : WHOLE_CHANGE,
      kept: current ? Object.fromEntries(Object.keys(fields).map((f) => [f, current[f] ?? null])) : null,
      keptAuthor: '',
      held: fields,
      heldAuthor: caller.userId,
      heldHlc: m.hlc,
      detail: { reason: h.reason, op: h.op, clientSeq: h.client_seq },
      caseId,
    },
    now,
  );
  return { clientSeq: m.clientSeq, status: 'applied' };
}
