import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The sync server as its own process (`caseworker-server --db … --port 0`), as in production: a desktop
// and the server never share a thread, so neither's work shows up as the other's event-loop stall or
// CPU time. With BENCH_PROFILE=DIR the server writes its CPU profile there when it stops.

const CLI = fileURLToPath(new URL('../../server/cli/caseworker-server.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  stop: () => Promise<void>;
}

export async function startServerProcess(dbUrl: string): Promise<ServerProcess> {
  const profile = process.env['BENCH_PROFILE'];
  const child = spawn(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`, '--cpu-prof-name=sync-server.cpuprofile'] : []),
      CLI,
      '--db',
      dbUrl,
      '--port',
      '0',
    ],
    // Request logs (stdout) are not wanted here; stderr says where it listens, and why it failed.
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      errors += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(errors);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${errors.trim().slice(0, 500)}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
