import { uuidv7 } from 'uuidv7';
import { insertReviewItem, type SyncRow } from '../../db/server/repositories/sync.ts';
import type { Mutation, MutationResult } from '../../shared/sync/protocol.ts';
import type { PushWork } from './push-work.ts';
import {
  RESERVED_FIELDS,
  isSyncedTable,
  syncRule,
  type ScopeRule,
  type SyncedTable,
} from '../../shared/sync/tables.ts';

// Applies one desktop mutation to the sync store (sync.md § Conflicts):
//   descriptive fields: the later HLC wins; the losing value goes to value_history;
//   decisive fields: if someone else changed the field after the client's base seq to another value,
//     the first committed value stays and a review item holds both;
//   append-only rows: inserted once by id; a second insert of the same id is the same row.
// Authorisation is decided here from the stored row (never from the client): the caller's center,
// their own caseload, or their region's employers and openings.

export interface SyncCaller {
  userId: string;
  deviceId: string;
  role: 'counselor' | 'supervisor' | 'admin';
  centerCode: string;
  region: string;
}

interface FieldMeta {
  hlc: string;
  seq: number;
  author: string;
}
type Meta = Record<string, FieldMeta>;

class Refusal extends Error {}

type Scope = Pick<SyncRow, 'scope_center' | 'scope_owner' | 'scope_region' | 'parent_key'>;

function mayWrite(caller: SyncCaller, scope: Scope): boolean {
  if (caller.role === 'admin') return false; // admins manage accounts, never cases
  return (
    (scope.scope_center !== null && scope.scope_center === caller.centerCode) ||
    (scope.scope_owner !== null && scope.scope_owner === caller.userId) ||
    (scope.scope_region !== null && scope.scope_region === caller.region)
  );
}

async function scopeFor(work: PushWork, table: SyncedTable, data: Record<string, unknown>): Promise<Scope> {
  const rule: ScopeRule = syncRule(table).scope;
  if (rule.kind === 'center') {
    const centerValue = data[rule.field ?? 'center_code'];
    const center = typeof centerValue === 'string' ? centerValue : null;
    if (!center) throw new Refusal('The record has no center.');
    const owner = typeof data['assigned_counselor_id'] === 'string' ? data['assigned_counselor_id'] : null;
    return { scope_center: center, scope_owner: owner, scope_region: null, parent_key: null };
  }
  if (rule.kind === 'region') {
    const sido = typeof data['sido'] === 'string' ? data['sido'] : null;
    if (!sido) throw new Refusal('The record has no region.');
    return { scope_center: null, scope_owner: null, scope_region: sido, parent_key: null };
  }
  const parentId = data[rule.parentField];
  if (typeof parentId !== 'string') throw new Refusal(`The record does not name its ${rule.parentField}.`);
  const parent = await work.getRow(rule.parentTable, parentId);
  if (!parent) throw new Refusal(`The ${rule.parentTable} record it belongs to is not on the server.`);
  return {
    scope_center: parent.scope_center,
    scope_owner: parent.scope_owner,
    scope_region: parent.scope_region,
    parent_key: `${rule.parentTable}:${parentId}`,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export async function applyMutation(
  work: PushWork,
  caller: SyncCaller,
  m: Mutation,
  now: string,
): Promise<MutationResult> {
  try {
    if (!isSyncedTable(m.table))
      throw new Refusal(`Records of kind ${m.table} are not synced by this server.`);
    const reserved = Object.keys(m.fields).filter((f) => (RESERVED_FIELDS as readonly string[]).includes(f));
    if (reserved.length > 0)
      throw new Refusal(`The fields ${reserved.join(', ')} are set by the server only.`);
    const rule = syncRule(m.table);
    const existing = await work.getRow(m.table, m.rowId);

    if (m.op === 'insert') {
      if (existing) {
        // The same client-made id twice is one row (a re-sent insert, or an append-only record again).
        if (!mayWrite(caller, existing))
          throw new Refusal('This record belongs to another center or caseload.');
        return { clientSeq: m.clientSeq, status: 'duplicate', seq: Number(existing.seq) };
      }
      const data = { ...m.fields, id: m.rowId };
      const scope = await scopeFor(work, m.table, data);
      if (!mayWrite(caller, scope)) throw new Refusal('This record belongs to another center or caseload.');
      const seq = await work.nextSeq();
      const meta: Meta = Object.fromEntries(
        Object.keys(m.fields).map((f) => [f, { hlc: m.hlc, seq, author: caller.userId }]),
      );
      await work.insertRow({
        table_name: m.table,
        row_id: m.rowId,
        seq,
        ...scope,
        data: JSON.stringify(data),
        field_meta: JSON.stringify(meta),
        updated_at: now,
      });
      return { clientSeq: m.clientSeq, status: 'applied', seq };
    }

    if (!existing) throw new Refusal('The record to change is not on the server (it may have been deleted).');
    if (!mayWrite(caller, existing)) throw new Refusal('This record belongs to another center or caseload.');
    if (rule.mode === 'append-only')
      throw new Refusal('This record cannot be changed; add a new one instead.');

    const data = JSON.parse(existing.data) as Record<string, unknown>;
    const meta = JSON.parse(existing.field_meta) as Meta;
    const seq = await work.nextSeq();
    const applied: string[] = [];
    const reviewFields: string[] = [];
    for (const [field, value] of Object.entries(m.fields)) {
      const current = meta[field] ?? { hlc: '', seq: 0, author: '' };
      if (sameValue(data[field], value)) continue;
      if (rule.decisive.includes(field)) {
        if (current.seq > m.baseSeq) {
          await insertReviewItem(work.trx, {
            id: uuidv7(),
            table: m.table,
            rowId: m.rowId,
            field,
            keptValue: data[field],
            keptAuthor: current.author,
            heldValue: value,
            heldAuthor: caller.userId,
            scopeCenter: existing.scope_center ?? caller.centerCode,
            at: now,
          });
          reviewFields.push(field);
          continue;
        }
      } else if (m.hlc <= current.hlc) {
        // A later write already won: keep this one in history, with its author.
        work.addHistory(historyRow(m.table, m.rowId, field, value, m.hlc, caller.userId, now));
        continue;
      }
      work.addHistory(
        historyRow(
          m.table,
          m.rowId,
          field,
          data[field],
          current.hlc || '0',
          current.author || 'unknown',
          now,
        ),
      );
      data[field] = value;
      meta[field] = { hlc: m.hlc, seq, author: caller.userId };
      applied.push(field);
    }
    if (applied.length === 0) {
      return reviewFields.length > 0
        ? { clientSeq: m.clientSeq, status: 'review', seq: Number(existing.seq), reviewFields }
        : { clientSeq: m.clientSeq, status: 'applied', seq: Number(existing.seq) };
    }
    const scope = syncRule(m.table).scope.kind === 'parent' ? existing : await scopeFor(work, m.table, data);
    await work.updateRow(m.table, m.rowId, {
      seq,
      data: JSON.stringify(data),
      field_meta: JSON.stringify(meta),
      scope_center: scope.scope_center,
      scope_owner: scope.scope_owner,
      scope_region: scope.scope_region,
      updated_at: now,
    });
    const scopeMoved =
      scope.scope_center !== existing.scope_center ||
      scope.scope_owner !== existing.scope_owner ||
      scope.scope_region !== existing.scope_region;
    if (scopeMoved) await rescopeChildren(work, `${m.table}:${m.rowId}`, scope, now);
    return reviewFields.length > 0
      ? { clientSeq: m.clientSeq, status: 'review', seq, reviewFields }
      : { clientSeq: m.clientSeq, status: 'applied', seq };
  } catch (error) {
    if (error instanceof Refusal) return { clientSeq: m.clientSeq, status: 'refused', reason: error.message };
    throw error;
  }
}

/** A reassigned case takes its notes, assessments and referrals along, with new seqs so the new owner pulls them. */
async function rescopeChildren(work: PushWork, parentKey: string, scope: Scope, now: string): Promise<void> {
  for (const child of await work.children(parentKey)) {
    const seq = await work.nextSeq();
    await work.updateRow(child.table_name, child.row_id, {
      seq,
      scope_center: scope.scope_center,
      scope_owner: scope.scope_owner,
      scope_region: scope.scope_region,
      updated_at: now,
    });
    await rescopeChildren(work, `${child.table_name}:${child.row_id}`, scope, now);
  }
}

function historyRow(
  table: string,
  rowId: string,
  field: string,
  value: unknown,
  hlc: string,
  authorId: string,
  at: string,
) {
  return {
    table_name: table,
    row_id: rowId,
    field,
    value: JSON.stringify(value ?? null),
    hlc,
    author_id: authorId,
    superseded_at: at,
  };
}
