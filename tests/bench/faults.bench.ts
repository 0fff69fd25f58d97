import { CI_SIZE, runFaultSeries } from '../support/faults/scenarios.ts';
import type { Benchmark } from './types.ts';

// The real-fault harness (tests/support/faults, issue #14) as a benchmark: FAULT_RUNS runs (default 1, ~4 min each)
// of every scenario with real server and desktop processes over PostgreSQL, and what they found: runs,
// kills, cut connections, server crashes, divergent rows and problems at quiescence. Every figure
// except runs and kills should be 0.

export const faultsBench: Benchmark = {
  name: 'faults',
  summary: 'real-process fault runs (server and desktops killed, connections cut, disk full): divergences',
  async run(ctx) {
    const runs = Number(process.env['FAULT_RUNS'] ?? 1);
    const writes = Number(process.env['FAULT_WRITES'] ?? CI_SIZE.concurrentWrites * 2);
    const start = performance.now();
    const s = await runFaultSeries(runs, { ...CI_SIZE, concurrentWrites: writes }, undefined, (line) =>
      ctx.log(line),
    );
    const r = ctx.report;
    r.figure('faults.runs', s.runs, 'runs');
    r.figure('faults.seconds', (performance.now() - start) / 1000, 's');
    r.figure('faults.kills.server', s.serverKills, 'kills');
    r.figure('faults.kills.desktop', s.desktopKills, 'kills');
    r.figure('faults.pgTerminated', s.pgTerminations, 'count');
    r.figure('faults.serverCrashes', s.serverCrashes.length, 'count', { below: 1 });
    let divergences = 0;
    for (const [name, t] of s.scenarios) {
      r.figure(`faults.${name}.runs`, t.runs, 'runs');
      r.figure(`faults.${name}.clean`, t.clean, 'runs');
      r.figure(`faults.${name}.divergences`, t.divergences, 'rows', { below: 1 });
      divergences += t.divergences;
    }
    r.figure('faults.divergences', divergences, 'rows', { below: 1 });
    r.figure('faults.problems', s.problems.length, 'count', { below: 1 });
    const named = s.diskFull.filter((m) => /disk|full|space|공간/i.test(m) && !m.startsWith('never')).length;
    r.figure('faults.diskFull.named', named, 'runs');
    for (const p of s.problems.slice(0, 20)) ctx.log(`faults: ${p}`);
    for (const c of s.serverCrashes.slice(0, 5)) ctx.log(`faults: server crash: ${c}`);
  },
};
