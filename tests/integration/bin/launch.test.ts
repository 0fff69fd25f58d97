import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/run-node.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { runInUserShell, userShellEnv, userShellNodeVersion } from '../../support/user-shell.ts';

// The package's `bin` commands as a user runs them: from a shell whose `node` is the machine's own
// (Debian's 20 here), through bin/*.mjs and its shebang, so the executable bit, the hand-over to the
// project's Node 24, arguments, standard input, exit codes and signals are all exercised for real.

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
};
const PASSWORD = 'Launcher-Test-2026!';
// Each command starts Node 24 on the whole CLI (seconds each on a busy 2-core machine; npx adds npm).
const SLOW = { timeout: 240_000 };
const quiet = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('npm warn'))
    .join('\n');

describe(`bin commands from a shell on the machine's node (${userShellNodeVersion()})`, () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('caseworker-bin-');
  });
  afterEach(() => tmp.remove());

  it('points each bin at a launcher committed with the executable bit', () => {
    expect(Object.keys(pkg.bin).sort()).toEqual(['caseworker', 'caseworker-server']);
    for (const file of Object.values(pkg.bin)) {
      const staged = execFileSync('git', ['ls-files', '-s', file], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(staged.slice(0, 6), `${file} in git`).toBe('100755');
      expect(statSync(join(REPO_ROOT, file)).mode & 0o111, `${file} on disk`).not.toBe(0);
    }
  });

  it('runs both commands directly and through npx, with their help', SLOW, async () => {
    for (const command of ['./bin/caseworker.mjs --help', 'npx caseworker --help']) {
      const run = await runInUserShell(command);
      expect(quiet(run.stderr)).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: caseworker [options] [command]');
    }
    for (const command of ['./bin/caseworker-server.mjs --help', 'npx caseworker-server --help']) {
      const run = await runInUserShell(command);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: caseworker-server [options] [command]');
    }
  });

  it('passes arguments, standard input and the exit code through', SLOW, async () => {
    const db = `sqlite:${join(tmp.dir, 'server.db')}`;
    const center = await runInUserShell(
      `./bin/caseworker-server.mjs center add --db ${db} --code SEL01 --name 서울고용센터 --region 11`,
    );
    expect(center).toMatchObject({ code: 0, stdout: 'center SEL01 added\n' });
    // The password arrives on standard input, as when a person types it.
    const user = await runInUserShell(
      `./bin/caseworker-server.mjs user add --db ${db} --id kim01 --name 김상담 --role counselor --center SEL01`,
      { stdin: `${PASSWORD}\n` },
    );
    expect(user.stdout).toBe('user kim01 added\n');
    expect(user.code).toBe(0);
    // Bad input: the command's own one-line message and exit code 2, unchanged by the launcher.
    const bad = await runInUserShell(
      `./bin/caseworker-server.mjs center add --db ${db} --code SEL02 --name 부산 --region 999`,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^caseworker-server: .*region/m);
    const missing = await runInUserShell('./bin/caseworker.mjs stats');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("required option '--data <dir>' not specified");
  });

  it('passes SIGTERM to the server, which shuts down cleanly and leaves nothing behind', SLOW, async () => {
    const launcher = spawn(
      join(REPO_ROOT, 'bin/caseworker-server.mjs'),
      ['--db', `sqlite:${join(tmp.dir, 'server.db')}`, '--port', '0'],
      { cwd: REPO_ROOT, env: userShellEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const url = await new Promise<string>((resolvePromise, reject) => {
      const onData = (d: Buffer) => {
        output += d.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolvePromise(match[1]);
      };
      launcher.stdout.on('data', onData);
      launcher.stderr.on('data', onData);
      launcher.on('exit', () => reject(new Error(`the server ended early:\n${output}`)));
    });
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const ended = new Promise<{ code: number | null; signal: string | null }>((r) =>
      launcher.on('exit', (code, signal) => r({ code, signal })),
    );
    launcher.kill('SIGTERM'); // the launcher only, not its process group
    expect(await ended).toEqual({ code: 0, signal: null });
    // The Node 24 child went with it: nothing listens any more.
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
