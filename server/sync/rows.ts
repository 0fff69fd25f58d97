import { uuidv7 } from 'uuidv7';
import { openReviewItem, recordScopeExit, type ScopeOf } from '../../db/server/repositories/lifecycle.ts';
import type { SyncRow } from '../../db/server/repositories/sync.ts';
import type { ReviewKind } from '../../shared/sync/protocol.ts';
import { parseHlc } from '../../shared/sync/hlc.ts';
import {
  centerScopeHolds,
  RESERVED_FIELDS,
  syncRule,
  type ScopeRule,
  type SyncedTable,
} from '../../shared/sync/tables.ts';
import type { PushWork } from './push-work.ts';
import { refusalText, type RefusalCode } from '../../shared/sync/refusals.ts';

// The pieces of a server-side write that pushes, resolutions and the record commands share: who may
// write a row, where a row belongs, committing a changed row (moving its children along and recording
// that it left its old scopes), and opening a review item with everything a person needs to decide.

export interface SyncCaller {
  userId: string;
  deviceId: string;
  role: 'counselor' | 'supervisor' | 'admin';
  centerCode: string;
  region: string;
}

export interface FieldMeta {
  hlc: string;
  seq: number;
  author: string;
  /** The device the value came through (from the token); absent on values written before it was kept. */
  device?: string;
}
export type Meta = Record<string, FieldMeta>;

/**
 * A change the server will not apply; the reason goes back to the counselor, worded from the shared
 * catalog (shared/sync/refusals.ts) so the desk recognises it.
 */
export class Refusal extends Error {
  override readonly name = 'Refusal';
  readonly code: RefusalCode;
  constructor(code: RefusalCode, values: Record<string, string> = {}) {
    super(refusalText(code, values));
    this.code = code;
  }
}

/** The record a new row belongs to was really deleted. */
export class ParentDeleted extends Error {
  readonly parent: SyncRow;
  constructor(parent: SyncRow) {
    super('parent deleted');
    this.parent = parent;
  }
}

export type Scope = Pick<SyncRow, 'scope_center' | 'scope_owner' | 'scope_region' | 'parent_key'>;

const ADMIN_WRITES: ReadonlySet<string> = new Set(['audit_entries', 'centers', 'checkins', 'checkin_events']);

export function mayWrite(caller: SyncCaller, scope: ScopeOf, table?: string): boolean {
  // Admins manage accounts and their center's settings, never cases (domain.md §1); their audit entries
  // (account and settings changes) reach the server too (§10). Both only in their own center. A kiosk
  // PC set up by an admin pushes its tickets in the admin's name (issue 18): adding them reads nothing
  // (roles.ts keeps every ticket from an admin's desktop) and their columns stay the desks' to change.
  if (caller.role === 'admin')
    return ADMIN_WRITES.has(table ?? '') && scope.scope_center === caller.centerCode;
  return (
    (scope.scope_center !== null && scope.scope_center === caller.centerCode) ||
    (scope.scope_owner !== null && scope.scope_owner === caller.userId) ||
    (scope.scope_region !== null && scope.scope_region === caller.region)
  );
}

/**
 * Whether the caller's desktop may receive this row (a push's answer; pull and snapshot apply the same
 * rule in SQL): a row it may write, except another person's audit entry for anyone but a supervisor.
 */
export function mayRead(caller: SyncCaller, row: ScopeOf, table: string): boolean {
  if (!mayWrite(caller, row, table)) return false;
  return centerScopeHolds(table, caller.role) || row.scope_owner === caller.userId;
}

export async function scopeFor(
  work: PushWork,
  table: SyncedTable,
  data: Record<string, unknown>,
): Promise<Scope> {
  const rule: ScopeRule = syncRule(table).scope;
  if (rule.kind === 'center') {
    const centerValue = data[rule.field ?? 'center_code'];
    const center = typeof centerValue === 'string' ? centerValue : null;
    if (!center) throw new Refusal('noCenter');
    const ownerValue = data[rule.ownerField ?? 'assigned_counselor_id'];
    const owner = typeof ownerValue === 'string' ? ownerValue : null;
    return { scope_center: center, scope_owner: owner, scope_region: null, parent_key: null };
  }
  if (rule.kind === 'region') {
    const sido = typeof data['sido'] === 'string' ? data['sido'] : null;
    if (!sido) throw new Refusal('noRegion');
    return { scope_center: null, scope_owner: null, scope_region: sido, parent_key: null };
  }
  const parentId = data[rule.parentField];
  if (typeof parentId !== 'string') throw new Refusal('noParentField', { field: rule.parentField });
  const parent = await work.getRow(rule.parentTable, parentId);
  if (!parent) throw new Refusal('parentMissing', { table: rule.parentTable });
  if (parent.deleted_at) throw new ParentDeleted(parent);
  return {
    scope_center: parent.scope_center,
    scope_owner: parent.scope_owner,
    scope_region: parent.scope_region,
    parent_key: `${rule.parentTable}:${parentId}`,
  };
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function reservedIn(fields: Record<string, unknown>): string[] {
  return Object.keys(fields).filter((f) => (RESERVED_FIELDS as readonly string[]).includes(f));
}

/** When a value was written, from its HLC (the author's clock, corrected by the server's time). */
export function hlcTime(hlc: string | null | undefined): string | null {
  if (!hlc) return null;
  try {
    const wall = parseHlc(hlc).wall;
    return wall > 0 ? new Date(wall).toISOString() : null;
  } catch {
    return null;
  }
}

export function historyRow(
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

function scopeMoved(a: ScopeOf, b: ScopeOf): boolean {
  return (
    a.scope_center !== b.scope_center || a.scope_owner !== b.scope_owner || a.scope_region !== b.scope_region
  );
}

/**
 * Writes a changed row at `seq`. When its scope moved (a case reassigned or transferred), its children
 * move along with new seqs so the new owner pulls them, and each moved row records the scope it left:
 * the desktops that held it remove it at their next pull, and an edit they made before the move is held
 * for the new owner instead of being refused.
 */
export async function commitRow(
  work: PushWork,
  table: SyncedTable,
  existing: SyncRow,
  data: Record<string, unknown>,
  meta: Meta,
  seq: number,
  now: string,
): Promise<void> {
  const scope = syncRule(table).scope.kind === 'parent' ? existing : await scopeFor(work, table, data);
  await work.updateRow(table, existing.row_id, {
    seq,
    data: JSON.stringify(data),
    field_meta: JSON.stringify(meta),
    scope_center: scope.scope_center,
    scope_owner: scope.scope_owner,
    scope_region: scope.scope_region,
    updated_at: now,
  });
  if (scopeMoved(scope, existing)) {
    await recordScopeExit(work.trx, { table, rowId: existing.row_id, seq, old: existing, at: now });
    await rescopeChildren(work, `${table}:${existing.row_id}`, scope, now);
  }
}

export async function rescopeChildren(
  work: PushWork,
  parentKey: string,
  scope: ScopeOf,
  now: string,
): Promise<void> {
  for (const child of await work.children(parentKey)) {
    const seq = await work.nextSeq();
    await work.updateRow(child.table_name, child.row_id, {
      seq,
      scope_center: scope.scope_center,
      scope_owner: scope.scope_owner,
      scope_region: scope.scope_region,
      updated_at: now,
    });
    await recordScopeExit(work.trx, {
      table: child.table_name,
      rowId: child.row_id,
      seq,
      old: child,
      at: now,
    });
    await rescopeChildren(work, `${child.table_name}:${child.row_id}`, scope, now);
  }
}

/**
 * Sets fields to the given values whatever their HLC (a person's resolution, not a concurrent edit): the
 * replaced values go to history. Returns the new seq, or null when every value was already there.
 */
export async function forceFields(
  work: PushWork,
  caller: SyncCaller,
  table: SyncedTable,
  existing: SyncRow,
  fields: Record<string, unknown>,
  hlc: string,
  now: string,
): Promise<number | null> {
  const data = JSON.parse(existing.data) as Record<string, unknown>;
  const meta = JSON.parse(existing.field_meta) as Meta;
  const changed = Object.entries(fields).filter(([f, v]) => !sameValue(data[f], v));
  if (changed.length === 0) return null;
  const seq = await work.nextSeq();
  for (const [field, value] of changed) {
    const current = meta[field] ?? { hlc: '', seq: 0, author: '' };
    work.addHistory(
      historyRow(
        table,
        existing.row_id,
        field,
        data[field],
        current.hlc || '0',
        current.author || 'unknown',
        now,
      ),
    );
    data[field] = value;
    // The HLC never goes backwards on a field: a later concurrent edit still compares against the latest.
    meta[field] = {
      hlc: current.hlc > hlc ? current.hlc : hlc,
      seq,
      author: caller.userId,
      device: caller.deviceId,
    };
  }
  await commitRow(work, table, existing, data, meta, seq, now);
  return seq;
}

/** Inserts a new row after its checks (scope, permission) were made by the caller of this function. */
export async function insertRow(
  work: PushWork,
  caller: SyncCaller,
  table: SyncedTable,
  rowId: string,
  fields: Record<string, unknown>,
  scope: Scope,
  hlc: string,
  now: string,
): Promise<number> {
  const seq = await work.nextSeq();
  const meta: Meta = Object.fromEntries(
    Object.keys(fields).map((f) => [f, { hlc, seq, author: caller.userId, device: caller.deviceId }]),
  );
  await work.insertRow({
    table_name: table,
    row_id: rowId,
    seq,
    ...scope,
    data: JSON.stringify({ ...fields, id: rowId }),
    field_meta: JSON.stringify(meta),
    updated_at: now,
  });
  return seq;
}

/** The jobseeker a row is about: itself, or the case its parents lead to (a note, a referral's event). */
export async function caseIdOf(
  work: PushWork,
  table: string,
  rowId: string,
  row: { parent_key: string | null } | undefined,
): Promise<string | null> {
  if (table === 'jobseekers') return rowId;
  let key = row?.parent_key ?? null;
  for (let depth = 0; key && depth < 4; depth++) {
    const colon = key.indexOf(':');
    const parentTable = key.slice(0, colon);
    const parentId = key.slice(colon + 1);
    if (parentTable === 'jobseekers') return parentId;
    key = (await work.getRow(parentTable, parentId))?.parent_key ?? null;
  }
  return null;
}

export interface ReviewDraft {
  kind: ReviewKind;
  table: string;
  rowId: string;
  /** The row the item is about (or the deleted parent an insert was aimed at): its scope and case. */
  about: Scope | undefined;
  scope: ScopeOf;
  field: string;
  kept: unknown;
  keptAuthor: string;
  keptHlc?: string | null;
  keptAt?: string | null;
  held: unknown;
  heldAuthor: string;
  heldHlc?: string | null;
  heldAt?: string | null;
  detail?: Record<string, unknown> | null;
  caseId?: string | null;
  id?: string;
}

export async function openReview(work: PushWork, d: ReviewDraft, now: string): Promise<void> {
  await openReviewItem(work.trx, {
    id: d.id ?? uuidv7(),
    kind: d.kind,
    table: d.table,
    rowId: d.rowId,
    caseId: d.caseId !== undefined ? d.caseId : await caseIdOf(work, d.table, d.rowId, d.about),
    field: d.field,
    keptValue: d.kept,
    keptAuthor: d.keptAuthor,
    keptAt: d.keptAt ?? hlcTime(d.keptHlc),
    heldValue: d.held,
    heldAuthor: d.heldAuthor,
    heldAt: d.heldAt ?? hlcTime(d.heldHlc),
    scope: d.scope,
    detail: d.detail ?? null,
    at: now,
  });
}
