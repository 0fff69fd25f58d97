import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { tempDir } from './temp-dir.ts';

// Fresh server databases for tests, one per dialect: an SQLite file in a temp folder, and a new
// database on the machine's PostgreSQL (127.0.0.1:5432, trust auth; `npm test` starts a cluster that is
// down through tools/ensure-postgres.ts).

export const PG_ADMIN_URL = process.env['CASEWORKER_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  dialect: 'sqlite' | 'postgres';
  url: string;
  drop: () => Promise<void>;
}

export async function freshDatabase(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const t = tempDir('caseworker-server-');
    return { dialect, url: `sqlite:${join(t.dir, 'server.db')}`, drop: () => Promise.resolve(t.remove()) };
  }
  const name = `cw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const SERVER_DIALECTS = ['sqlite', 'postgres'] as const;
