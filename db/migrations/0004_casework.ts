import type { Kysely } from 'kysely';
import type { Migration, SqlDialect } from './types.ts';

// Reserved for issue 3 (jobseeker casework). FROZEN once landed: if it lands as it is, it stays a no-op and later
// changes go into a new numbered migration.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

export const migration: Migration = {
  async up(_db: Kysely<any>, _dialect: SqlDialect) {
    // nothing yet
  },
};
