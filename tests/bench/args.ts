import { parseArgs } from 'node:util';

// The runner's command line: `node tests/bench/run.ts [--only NAME]… [--jobseekers N] [--verbose]`.

export interface BenchArgs {
  only: string[];
  jobseekers: number;
  verbose: boolean;
  help: boolean;
}

export const DEFAULT_JOBSEEKERS = 100_000;
const MIN_JOBSEEKERS = 100;
const MAX_JOBSEEKERS = 10_000_000;

export const USAGE = `usage: node tests/bench/run.ts [--only NAME]... [--jobseekers N] [--verbose]
  --only NAME      run only the named benchmark (repeatable)
  --jobseekers N   jobseekers in the demo store (default ${DEFAULT_JOBSEEKERS}, at least ${MIN_JOBSEEKERS})
  --verbose        print stack traces of failures`;

export class UsageError extends Error {}

const OPTIONS = {
  only: { type: 'string', multiple: true },
  jobseekers: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseStrict(argv);
  return {
    only: values.only ?? [],
    jobseekers: values.jobseekers === undefined ? DEFAULT_JOBSEEKERS : jobseekerCount(values.jobseekers),
    verbose: values.verbose ?? false,
    help: values.help ?? false,
  };
}

function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function jobseekerCount(text: string): number {
  const n = /^\d+$/.test(text.replaceAll('_', '')) ? Number(text.replaceAll('_', '')) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < MIN_JOBSEEKERS || n > MAX_JOBSEEKERS) {
    throw new UsageError(
      `--jobseekers wants a whole number from ${MIN_JOBSEEKERS} to ${MAX_JOBSEEKERS}, not "${text}"`,
    );
  }
  return n;
}
