import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql, type Insertable } from 'kysely';
import { openServerDb } from '../../db/server/connection.ts';
import { lockSequencer } from '../../db/server/repositories/sync.ts';
import type { SyncRowTable } from '../../db/server/schema.ts';
import { setMeta } from '../../db/repositories/meta.ts';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import { openDesktopStore, type DesktopStore } from '../../electron/services/store.ts';
import { SyncClient } from '../../electron/services/sync/client.ts';
import { threadWriter } from '../../electron/services/sync/snapshot-thread.ts';
import { httpTransport } from '../../electron/services/sync/transport.ts';
import { addCenter, addUser } from '../../server/admin.ts';
import { freshDatabase } from '../support/server-db.ts';
import { TEST_STORE_KEY } from '../support/store-key.ts';
import { pouchdbPeer } from './pouchdb-peer.ts';
import { caseRecords } from './sync-records.ts';
import { pullReadFigures } from './sync-pull-read.ts';
import { profiled } from './profile.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import type { Benchmark } from './types.ts';

// Issue 5 (sync.md § Numbers to beat), on loopback against the server on PostgreSQL, the server in its
// own process (the real `caseworker-server` command):
//   first download of N jobseekers with 3N notes and consent records (N = --jobseekers): snapshots of
//   the desktop's scopes, then the log; with the longest stall of the desktop's event loop while it
//   runs (what IPC from the windows would feel), and the checksum check that follows it;
//   push throughput of one desktop; catch-up after a day offline (5,000 remote and 2,000 local changes),
//   and the checksum check that follows it (the hourly one is due after a day);
//   the same first download with a well-known peer: PouchDB replicating from a PouchDB server;
//   the pull's page read, consistent (one statement) beside the old parallel read (sync-pull-read.ts).

const PASSWORD = 'Bench-sync-2026';
const PUSH_MUTATIONS = 5000;
const REMOTE_CHANGES = 5000;
const LOCAL_CHANGES = 2000;

export const syncBench: Benchmark = {
  name: 'sync',
  summary:
    'first download, push throughput and catch-up against the server on PostgreSQL (loopback); PouchDB peer',
  async run(ctx) {
    const n = ctx.options.jobseekers;
    const database = await freshDatabase('postgres');
    const opened = await openServerDb(database.url);
    const base = mkdtempSync(join(tmpdir(), 'caseworker-syncbench-'));
    const stores: DesktopStore[] = [];
    let server: ServerProcess | null = null;
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
      // A server that holds data has planner statistics (autovacuum's analyze); a bulk load a moment
      // ago does not have them yet, and without them PostgreSQL reads rows by key with a bitmap scan
      // of the whole table.
      await sql`analyze`.execute(opened.db);
      ctx.log(`sync: seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
      // The pull's page read (issue #14): the consistent one beside the parallel one it replaced.
      await pullReadFigures(ctx, opened.db, {
        centerCode: 'BENCH',
        userId: counselorId,
        region: '11',
        role: 'counselor',
      });
      server = await startServerProcess(database.url);
      const url = server.url;

      const desktop = async (loginId: string) => {
        const store = await openDesktopStore(join(base, loginId), { key: TEST_STORE_KEY });
        stores.push(store);
        // As the app does: snapshots are written on their own thread (sync/snapshot-thread.ts).
        const client = new SyncClient(store.context, httpTransport(url), {
          snapshotWriter: () => threadWriter(store.file, TEST_STORE_KEY, store.context.now),
        });
        await client.signIn(loginId, PASSWORD, loginId);
        return { store, client };
      };

      // First download: snapshots of the scopes, then the log from the snapshots' seq.
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
      // The checks that follow a first download: this desktop's per-scope checksums against the server's.
      const verifyLoop = monitorEventLoopDelay({ resolution: 10 });
      verifyLoop.enable();
      const verifyStarted = performance.now();
      const verified = await profiled('sync-verify', () => a.client.verify());
      ctx.report.figure('sync.firstDownload.verify.time', (performance.now() - verifyStarted) / 1000, 's');
      verifyLoop.disable();
      ctx.report.figure('sync.firstDownload.verify.maxEventLoopStall', verifyLoop.max / 1e6, 'ms', {
        below: 100,
      });
      if (!verified.compared || verified.differed.length > 0)
        throw new Error(`the first download does not match the server: ${JSON.stringify(verified)}`);

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
        {
          above: 2000,
        },
      );

      // Catch-up: this desktop goes offline up to date; meanwhile another desktop makes REMOTE_CHANGES,
      // and this one LOCAL_CHANGES. A day later the hourly checksum check is due as well.
      await a.client.syncOnce();
      await writeChanges(
        b.store,
        jobseekerIds.slice(PUSH_MUTATIONS, PUSH_MUTATIONS + REMOTE_CHANGES),
        'name',
      );
      await b.client.push();
      await writeChanges(a.store, jobseekerIds.slice(n - LOCAL_CHANGES), 'phone');
      const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
      await setMeta(a.store.db, 'sync.verify', JSON.stringify({ at: dayAgo, mismatched: [] }));
      const catchUpStarted = performance.now();
      await profiled('sync-catch-up', () => a.client.syncOnce());
      ctx.report.figure('sync.catchUp.time', (performance.now() - catchUpStarted) / 1000, 's', { below: 3 });
      // The check that follows (due: the last one was a day ago), reported on its own.
      const checkStarted = performance.now();
      const checked = await profiled('sync-catch-up-verify', () => a.client.verifyIfDue());
      ctx.report.figure('sync.catchUp.verify.time', (performance.now() - checkStarted) / 1000, 's');
      if (!checked?.compared || checked.differed.length > 0)
        throw new Error(`after catch-up the desktop does not match the server: ${JSON.stringify(checked)}`);

      // The well-known peer, on the same records.
      await pouchdbPeer(ctx, n, counselorId, seconds, base);
    } finally {
      await server?.stop();
      for (const s of stores) await s.close().catch(() => undefined);
      await opened.close();
      await database.drop();
      rmSync(base, { recursive: true, force: true });
    }
  },
};

/** Writes the cases straight into the server's store (multi-row inserts; the checksum triggers run). */
export async function seedServer(
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
  const batch: Array<Insertable<SyncRowTable>> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await db.transaction().execute(async (trx) => {
      await lockSequencer(trx, 'postgres');
      await trx.insertInto('sync_rows').values(batch.splice(0)).execute();
    });
  };
  for (let i = 0; i < n; i++) {
    for (const r of caseRecords(i, counselorId, now)) {
      if (r.table === 'jobseekers') ids.push(r.id);
      batch.push({
        table_name: r.table,
        row_id: r.id,
        seq: ++seq,
        scope_center: 'BENCH',
        // As the server's own rule sets it (server/sync/rows.ts): a case and its records belong to the
        // center and to the assigned counselor's caseload.
        scope_owner: counselorId,
        scope_region: null,
        parent_key: r.parent,
        data: JSON.stringify(r.data),
        field_meta: '{}',
        updated_at: now,
      });
    }
    if (batch.length >= 2000) await flush();
  }
  await flush();
  return ids;
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
