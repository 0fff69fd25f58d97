import type { DemoStore } from './demo-store.ts';
import type { Reporter } from './report.ts';

// What a benchmark module exports and what the runner hands it.

export interface BenchOptions {
  /** Jobseekers in the demo store (`--jobseekers`, default 100,000). */
  jobseekers: number;
}

export interface BenchContext {
  options: BenchOptions;
  report: Reporter;
  /** A note for the person watching (stderr); figures go through `report`. */
  log(message: string): void;
  /**
   * The demo store for `options.jobseekers`, generated on first use and shared by every benchmark of
   * the run; the runner deletes it at the end. Benchmarks may write to it (audited reads do).
   */
  demoStore(): Promise<DemoStore>;
  /** The same demo data, unencrypted, made on first use (only the encryption benchmark asks for it). */
  plainDemoStore(): Promise<DemoStore>;
}

export interface Benchmark {
  /** What `--only` selects. */
  name: string;
  /** One line for `--help`. */
  summary: string;
  run(ctx: BenchContext): Promise<void>;
}
