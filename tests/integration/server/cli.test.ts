import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVER_SCHEMA_VERSION } from '../../../db/server/migrations/index.ts';
import { REPO_ROOT, runNode } from '../../support/run-node.ts';
import { freshDatabase, SERVER_DIALECTS } from '../../support/server-db.ts';
import { tempDir } from '../../support/temp-dir.ts';

const CLI = 'server/cli/caseworker-server.ts';
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe.each(SERVER_DIALECTS)('caseworker-server center/user add over %s', (dialect) => {
  it('adds a center and a user, and refuses bad input with one line', async () => {
    const database = await freshDatabase(dialect);
    cleanups.push(database.drop);
    const center = await runNode(CLI, [
      'center',
      'add',
      '--db',
      database.url,
      '--code',
      'SEL01',
      '--name',
      '서울고용센터',
      '--region',
      '11680',
    ]);
    expect(center.stderr).toBe('');
    expect(center.code).toBe(0);
    const user = await runNode(
      CLI,
      [
        'user',
        'add',
        '--db',
        database.url,
        '--id',
        'kim01',
        '--name',
        '김상담',
        '--role',
        'counselor',
        '--center',
        'SEL01',
      ],
      {
        stdin: 'Strong-pass-2026\n',
      },
    );
    expect(user.code).toBe(0);
    const again = await runNode(
      CLI,
      [
        'user',
        'add',
        '--db',
        database.url,
        '--id',
        'kim01',
        '--name',
        '김',
        '--role',
        'counselor',
        '--center',
        'SEL01',
      ],
      {
        env: { CASEWORKER_PASSWORD: 'Strong-pass-2026' },
      },
    );
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toBe('caseworker-server: The login id kim01 is taken.');
    const weak = await runNode(
      CLI,
      [
        'user',
        'add',
        '--db',
        database.url,
        '--id',
        'lee01',
        '--name',
        '이',
        '--role',
        'counselor',
        '--center',
        'SEL01',
      ],
      {
        env: { CASEWORKER_PASSWORD: 'short' },
      },
    );
    expect(weak.code).toBe(2);
    expect(weak.stderr.trim().split('\n')).toHaveLength(1);
    const role = await runNode(
      CLI,
      [
        'user',
        'add',
        '--db',
        database.url,
        '--id',
        'park01',
        '--name',
        '박',
        '--role',
        'boss',
        '--center',
        'SEL01',
      ],
      {
        env: { CASEWORKER_PASSWORD: 'Strong-pass-2026' },
      },
    );
    expect(role.stderr.trim()).toBe('caseworker-server: The role is counselor, supervisor or admin.');
    const region = await runNode(CLI, [
      'center',
      'add',
      '--db',
      database.url,
      '--code',
      'X1',
      '--name',
      'x',
      '--region',
      '99',
    ]);
    expect(region.code).toBe(2);
    expect(region.stderr).toMatch(/^caseworker-server: Unknown region 99/);
  });
});

describe('caseworker-server', () => {
  it('refuses an unknown database URL and missing options with one line', async () => {
    const bad = await runNode(CLI, [
      'center',
      'add',
      '--db',
      'mysql://x',
      '--code',
      'A1',
      '--name',
      'a',
      '--region',
      '11',
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toEqual([
      'caseworker-server: Unsupported database URL: use sqlite:FILE or postgres://…',
    ]);
    const missing = await runNode(CLI, ['user', 'add', '--db', 'sqlite:/tmp/x.db']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('serves /health on the default SQLite file and shuts down cleanly on SIGTERM', async () => {
    const t = tempDir('caseworker-serve-');
    cleanups.push(t.remove);
    const { child, address } = await startServerProcess(`sqlite:${join(t.dir, 'server.db')}`);
    const health = (await (await fetch(`${address}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, db: 'sqlite', schema: SERVER_SCHEMA_VERSION });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('caseworker sync', () => {
  it('signs in, pushes and pulls, and prints the counts; refuses a wrong password in one line', async () => {
    const database = await freshDatabase('sqlite');
    cleanups.push(database.drop);
    await runNode(CLI, [
      'center',
      'add',
      '--db',
      database.url,
      '--code',
      'SEL01',
      '--name',
      '서울고용센터',
      '--region',
      '11',
    ]);
    await runNode(
      CLI,
      [
        'user',
        'add',
        '--db',
        database.url,
        '--id',
        'kim01',
        '--name',
        '김상담',
        '--role',
        'counselor',
        '--center',
        'SEL01',
      ],
      {
        env: { CASEWORKER_PASSWORD: 'Strong-pass-2026' },
      },
    );
    const t = tempDir('caseworker-sync-serve-');
    cleanups.push(t.remove);
    const { child, address } = await startServerProcess(database.url);
    cleanups.push(() => void child.kill('SIGTERM'));
    const data = join(t.dir, 'desk');
    const r = await runNode(
      'electron/cli/caseworker.ts',
      ['sync', '--data', data, '--server', address, '--user', 'kim01'],
      {
        env: { CASEWORKER_PASSWORD: 'Strong-pass-2026' },
      },
    );
    expect(r.stderr).toBe('');
    // The one row pulled is the center's settings row.
    expect(r.stdout.trim()).toBe('pushed 0, pulled 1, refused 0, review 0');
    const wrong = await runNode(
      'electron/cli/caseworker.ts',
      ['sync', '--data', data, '--server', address, '--user', 'kim01'],
      {
        env: { CASEWORKER_PASSWORD: 'Wrong-pass-2026' },
      },
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim()).toBe('caseworker: Wrong login id or password.');
    const offline = await runNode(
      'electron/cli/caseworker.ts',
      ['sync', '--data', data, '--server', 'http://127.0.0.1:9', '--user', 'kim01'],
      {
        env: { CASEWORKER_PASSWORD: 'Strong-pass-2026' },
      },
    );
    expect(offline.code).toBe(2);
    expect(offline.stderr.trim()).toMatch(
      /^caseworker: The server at http:\/\/127\.0\.0\.1:9 cannot be reached\.$/,
    );
  });
});

/** Runs `caseworker-server` on a free port and resolves with the address it prints. */
async function startServerProcess(
  db: string,
): Promise<{ child: ChildProcessWithoutNullStreams; address: string }> {
  const child = spawn(process.execPath, [resolve(REPO_ROOT, CLI), '--port', '0', '--db', db], {
    cwd: REPO_ROOT,
  });
  const address = await new Promise<string>((resolvePromise, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(err);
      if (m?.[1]) resolvePromise(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited early with ${code}: ${err}`)));
  });
  return { child, address };
}
