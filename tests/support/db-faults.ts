import pg from 'pg';
import { expect } from 'vitest';
import { getMeta } from '../../db/repositories/meta.ts';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index.ts';
import type { DesktopStore } from '../../electron/services/store.ts';
import { createJobseeker } from '../../electron/services/jobseekers.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { jobseekerFieldsSchema } from '../../shared/domain/jobseeker.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import { PG_ADMIN_URL } from './server-db.ts';
import type { SyncDesk } from './sync-desktop.ts';

// Real PostgreSQL faults for the server tests: hold the push sequencer's advisory lock from another
// connection so a push waits inside its transaction, find the waiting backend, terminate it.

/** The key of the push sequencer's transaction lock (db/server/repositories/sync.ts lockSequencer). */
export const SEQUENCER_LOCK = 7301;

export function databaseUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function pgClient(database: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl(database) });
  await client.connect();
  return client;
}

/** Resolves with the pid of a backend of `database` waiting for an advisory lock (polls, no deadline). */
export async function waitingOnAdvisoryLock(admin: pg.Client, database: string): Promise<number> {
  for (;;) {
    const r = await admin.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where datname = $1 and wait_event_type = 'Lock' and wait_event = 'advisory'`,
      [database],
    );
    const pid = r.rows[0]?.pid;
    if (pid !== undefined) return pid;
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function terminate(admin: pg.Client, pid: number): Promise<void> {
  await admin.query('select pg_terminate_backend($1)', [pid]);
}

/** Terminates every backend of `database` except the admin's own; resolves with how many. */
export async function terminateAll(admin: pg.Client, database: string): Promise<number> {
  const r = await admin.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
    [database],
  );
  for (const row of r.rows) await terminate(admin, row.pid);
  return r.rows.length;
}

/** A new jobseeker written through the desk's services; resolves with the push body of its outbox. */
export async function pendingPush(
  store: DesktopStore,
  session: SessionInfo,
  name: string,
): Promise<{ jobseekerId: string; token: string; body: { schemaVersion: number; mutations: Mutation[] } }> {
  const fields = jobseekerFieldsSchema.parse({ name, birthYear: 1990, phone: '010-2000-3000', sido: '11' });
  const created = await createJobseeker(store.context, session, fields, true);
  const pending = await store.context.db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .orderBy('client_seq')
    .execute();
  const mutations: Mutation[] = pending.map((e) => ({
    clientSeq: Number(e.client_seq),
    table: e.table_name,
    rowId: e.row_id,
    op: e.op,
    fields: JSON.parse(e.fields) as Mutation['fields'],
    hlc: e.hlc,
    baseSeq: Number(e.base_seq),
  }));
  const token = (await getMeta(store.context.db, 'sync.access')) ?? '';
  return { jobseekerId: created.id, token, body: { schemaVersion: LATEST_SCHEMA_VERSION, mutations } };
}

export function postPush(url: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${url}/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

/**
 * The push waits for the sequencer lock inside its transaction; its backend is terminated there.
 */
export async function terminatedPushIsRetriedWhole(url: string, database: string, desk: SyncDesk) {
  const name = '홍길동';
  const { jobseekerId, token, body } = await pendingPush(desk.store, desk.session, name);
  const locker = await pgClient(database);
  try {
    const resultsBefore = Number(
      (
        await locker.query<{ n: string }>('select count(*) as n from push_results where device_id = $1', [
          desk.store.context.deviceId,
        ])
      ).rows[0]?.n,
    );
    await locker.query('select pg_advisory_lock($1)', [SEQUENCER_LOCK]);
    const pushing = postPush(url, token, body);
    await terminate(locker, await waitingOnAdvisoryLock(locker, database));
    const refused = await pushing;
    const text = await refused.text();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'database-unavailable' } });
    // Neither SQL nor the person's data in the answer.
    expect(text).not.toMatch(/select|advisory|sync_rows|terminat/i);
    expect(text).not.toContain(name);
    await locker.query('select pg_advisory_unlock($1)', [SEQUENCER_LOCK]);

    // Nothing half-written: the transaction died with its connection.
    const count = async (sql: string, value: string) =>
      Number((await locker.query<{ n: string }>(sql, [value])).rows[0]?.n);
    expect(await count('select count(*) as n from sync_rows where row_id = $1', jobseekerId)).toBe(0);
    const device = desk.store.context.deviceId;
    const results = 'select count(*) as n from push_results where device_id = $1';
    expect(await count(results, device)).toBe(resultsBefore);

    // The same push sent again is applied, once; a third time it is only acknowledged.
    const again = await postPush(url, token, body);
    expect(again.status).toBe(200);
    const applied = (await again.json()) as { results: Array<{ status: string }> };
    expect(applied.results.map((r) => r.status)).toEqual(body.mutations.map(() => 'applied'));
    const third = (await (await postPush(url, token, body)).json()) as { results: Array<{ status: string }> };
    expect(third.results.map((r) => r.status)).toEqual(body.mutations.map(() => 'duplicate'));
    expect(await count('select count(*) as n from sync_rows where row_id = $1', jobseekerId)).toBe(1);
    expect(await count(results, device)).toBe(resultsBefore + body.mutations.length);
  } finally {
    await locker.end();
  }
  // The desktop's own sync now finds its changes acknowledged and nothing left to send.
  await desk.client.syncOnce();
  const left = await desk.store.context.db
    .selectFrom('outbox')
    .select('client_seq')
    .where('status', '=', 'pending')
    .execute();
  expect(left).toEqual([]);
}

/** Every backend of the server's pool terminated while idle: the next requests are answered again. */
export async function poolRecoversFromTerminatedIdleConnections(
  url: string,
  database: string,
  token: string,
): Promise<void> {
  const admin = await pgClient(database);
  try {
    expect(await terminateAll(admin, database)).toBeGreaterThan(0);
  } finally {
    await admin.end();
  }
  // A request may still meet a connection whose end has not reached the pool yet: that one is a 503
  // with Retry-After, never a crash; the pool has dropped it by the next.
  let me: Response | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    me = await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    if (me.status === 200) break;
    expect(me.status).toBe(503);
    expect(me.headers.get('retry-after')).toMatch(/^\d+$/);
  }
  expect(me?.status).toBe(200);
  expect((await fetch(`${url}/ready`)).status).toBe(200);
}
