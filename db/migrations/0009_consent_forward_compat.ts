import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// Issue 13 (items 9–10): consent as a decisive field, and what a newer server sends kept aside. FROZEN
// once landed.
//
// - jobseekers.consent_required / consent_optional / consent_sensitive: the consent in force per group
//   (1 given, 0 not given or withdrawn, null never recorded). consent_records stays the append-only
//   history (notice version, channel, counselor, time); these fields are what the services and the
//   server enforce, and they sync as decisive fields (sync.md: two different concurrent consent
//   decisions become a review item, never a silent last-writer-wins). Null falls back to the latest
//   record of the group, so stores and server rows from before this migration keep their meaning.
// - referrals.share_contact: whether the person's name and contact went to the employer with the
//   referral (the optional/sharing consent, domain.md §10); 0 for every earlier referral.
// - sync_aside: fields and whole rows from a newer server that this version has no column or table
//   for (sync.md § Versions). Kept per row, as the server last sent them, and applied once a later
//   version adds the column or table (electron/services/sync/kept-aside.ts). Rows of unknown tables
//   kept in meta (`aside:<table>:<id>`) by earlier versions move here.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    for (const group of ['required', 'optional', 'sensitive'])
      await db.schema
        .alterTable('jobseekers')
        .addColumn(`consent_${group}`, 'integer', (c) => c.check(sql.raw(`consent_${group} in (0, 1)`)))
        .execute();
    await db.schema
      .alterTable('referrals')
      .addColumn('share_contact', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('sync_aside')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      /** JSON: the unknown fields of a known table's row, or the whole row of an unknown table. */
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('whole', 'integer', (c) => c.notNull().check(sql`whole in (0, 1)`))
      .addPrimaryKeyConstraint('sync_aside_pk', ['table_name', 'row_id'])
      .execute();

    if (dialect === 'sqlite') {
      await sql`insert or replace into sync_aside (table_name, row_id, seq, data, whole)
                select json_extract(value, '$.table'), json_extract(value, '$.id'),
                       coalesce(json_extract(value, '$.seq'), 0), json_extract(value, '$.data'), 1
                from meta where key like 'aside:%' and json_valid(value)
                  and json_extract(value, '$.data') is not null`.execute(db);
      await sql`delete from meta where key like 'aside:%'`.execute(db);
    }
  },
};
