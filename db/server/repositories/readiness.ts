import { sql } from 'kysely';
import { MIGRATION_TABLE } from '../../migrator.ts';
import type { ServerDb } from '../connection.ts';
import { isDatabaseUnavailable } from '../faults.ts';
import { serverMigrations } from '../migrations/index.ts';

// GET /ready: can the server serve requests now? The database answers, and every migration this code
// knows has been applied to it.

export interface Readiness {
  database: 'up' | 'down';
  migrated: boolean;
}

export async function serverReadiness(db: ServerDb): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(db);
    applied = new Set(rows.rows.map((r) => r.name));
  } catch (error) {
    // A missing migration table is a reachable database that was never migrated.
    return { database: isDatabaseUnavailable(error) ? 'down' : 'up', migrated: false };
  }
  return { database: 'up', migrated: serverMigrations.every(([name]) => applied.has(name)) };
}
