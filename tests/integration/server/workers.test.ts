import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openServerDb } from '../../../db/server/connection.ts';
import { serverMigrations } from '../../../db/server/migrations/index.ts';
import { addCenter, addUser } from '../../../server/admin.ts';
import { REPO_ROOT } from '../../support/run-node.ts';
import { freshDatabase } from '../../support/server-db.ts';

// Issue #19 item 3, over real processes and PostgreSQL: several servers starting together on one new
// database migrate it once (db/server/migrator.ts), and `--workers 2` serves one port from two
// processes that accept each other's tokens, add up their metrics, and log no URL, address or login.

const CLI = resolve(REPO_ROOT, 'server/cli/caseworker-server.ts');
const PASSWORD = 'Workers-pass-2026';
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const c of cleanups) await c();
});

interface Started {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  stdout: () => string;
  /** Resolves with the first match of `pattern` on stderr. */
  waitFor: (pattern: RegExp) => Promise<RegExpExecArray>;
}

function start(args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, CASEWORKER_SERVER_SECRET: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const waiters: Array<() => void> = [];
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
    for (const w of waiters.splice(0)) w();
  });
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolvePromise, reject) => {
      const check = () => {
        const m = pattern.exec(err);
        if (m) return resolvePromise(m);
        if (child.exitCode !== null) return reject(new Error(`the server exited: ${err}`));
        waiters.push(check);
      };
      child.once('exit', () => check());
      check();
    });
  return { child, url: '', stderr: () => err, stdout: () => out, waitFor };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null) return resolvePromise();
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}

describe('caseworker-server on PostgreSQL, several processes', () => {
  it('three servers started at once on a new database all come up, and one of them migrates it', async () => {
    const database = await freshDatabase('postgres');
    cleanups.push(database.drop);
    const three = [0, 1, 2].map(() => start(['--db', database.url, '--port', '0']));
    const urls = await Promise.all(three.map(async (s) => (await s.waitFor(/listening on (http:\S+)/))[1]));
    for (const url of urls) {
      const ready = await fetch(`${url}/ready`);
      expect(ready.status).toBe(200);
    }
    // Exactly one process applied the migrations; the others waited for the lock and found none to do.
    const appliers = three.filter((s) => /applied migrations 0001/.test(s.stderr()));
    expect(appliers).toHaveLength(1);
    for (const s of three) expect(s.stderr()).not.toMatch(/failed|error/i);
    const opened = await openServerDb(database.url, { migrate: false });
    try {
      const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(opened.db);
      expect(rows.rows.map((r) => r.name).sort()).toEqual(serverMigrations.map(([name]) => name).sort());
    } finally {
      await opened.close();
    }
    await Promise.all(three.map((s) => stop(s.child)));
  });

  it('five openings at once (no process start-up to stagger them) migrate once', async () => {
    const database = await freshDatabase('postgres');
    cleanups.push(database.drop);
    const opened = await Promise.all([0, 1, 2, 3, 4].map(() => openServerDb(database.url)));
    try {
      expect(opened.map((o) => o.applied.length).sort()).toEqual([0, 0, 0, 0, serverMigrations.length]);
    } finally {
      for (const o of opened) await o.close();
    }
  });

  it('--workers 2: both workers serve one port, accept each other’s tokens and add up their metrics', async () => {
    const database = await freshDatabase('postgres');
    cleanups.push(database.drop);
    const opened = await openServerDb(database.url);
    await addCenter(opened.db, { code: 'WRK01', name: '병렬고용센터', region: '11' }, new Date(), 'postgres');
    await addUser(
      opened.db,
      {
        loginId: 'worker01',
        name: '병렬 상담사',
        role: 'counselor',
        centerCode: 'WRK01',
        password: PASSWORD,
      },
      new Date(),
    );
    await opened.close();
    // No CASEWORKER_SERVER_SECRET: the primary draws one and gives it to both workers.
    const server = start(['--db', database.url, '--port', '0', '--workers', '2', '--metrics-port', '0'], {
      CASEWORKER_METRICS_TOKEN: 'metrics-secret-token',
    });
    const url = (await server.waitFor(/listening on (http:\S+) \(2 workers/))[1] ?? '';
    const metricsUrl = (await server.waitFor(/metrics on (http:\S+)/))[1] ?? '';

    const login = await fetch(`${url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({
        loginId: 'worker01',
        password: PASSWORD,
        deviceId: '0190a000-0000-7000-8000-000000000001',
        deviceName: 'PC',
      }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    // A new connection each time: the cluster deals them to the workers in turn.
    for (let i = 0; i < 12; i++) {
      const me = await fetch(`${url}/v1/me`, {
        headers: { authorization: `Bearer ${accessToken}`, connection: 'close' },
      });
      expect(me.status).toBe(200);
      await me.arrayBuffer();
    }
    // Both processes answered /v1/me (each request's log line carries its process id).
    const meLines = server
      .stdout()
      .split('\n')
      .filter((l) => l.includes('"route":"/v1/me"') && l.includes('incoming request'));
    const pids = new Set(meLines.map((l) => (JSON.parse(l) as { pid: number }).pid));
    expect(pids.size).toBe(2);
    // The log holds the method and the route's pattern: no URL, no address, no login id.
    expect(server.stdout()).not.toMatch(/worker01|remoteAddress|127\.0\.0\.1:\d+\/v1|"url"/);

    expect((await fetch(metricsUrl)).status).toBe(401);
    const metrics = await fetch(metricsUrl, { headers: { authorization: 'Bearer metrics-secret-token' } });
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    // The primary's sum over both workers: all 12 requests, whichever worker answered.
    expect(text).toMatch(/caseworker_http_requests_total\{route="\/v1\/me",method="GET",status="200"\} 12\b/);
    expect(text).toMatch(/caseworker_db_pool_connections\{state="total"\} \d+/);

    // A worker that dies is replaced, and the port keeps being served.
    const victim = [...pids][0];
    if (typeof victim !== 'number' || victim <= 0) throw new Error('no worker process id in the log');
    process.kill(victim, 'SIGKILL');
    await server.waitFor(/exited \(SIGKILL\); starting another[\s\S]*worker \d listening/);
    for (let i = 0; i < 4; i++) {
      const again = await fetch(`${url}/v1/me`, {
        headers: { authorization: `Bearer ${accessToken}`, connection: 'close' },
      });
      expect(again.status).toBe(200);
    }
    await stop(server.child);
    expect(server.child.exitCode).toBe(0);
  });

  it('refuses --workers on an SQLite file', async () => {
    const s = start(['--db', 'sqlite:/nonexistent/server.db', '--port', '0', '--workers', '2']);
    await new Promise((r) => s.child.once('exit', r));
    expect(s.child.exitCode).toBe(2);
    expect(s.stderr()).toMatch(/--workers needs PostgreSQL/);
  });

  it('refuses metrics on an outside address without a token', async () => {
    const s = start([
      '--db',
      'sqlite::memory:',
      '--port',
      '0',
      '--metrics-port',
      '0',
      '--metrics-host',
      '0.0.0.0',
    ]);
    await new Promise((r) => s.child.once('exit', r));
    expect(s.child.exitCode).toBe(2);
    expect(s.stderr()).toMatch(/CASEWORKER_METRICS_TOKEN/);
  });
});
