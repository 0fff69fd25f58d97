import type { SyncedTable } from '../tables.ts';
import { validStored, type ColumnDecl, type Role } from './columns.ts';
import { attachmentTables } from './attachments.ts';
import { appointmentTables } from './appointments.ts';
import { centerTables } from './center.ts';
import { employerTables } from './employers.ts';
import { groupTables } from './groups.ts';
import { jobseekerTables } from './jobseekers.ts';
import { lifecycleTables } from './lifecycle.ts';
import { programmeTables } from './programmes.ts';
import { mergeTables } from './merges.ts';
import { referralTables } from './referrals.ts';
import { serviceReferralTables } from './service-referrals.ts';
import { taskTables } from './tasks.ts';
import type { Problem, TableDecl } from './types.ts';

// One declaration per synced table (issue 13 §1), beside its conflict rules (../tables.ts): its columns
// with their types, formats and bounds, who may add a record and change each column, which columns
// define where the record belongs (changed only through their own flows, server/sync/flows.ts), which
// the server writes itself (author, device, center), and which it derives again. The server checks
// every pushed mutation against it before anything else; the check here needs no database.

export type { ColumnDecl, Role } from './columns.ts';
export type { Problem, TableDecl } from './types.ts';
export { CENTER_CODE, UUID_V7, validStored } from './columns.ts';

export const TABLE_DECLARATIONS: Readonly<Record<SyncedTable, TableDecl>> = {
  ...jobseekerTables,
  ...employerTables,
  ...referralTables,
  ...centerTables,
  ...lifecycleTables,
  ...attachmentTables,
  ...appointmentTables,
  ...taskTables,
  ...serviceReferralTables,
  ...programmeTables,
  ...groupTables,
  ...mergeTables,
};

export function declarationOf(table: SyncedTable): TableDecl {
  return TABLE_DECLARATIONS[table];
}

/** Bounds of one change, whatever its table (a request is at most MAX_PUSH_BATCH of them). */
export const MAX_FIELDS = 40;
export const MAX_ROW_BYTES = 128 * 1024;

function mayUpdate(c: ColumnDecl, role: Role): boolean {
  return c.update !== 'never' && c.update.includes(role);
}

/**
 * The change's fields against its table's declaration: every field declared, every value valid and in
 * its stored form, a new record complete, a changed field one the caller's role may change. Columns that
 * define the record's scope are left to their flows (server/sync/flows.ts). Null: the fields fit.
 */
export function checkFields(
  table: SyncedTable,
  op: 'insert' | 'update',
  fields: Record<string, unknown>,
  role: Role,
): Problem | null {
  const decl = declarationOf(table);
  if (op === 'insert' && !decl.insert.includes(role)) return { code: 'roleMayNotAdd', values: { table } };
  for (const [field, value] of Object.entries(fields)) {
    const c = Object.hasOwn(decl.columns, field) ? decl.columns[field] : undefined;
    if (!c) return { code: 'undeclaredField', values: { field, table } };
    if (op === 'update' && !c.scope) {
      if (c.update === 'never') return { code: 'notUpdatable', values: { field } };
      if (!mayUpdate(c, role)) return { code: 'roleMayNotChange', values: { field } };
    }
    if (!validStored(c, value)) return { code: 'invalidValue', values: { field, table } };
  }
  if (op === 'insert') {
    const missing = Object.entries(decl.columns)
      .filter(([field, c]) => c.required && (fields[field] === undefined || fields[field] === null))
      .map(([field]) => field);
    if (missing.length > 0) return { code: 'missingFields', values: { table, fields: missing.join(', ') } };
  }
  return null;
}

/** The columns of `table` a given kind of server-owned value goes in. */
export function authoredColumns(table: SyncedTable): Array<[string, ColumnDecl]> {
  return Object.entries(declarationOf(table).columns).filter(([, c]) => c.author !== undefined);
}
