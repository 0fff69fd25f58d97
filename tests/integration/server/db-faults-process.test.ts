import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openServerDb } from '../../../db/server/connection.ts';
import { addCenter, addUser } from '../../../server/admin.ts';
import {
  pendingPush,
  pgClient,
  poolRecoversFromTerminatedIdleConnections,
  terminatedPushIsRetriedWhole,
} from '../../support/db-faults.ts';
import { REPO_ROOT } from '../../support/run-node.ts';
import { freshDatabase, PG_ADMIN_URL } from '../../support/server-db.ts';
import { openSyncDesk, SYNC_PASSWORD } from '../../support/sync-desktop.ts';

// The same faults against `caseworker-server` run as a real process (issue #14 item 3): before the fix,
// one terminated connection ended the process with "Unhandled 'error' event".

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function startServerProcess(db: string): Promise<{ child: ChildProcessWithoutNullStreams; address: string }> {
  const child = spawn(
    process.execPath,
    [resolve(REPO_ROOT, 'server/cli/caseworker-server.ts'), '--port', '0', '--db', db],
    { cwd: REPO_ROOT },
  );
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  return new Promise((resolvePromise, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(err);
      if (m?.[1]) resolvePromise({ child, address: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited early with ${code}: ${err}${log}`)));
  });
}

describe('caseworker-server on PostgreSQL, as a process', () => {
  it('keeps answering when its connections are terminated, and when its database is dropped', async () => {
    const database = await freshDatabase('postgres');
    cleanups.push(database.drop);
    const name = new URL(database.url).pathname.slice(1);
    const setup = await openServerDb(database.url);
    await addCenter(
      setup.db,
      { code: 'SEL01', name: '서울고용센터', region: '11' },
      new Date(),
      setup.dialect,
    );
    await addUser(
      setup.db,
      { loginId: 'kim01', name: '김상담', role: 'counselor', centerCode: 'SEL01', password: SYNC_PASSWORD },
      new Date(),
    );
    await setup.close();

    const { child, address } = await startServerProcess(database.url);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    cleanups.push(() => void child.kill('SIGKILL'));
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    expect((await fetch(`${address}/ready`)).status).toBe(200);

    const desk = await openSyncDesk(address, 'kim01');
    cleanups.push(desk.close);
    await terminatedPushIsRetriedWhole(address, name, desk);
    expect(child.exitCode).toBeNull();
    const { token } = await pendingPush(desk.store, desk.session, '이영희');
    await poolRecoversFromTerminatedIdleConnections(address, name, token);
    expect(child.exitCode).toBeNull();

    // The database dropped under the running server (which terminates its connections too).
    const admin = await pgClient(new URL(PG_ADMIN_URL).pathname.slice(1));
    try {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    const ready = await fetch(`${address}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, database: 'down' });
    expect((await fetch(`${address}/health`)).status).toBe(200);
    const me = await fetch(`${address}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(503);
    expect(me.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(child.exitCode).toBeNull();

    // The log names the fault by its code only: no SQL, no personal data.
    expect(stdout).toContain('database unavailable');
    expect(stdout).not.toMatch(/홍길동|이영희|select |pg_advisory/);
    expect(stderr).toContain('caseworker-server: a database connection was lost (57P01)');
    expect(stderr).not.toMatch(/홍길동|이영희|select |pg_advisory/);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
