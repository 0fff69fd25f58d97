import { beforeAll, describe, expect, it } from 'vitest';
import { CI_SIZE, runFaultSeries, SCENARIOS, type FaultSeries } from '../../support/faults/scenarios.ts';

// Sync under real faults (issue #14): the server runs as its own process (the real command) over a
// fresh PostgreSQL database, desktops as their own processes (tests/support/faults/desktop.ts) writing
// through the real services and syncing through the real client; the harness kills them with SIGKILL at
// moments the processes announce (the server's fault lines: inside a push transaction, after its commit
// and before its answer; a desktop's first-download progress), cuts the server's PostgreSQL connections,
// fills a desktop's disk (a tmpfs, when the machine lets us mount one), and runs one desktop pushing
// beside two pulling. After each scenario everyone syncs until nothing moves, then the invariants
// (tests/support/faults/invariants.ts) must hold. Nothing waits on the clock: every step waits for a
// line from a process or for a process to end.
//
// CI runs one small run; FAULT_RUNS=50 (and FAULT_WRITES=…) makes the larger one. `npm run bench --
// --only faults` runs the same with figures.

const RUNS = Number(process.env['FAULT_RUNS'] ?? 1);
const WRITES = Number(process.env['FAULT_WRITES'] ?? CI_SIZE.concurrentWrites);

describe('sync under real faults (real server, desktops and PostgreSQL)', () => {
  let series: FaultSeries;
  beforeAll(async () => {
    series = await runFaultSeries(RUNS, { ...CI_SIZE, concurrentWrites: WRITES }, undefined, (line) =>
      process.stderr.write(`${line}\n`),
    );
  }, 900_000 * RUNS);

  it.each(SCENARIOS.map((s) => s.name))('%s: every invariant holds at quiescence', (name) => {
    const mine = series.problems.filter((p) => p.includes(` ${name}: `));
    expect(mine).toEqual([]);
    expect(series.scenarios.get(name)?.runs).toBe(RUNS);
  });

  it('no desktop diverges from the server for its scopes', () => {
    const divergent = [...series.scenarios].filter(([, s]) => s.divergences > 0);
    expect(divergent).toEqual([]);
  });

  it('the faults happened: server and desktops killed, connections cut', () => {
    // Per run: one kill of the idle server before each of three held scenarios, one inside a push
    // transaction, one after a commit before its answer; a desktop mid-push and one mid-first-download.
    expect(series.serverKills).toBeGreaterThanOrEqual(5 * RUNS);
    expect(series.desktopKills).toBe(2 * RUNS);
    expect(series.pgTerminations).toBeGreaterThanOrEqual(RUNS);
  });

  it('the server survives its PostgreSQL connections being cut', () => {
    expect(series.serverCrashes).toEqual([]);
  });

  it('a full disk is named as such on the desktop', () => {
    for (const said of series.diskFull) {
      if (said.startsWith('skipped')) {
        process.stderr.write(`faults: the disk-full scenario was ${said}\n`);
        continue;
      }
      expect(said.startsWith('never filled')).toBe(false);
      expect(said).toMatch(/disk|full|space|공간/i);
    }
  });
});
