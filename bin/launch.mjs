// Runs one of the project's TypeScript entry points under a Node that can load it, from a `bin`
// command started by whatever `node` is first on the user's PATH (Debian's is 20, which cannot load
// .ts files and on which the SQLite binding does not run). Plain JavaScript on purpose: this file
// must itself load on that older Node.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Node 22.18+, 23.6+ and 24+ strip types by default: they run the .ts entry as it is. */
export function runsTypeScript(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major >= 24 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
}

/** The Node 24 that `npm ci` installs (the `node` devDependency), or null when it is not there. */
export function projectNode() {
  let dir;
  try {
    dir = dirname(createRequire(join(ROOT, 'package.json')).resolve('node/package.json'));
  } catch {
    return null;
  }
  for (const name of ['bin/node', 'bin/node.exe']) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

// The signals a terminal or a process manager sends to stop a command; passed on to the child the
// way `npm run` does, so that the server's graceful shutdown still runs.
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Runs `entry` (relative to the project root) with this process's arguments and exit code. */
export async function launch(entry) {
  const script = join(ROOT, entry);
  // A Node that strips types runs the entry in this very process (no second process, signals as usual).
  if (runsTypeScript(process.version)) {
    await import(pathToFileURL(script).href);
    return;
  }
  const preferred = projectNode();
  if (!preferred) {
    console.error(
      `${entry}: needs Node 22.18 or later (this is ${process.version}); run \`npm ci\` in ${ROOT} to install the project's Node 24`,
    );
    process.exit(1);
  }
  const child = spawn(preferred, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  child.on('error', (error) => {
    console.error(`${entry}: could not start ${preferred}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const s of FORWARDED) process.off(s, forward);
    // Die of the same signal so that the caller sees what the child saw (a shell prints 130 for ^C).
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
