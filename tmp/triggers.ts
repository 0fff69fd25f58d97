import { makeTestStore } from '../tests/support/temp-store.ts';
import { sql } from 'kysely';
const t = await makeTestStore();
const r = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type='trigger'`.execute(t.store.context.db);
for (const x of r.rows) if (/no_update/.test(x.name)) console.log(x.name, '\n', x.sql.slice(0, 400));
await t.cleanup();
