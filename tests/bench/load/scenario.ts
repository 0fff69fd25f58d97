import { sql } from 'kysely';
import { openServerDb } from '../../../db/server/connection.ts';
import { freshDatabase } from '../../support/server-db.ts';
import { startServerProcess } from '../server-process.ts';
import { createServer } from 'node:net';
import { treeCpuSeconds } from './cpu.ts';
import { histogramPercentileMs } from './server-histogram.ts';
import { runLoad, type LoadResult } from './run-load.ts';
import { seedLoad } from './seed.ts';

// One load run from scratch: a fresh PostgreSQL database seeded for the desktops, the real
// `caseworker-server` command as its own process (with --workers N), the simulated desktops, and the
// server's CPU time over the run. Shared by the benchmark (500 desktops) and its CI form (50).

export interface LoadScenario {
  desktops: number;
  centers: number;
  casesPerCenter: number;
  workers: number;
  seconds: number;
  rampMs: number;
  minuteMs: number;
  pushChance: number;
  burstMax: number;
  seed?: number;
  /** More `caseworker-server` options (e.g. `--pool-size 20`). */
  serverArgs?: readonly string[];
  log?: (message: string) => void;
}

export interface ScenarioResult extends LoadResult {
  /** The server's own p99 of pull and push (the upper bound of its histogram bucket), in ms. */
  serverPullP99: number | null;
  serverPushP99: number | null;
  /** CPU seconds of the server's processes during the run, and as a share of one core. */
  serverCpuSeconds: number;
  serverCpuPercent: number;
}

export async function loadScenario(s: LoadScenario): Promise<ScenarioResult> {
  const database = await freshDatabase('postgres');
  try {
    const opened = await openServerDb(database.url);
    let accounts;
    try {
      accounts = await seedLoad(opened.db, s);
      await sql`analyze`.execute(opened.db);
    } finally {
      await opened.close();
    }
    s.log?.(
      `load: seeded ${s.centers} centers, ${accounts.length} accounts; starting ${s.workers} worker(s)`,
    );
    const metricsPort = await freePort();
    const server = await startServerProcess(database.url, [
      '--workers',
      String(s.workers),
      '--metrics-port',
      String(metricsPort),
      ...(s.serverArgs ?? []),
    ]);
    try {
      const pid = server.pid ?? 0;
      const before = treeCpuSeconds(pid);
      let cpu = 0;
      let metrics = '';
      const result = await runLoad({
        url: server.url,
        accounts,
        seconds: s.seconds,
        rampMs: s.rampMs,
        minuteMs: s.minuteMs,
        pushChance: s.pushChance,
        burstMax: s.burstMax,
        seed: s.seed ?? 20260419,
        onRunEnd: async () => {
          cpu = treeCpuSeconds(pid) - before;
          metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
        },
        ...(s.log ? { log: s.log } : {}),
      });
      return {
        ...result,
        serverPullP99: histogramPercentileMs(metrics, '/v1/sync/pull', 'GET', 99),
        serverPushP99: histogramPercentileMs(metrics, '/v1/sync/push', 'POST', 99),
        serverCpuSeconds: Math.round(cpu * 10) / 10,
        serverCpuPercent: Math.round((cpu / result.seconds) * 1000) / 10,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

/** A port free now on 127.0.0.1 (for the metrics listener, whose address the server prints late). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
