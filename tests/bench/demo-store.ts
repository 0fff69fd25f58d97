import { login } from '../../electron/services/auth.ts';
import { generateDemo, type DemoSummary } from '../../electron/services/demo/generate.ts';
import type { DesktopStore } from '../../electron/services/store.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';

// The benchmarks' demo data: always the same seed and anchor date, so the same N gives the same people
// and runs on different machines or commits measure the same store.

export const BENCH_PASSWORD = 'Bench-pass-2026';
export const BENCH_SEED = 20_260_302;
export const BENCH_ANCHOR = new Date('2026-03-02T00:00:00Z');

export interface Generated {
  summary: DemoSummary;
  /** Wall time of `generateDemo` alone (not opening the store or running migrations). */
  generateMs: number;
}

export interface DemoStore extends Generated {
  store: DesktopStore;
  /** Jobseekers asked for (and made). */
  jobseekers: number;
  signIn(loginId: string): Promise<SessionInfo>;
}

export async function generateBenchDemo(
  store: DesktopStore,
  jobseekers: number,
  onProgress: (step: string, done: number, total: number) => void,
): Promise<Generated> {
  const start = performance.now();
  const summary = await generateDemo(store.context, {
    centerCode: 'BENCH',
    centerName: '벤치마크고용센터',
    sido: '11',
    sigungu: '11680',
    jobseekers,
    employers: Math.max(1, Math.round(jobseekers / 5)),
    seed: BENCH_SEED,
    password: BENCH_PASSWORD,
    anchor: BENCH_ANCHOR,
    onProgress,
  });
  return { summary, generateMs: performance.now() - start };
}

export function asDemoStore(store: DesktopStore, jobseekers: number, generated: Generated): DemoStore {
  return {
    ...generated,
    store,
    jobseekers,
    signIn: (loginId) => login(store.context, loginId, BENCH_PASSWORD),
  };
}
