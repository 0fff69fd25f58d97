import { setImmediate as nextTurn } from 'node:timers/promises';

// Timing and percentiles for the benchmarks. Times are milliseconds from performance.now().

export interface Summary {
  count: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** How long one call takes, in milliseconds. */
export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * Times `fn` once per input, one after another (never concurrently), and returns the times in order.
 * Each call starts on a fresh turn of the event loop, as a call from a window would; this also lets a
 * signal (Ctrl-C) be handled between calls, since calls into better-sqlite3 never yield by themselves.
 */
export async function sampleMs<T>(
  inputs: readonly T[],
  fn: (input: T) => Promise<unknown>,
): Promise<number[]> {
  const times: number[] = [];
  for (const input of inputs) {
    await nextTurn();
    times.push(await timeMs(() => fn(input)));
  }
  return times;
}

/** The same call `runs` times. */
export function repeatMs(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  return sampleMs(
    Array.from({ length: runs }, (_, i) => i),
    fn,
  );
}

/**
 * The nearest-rank percentile: the smallest sample that at least p% of the samples do not exceed
 * (p95 of 100 samples is the 95th smallest). Never interpolates, so it is always a measured time.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile out of range: ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summary of no samples');
  return {
    count: samples.length,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: Math.min(...samples),
    max: Math.max(...samples),
    mean: samples.reduce((sum, t) => sum + t, 0) / samples.length,
  };
}
