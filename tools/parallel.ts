import { spawn } from 'node:child_process';

// `node tools/parallel.ts SCRIPT…`: runs npm scripts side by side (`npm test` runs `lint` and
// `typecheck` so: each is one single-threaded process, and CI machines have two cores or more, so the
// pair ends when the longer one does instead of after both). Each script's output is held and printed
// whole when it ends, so logs do not interleave; the exit code is the first failure's, after all ended.

interface Ended {
  script: string;
  code: number;
  output: string;
  seconds: number;
}

function run(script: string): Promise<Ended> {
  const started = performance.now();
  return new Promise((resolvePromise) => {
    // The npm that runs this file, so the scripts see the same npm and Node (npm sets npm_execpath).
    const npmCli = process.env['npm_execpath'];
    const child = npmCli
      ? spawn(process.execPath, [npmCli, 'run', script], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const end = (code: number) =>
      resolvePromise({ script, code, output, seconds: (performance.now() - started) / 1000 });
    child.on('error', (error) => {
      output += `${error.message}\n`;
      end(1);
    });
    child.on('close', (code, signal) => end(code ?? (signal ? 1 : 0)));
  });
}

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node tools/parallel.ts SCRIPT [SCRIPT…] (npm scripts run side by side)');
  process.exit(2);
}
const ended = await Promise.all(
  scripts.map((script) =>
    run(script).then((result) => {
      process.stdout.write(result.output);
      console.log(
        `parallel: npm run ${script} ${result.code === 0 ? 'passed' : `failed (exit ${result.code})`} in ${result.seconds.toFixed(1)} s`,
      );
      return result;
    }),
  ),
);
process.exitCode = ended.find((r) => r.code !== 0)?.code ?? 0;
