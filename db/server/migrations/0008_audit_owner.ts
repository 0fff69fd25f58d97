import { sql, type Kysely } from 'kysely';
import type { Migration, SqlDialect } from '../../migrations/types.ts';

// FROZEN once landed. Audit entries belong to their actor (issue #13 item 5, shared/sync/tables.ts):
// a counselor's desktop gets only their own entries, through its owner scope (`owner:<actor id>`); the
// center's supervisors still get them all through the center scope. Entries already on the server get
// their actor as owner here; the checksum triggers (0003) move their hashes into the owner scopes in
// the same statement. No other table changes.

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema */

export const migration: Migration = {
  async up(db: Kysely<any>, dialect: SqlDialect) {
    const actor =
      dialect === 'postgres' ? sql`cast(data as json) ->> 'actor_id'` : sql`json_extract(data, '$.actor_id')`;
    await sql`update sync_rows set scope_owner = ${actor}
              where table_name = 'audit_entries' and scope_owner is null`.execute(db);
  },
};
