import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { PulledRow } from '../../../shared/sync/protocol.ts';
import { isSyncedTable, syncRule } from '../../../shared/sync/tables.ts';

// Writes pulled rows into the local store. Unknown tables and columns (from a newer server) are kept
// aside in meta instead of failing the page (sync.md § Versions). Unsent local edits of a pulled row
// are laid back on top, so the counselor never sees their own pending change disappear.

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

export async function applyPulledRow(
  trx: Transaction<Database>,
  row: PulledRow,
): Promise<'applied' | 'kept-aside'> {
  const columns = isSyncedTable(row.table) ? await columnsOf(trx, row.table) : new Set<string>();
  if (columns.size === 0) {
    await sql`insert into meta (key, value) values (${`aside:${row.table}:${row.id}`}, ${JSON.stringify(row)})
              on conflict(key) do update set value = excluded.value`.execute(trx);
    return 'kept-aside';
  }
  const key = keyOf(row.table);
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row.data)) {
    if (columns.has(field) && field !== 'seq' && field !== 'id')
      values[field] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  values[key] = row.id;
  values['seq'] = row.seq;

  const table = sql.table(row.table);
  const current = await sql<
    Record<string, unknown>
  >`select * from ${table} where ${sql.ref(key)} = ${row.id}`.execute(trx);
  const before = current.rows[0];
  if (!before) {
    // The row's HLC is this device's clock for its own writes; a row first seen here starts at zero.
    if (columns.has('hlc') && values['hlc'] === undefined) values['hlc'] = '000000000000000:00000:server';
    const keys = Object.keys(values);
    await sql`insert into ${table} (${sql.join(keys.map((k) => sql.ref(k)))}) values (${sql.join(keys.map((k) => values[k]))})`.execute(
      trx,
    );
  } else {
    // Only what differs: append-only tables refuse any change but seq, and an equal write is no write.
    const changed = Object.entries(values).filter(([k, v]) => k !== key && before[k] !== v);
    if (changed.length > 0)
      await sql`update ${table} set ${assignments(changed)} where ${sql.ref(key)} = ${row.id}`.execute(trx);
  }
  await reapplyPending(trx, row.table, row.id, key, columns);
  return 'applied';
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
  const pending = await trx
    .selectFrom('outbox')
    .select(['fields'])
    .where('table_name', '=', table)
    .where('row_id', '=', id)
    .where('status', '=', 'pending')
    .where('op', '=', 'update')
    .orderBy('client_seq')
    .execute();
  for (const entry of pending) {
    const fields = Object.entries(JSON.parse(entry.fields) as Record<string, unknown>).filter(([k]) =>
      columns.has(k),
    );
    if (fields.length > 0)
      await sql`update ${sql.table(table)} set ${assignments(fields)} where ${sql.ref(key)} = ${id}`.execute(
        trx,
      );
  }
}

/**
 * Applies a page of pulled rows: known rows and rows with unsent edits are looked up once per page
 * instead of once per row, which is what makes a first download of 400,000 rows take seconds.
 */
export async function applyPulledPage(trx: Transaction<Database>, rows: PulledRow[]): Promise<void> {
  const pendingRows = new Set(
    (
      await trx
        .selectFrom('outbox')
        .select(['table_name', 'row_id'])
        .where('status', '=', 'pending')
        .where('op', '=', 'update')
        .execute()
    ).map((r) => `${r.table_name}:${r.row_id}`),
  );
  const byTable = new Map<string, PulledRow[]>();
  for (const row of rows) {
    const list = byTable.get(row.table);
    if (list) list.push(row);
    else byTable.set(row.table, [row]);
  }
  for (const [table, tableRows] of byTable) {
    const columns = isSyncedTable(table) ? await columnsOf(trx, table) : new Set<string>();
    if (columns.size === 0) {
      for (const row of tableRows) await applyPulledRow(trx, row);
      continue;
    }
    const key = keyOf(table);
    const existing = new Set<string>();
    for (let i = 0; i < tableRows.length; i += 500) {
      const ids = tableRows.slice(i, i + 500).map((r) => r.id);
      const found = await sql<
        Record<string, string>
      >`select ${sql.ref(key)} as k from ${sql.table(table)} where ${sql.ref(key)} in (${sql.join(ids)})`.execute(
        trx,
      );
      for (const r of found.rows) existing.add(String(r['k']));
    }
    // New rows go in as multi-row INSERTs (one statement per 100 rows of the same shape): statements,
    // not rows, are what a first download pays for.
    const fresh = new Map<string, Array<Record<string, unknown>>>();
    for (const row of tableRows) {
      if (existing.has(row.id) || pendingRows.has(`${table}:${row.id}`)) {
        await applyPulledRow(trx, row);
        continue;
      }
      const values: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(row.data)) {
        if (columns.has(field) && field !== 'seq' && field !== 'id')
          values[field] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
      }
      values[key] = row.id;
      values['seq'] = row.seq;
      if (columns.has('hlc') && values['hlc'] === undefined) values['hlc'] = '000000000000000:00000:server';
      const shape = Object.keys(values).join(',');
      const same = fresh.get(shape);
      if (same) same.push(values);
      else fresh.set(shape, [values]);
    }
    for (const [shape, list] of fresh) {
      const keys = shape.split(',');
      for (let i = 0; i < list.length; i += 100) {
        const chunk = list.slice(i, i + 100);
        await sql`insert into ${sql.table(table)} (${sql.join(keys.map((k) => sql.ref(k)))}) values ${sql.join(
          chunk.map((v) => sql`(${sql.join(keys.map((k) => v[k]))})`),
        )}`.execute(trx);
      }
    }
  }
}
