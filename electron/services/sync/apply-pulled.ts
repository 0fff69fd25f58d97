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
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row.data)) {
    if (columns.has(key) && key !== 'seq') values[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  values['id'] = row.id;
  values['seq'] = row.seq;
  const existing = await sql<{
    id: string;
  }>`select id from ${sql.table(row.table)} where id = ${row.id}`.execute(trx);
  if (existing.rows.length === 0) {
    // The row's HLC is this device's clock for its own writes; a row first seen here starts at zero.
    if (columns.has('hlc') && values['hlc'] === undefined) values['hlc'] = '000000000000000:00000:server';
    const keys = Object.keys(values);
    await sql`insert into ${sql.table(row.table)} (${sql.join(keys.map((k) => sql.ref(k)))}) values (${sql.join(keys.map((k) => values[k]))})`.execute(
      trx,
    );
  } else {
    const current = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(row.table)} where id = ${row.id}`.execute(trx);
    const before = current.rows[0] ?? {};
    // Only what differs: append-only tables refuse any change but seq, and an equal write is no write.
    const changed = Object.entries(values).filter(([k, v]) => k !== 'id' && before[k] !== v);
    if (changed.length > 0) {
      await sql`update ${sql.table(row.table)} set ${sql.join(changed.map(([k, v]) => sql`${sql.ref(k)} = ${v}`))} where id = ${row.id}`.execute(
        trx,
      );
    }
  }
  await reapplyPending(trx, row.table, row.id, columns);
  return 'applied';
}

async function reapplyPending(
  trx: Transaction<Database>,
  table: string,
  id: string,
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
    if (fields.length === 0) continue;
    await sql`update ${sql.table(table)} set ${sql.join(fields.map(([k, v]) => sql`${sql.ref(k)} = ${v}`))} where id = ${id}`.execute(
      trx,
    );
  }
}
