import { loadavg } from 'node:os';
import { loadScenario, type ScenarioResult } from './load/scenario.ts';
import type { Reporter } from './report.ts';
import type { BenchContext, Benchmark } from './types.ts';

// Issue #19 item 4: many simulated desktops (tests/bench/load/) against the real server over loopback,
// on one server process and on two (--workers 2), each over its own fresh PostgreSQL database. Sizes
// from the environment, like the faults benchmark: LOAD_DESKTOPS (500), LOAD_SECONDS (180, ramp
// included), LOAD_MINUTE_MS (15000: a desktop's minute, compressed 4x), LOAD_WORKERS ("1,2"),
// LOAD_SERVER_ARGS (more server options, e.g. "--pool-size 20").

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} wants a positive number`);
  return v;
};

export const loadBench: Benchmark = {
  name: 'load',
  summary: 'many simulated desktops over loopback on 1 and 2 server processes: p50/p95/p99, errors, CPU',
  async run(ctx) {
    const desktops = env('LOAD_DESKTOPS', 500);
    const seconds = env('LOAD_SECONDS', 180);
    const workers = (process.env['LOAD_WORKERS'] ?? '1,2').split(',').map(Number);
    for (const w of workers) {
      ctx.log(`load: ${desktops} desktops, ${seconds} s, --workers ${w}`);
      const r = await loadScenario({
        desktops,
        centers: 50,
        casesPerCenter: 200,
        workers: w,
        seconds,
        rampMs: Math.min(60_000, (seconds * 1000) / 3),
        minuteMs: env('LOAD_MINUTE_MS', 15_000),
        pushChance: 0.5,
        burstMax: 10,
        serverArgs: (process.env['LOAD_SERVER_ARGS'] ?? '').split(' ').filter(Boolean),
        log: (m) => ctx.log(m),
      });
      report(ctx, `load.w${w}`, r);
    }
  },
};

function report(ctx: BenchContext, p: string, r: ScenarioResult): void {
  const f: Reporter['figure'] = (...a) => ctx.report.figure(...a);
  f(`${p}.desktops`, r.desktops, 'count');
  f(`${p}.held`, r.held, 'count', { above: r.desktops - 1 });
  f(`${p}.seconds`, r.seconds, 's');
  f(`${p}.requestsPerSecond`, r.requestsPerSecond, 'requests/s');
  for (const kind of ['pull', 'push', 'snapshot', 'login'] as const) {
    const k = r.byKind[kind];
    f(`${p}.${kind}.count`, k.count, 'count');
    f(`${p}.${kind}.p50`, k.p50, 'ms');
    f(`${p}.${kind}.p95`, k.p95, 'ms');
    f(`${p}.${kind}.p99`, k.p99, 'ms', kind === 'pull' ? { below: 500 } : undefined);
  }
  // The server's own p99 over the run (the upper bound of its histogram's bucket).
  if (r.serverPullP99 !== null) f(`${p}.server.pull.p99`, r.serverPullP99, 'ms');
  if (r.serverPushP99 !== null) f(`${p}.server.push.p99`, r.serverPushP99, 'ms');
  f(`${p}.mutations`, r.mutations, 'count');
  f(`${p}.throttled`, r.throttled, 'count');
  for (const [code, n] of Object.entries(r.throttledBy)) f(`${p}.throttled.${code}`, n, 'count');
  f(`${p}.errors`, r.errors, 'count', { below: 1 });
  f(`${p}.converged`, r.converged, 'count', { above: r.held - 1 });
  f(`${p}.serverCpu`, r.serverCpuSeconds, 's');
  f(`${p}.serverCpuPercent`, r.serverCpuPercent, '%');
  // The simulated desktops share the machine: their own CPU time shows how much of it they took.
  f(`${p}.driverCpu`, r.driverCpuSeconds, 's');
  ctx.log(
    `load: load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (2 cores, shared)`,
  );
  for (const e of r.errorSamples) ctx.log(`load: error: ${e}`);
  for (const d of r.divergent) ctx.log(`load: divergent: ${d}`);
}
