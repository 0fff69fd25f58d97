import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Servers of the sync benchmark as their own processes, as in production: a desktop and a server never
// share a thread, so neither's work shows up as the other's event-loop stall or CPU time. Our server
// is the real command (`caseworker-server --db … --port 0`); the PouchDB peer is pouchdb-server.ts.
// With BENCH_PROFILE=DIR our server writes its CPU profile there when it stops.

const CLI = fileURLToPath(new URL('../../server/cli/caseworker-server.ts', import.meta.url));
const POUCH = fileURLToPath(new URL('./pouchdb-server.ts', import.meta.url));
const PUSH = fileURLToPath(new URL('./push-server.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  /** The process id (the push-checks benchmark reads its CPU time from /proc). */
  pid: number | undefined;
  stop: () => Promise<void>;
}

export function startServerProcess(dbUrl: string, extra: readonly string[] = []): Promise<ServerProcess> {
  const profile = process.env['BENCH_PROFILE'];
  return startListening([
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`, '--cpu-prof-name=sync-server.cpuprofile'] : []),
    CLI,
    '--db',
    dbUrl,
    '--port',
    '0',
    ...extra,
  ]);
}

/** The push-checks benchmark's server: the app with its push checks on or off (push-server.ts). */
export function startPushServer(dbUrl: string, checks: 'on' | 'off'): Promise<ServerProcess> {
  return startListening([PUSH, dbUrl, checks]);
}

export function startPouchServer(logDir: string): Promise<ServerProcess> {
  return startListening([POUCH, logDir]);
}

async function startListening(args: string[]): Promise<ServerProcess> {
  // Request logs (stdout) are not wanted here; stderr says where it listens, and why it failed.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let said = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      said += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(said);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`the server exited (${code}): ${said.trim().slice(0, 500)}`)),
    );
  });
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
