import type { Kysely } from 'kysely';

export type SqlDialect = 'sqlite' | 'postgres';

/**
 * A migration is frozen once it has landed: it takes `Kysely<any>` rather than the current schema type,
 * so later changes to db/schema.ts can never change what an old migration does.
 */
export interface Migration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema
  up(db: Kysely<any>, dialect: SqlDialect): Promise<void>;
}
