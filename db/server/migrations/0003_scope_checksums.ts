import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from '../../migrations/types.ts';

// FROZEN once landed. Per-scope checksums (sync.md § First download and checks): for every scope
// (`center:<code>`, `owner:<user id>`, `region:<시도>`) and table, the sum modulo 2^32 of the 32-bit
// hashes of its live rows' (table, id, seq), and their number. Database triggers keep them in the same
// transaction as every write to sync_rows, whoever makes it (pushes, resolutions, deletes, restores,
// bulk loads), so no code path can forget them. The hash is shared/sync/checksum.ts's `rowHash`:
// md5() on PostgreSQL; on SQLite the function `sync_row_hash`, which db/server/connection.ts registers
// on every connection (SQLite has no hash function of its own).
//
// Tombstones (sync_rows.deleted_at, added by migration 0004) do not count: a desktop removes a
// deleted row. The trigger bodies name that column although it arrives one migration later: both
// databases resolve a trigger's columns when it runs, and nothing writes sync_rows between the two
// migrations (the migrator applies them together), so from the first write on it exists.

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema */

const MOD = '4294967296';
const SCOPES = [
  ['center', 'scope_center'],
  ['owner', 'scope_owner'],
  ['region', 'scope_region'],
] as const;

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    await db.schema
      .createTable('scope_checksums')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('checksum', 'bigint', (c) => c.notNull())
      .addColumn('row_count', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('scope_checksums_pk', ['scope', 'table_name'])
      .execute();
    if (dialect === 'postgres') await postgres(db);
    else await sqlite(db);
    // Rows already on the server (there are no tombstones before migration 0004).
    const contributions = SCOPES.map(
      ([kind, column]) =>
        `select '${kind}:' || ${column} as scope, table_name, sync_row_hash(table_name, row_id, seq) as h
         from sync_rows where ${column} is not null`,
    ).join(' union all ');
    await sql
      .raw(
        `insert into scope_checksums (scope, table_name, checksum, row_count)
         select scope, table_name, sum(h) % ${MOD}, count(*) from (${contributions}) c group by scope, table_name`,
      )
      .execute(db);
  },
};

async function postgres(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create function sync_row_hash(t text, id text, seq bigint) returns bigint
       language sql immutable parallel safe
       as $$ select ('x' || substr(md5(t || chr(10) || id || chr(10) || seq::text), 1, 8))::bit(32)::bigint $$`,
    )
    .execute(db);
  // One statement-level trigger per kind of write, with the statement's rows as transition tables: a
  // multi-row insert or update adds one aggregated upsert per scope, not one per row.
  const delta = (rows: string, sign: string) =>
    SCOPES.map(
      ([kind, column]) =>
        `select '${kind}:' || ${column} as scope, table_name, ${sign} * sync_row_hash(table_name, row_id, seq) as h,
                ${sign} as n
         from ${rows} where ${column} is not null and deleted_at is null`,
    ).join(' union all ');
  const apply = (contributions: string) => `
    insert into scope_checksums as s (scope, table_name, checksum, row_count)
    select scope, table_name, ((sum(h) % ${MOD}) + ${MOD}) % ${MOD}, sum(n)
    from (${contributions}) c
    group by scope, table_name
    having sum(n) <> 0 or sum(h) % ${MOD} <> 0
    on conflict (scope, table_name) do update
      set checksum = (s.checksum + excluded.checksum) % ${MOD}, row_count = s.row_count + excluded.row_count;`;
  await sql
    .raw(
      `create function sync_rows_checksums() returns trigger language plpgsql as $$
       begin
         if tg_op = 'INSERT' then
           ${apply(delta('new_rows', '1'))}
         elsif tg_op = 'UPDATE' then
           ${apply(`${delta('new_rows', '1')} union all ${delta('old_rows', '-1')}`)}
         else
           ${apply(delta('old_rows', '-1'))}
         end if;
         return null;
       end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger sync_rows_checksums_insert after insert on sync_rows
       referencing new table as new_rows for each statement execute function sync_rows_checksums()`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger sync_rows_checksums_update after update on sync_rows
       referencing old table as old_rows new table as new_rows
       for each statement execute function sync_rows_checksums()`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger sync_rows_checksums_delete after delete on sync_rows
       referencing old table as old_rows for each statement execute function sync_rows_checksums()`,
    )
    .execute(db);
}

async function sqlite(db: Kysely<any>): Promise<void> {
  // Row triggers (SQLite has no statement triggers); each adds or removes one row's three scopes.
  const change = (row: 'new' | 'old', sign: 1 | -1) => {
    const contributions = SCOPES.map(
      ([kind, column]) =>
        `select '${kind}:' || ${row}.${column} as scope, ${row}.table_name as table_name,
                ${sign === 1 ? '' : `${MOD} - `}sync_row_hash(${row}.table_name, ${row}.row_id, ${row}.seq) as h
         where ${row}.${column} is not null and ${row}.deleted_at is null`,
    ).join(' union all ');
    // The WHERE before ON CONFLICT is SQLite's required disambiguation of an upsert from a SELECT.
    return `insert into scope_checksums (scope, table_name, checksum, row_count)
            select scope, table_name, h % ${MOD}, ${sign} from (${contributions}) where true
            on conflict (scope, table_name) do update
              set checksum = (checksum + excluded.checksum) % ${MOD}, row_count = row_count + excluded.row_count;`;
  };
  await sql
    .raw(`create trigger sync_rows_checksums_insert after insert on sync_rows begin ${change('new', 1)} end`)
    .execute(db);
  await sql
    .raw(
      `create trigger sync_rows_checksums_update
       after update of table_name, row_id, seq, scope_center, scope_owner, scope_region, deleted_at on sync_rows
       begin ${change('old', -1)} ${change('new', 1)} end`,
    )
    .execute(db);
  await sql
    .raw(`create trigger sync_rows_checksums_delete after delete on sync_rows begin ${change('old', -1)} end`)
    .execute(db);
}
