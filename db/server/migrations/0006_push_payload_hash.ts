import type { Kysely } from 'kysely';
import type { Migration, SqlDialect } from '../../migrations/types.ts';

// FROZEN once landed. A push is idempotent per (device, client_seq) (sync.md § Model), but the same
// client_seq sent again with other content must not be answered "duplicate" as if it had been applied
// (issue 13): each result keeps the SHA-256 of the change it answered, and a re-send whose content
// differs is refused. Results stored before this migration have none and are re-acknowledged as before.

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema */

export const migration: Migration = {
  async up(db: Kysely<any>, _dialect: SqlDialect) {
    await db.schema.alterTable('push_results').addColumn('payload_hash', 'text').execute();
  },
};
