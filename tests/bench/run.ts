import { parseBenchArgs, UsageError, USAGE, type BenchArgs } from './args.ts';
import { createFixtures } from './fixtures.ts';
import { benchmarks } from './index.ts';
import { machineLine } from './machine.ts';
import { createReporter, formatAim } from './report.ts';
import type { Benchmark, BenchContext } from './types.ts';

// `npm run bench`: runs the benchmarks listed in index.ts and prints each figure as `name: value unit`
// on stdout (interfaces.md); progress and notes go to stderr. Exits non-zero if a benchmark failed,
// not if an aim was missed (figures depend on the machine).

function select(only: readonly string[]): readonly Benchmark[] {
  if (only.length === 0) return benchmarks;
  const known = benchmarks.map((b) => b.name);
  const unknown = only.filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw new UsageError(`unknown benchmark "${unknown.join('", "')}"; known: ${known.join(', ')}`);
  return benchmarks.filter((b) => only.includes(b.name));
}

async function runAll(args: BenchArgs): Promise<boolean> {
  const selected = select(args.only);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const fixtures = createFixtures(args.jobseekers);
  const onSignal = (signal: NodeJS.Signals) => {
    fixtures.disposeNow();
    log(`bench: stopped by ${signal}`);
    process.exit(130);
  };
  // Kept to the end: a signal that arrives while the thread is busy is handled at its next turn.
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const report = createReporter(out);
  const ctx: BenchContext = {
    options: { jobseekers: args.jobseekers },
    report,
    log,
    demoStore: () => fixtures.demoStore(),
    plainDemoStore: () => fixtures.plainDemoStore(),
  };
  out(machineLine());
  out(`# options: jobseekers ${args.jobseekers}; benchmarks ${selected.map((b) => b.name).join(', ')}`);
  let failed = false;
  try {
    for (const bench of selected) {
      log(`bench: ${bench.name}…`);
      try {
        await bench.run(ctx);
      } catch (error) {
        failed = true;
        log(`bench: ${bench.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (args.verbose && error instanceof Error && error.stack) log(error.stack);
      }
    }
  } finally {
    await fixtures.dispose();
  }
  for (const aim of report.aims()) out(formatAim(aim));
  return !failed;
}

async function main(argv: readonly string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
    if (args.help) {
      process.stdout.write(
        `${USAGE}\nbenchmarks:\n${benchmarks.map((b) => `  ${b.name}  ${b.summary}`).join('\n')}\n`,
      );
      return 0;
    }
    select(args.only);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  return (await runAll(args)) ? 0 : 1;
}

const verbose = process.argv.includes('--verbose');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  },
);
