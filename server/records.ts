import { uuidv7 } from 'uuidv7';
import type { SqlDialect } from '../db/migrations/types.ts';
import { requiredDesktopColumns } from '../db/required-columns.ts';
import type { ServerDb } from '../db/server/connection.ts';
import {
  eraseTraces,
  logDeletion,
  reviveRow,
  tombstoneRow,
  type ScopeOf,
} from '../db/server/repositories/lifecycle.ts';
import {
  childrenOf,
  getSyncRow,
  lockSequencer,
  nextSeq,
  type SyncRow,
} from '../db/server/repositories/sync.ts';
import { formatHlc } from '../shared/sync/hlc.ts';
import { RESERVED_FIELDS, isSyncedTable, syncRule, type SyncedTable } from '../shared/sync/tables.ts';
import { AdminInputError } from './admin.ts';

// Real deletes and restores (sync.md § Conflicts): `caseworker-server record delete|restore`. Deleting
// case data in the app is archiving; a real delete is for retention expiry and erasure requests. It
// turns the row, and every row under it (a case's notes, assessments, referrals and their events), into
// a tombstone: key, scope and a new seq, no personal data. Superseded values and review-item values of
// those rows are erased with it. Desktops pull the tombstones and remove the rows; an edit made offline
// to a deleted row opens a review item and never brings it back. Only `record restore` does, with the
// record's fields given again (the server kept none).

export interface RecordCommand {
  table: string;
  id: string;
  reason: string;
  actor: string;
}

function checkCommand(c: RecordCommand): SyncedTable {
  // Centers are set up by `center add`; the audit trail has its own retention and is never erased here.
  if (!isSyncedTable(c.table) || c.table === 'centers' || c.table === 'audit_entries')
    throw new AdminInputError(`Records of kind ${c.table} cannot be deleted or restored here.`);
  if (c.reason.trim() === '' || c.reason.length > 500)
    throw new AdminInputError(
      'Give the reason (retention expiry, erasure request …) in 1 to 500 characters.',
    );
  if (c.id.trim() === '') throw new AdminInputError('Give the record id.');
  return c.table;
}

/** What a tombstone keeps: the key and the fields that place it (center, owner, region, parent). */
function skeletonOf(table: SyncedTable, row: SyncRow): Record<string, unknown> {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const rule = syncRule(table).scope;
  const keep = ['id'];
  if (rule.kind === 'center') keep.push(rule.field ?? 'center_code', 'assigned_counselor_id');
  else if (rule.kind === 'region') keep.push('sido');
  else keep.push(rule.parentField);
  return Object.fromEntries(keep.filter((k) => k in data).map((k) => [k, data[k]]));
}

async function descendants(db: Parameters<typeof childrenOf>[0], row: SyncRow): Promise<SyncRow[]> {
  const out: SyncRow[] = [];
  for (const child of await childrenOf(db, `${row.table_name}:${row.row_id}`)) {
    out.push(child, ...(await descendants(db, child)));
  }
  return out;
}

export async function deleteRecord(
  db: ServerDb,
  dialect: SqlDialect,
  c: RecordCommand,
  now: Date,
): Promise<{ rows: number; seq: number }> {
  const table = checkCommand(c);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await lockSequencer(trx, dialect);
    const row = await getSyncRow(trx, table, c.id);
    if (!row) throw new AdminInputError(`No ${table} record ${c.id} on the server.`);
    if (row.deleted_at)
      throw new AdminInputError(`The ${table} record ${c.id} was already deleted at ${row.deleted_at}.`);
    const doomed = [row, ...(await descendants(trx, row))].filter((r) => !r.deleted_at);
    let seq = 0;
    for (const r of doomed) {
      seq = await nextSeq(trx);
      const rowTable = isSyncedTable(r.table_name) ? r.table_name : table;
      await tombstoneRow(trx, r.table_name, r.row_id, { seq, skeleton: skeletonOf(rowTable, r), at });
      await eraseTraces(trx, r.table_name, r.row_id, c.actor, at);
      await logDeletion(trx, {
        id: uuidv7(),
        action: 'delete',
        table: r.table_name,
        rowId: r.row_id,
        seq,
        reason: c.reason.trim(),
        actor: c.actor,
        at,
      });
    }
    return { rows: doomed.length, seq };
  });
}

function scopeOf(table: SyncedTable, data: Record<string, unknown>, parent: SyncRow | undefined): ScopeOf {
  const rule = syncRule(table).scope;
  if (rule.kind === 'center') {
    const center = data[rule.field ?? 'center_code'];
    const owner = data['assigned_counselor_id'];
    return {
      scope_center: typeof center === 'string' ? center : null,
      scope_owner: typeof owner === 'string' ? owner : null,
      scope_region: null,
    };
  }
  if (rule.kind === 'region') {
    const sido = data['sido'];
    return { scope_center: null, scope_owner: null, scope_region: typeof sido === 'string' ? sido : null };
  }
  return {
    scope_center: parent?.scope_center ?? null,
    scope_owner: parent?.scope_owner ?? null,
    scope_region: parent?.scope_region ?? null,
  };
}

export async function restoreRecord(
  db: ServerDb,
  dialect: SqlDialect,
  c: RecordCommand & { data: Record<string, unknown> | null },
  now: Date,
): Promise<{ seq: number }> {
  const table = checkCommand(c);
  const given = c.data ?? {};
  const reserved = Object.keys(given).filter(
    (k) => (RESERVED_FIELDS as readonly string[]).includes(k) && !(k === 'id' && given[k] === c.id),
  );
  if (reserved.length > 0)
    throw new AdminInputError(`The fields ${reserved.join(', ')} are set by the server.`);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await lockSequencer(trx, dialect);
    const row = await getSyncRow(trx, table, c.id);
    if (!row) throw new AdminInputError(`No ${table} record ${c.id} on the server.`);
    if (!row.deleted_at) throw new AdminInputError(`The ${table} record ${c.id} is not deleted.`);
    const rule = syncRule(table).scope;
    const data: Record<string, unknown> = {
      ...(JSON.parse(row.data) as Record<string, unknown>),
      ...given,
      id: c.id,
    };
    let parent: SyncRow | undefined;
    if (rule.kind === 'parent') {
      const parentId = data[rule.parentField];
      parent = typeof parentId === 'string' ? await getSyncRow(trx, rule.parentTable, parentId) : undefined;
      if (!parent || parent.deleted_at)
        throw new AdminInputError(`Restore the ${rule.parentTable} record it belongs to first.`);
    }
    const missing = (await requiredDesktopColumns(table)).filter(
      (col) => col !== 'hlc' && (data[col] === undefined || data[col] === null),
    );
    if (missing.length > 0)
      throw new AdminInputError(
        `The server kept no personal data of the deleted record: give its fields with --data FILE (a JSON object); missing: ${missing.join(', ')}.`,
      );
    const scope = scopeOf(table, data, parent);
    if (!scope.scope_center && !scope.scope_owner && !scope.scope_region)
      throw new AdminInputError('The restored record names no center, owner or region.');
    const seq = await nextSeq(trx);
    const hlc = formatHlc({ wall: now.getTime(), counter: 0, node: 'server' });
    const fieldMeta = Object.fromEntries(
      Object.keys(data)
        .filter((k) => k !== 'id')
        .map((k) => [k, { hlc, seq, author: c.actor }]),
    );
    await reviveRow(trx, table, c.id, { seq, data, fieldMeta, scope, at });
    await logDeletion(trx, {
      id: uuidv7(),
      action: 'restore',
      table,
      rowId: c.id,
      seq,
      reason: c.reason.trim(),
      actor: c.actor,
      at,
    });
    return { seq };
  });
}
