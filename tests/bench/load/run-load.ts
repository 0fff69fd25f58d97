import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from '../stats.ts';
import { emptyStats, LoadError, random, SimDesktop, type LoadStats, type RequestKind } from './desktop.ts';
import { LOAD_PASSWORD, type LoadAccount } from './seed.ts';

// The load test's driver (issue #19 item 4): many simulated desktops (desktop.ts) against one server
// URL, bounded in count (one per account) and in time. Each starts within the ramp, signs in, takes its
// first download, then every "minute" (`minuteMs`, compressed) may push a burst of edits and pulls. At
// the end every desktop stops, pulls what is left, and takes a fresh download to compare with what it
// holds: a desktop converged when both hold the same rows at the same seqs.

export interface LoadOptions {
  url: string;
  accounts: readonly LoadAccount[];
  /** The whole run, ramp included. */
  seconds: number;
  /** Desktops start spread over this long. */
  rampMs: number;
  /** A desktop's "minute": it pulls once per minute. */
  minuteMs: number;
  /** The chance a counselor pushes a burst in a given minute, and its largest size. */
  pushChance: number;
  burstMax: number;
  seed: number;
  log?: (message: string) => void;
  /** Called when the measured run ends, before the convergence check. */
  onRunEnd?: () => void | Promise<void>;
}

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadResult {
  desktops: number;
  /** Desktops signed in, downloaded and syncing to the end without an error. */
  held: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  byKind: Record<RequestKind, Percentiles>;
  mutations: number;
  throttled: number;
  throttledBy: Record<string, number>;
  /** CPU seconds of this process (the simulated desktops) during the run. */
  driverCpuSeconds: number;
  errors: number;
  errorSamples: string[];
  /** Held desktops whose rows equal a fresh download's at the end. */
  converged: number;
  divergent: string[];
}

/** How long after the run the desktops may still finish and be checked. */
export const GRACE_MS = 180_000;

function summary(times: readonly number[]): Percentiles {
  if (times.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0 };
  const r = (p: number) => Math.round(percentile(times, p) * 10) / 10;
  return { count: times.length, p50: r(50), p95: r(95), p99: r(99) };
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const stats = emptyStats();
  const stop = new AbortController();
  // Bounded in time whatever the server does: the run, then up to three minutes for the last first
  // downloads and the check (on a loaded machine a sign-in alone can take 10 s), then everything stops.
  const hard = setTimeout(() => stop.abort(), o.seconds * 1000 + GRACE_MS);
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const deadline = started + o.seconds * 1000;
  const desktops = o.accounts.map((a) => new SimDesktop(o.url, a, stats, stop.signal));
  const held = new Set<SimDesktop>();
  const step = desktops.length > 1 ? o.rampMs / desktops.length : 0;

  const life = async (d: SimDesktop, i: number) => {
    const rnd = random(o.seed + i);
    await sleep(i * step);
    try {
      await d.signIn(LOAD_PASSWORD);
      await d.firstDownload();
      held.add(d);
      // The first pull of each comes at a random point of its first minute, as desktops started at
      // different times do.
      let next = performance.now() + rnd() * o.minuteMs;
      for (;;) {
        if (next >= deadline) break;
        await sleep(Math.max(0, next - performance.now()));
        next += o.minuteMs;
        if (d.account.role === 'counselor' && rnd() < o.pushChance)
          await d.pushBurst(1 + Math.floor(rnd() * o.burstMax), rnd);
        await d.pullAll();
      }
    } catch (error) {
      held.delete(d);
      if (!(error instanceof LoadError)) throw error;
    }
  };
  let reported = 0;
  const progress = setInterval(() => {
    const s = Math.round((performance.now() - started) / 1000);
    if (s >= reported + 10) {
      reported = s;
      o.log?.(
        `load: ${s} s, ${held.size} desktops synced, ${requestCount(stats)} requests, ${stats.errors} errors`,
      );
    }
  }, 1000);
  try {
    await Promise.all(desktops.map((d, i) => life(d, i)));
    const seconds = (performance.now() - started) / 1000;
    const runStats = { ...stats, times: { ...stats.times } };
    const requests = requestCount(runStats);
    const cpu = process.cpuUsage(cpuStart);
    await o.onRunEnd?.();

    // The check, outside the measured run: every desktop that held on catches up, then compares.
    const check = emptyStats();
    const divergent: string[] = [];
    let converged = 0;
    const queue = [...held];
    await Promise.all(
      Array.from({ length: Math.min(16, queue.length) }, async () => {
        for (let d = queue.shift(); d; d = queue.shift()) {
          d.useStats(check);
          try {
            await d.pullAll();
            const fresh = await d.download();
            const diff = difference(d.rows, fresh.rows);
            if (diff) divergent.push(`${d.account.loginId}: ${diff}`);
            else converged += 1;
          } catch (error) {
            if (!(error instanceof LoadError)) throw error;
            divergent.push(`${d.account.loginId}: the check failed (${check.errorSamples.at(-1) ?? ''})`);
          }
        }
      }),
    );
    return {
      desktops: desktops.length,
      held: held.size,
      seconds: Math.round(seconds * 10) / 10,
      requests,
      requestsPerSecond: Math.round((requests / seconds) * 10) / 10,
      byKind: {
        login: summary(runStats.times.login),
        scopes: summary(runStats.times.scopes),
        snapshot: summary(runStats.times.snapshot),
        pull: summary(runStats.times.pull),
        push: summary(runStats.times.push),
      },
      mutations: stats.mutations,
      throttled: stats.throttled,
      throttledBy: { ...stats.throttledBy },
      driverCpuSeconds: Math.round((cpu.user + cpu.system) / 100_000) / 10,
      errors: stats.errors + check.errors,
      errorSamples: [...stats.errorSamples, ...check.errorSamples].slice(0, 10),
      converged,
      divergent: divergent.slice(0, 10),
    };
  } finally {
    clearTimeout(hard);
    clearInterval(progress);
    stop.abort();
  }
}

function requestCount(s: LoadStats): number {
  return Object.values(s.times).reduce((n, t) => n + t.length, 0);
}

/** Why two row sets differ (the first few keys), or null when they are the same. */
function difference(held: ReadonlyMap<string, number>, fresh: ReadonlyMap<string, number>): string | null {
  const out: string[] = [];
  for (const [key, seq] of fresh)
    if (held.get(key) !== seq) out.push(`${key} held ${held.get(key) ?? 'missing'}, server ${seq}`);
  for (const key of held.keys()) if (!fresh.has(key)) out.push(`${key} held but not on the server`);
  return out.length === 0 ? null : `${out.length} rows differ (${out.slice(0, 3).join('; ')})`;
}
