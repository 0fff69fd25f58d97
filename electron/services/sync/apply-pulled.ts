import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { PulledRow } from '../../../shared/sync/protocol.ts';
import { caseChildTables } from '../../../shared/sync/merge.ts';
import { isSyncedTable, syncRule } from '../../../shared/sync/tables.ts';
import { markServerPurgedAudit } from './audit-tombstones.ts';
import { removeTombstones } from './lifecycle.ts';
import { storeColumns } from './store-columns.ts';

// Writes rows from the server into the local store, a page at a time. Each table's rows go in as one
// statement per few hundred rows: the rows travel as one JSON parameter that SQLite unpacks itself
// (json_each), and an upsert inserts the new ones and updates the known ones only where they differ.
// One statement for many rows matters beyond parsing: the jobseekers' full-text index, maintained by a
// trigger, writes its pending terms out at the end of each statement, so row-at-a-time inserts cost
// it a flush per row. A row whose only difference is its seq (a pushed change coming back) gets only
// its seq set, so the search index is not rewritten for it. Unknown tables (from a newer server) are
// kept aside in meta instead of failing the page (sync.md § Versions). Unsent local edits of a row are
// laid back on top, so the counselor never sees their own pending change disappear.
//
// What a newer server sends that this version has no place for never fails a page (sync.md § Versions):
// a row of a table it does not know, and the fields of a known table's row that it has no column for,
// are kept in sync_aside as the server last sent them (a row sent again without them drops its entry;
// a deleted row drops it too), and are applied once an update adds the table or column (kept-aside.ts).

const CHUNK = 400;
/** Rows per statement: large enough to amortise the statement, small enough to keep the UI turning. */
const ROWS_PER_STATEMENT = 500;
const SERVER_HLC = '000000000000000:00000:server';
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** Per table, the columns naming a case that a merge moves (shared/sync/merge.ts). */
const MERGE_MOVED = new Map<string, string[]>();
for (const c of caseChildTables()) MERGE_MOVED.set(c.table, [...(MERGE_MOVED.get(c.table) ?? []), c.field]);

/** The local key column: `id` for records, `code` for a center. */
function keyOf(table: string): string {
  return isSyncedTable(table) ? ((syncRule(table) as { key?: string }).key ?? 'id') : 'id';
}

function assignments(values: Array<[string, unknown]>) {
  return sql.join(values.map(([k, v]) => sql`${sql.ref(k)} = ${v}`));
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

/** Row ids of the page that have unsent local edits (none at all on a first download: one probe). */
async function pendingEdits(trx: Transaction<Database>, rows: PulledRow[]): Promise<Set<string>> {
  const pending = new Set<string>();
  const any = await trx
    .selectFrom('outbox')
    .select('client_seq')
    .where('status', '=', 'pending')
    .where('op', '=', 'update')
    .limit(1)
    .executeTakeFirst();
  if (!any) return pending;
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
  return pending;
}

/**
 * Applies a page inside the caller's transaction. `pause`, when given, runs between statements: a large
 * page (a snapshot's) lets the event loop turn there instead of holding it for the whole page.
 */
export async function applyPulledPage(
  trx: Transaction<Database>,
  page: PulledRow[],
  pause?: () => Promise<void>,
): Promise<void> {
  // Whether anything is kept aside at all (one probe a page): only then can a row's entry need dropping.
  const anyAside =
    (await trx.selectFrom('sync_aside').select('row_id').limit(1).executeTakeFirst()) !== undefined;
  if (anyAside)
    await dropAside(
      trx,
      page.filter((r) => r.deleted),
    );
  // Tombstones (rows really deleted on the server) are removed, never written (sync/lifecycle.ts).
  // Audit entries the server's retention purged are marked, not removed (audit-tombstones.ts).
  const rows = await removeTombstones(trx, await markServerPurgedAudit(trx, page));
  if (rows.length === 0) return;
  const pending = await pendingEdits(trx, rows);

  // Cases first: a merge's tombstone (merged_into) must be here before the records it moved, whose
  // append-only rows may change their case only to the survivor of a merged case (migration 0015).
  const groups = [...groupBy(rows, (r) => r.table)].sort(
    ([a], [b]) => Number(b === 'jobseekers') - Number(a === 'jobseekers'),
  );
  for (const [table, all] of groups) {
    const tableRows = table === 'audit_entries' ? await withoutPurged(trx, all) : all;
    if (tableRows.length === 0) continue;
    const columns = isSyncedTable(table) ? await storeColumns(trx, table) : new Set<string>();
    if (columns.size === 0) {
      await keepAside(
        trx,
        tableRows.map((r) => ({ table, id: r.id, seq: r.seq, data: r.data, whole: true })),
      );
      continue;
    }
    const unknown: AsideEntry[] = [];
    const complete: PulledRow[] = [];
    for (const r of tableRows) {
      const extra = Object.entries(r.data).filter(([f]) => !columns.has(f) && f !== 'seq' && f !== 'id');
      if (extra.length > 0)
        unknown.push({ table, id: r.id, seq: r.seq, data: Object.fromEntries(extra), whole: false });
      else complete.push(r);
    }
    await keepAside(trx, unknown);
    if (anyAside) await dropAside(trx, complete);
    const key = keyOf(table);
    const appendOnly = isSyncedTable(table) && syncRule(table).mode === 'append-only';
    // Rows of the same shape (the same fields) share a statement.
    for (const [shape, list] of groupBy(tableRows, (r) => Object.keys(r.data).join(','))) {
      const fields = shape
        .split(',')
        .filter((f) => columns.has(f) && f !== 'seq' && f !== 'id' && f !== key && IDENTIFIER.test(f));
      for (let i = 0; i < list.length; i += ROWS_PER_STATEMENT) {
        await upsert(
          trx,
          table,
          key,
          fields,
          columns.has('hlc'),
          appendOnly,
          list.slice(i, i + ROWS_PER_STATEMENT),
        );
        await pause?.();
      }
    }
    for (const row of tableRows) {
      if (pending.has(`${table}:${row.id}`)) await reapplyPending(trx, table, row.id, key, columns);
    }
  }
}

/** Audit entries this desktop's retention purge removed do not come back (a re-download brings them). */
async function withoutPurged(trx: Transaction<Database>, rows: PulledRow[]): Promise<PulledRow[]> {
  const any = await trx.selectFrom('audit_purged').select('id').limit(1).executeTakeFirst();
  if (!any) return rows;
  const purged = new Set<string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const found = await trx
      .selectFrom('audit_purged')
      .select('id')
      .where(
        'id',
        'in',
        rows.slice(i, i + CHUNK).map((r) => r.id),
      )
      .execute();
    for (const r of found) purged.add(r.id);
  }
  return rows.filter((r) => !purged.has(r.id));
}

async function upsert(
  trx: Transaction<Database>,
  table: string,
  key: string,
  fields: string[],
  hasHlc: boolean,
  appendOnly: boolean,
  rows: PulledRow[],
): Promise<void> {
  // Each row as a flat array [key, seq, field values…]: SQLite reads array items by position far
  // faster than object members by path.
  const json = JSON.stringify(rows.map((r) => [r.id, r.seq, ...fields.map((f) => r.data[f] ?? null)]));
  const t = `"${table}"`;
  const k = `"${key}"`;
  const source = `select value->>0 as k, value->>1 as s${fields
    .map((f, i) => `, value->>${i + 2} as "${f}"`)
    .join('')} from json_each(?)`;
  // Which of these rows are here already (none on a first download: then it is one insert).
  const known = await withJson(
    `select count(*) as n from json_each(?) where exists (select 1 from ${t} where ${k} = value->>0)`,
    json,
  ).execute(trx);
  const knownCount = Number((known.rows[0] as { n?: number } | undefined)?.n ?? 0);
  if (knownCount > 0) {
    const same = (f: string) => `${t}."${f}" is j."${f}"`;
    const differs = (f: string) => `${t}."${f}" is not j."${f}"`;
    // Known rows that differ only in seq: set just the seq (no search-index rewrite, no other triggers).
    // Append-only records never change but for their seq (their triggers refuse anything else).
    await withJson(
      `update ${t} set seq = j.s from (${source}) as j where ${t}.${k} = j.k and ${t}.seq is not j.s` +
        (appendOnly ? '' : fields.map((f) => ` and ${same(f)}`).join('')),
      json,
    ).execute(trx);
    if (!appendOnly && fields.length > 0) {
      await withJson(
        `update ${t} set (${fields.map((f) => `"${f}"`).join(', ')}, seq) = (${fields
          .map((f) => `j."${f}"`)
          .join(
            ', ',
          )}, j.s) from (${source}) as j where ${t}.${k} = j.k and (${fields.map(differs).join(' or ')})`,
        json,
      ).execute(trx);
    }
    if (appendOnly) {
      // The one change an append-only record takes: its case, moved by a merge to the survivor. A case
      // merged again later (A into B, then B into C) moves one merge at a time, as the triggers allow
      // (each step to the current case's own survivor), until it names the server's case.
      for (const f of MERGE_MOVED.get(table) ?? []) {
        if (!fields.includes(f)) continue;
        for (let hop = 0; hop < 8; hop++) {
          const moved = await withJson(
            `update ${t} set "${f}" = (select m.merged_into from jobseekers m where m.id = ${t}."${f}")` +
              ` from (${source}) as j where ${t}.${k} = j.k and ${t}."${f}" is not j."${f}"` +
              ` and (select m.merged_into from jobseekers m where m.id = ${t}."${f}") is not null`,
            json,
          ).execute(trx);
          if (Number(moved.numAffectedRows ?? 0) === 0) break;
        }
      }
    }
  }
  if (knownCount < rows.length) {
    // The row's HLC is this device's clock for its own writes; a row first seen here starts at zero.
    const columns = [k, 'seq', ...fields.map((f) => `"${f}"`), ...(hasHlc ? ['hlc'] : [])];
    const values = ['j.k', 'j.s', ...fields.map((f) => `j."${f}"`), ...(hasHlc ? [`'${SERVER_HLC}'`] : [])];
    const onlyNew = knownCount > 0 ? `where not exists (select 1 from ${t} where ${t}.${k} = j.k)` : '';
    await withJson(
      `insert into ${t} (${columns.join(', ')}) select ${values.join(', ')} from (${source}) as j ${onlyNew}`,
      json,
    ).execute(trx);
  }
}

/** Generated SQL (identifiers checked above) with the page's JSON as its one parameter, at `json_each(?)`. */
function withJson(text: string, json: string) {
  const [before, after] = text.split('json_each(?)');
  return sql`${sql.raw(`${before ?? ''}json_each(`)}${json}${sql.raw(`)${after ?? ''}`)}`;
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

interface AsideEntry {
  table: string;
  id: string;
  seq: number;
  data: Record<string, unknown>;
  whole: boolean;
}

/** Keeps unknown rows or fields aside; a later version of the same row replaces an earlier one. */
async function keepAside(trx: Transaction<Database>, entries: AsideEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK / 4) {
    await trx
      .insertInto('sync_aside')
      .values(
        entries.slice(i, i + CHUNK / 4).map((e) => ({
          table_name: e.table,
          row_id: e.id,
          seq: e.seq,
          data: JSON.stringify(e.data),
          whole: e.whole ? 1 : 0,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['table_name', 'row_id'])
          .doUpdateSet((eb) => ({
            seq: eb.ref('excluded.seq'),
            data: eb.ref('excluded.data'),
            whole: eb.ref('excluded.whole'),
          }))
          .where('sync_aside.seq', '<=', (eb) => eb.ref('excluded.seq')),
      )
      .execute();
  }
}

/** Drops what was kept aside for these rows (sent again complete, or deleted). */
async function dropAside(trx: Transaction<Database>, rows: PulledRow[]): Promise<void> {
  for (const [table, list] of groupBy(rows, (r) => r.table)) {
    for (let i = 0; i < list.length; i += CHUNK) {
      await trx
        .deleteFrom('sync_aside')
        .where('table_name', '=', table)
        .where(
          'row_id',
          'in',
          list.slice(i, i + CHUNK).map((r) => r.id),
        )
        .execute();
    }
  }
}
