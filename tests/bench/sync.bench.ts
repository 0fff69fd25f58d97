import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { uuidv7 } from 'uuidv7';
import { openServerDb } from '../../db/server/connection.ts';
import type { insertSyncRow } from '../../db/server/repositories/sync.ts';
import { lockSequencer } from '../../db/server/repositories/sync.ts';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import { login } from '../../electron/services/auth.ts';
import { openDesktopStore, type DesktopStore } from '../../electron/services/store.ts';
import { SyncClient } from '../../electron/services/sync/client.ts';
import { httpTransport } from '../../electron/services/sync/transport.ts';
import { addCenter, addUser } from '../../server/admin.ts';
import { buildServer } from '../../server/app.ts';
import { freshDatabase } from '../support/server-db.ts';
import { profiled } from './profile.ts';
import type { Benchmark } from './types.ts';
import { TEST_STORE_KEY } from '../support/store-key.ts';

// Issue 5 (sync.md § Numbers to beat), on loopback against the server on PostgreSQL:
//   first download of N jobseekers with 3N notes and consent records (N = --jobseekers), with the
//   longest stall of the desktop's event loop while it runs (what IPC from the windows would feel);
//   push throughput of one desktop; catch-up after a day offline (5,000 remote and 2,000 local changes).

const PASSWORD = 'Bench-sync-2026';
const PUSH_MUTATIONS = 5000;
const REMOTE_CHANGES = 5000;
const LOCAL_CHANGES = 2000;

export const syncBench: Benchmark = {
  name: 'sync',
  summary: 'first download, push throughput and catch-up against the server on PostgreSQL (loopback)',
  async run(ctx) {
    const n = ctx.options.jobseekers;
    const database = await freshDatabase('postgres');
    const opened = await openServerDb(database.url);
    const base = mkdtempSync(join(tmpdir(), 'caseworker-syncbench-'));
    const stores: DesktopStore[] = [];
    const app = await buildServer({ db: opened.db, dialect: opened.dialect });
    try {
      await addCenter(
        opened.db,
        { code: 'BENCH', name: '벤치고용센터', region: '11' },
        new Date(),
        'postgres',
      );
      for (const id of ['bench1', 'bench2']) {
        await addUser(
          opened.db,
          { loginId: id, name: id, role: 'counselor', centerCode: 'BENCH', password: PASSWORD },
          new Date(),
        );
      }
      const counselorId = (
        await opened.db
          .selectFrom('users')
          .select('id')
          .where('login_id', '=', 'bench1')
          .executeTakeFirstOrThrow()
      ).id;

      ctx.log(`sync: seeding the server with ${n} jobseekers and ${3 * n} notes/consents`);
      const seedStarted = performance.now();
      const jobseekerIds = await seedServer(opened.db, n, counselorId);
      ctx.log(`sync: seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
      const url = await app.listen({ port: 0, host: '127.0.0.1' });

      const desktop = async (loginId: string) => {
        const store = await openDesktopStore(join(base, loginId), { key: TEST_STORE_KEY });
        stores.push(store);
        const client = new SyncClient(store.context, httpTransport(url));
        await client.signIn(loginId, PASSWORD, loginId);
        return { store, client, session: await login(store.context, loginId, PASSWORD) };
      };

      // First download.
      const a = await desktop('bench1');
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const started = performance.now();
      const pulled = await profiled('sync-first-download', () => a.client.pull());
      const seconds = (performance.now() - started) / 1000;
      loop.disable();
      ctx.report.figure('sync.firstDownload.rows', pulled, 'rows');
      ctx.report.figure('sync.firstDownload.time', seconds, 's', { below: 15 });
      ctx.report.figure('sync.firstDownload.rowsPerSecond', Math.round(pulled / seconds), 'rows/s');
      ctx.report.figure('sync.firstDownload.maxEventLoopStall', loop.max / 1e6, 'ms', { below: 100 });

      // Push throughput: one desktop sends PUSH_MUTATIONS changes.
      const b = await desktop('bench2');
      await b.client.pull();
      await writeChanges(b.store, jobseekerIds.slice(0, PUSH_MUTATIONS), 'phone');
      const pushStarted = performance.now();
      const pushed = await profiled('sync-push', () => b.client.push());
      const pushSeconds = (performance.now() - pushStarted) / 1000;
      ctx.report.figure(
        'sync.push.mutationsPerSecond',
        Math.round(pushed.pushed / pushSeconds),
        'mutations/s',
      );

      // Catch-up: REMOTE_CHANGES from another desktop while this one made LOCAL_CHANGES offline.
      await writeChanges(
        b.store,
        jobseekerIds.slice(PUSH_MUTATIONS, PUSH_MUTATIONS + REMOTE_CHANGES),
        'name',
      );
      await b.client.push();
      await writeChanges(a.store, jobseekerIds.slice(n - LOCAL_CHANGES), 'phone');
      const catchUpStarted = performance.now();
      await profiled('sync-catch-up', () => a.client.syncOnce());
      ctx.report.figure('sync.catchUp.time', (performance.now() - catchUpStarted) / 1000, 's', { below: 3 });
    } finally {
      await app.close();
      for (const s of stores) await s.close().catch(() => undefined);
      await opened.close();
      await database.drop();
      rmSync(base, { recursive: true, force: true });
    }
  },
};

async function seedServer(
  db: Awaited<ReturnType<typeof openServerDb>>['db'],
  n: number,
  counselorId: string,
): Promise<string[]> {
  const ids: string[] = [];
  let seq =
    (
      await db
        .selectFrom('sync_rows')
        .select((eb) => eb.fn.max('seq').as('m'))
        .executeTakeFirst()
    )?.m ?? 0;
  const now = new Date().toISOString();
  const batch: Parameters<typeof insertSyncRow>[1][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await db.transaction().execute(async (trx) => {
      await lockSequencer(trx, 'postgres');
      await trx.insertInto('sync_rows').values(batch.splice(0)).execute();
    });
  };
  for (let i = 0; i < n; i++) {
    const id = uuidv7();
    ids.push(id);
    const data = {
      id,
      reg_no: `26-B${String(i).padStart(7, '0')}`,
      center_code: 'BENCH',
      name: `구직자${i}`,
      birth_year: 1960 + (i % 45),
      gender: i % 2 ? 'female' : 'male',
      phone: `010${String(10_000_000 + i)}`,
      email: null,
      sido: '11',
      sigungu: '11680',
      desired_occupation: '0121',
      desired_wage: 2_500_000,
      mobile: 0,
      assigned_counselor_id: counselorId,
      status: 'active',
      current_type: null,
      current_track: null,
      registered_at: now,
      created_at: now,
      updated_at: now,
      archived: 0,
    };
    batch.push(row('jobseekers', id, ++seq, data, null, counselorId));
    for (let k = 0; k < 2; k++) {
      const noteId = uuidv7();
      const note = {
        id: noteId,
        jobseeker_id: id,
        kind: 'in-person',
        body: '구직 상담: 이력서 보완과 지역 내 알선을 안내함.',
        author_id: counselorId,
        created_at: now,
        revision_of: null,
      };
      batch.push(row('counseling_notes', noteId, ++seq, note, `jobseekers:${id}`, counselorId));
    }
    const consentId = uuidv7();
    const consent = {
      id: consentId,
      jobseeker_id: id,
      item_group: 'required',
      granted: 1,
      notice_version: '2026-01',
      channel: 'counter',
      recorded_by: counselorId,
      recorded_at: now,
    };
    batch.push(row('consent_records', consentId, ++seq, consent, `jobseekers:${id}`, counselorId));
    if (batch.length >= 2000) await flush();
  }
  await flush();
  return ids;
}

function row(
  table: string,
  id: string,
  seq: number,
  data: Record<string, unknown>,
  parentKey: string | null,
  owner: string,
) {
  return {
    table_name: table,
    row_id: id,
    seq,
    scope_center: 'BENCH',
    // As the server's own rule sets it (server/sync/apply.ts): a case and its records belong to the
    // center and to the assigned counselor's caseload.
    scope_owner: owner,
    scope_region: null,
    parent_key: parentKey,
    data: JSON.stringify(data),
    field_meta: '{}',
    updated_at: new Date().toISOString(),
  };
}

async function writeChanges(store: DesktopStore, ids: string[], field: 'phone' | 'name'): Promise<void> {
  const ctx = store.context;
  for (const [i, id] of ids.entries()) {
    await ctx.db.transaction().execute(async (trx) => {
      const hlc = await nextHlc(trx, ctx.deviceId, Date.now());
      const value = field === 'phone' ? `0109${String(1_000_000 + i).padStart(7, '0')}` : `변경${i}`;
      await trx
        .updateTable('jobseekers')
        .set({ [field]: value, hlc })
        .where('id', '=', id)
        .execute();
      await appendOutbox(trx, {
        table: 'jobseekers',
        rowId: id,
        op: 'update',
        fields: { [field]: value },
        hlc,
        baseSeq: 0,
        createdAt: new Date().toISOString(),
      });
    });
  }
}
