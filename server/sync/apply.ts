import { exitedFrom, lastDeletion } from '../../db/server/repositories/lifecycle.ts';
import type { SyncRow } from '../../db/server/repositories/sync.ts';
import {
  HANDOVER_TABLE,
  RESOLUTION_TABLE,
  WHOLE_RECORD,
  type Mutation,
  type MutationResult,
} from '../../shared/sync/protocol.ts';
import { MERGE_TABLE } from '../../shared/sync/merge.ts';
import { TRANSFER_WITHDRAW_TABLE } from '../../shared/sync/transfer-directory.ts';
import { isSyncedTable, syncRule } from '../../shared/sync/tables.ts';
import { checkAuditEntry } from './audit-chain.ts';
import { checkFields } from '../../shared/sync/tables/index.ts';
import { checkConsent, checkConsentOnUpdate } from './consent.ts';
import { afterWrite } from './derived.ts';
import { checkInsert, checkUpdate } from './flows.ts';
import type { PushWork } from './push-work.ts';
import { checkReferralEvent } from './referral-check.ts';
import { applyMerge } from './merge.ts';
import { redirectCaseEdit, redirectCaseFields, survivorRow } from './redirect.ts';
import { applyHandover, applyResolution } from './resolve.ts';
import { editorHadSeen } from './seen.ts';
import { applyTransferWithdrawal } from './transfer-withdraw.ts';
import {
  ParentDeleted,
  Refusal,
  commitRow,
  historyRow,
  insertRow,
  mayWrite,
  openReview,
  reservedIn,
  sameValue,
  scopeFor,
  type Meta,
  type SyncCaller,
} from './rows.ts';
import { checkRowId } from './validate.ts';

export type { SyncCaller } from './rows.ts';

// Applies one desktop mutation to the sync store (sync.md § Conflicts):
//   descriptive fields: the later HLC wins; the losing value goes to value_history;
//   decisive fields: if someone else changed the field after the client's base seq to another value,
//     the first committed value stays and a review item holds both;
//   append-only rows: inserted once by id; a second insert of the same id is the same row;
//   a really deleted row (tombstone): an edit, or a new row under it, opens a review item and never
//     brings it back (only `caseworker-server record restore` does);
//   a row that left the caller's scopes after the edit was made: held in a review item for the new owner.
// Authorisation is decided here from the stored row (never from the client): the caller's center,
// their own caseload, or their region's employers and openings; and again on the row as it would be.
// Before any of that, the change must fit its table's declaration (shared/sync/tables/: declared
// fields, valid values, the caller's role) and its flows (flows.ts: server-known authors, scope columns
// changed only by their own flows, records it names); derived values are derived again (a referral
// event follows its state machine; a classification its checklist). Resolutions and refused changes
// handed to a supervisor arrive as mutations of two pseudo-tables (resolve.ts); a transfer withdrawn
// by a supervisor who does not hold its row, as a third (transfer-withdraw.ts).

export async function applyMutation(
  work: PushWork,
  caller: SyncCaller,
  sent: Mutation,
  now: string,
  /** False only in the push bench (routes.ts `validatePushes`): the checks' cost, measured side by side. */
  checks = true,
): Promise<MutationResult> {
  let m = sent;
  try {
    if (m.table === RESOLUTION_TABLE) return await applyResolution(work, caller, m, now);
    if (m.table === MERGE_TABLE) return await applyMerge(work, caller, m, now);
    if (m.table === HANDOVER_TABLE) return await applyHandover(work, caller, m, now);
    if (m.table === TRANSFER_WITHDRAW_TABLE) return await applyTransferWithdrawal(work, caller, m, now);
    if (!isSyncedTable(m.table)) throw new Refusal('notSynced', { table: m.table });
    const reserved = reservedIn(m.fields);
    if (reserved.length > 0) throw new Refusal('serverFields', { fields: reserved.join(', ') });
    const table = m.table;
    if (checks) {
      checkRowId(table, m.rowId);
      if (table === 'centers' && caller.role === 'counselor') throw new Refusal('centerSettingsRole');
      const problem = checkFields(table, m.op, m.fields, caller.role);
      if (problem) throw new Refusal(problem.code, problem.values);
    }
    if (m.table === 'audit_entries') await checkAuditEntry(work, caller, m, now);
    const rule = syncRule(table);
    const existing = await work.getRow(table, m.rowId);
    if (existing?.deleted_at) return await holdForDeleted(work, caller, m, existing, now);
    // Sent by a desktop that has not seen a merge yet: to the surviving case (redirect.ts).
    m = await redirectCaseFields(work, m);
    if (table === 'jobseekers' && m.op === 'update' && existing) {
      const survivor = await survivorRow(work, existing);
      if (survivor) {
        if (!mayWrite(caller, existing, table)) throw new Refusal('otherScope');
        return await redirectCaseEdit(
          work,
          caller,
          m,
          existing,
          survivor,
          (onSurvivor) => applyMutation(work, caller, onSurvivor, now, checks),
          now,
        );
      }
    }

    if (m.op === 'insert') {
      if (existing) {
        // The same client-made id twice is one row (a re-sent insert, or an append-only record again).
        if (!mayWrite(caller, existing, table)) throw new Refusal('otherScope');
        return { clientSeq: m.clientSeq, status: 'duplicate', seq: Number(existing.seq) };
      }
      if (checks && m.baseSeq > 0)
        throw new Refusal('baseSeqAhead', { baseSeq: String(m.baseSeq), seq: '0' });
      // The record's own scope columns (its center, region, owner), authors and the records it names.
      if (checks) await checkInsert(work, caller, table, m.fields);
      const data = { ...m.fields, id: m.rowId };
      let scope;
      try {
        scope = await scopeFor(work, table, data);
      } catch (error) {
        if (error instanceof ParentDeleted) return await holdForDeleted(work, caller, m, error.parent, now);
        throw error;
      }
      if (!mayWrite(caller, scope, table)) {
        // A record added offline to a case that has since moved to another center: the new owner decides.
        const parent = scope.parent_key ? splitKey(scope.parent_key) : null;
        if (parent && (await exitedFrom(work.trx, parent.table, parent.id, caller, 0))) {
          await openReview(
            work,
            {
              kind: 'scope-exit',
              table,
              rowId: m.rowId,
              about: scope,
              scope,
              field: WHOLE_RECORD,
              kept: null,
              keptAuthor: '',
              held: m.fields,
              heldAuthor: caller.userId,
              heldHlc: m.hlc,
            },
            now,
          );
          return { clientSeq: m.clientSeq, status: 'review', reviewFields: [WHOLE_RECORD] };
        }
        throw new Refusal('otherScope');
      }
      if (checks && table === 'referral_events') await checkReferralEvent(work, m.fields);
      await checkConsent(work, caller, m);
      const seq = await insertRow(work, caller, table, m.rowId, m.fields, scope, m.hlc, now);
      await afterWrite(work, caller, table, m.rowId, data, 'insert', now);
      return { clientSeq: m.clientSeq, status: 'applied', seq };
    }

    if (!existing) throw new Refusal('missing');
    if (!mayWrite(caller, existing, table)) {
      if (rule.mode === 'mutable' && (await exitedFrom(work.trx, table, m.rowId, caller, m.baseSeq)))
        return await holdForNewOwner(work, caller, m, existing, now);
      throw new Refusal('otherScope');
    }
    if (rule.mode === 'append-only') throw new Refusal('appendOnly');
    if (checks) await checkUpdate(work, caller, table, existing, m);

    const data = JSON.parse(existing.data) as Record<string, unknown>;
    const meta = JSON.parse(existing.field_meta) as Meta;
    if (checks) await checkConsentOnUpdate(work, m, data);
    // Scope after: the caller must be able to act on the row as it would be, too (checked before
    // anything is written, so a refusal leaves no trace).
    if (checks && rule.scope.kind !== 'parent') {
      const after = await scopeFor(work, table, { ...data, ...m.fields });
      if (!mayWrite(caller, after, table)) throw new Refusal('otherScope');
    }
    const seq = await work.nextSeq();
    const applied: string[] = [];
    const reviewFields: string[] = [];
    for (const [field, value] of Object.entries(m.fields)) {
      const current = meta[field] ?? { hlc: '', seq: 0, author: '' };
      if (sameValue(data[field], value)) continue;
      if (rule.decisive.includes(field)) {
        if (!editorHadSeen(current, caller, m.baseSeq)) {
          await openReview(
            work,
            {
              kind: 'conflict',
              table,
              rowId: m.rowId,
              about: existing,
              scope: existing,
              field,
              kept: data[field],
              keptAuthor: current.author,
              keptHlc: current.hlc,
              held: value,
              heldAuthor: caller.userId,
              heldHlc: m.hlc,
            },
            now,
          );
          reviewFields.push(field);
          continue;
        }
      } else if (m.hlc <= current.hlc) {
        // A later write already won: keep this one in history, with its author.
        work.addHistory(historyRow(table, m.rowId, field, value, m.hlc, caller.userId, now));
        continue;
      }
      work.addHistory(
        historyRow(table, m.rowId, field, data[field], current.hlc || '0', current.author || 'unknown', now),
      );
      data[field] = value;
      meta[field] = { hlc: m.hlc, seq, author: caller.userId, device: caller.deviceId };
      applied.push(field);
    }
    if (applied.length === 0) {
      return reviewFields.length > 0
        ? { clientSeq: m.clientSeq, status: 'review', seq: Number(existing.seq), reviewFields }
        : { clientSeq: m.clientSeq, status: 'applied', seq: Number(existing.seq) };
    }
    await commitRow(work, table, existing, data, meta, seq, now);
    await afterWrite(work, caller, table, m.rowId, data, applied, now);
    return reviewFields.length > 0
      ? { clientSeq: m.clientSeq, status: 'review', seq, reviewFields }
      : { clientSeq: m.clientSeq, status: 'applied', seq };
  } catch (error) {
    if (error instanceof Refusal) return { clientSeq: m.clientSeq, status: 'refused', reason: error.message };
    throw error;
  }
}

function splitKey(key: string): { table: string; id: string } {
  const colon = key.indexOf(':');
  return { table: key.slice(0, colon), id: key.slice(colon + 1) };
}

/**
 * An edit of a really deleted row, or a new row under one: held in a review item (one per field, so the
 * counselor sees exactly what did not go in), the row stays deleted.
 */
async function holdForDeleted(
  work: PushWork,
  caller: SyncCaller,
  m: Mutation,
  tombstone: SyncRow,
  now: string,
): Promise<MutationResult> {
  // Only someone whose scopes held the record learns that it was deleted (no probing of other centers).
  if (!mayWrite(caller, tombstone)) throw new Refusal('missing');
  const deletion = await lastDeletion(work.trx, tombstone.table_name, tombstone.row_id);
  const held: Array<[string, unknown]> =
    m.op === 'insert' ? [[WHOLE_RECORD, m.fields]] : Object.entries(m.fields);
  const parentDeleted = tombstone.table_name !== m.table || tombstone.row_id !== m.rowId;
  for (const [field, value] of held) {
    await openReview(
      work,
      {
        kind: 'deleted',
        table: m.table,
        rowId: m.rowId,
        about: parentDeleted
          ? { ...tombstone, parent_key: `${tombstone.table_name}:${tombstone.row_id}` }
          : tombstone,
        scope: tombstone,
        field,
        kept: null,
        keptAuthor: deletion?.actor ?? '',
        keptAt: deletion?.at ?? tombstone.deleted_at ?? null,
        held: value,
        heldAuthor: caller.userId,
        heldHlc: m.hlc,
        detail: {
          deletedAt: tombstone.deleted_at ?? null,
          ...(parentDeleted ? { deletedParent: `${tombstone.table_name}:${tombstone.row_id}` } : {}),
        },
        ...(tombstone.table_name === 'jobseekers' ? { caseId: tombstone.row_id } : {}),
      },
      now,
    );
  }
  return {
    clientSeq: m.clientSeq,
    status: 'review',
    seq: Number(tombstone.seq),
    reviewFields: held.map(([f]) => f),
  };
}

/** An edit made before the row left the caller's scopes: each changed field waits for the new owner. */
async function holdForNewOwner(
  work: PushWork,
  caller: SyncCaller,
  m: Mutation,
  existing: SyncRow,
  now: string,
): Promise<MutationResult> {
  const data = JSON.parse(existing.data) as Record<string, unknown>;
  const meta = JSON.parse(existing.field_meta) as Meta;
  const reviewFields: string[] = [];
  for (const [field, value] of Object.entries(m.fields)) {
    if (sameValue(data[field], value)) continue;
    await openReview(
      work,
      {
        kind: 'scope-exit',
        table: m.table,
        rowId: m.rowId,
        about: existing,
        scope: existing,
        field,
        kept: data[field],
        keptAuthor: meta[field]?.author ?? '',
        keptHlc: meta[field]?.hlc ?? null,
        held: value,
        heldAuthor: caller.userId,
        heldHlc: m.hlc,
      },
      now,
    );
    reviewFields.push(field);
  }
  return reviewFields.length > 0
    ? { clientSeq: m.clientSeq, status: 'review', seq: Number(existing.seq), reviewFields }
    : { clientSeq: m.clientSeq, status: 'applied', seq: Number(existing.seq) };
}
