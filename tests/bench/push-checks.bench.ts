import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { openServerDb } from '../../db/server/connection.ts';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import { openDesktopStore, type DesktopStore } from '../../electron/services/store.ts';
import { SyncClient } from '../../electron/services/sync/client.ts';
import { httpTransport } from '../../electron/services/sync/transport.ts';
import { addCenter, addUser } from '../../server/admin.ts';
import { freshDatabase } from '../support/server-db.ts';
import { TEST_STORE_KEY } from '../support/store-key.ts';
import { startPushServer, type ServerProcess } from './server-process.ts';
import { seedServer } from './sync.bench.ts';
import type { Benchmark } from './types.ts';

// Issue 13: what the server's push checks (table declarations, flows, derived values, envelope) cost.
// One desktop pushes the same kind of work to two servers over one PostgreSQL database, side by side
// in the same run: the real server, and the same app with the checks off (server/app.ts
// `validatePushes: false`, which only benchmarks set). Rounds alternate off/on so a neighbour's load
// on the shared machine falls on both. Each round: PUSH_MUTATIONS changes, three in five phone edits
// of existing cases, one in five new cases, one in five new counseling notes.

const PASSWORD = 'Bench-push-2026';
const CASES = 30_000;
const PUSH_MUTATIONS = 5_000;
const ROUNDS = ['off', 'on', 'off', 'on', 'off', 'on'] as const;

/**
 * CPU seconds a process has used (user + system, Linux /proc): the machine is shared, so wall-clock
 * throughput swings with the neighbours' load; the server's own CPU time per mutation does not.
 */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

export const pushChecksBench: Benchmark = {
  name: 'push-checks',
  summary: 'push throughput with the server’s push checks on and off, side by side (PostgreSQL, loopback)',
  async run(ctx) {
    const database = await freshDatabase('postgres');
    const opened = await openServerDb(database.url);
    const base = mkdtempSync(join(tmpdir(), 'caseworker-pushbench-'));
    const stores: DesktopStore[] = [];
    const servers: ServerProcess[] = [];
    try {
      await addCenter(
        opened.db,
        { code: 'BENCH', name: '벤치고용센터', region: '11' },
        new Date(),
        'postgres',
      );
      const ids: Record<string, string> = {};
      for (const login of ['bench1', 'bench2'])
        ids[login] = await addUser(
          opened.db,
          { loginId: login, name: login, role: 'counselor', centerCode: 'BENCH', password: PASSWORD },
          new Date(),
        );
      ctx.log(`push-checks: seeding ${CASES} cases`);
      const cases = await seedServer(opened.db, CASES, ids['bench1'] ?? '');
      await sql`analyze`.execute(opened.db);
      const on = await startPushServer(database.url, 'on');
      const off = await startPushServer(database.url, 'off');
      servers.push(on, off);

      const rates: Record<'on' | 'off', number[]> = { on: [], off: [] };
      const cpu: Record<'on' | 'off', { seconds: number; mutations: number }> = {
        on: { seconds: 0, mutations: 0 },
        off: { seconds: 0, mutations: 0 },
      };
      for (const [round, checks] of ROUNDS.entries()) {
        const store = await openDesktopStore(join(base, `round${round}`), { key: TEST_STORE_KEY });
        stores.push(store);
        const client = new SyncClient(store.context, httpTransport((checks === 'on' ? on : off).url));
        await client.signIn('bench2', PASSWORD, `bench2 round ${round}`);
        const slice = cases.slice(round * PUSH_MUTATIONS, (round + 1) * PUSH_MUTATIONS);
        await queueWork(store, slice, ids['bench2'] ?? '', round);
        const server = checks === 'on' ? on : off;
        const cpuBefore = cpuSeconds(server.pid);
        const started = performance.now();
        const pushed = await client.push();
        const seconds = (performance.now() - started) / 1000;
        cpu[checks].seconds += cpuSeconds(server.pid) - cpuBefore;
        cpu[checks].mutations += pushed.pushed;
        if (pushed.refused > 0) throw new Error(`push-checks: ${pushed.refused} honest changes were refused`);
        rates[checks].push(pushed.pushed / seconds);
        ctx.log(
          `push-checks: round ${round} (checks ${checks}) ${Math.round(pushed.pushed / seconds)} mutations/s`,
        );
      }
      const best = (xs: number[]) => Math.round(Math.max(...xs));
      ctx.report.figure('sync.pushChecks.off.mutationsPerSecond', best(rates.off), 'mutations/s');
      ctx.report.figure('sync.pushChecks.on.mutationsPerSecond', best(rates.on), 'mutations/s', {
        above: 4000,
      });
      const ratio = Math.round((100 * best(rates.on)) / best(rates.off)) / 100;
      ctx.report.figure('sync.pushChecks.onVsOff', ratio, 'x', { above: 0.8 });
      // Per CPU second of the server process (what one core of the server does, whatever the load).
      const perCpu = (k: 'on' | 'off') => Math.round(cpu[k].mutations / cpu[k].seconds);
      ctx.report.figure('sync.pushChecks.off.mutationsPerServerCpuSecond', perCpu('off'), 'mutations/s');
      ctx.report.figure('sync.pushChecks.on.mutationsPerServerCpuSecond', perCpu('on'), 'mutations/s', {
        above: 4000,
      });
      ctx.report.figure(
        'sync.pushChecks.cpuOnVsOff',
        Math.round((100 * perCpu('on')) / perCpu('off')) / 100,
        'x',
        {
          above: 0.8,
        },
      );
    } finally {
      for (const s of servers) await s.stop();
      for (const s of stores) await s.close().catch(() => undefined);
      await opened.close();
      await database.drop();
      rmSync(base, { recursive: true, force: true });
    }
  },
};

/** The round's work as a desktop queues it: outbox entries of honest changes (the local rows do not matter). */
async function queueWork(store: DesktopStore, cases: string[], userId: string, round: number): Promise<void> {
  const ctx = store.context;
  const now = new Date().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, caseId] of cases.entries()) {
      const hlc = await nextHlc(trx, ctx.deviceId, Date.now());
      const kind = i % 5;
      const write =
        kind < 3
          ? {
              table: 'jobseekers' as const,
              rowId: caseId,
              op: 'update' as const,
              fields: { phone: `0107${String(round)}${String(100_000 + i).padStart(6, '0')}` },
            }
          : kind === 3
            ? {
                table: 'jobseekers' as const,
                rowId: uuidv7(),
                op: 'insert' as const,
                fields: newCase(round, i, userId, now),
              }
            : {
                table: 'counseling_notes' as const,
                rowId: uuidv7(),
                op: 'insert' as const,
                fields: {
                  jobseeker_id: caseId,
                  kind: 'phone',
                  body: '전화 상담: 면접 일정 안내',
                  author_id: userId,
                  created_at: now,
                  revision_of: null,
                },
              };
      await appendOutbox(trx, { ...write, hlc, baseSeq: 0, createdAt: now });
    }
  });
}

function newCase(round: number, i: number, userId: string, now: string): Record<string, unknown> {
  const c = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const n = round * 100_000 + i;
  const body = Array.from({ length: 8 }, (_, k) => c[Math.floor(n / 32 ** k) % 32] ?? '0').join('');
  return {
    reg_no: `26-${body.slice(0, 4)}-${body.slice(4)}`,
    center_code: 'BENCH',
    name: `신규${i}`,
    birth_year: 1970 + (i % 30),
    gender: null,
    phone: `0103${String(1_000_000 + n).slice(-7)}0`.slice(0, 11),
    email: null,
    sido: '11',
    sigungu: null,
    desired_occupation: null,
    desired_wage: null,
    mobile: 0,
    assigned_counselor_id: userId,
    current_type: null,
    current_track: null,
    registered_at: now,
    created_at: now,
    updated_at: now,
  };
}
