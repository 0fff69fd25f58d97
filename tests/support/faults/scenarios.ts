import { execFileSync } from 'node:child_process';
import { mkdirSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { World, type FaultStats } from './harness.ts';

// The scenarios of the real-fault harness, each acting at a moment the server or a desktop announced
// (a fault line, a `ready`, a `frozen`), never after a delay; each followed by quiescence and the
// invariants (harness.ts, invariants.ts).

export interface ScenarioResult {
  name: string;
  /** Every problem found at this quiescence (those of earlier scenarios still there included). */
  problems: string[];
  /** The problems that were not there after the scenario before. */
  newProblems: string[];
  divergences: number;
  rowsCompared: number;
}

export interface FaultRunResult {
  scenarios: ScenarioResult[];
  stats: FaultStats;
  /** What the desktop said when its disk filled, or why the scenario was skipped. */
  diskFull: { skipped: string } | { message: string } | null;
}

export interface FaultRunSize {
  /** Writes of the pushing desktop beside the two pulling ones. */
  concurrentWrites: number;
  /** Writes of each desktop in the kill scenarios. */
  writes: number;
}

export const CI_SIZE: FaultRunSize = { concurrentWrites: 150, writes: 12 };

type Scenario = (w: World, size: FaultRunSize, run: FaultRunResult) => Promise<void>;

/** Three desktops of one center: one pushes after every write while the other two sync over and over. */
const concurrent: Scenario = async (w, size) => {
  const [a, b, c] = w.desks;
  if (!a || !b || !c) throw new Error('three desktops needed');
  // Each colleague has a caseload of their own first (the pusher's notes on it reach them by two scopes).
  for (const d of [b, c]) await w.finish(d, w.desktop(d, { mode: 'write', writes: 3 }));
  const followers = [b, c].map((d) => ({ d, p: w.desktop(d, { mode: 'follow' }) }));
  // The pulls are under way before the pushes start.
  for (const f of followers) await f.p.waitLine((l) => l.startsWith('synced '));
  const pusher = w.desktop(a, { mode: 'push-only', writes: size.concurrentWrites, syncEvery: 3 });
  await w.finish(a, pusher);
  for (const f of followers) f.p.stop();
  for (const f of followers) await w.finish(f.d, f.p);
};

/** The server killed inside a push transaction, then in the committed-but-unanswered window. */
const serverKills: Scenario = async (w, size) => {
  const [a, b] = w.desks;
  if (!a || !b) throw new Error('two desktops needed');
  await w.killServer('push-locked');
  const pa = w.desktop(a, { mode: 'write', writes: size.writes, syncEvery: 2 });
  const pb = w.desktop(b, { mode: 'write', writes: size.writes, syncEvery: 3 });
  if (await w.faultAt('push-locked')) await w.killServer('push-committed');
  else await w.reviveIfCrashed();
  if (await w.faultAt('push-committed')) await w.killServer();
  else await w.reviveIfCrashed();
  await w.finish(a, pa);
  await w.finish(b, pb);
};

/** A desktop killed while its push is in the server's hands; the push then commits unheard. */
const desktopKillMidPush: Scenario = async (w, size) => {
  const [a] = w.desks;
  if (!a) throw new Error('a desktop needed');
  await w.killServer('push-locked');
  const pa = w.desktop(a, { mode: 'write', writes: size.writes, syncEvery: 2 });
  const ready = await pa.waitLine((l) => l.startsWith('ready '));
  if (!ready) {
    // It ended before signing in: nothing to kill mid-push (the notes say why).
    await w.finish(a, pa);
    return;
  }
  const device = ready.slice('ready '.length);
  const server = w.server;
  const from = server?.lines.length ?? 0;
  if (await w.faultAt('push-locked', device, from)) {
    await w.killDesktop(a, pa);
    server?.release();
    await w.faultAt('push-committed', device, from);
  } else await w.finish(a, pa);
  // Started again: it pushes the same entries, which the server acknowledges as already applied.
  await w.finish(a, w.desktop(a, { mode: 'write', writes: size.writes, syncEvery: 2 }));
};

/** A new desktop killed in the middle of its first download (frozen after its first batch). */
const firstDownloadKill: Scenario = async (w, _size, run) => {
  const d = await w.addDesk();
  const p = w.desktop(d, { mode: 'settle', freezeOnFirstDownload: true });
  if (await p.waitLine((l) => l === 'frozen')) await w.killDesktop(d, p);
  else {
    await w.finish(d, p);
    run.stats.notes.push('first download ended before a progress report: nothing to kill');
  }
  await w.finish(d, w.desktop(d, { mode: 'settle' }));
};

/** The server's PostgreSQL connections cut while a push holds one inside its transaction. */
const pgTerminate: Scenario = async (w, size) => {
  const [a, b] = w.desks;
  if (!a || !b) throw new Error('two desktops needed');
  await w.killServer('push-locked');
  const pa = w.desktop(a, { mode: 'write', writes: size.writes, syncEvery: 2 });
  const pb = w.desktop(b, { mode: 'follow' });
  if (await w.faultAt('push-locked')) {
    await w.terminateServerConnections();
    w.server?.release();
  }
  const server = w.server;
  // Either the pushing desktop gets through (the server survived), or the server dies.
  const ended = await Promise.race([pa.exited.then(() => 'desktop'), server?.exited.then(() => 'server')]);
  if (ended === 'server') await w.reviveIfCrashed();
  await w.finish(a, pa);
  pb.stop();
  await w.finish(b, pb);
  await w.reviveIfCrashed();
};

function sh(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A desktop whose disk fills (a small tmpfs), then gets room again. Needs root to mount. */
const diskFull: Scenario = async (w, size, run) => {
  const mountPoint = join(tmpdir(), `caseworker-diskfull-${process.pid}-${w.port}`);
  mkdirSync(mountPoint, { recursive: true });
  try {
    sh('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mountPoint]);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    run.diskFull = { skipped: `no tmpfs could be mounted (${why})` };
    process.stderr.write(`faults: disk-full scenario skipped: ${run.diskFull.skipped}\n`);
    return;
  }
  w.onClose(() => sh('umount', ['-l', mountPoint]));
  const d = await w.addDesk(join(mountPoint, 'desk'));
  await w.finish(d, w.desktop(d, { mode: 'settle' }));
  // Room for a few more writes only.
  const fs = statfsSync(mountPoint);
  const usedKb = Math.ceil(((fs.blocks - fs.bfree) * fs.bsize) / 1024);
  sh('mount', ['-o', `remount,size=${usedKb + 384}k`, mountPoint]);
  const p = w.desktop(d, { mode: 'write', writes: size.writes * 200, syncEvery: 5 });
  await w.finish(d, p);
  const said =
    p.lines.find((l) => l.startsWith('write-error ')) ?? p.lines.find((l) => l.startsWith('sync-error '));
  run.diskFull = { message: said ?? `never filled (${p.lines.slice(-1).join('')})` };
  sh('mount', ['-o', 'remount,size=64m', mountPoint]);
  await w.finish(d, w.desktop(d, { mode: 'settle' }));
};

export const SCENARIOS: Array<{ name: string; run: Scenario }> = [
  { name: 'concurrent-push-pull', run: concurrent },
  { name: 'server-kill', run: serverKills },
  { name: 'desktop-kill-mid-push', run: desktopKillMidPush },
  { name: 'desktop-kill-mid-first-download', run: firstDownloadKill },
  { name: 'pg-terminate', run: pgTerminate },
  { name: 'disk-full', run: diskFull },
];

/** One run: a fresh server database, three desktops, every scenario in turn, invariants after each. */
export async function runFaults(
  size: FaultRunSize,
  only?: readonly string[],
  log: (line: string) => void = () => undefined,
): Promise<FaultRunResult> {
  const w = await World.create(3);
  const run: FaultRunResult = { scenarios: [], stats: w.stats, diskFull: null };
  try {
    for (const s of SCENARIOS) {
      if (only && !only.includes(s.name)) continue;
      log(`faults: ${s.name}…`);
      await s.run(w, size, run);
      const report = await w.quiesce();
      const before = new Set(run.scenarios.at(-1)?.problems ?? []);
      const newProblems = report.problems.filter((p) => !before.has(p));
      run.scenarios.push({ name: s.name, ...report, newProblems });
      log(`faults: ${s.name}: ${report.divergences} divergences, ${newProblems.length} new problems`);
      for (const p of newProblems.slice(0, 8)) log(`faults:   ${p}`);
    }
  } finally {
    await w.close();
  }
  const disk =
    run.diskFull && ('skipped' in run.diskFull ? `skipped, ${run.diskFull.skipped}` : run.diskFull.message);
  log(
    `faults: ${run.stats.serverKills} server kills, ${run.stats.desktopKills} desktop kills, ` +
      `${run.stats.pgTerminations} connections cut, ${run.stats.serverCrashes.length} server crashes; disk full: ${disk ?? 'not run'}`,
  );
  for (const c of run.stats.serverCrashes) log(`faults: server crash: ${c}`);
  return run;
}

export interface FaultSeries {
  runs: number;
  /** By scenario: runs made, runs after which no new problem appeared, divergent rows found. */
  scenarios: Map<string, { runs: number; clean: number; divergences: number }>;
  serverKills: number;
  desktopKills: number;
  pgTerminations: number;
  serverCrashes: string[];
  diskFull: string[];
  problems: string[];
}

/** `runs` runs in a row (FAULT_RUNS, the benchmark), added up. */
export async function runFaultSeries(
  runs: number,
  size: FaultRunSize,
  only?: readonly string[],
  log: (line: string) => void = () => undefined,
): Promise<FaultSeries> {
  const series: FaultSeries = {
    runs: 0,
    scenarios: new Map(),
    serverKills: 0,
    desktopKills: 0,
    pgTerminations: 0,
    serverCrashes: [],
    diskFull: [],
    problems: [],
  };
  for (let i = 0; i < runs; i++) {
    log(`faults: run ${i + 1} of ${runs}`);
    const r = await runFaults(size, only, log);
    series.runs++;
    let divergedBefore = 0;
    for (const s of r.scenarios) {
      const t = series.scenarios.get(s.name) ?? { runs: 0, clean: 0, divergences: 0 };
      t.runs++;
      if (s.newProblems.length === 0) t.clean++;
      t.divergences += Math.max(0, s.divergences - divergedBefore);
      divergedBefore = s.divergences;
      series.scenarios.set(s.name, t);
      series.problems.push(...s.newProblems.map((p) => `run ${i + 1} ${s.name}: ${p}`));
    }
    series.serverKills += r.stats.serverKills;
    series.desktopKills += r.stats.desktopKills;
    series.pgTerminations += r.stats.pgTerminations;
    series.serverCrashes.push(...r.stats.serverCrashes);
    if (r.diskFull)
      series.diskFull.push('skipped' in r.diskFull ? `skipped: ${r.diskFull.skipped}` : r.diskFull.message);
  }
  return series;
}
