import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { delimiter } from 'node:path';
import { REPO_ROOT } from './run-node.ts';

// Commands run the way a user's shell runs them, not the way `npm test` runs its children: npm puts
// node_modules/.bin (with the project's Node 24) first on the PATH and sets npm_* variables; a person
// who types `npx caseworker …` or `npm run preview` has the machine's own `node` (Debian's 20) first.

/** The environment of a user's shell in the project folder: no node_modules/.bin, no npm_* variables. */
export function userShellEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^npm_/i.test(key) || key.startsWith('CASEWORKER_')) continue;
    if (['NODE', 'INIT_CWD', 'NODE_OPTIONS', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'].includes(key))
      continue;
    env[key] = value;
  }
  env['PATH'] = (process.env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '' && !dir.includes('node_modules'))
    .join(delimiter);
  return { ...env, ...extra };
}

/** `node --version` in a user's shell: the Node the launchers and npm itself start on. */
export function userShellNodeVersion(): string {
  const run = spawnSync('node', ['--version'], { env: userShellEnv(), encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : 'none';
}

export interface ShellResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs one command line with bash in the project folder, like a user typing it. */
export function runInUserShell(
  command: string,
  options: { env?: Record<string, string>; stdin?: string; timeoutMs?: number } = {},
): Promise<ShellResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('bash', ['-c', command], {
      cwd: REPO_ROOT,
      env: userShellEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 120_000,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    // A command that ends without reading its input closes the pipe first (EPIPE); its exit code and
    // output are what the test judges, so that write error is not the command's failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin ?? '');
  });
}

export interface BackgroundCommand {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the output once it matches `pattern`; rejects if the command ends first. */
  waitFor: (pattern: RegExp) => Promise<string>;
  /** Sends `signal` to the command's whole process group and resolves with how it ended. */
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * A long-running command (a server, the preview) in its own process group, so that stopping it stops
 * npm, bash and Node together, as ^C in a terminal does.
 */
export function startInUserShell(command: string, env: Record<string, string> = {}): BackgroundCommand {
  const child = spawn('bash', ['-c', command], {
    cwd: REPO_ROOT,
    env: userShellEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const waiters: Array<() => void> = [];
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const w of waiters.splice(0)) w();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.on('exit', (code, signal) => {
      r({ code, signal });
      for (const w of waiters.splice(0)) w();
    }),
  );
  return {
    child,
    output: () => output,
    waitFor: (pattern) =>
      new Promise((resolvePromise, reject) => {
        const check = () => {
          if (pattern.test(output)) resolvePromise(output);
          else if (child.exitCode !== null || child.signalCode !== null)
            reject(new Error(`\`${command}\` ended before printing ${pattern}:\n${output}`));
          else waiters.push(check);
        };
        check();
      }),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, signal);
        } catch {
          // already gone
        }
      }
      return ended;
    },
  };
}
