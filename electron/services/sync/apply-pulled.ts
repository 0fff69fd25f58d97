import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { PulledRow } from '../../../shared/sync/protocol.ts';
import { isSyncedTable, syncRule } from '../../../shared/sync/tables.ts';
import { removeTombstones } from './lifecycle.ts';

// Writes rows from the server into the local store, a page at a time: the page's known rows and unsent
// edits are looked up once, new rows go in as multi-row INSERTs, known rows are updated only where they
// differ. Unknown tables (from a newer server) are kept aside in meta instead of failing the page
// (sync.md § Versions). Unsent local edits of a row are laid back on top, so the counselor never sees
// their own pending change disappear.

const CHUNK = 400;
const INSERT_ROWS = 100;
const columnCache = new Map<string, Set<string>>();

async function columnsOf(trx: Transaction<Database>, table: string): Promise<Set<string>> {
  const cached = columnCache.get(table);
  if (cached) return cached;
  const rows = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(trx);
  const set = new Set(rows.rows.map((r) => r.name));
  columnCache.set(table, set);
  return set;
}

/** The local key column: `id` for records, `code` for a center. */
function keyOf(table: string): string {
  return isSyncedTable(table) ? ((syncRule(table) as { key?: string }).key ?? 'id') : 'id';
}

function assignments(values: Array<[string, unknown]>) {
  return sql.join(values.map(([k, v]) => sql`${sql.ref(k)} = ${v}`));
}

function toValues(row: PulledRow, columns: Set<string>, key: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row.data)) {
    if (columns.has(field) && field !== 'seq' && field !== 'id') {
      values[field] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    }
  }
  values[key] = row.id;
  values['seq'] = row.seq;
  return values;
}

function groupBy<T>(items: T[], keyOfItem: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOfItem(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function applyPulledRow(trx: Transaction<Database>, row: PulledRow): Promise<void> {
  return applyPulledPage(trx, [row]);
}

export async function applyPulledPage(trx: Transaction<Database>, page: PulledRow[]): Promise<void> {
  // Tombstones (rows really deleted on the server) are removed, never written (sync/lifecycle.ts).
  const rows = await removeTombstones(trx, page);
  const pending = new Set<string>();
  const ids = [...new Set(rows.map((r) => r.id))];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const found = await trx
      .selectFrom('outbox')
      .select(['table_name', 'row_id'])
      .where('status', '=', 'pending')
      .where('op', '=', 'update')
      .where('row_id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of found) pending.add(`${r.table_name}:${r.row_id}`);
  }

  for (const [table, tableRows] of groupBy(rows, (r) => r.table)) {
    const columns = isSyncedTable(table) ? await columnsOf(trx, table) : new Set<string>();
    if (columns.size === 0) {
      for (const row of tableRows) {
        await sql`insert into meta (key, value) values (${`aside:${row.table}:${row.id}`}, ${JSON.stringify(row)})
                  on conflict(key) do update set value = excluded.value`.execute(trx);
      }
      continue;
    }
    const key = keyOf(table);
    const ref = sql.table(table);
    const before = new Map<string, Record<string, unknown>>();
    const tableIds = [...new Set(tableRows.map((r) => r.id))];
    for (let i = 0; i < tableIds.length; i += CHUNK) {
      const found = await sql<
        Record<string, unknown>
      >`select * from ${ref} where ${sql.ref(key)} in (${sql.join(tableIds.slice(i, i + CHUNK))})`.execute(
        trx,
      );
      for (const r of found.rows) before.set(String(r[key]), r);
    }

    const fresh: Array<Record<string, unknown>> = [];
    for (const row of tableRows) {
      const values = toValues(row, columns, key);
      const current = before.get(row.id);
      if (!current) {
        // The row's HLC is this device's clock for its own writes; a row first seen here starts at zero.
        if (columns.has('hlc') && values['hlc'] === undefined) values['hlc'] = '000000000000000:00000:server';
        fresh.push(values);
        before.set(row.id, values);
      } else {
        // Only what differs: append-only tables refuse any change but seq, and an equal write is no write.
        const changed = Object.entries(values).filter(([k, v]) => k !== key && current[k] !== v);
        if (changed.length > 0) {
          await sql`update ${ref} set ${assignments(changed)} where ${sql.ref(key)} = ${row.id}`.execute(trx);
          before.set(row.id, { ...current, ...values });
        }
      }
    }
    // New rows as multi-row INSERTs, one statement per 100 rows of the same shape: statements, not
    // rows, are what a first download pays for.
    for (const [shape, list] of groupBy(fresh, (v) => Object.keys(v).join(','))) {
      const keys = shape.split(',');
      for (let i = 0; i < list.length; i += INSERT_ROWS) {
        const chunk = list.slice(i, i + INSERT_ROWS);
        await sql`insert into ${ref} (${sql.join(keys.map((k) => sql.ref(k)))}) values ${sql.join(
          chunk.map((v) => sql`(${sql.join(keys.map((k) => v[k]))})`),
        )}`.execute(trx);
      }
    }
    for (const row of tableRows) {
      if (pending.has(`${table}:${row.id}`)) await reapplyPending(trx, table, row.id, key, columns);
    }
  }
}

async function reapplyPending(
  trx: Transaction<Database>,
  table: string,
  id: string,
  key: string,
  columns: Set<string>,
): Promise<void> {
  // Append-only records have no pending edits to lay back (an update to one is refused by the server).
  if (!isSyncedTable(table) || syncRule(table).mode === 'append-only') return;
  const entries = await trx
    .selectFrom('outbox')
    .select(['fields'])
    .where('table_name', '=', table)
    .where('row_id', '=', id)
    .where('status', '=', 'pending')
    .where('op', '=', 'update')
    .orderBy('client_seq')
    .execute();
  for (const entry of entries) {
    const fields = Object.entries(JSON.parse(entry.fields) as Record<string, unknown>).filter(([k]) =>
      columns.has(k),
    );
    if (fields.length > 0)
      await sql`update ${sql.table(table)} set ${assignments(fields)} where ${sql.ref(key)} = ${id}`.execute(
        trx,
      );
  }
}
