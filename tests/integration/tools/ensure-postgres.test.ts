import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runNode } from '../../support/run-node.ts';
import { tempDir } from '../../support/temp-dir.ts';

// tools/ensure-postgres.ts as its own process, against the machine's PostgreSQL and against a port
// where nothing listens. The machine's cluster is never stopped or started: the cluster list
// (CASEWORKER_PG_LSCLUSTERS), the user (CASEWORKER_ENSURE_UID) and pg_ctlcluster
// (CASEWORKER_PG_CTLCLUSTER, a stand-in that logs its arguments) are given to the script.

const TOOL = 'tools/ensure-postgres.ts';

function closedPort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePromise(address.port) : reject(new Error('no port')),
      );
    });
  });
}

describe('ensure-postgres', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('caseworker-pg-');
  });
  afterEach(() => tmp.remove());

  it('passes quietly when the tests’ PostgreSQL answers', async () => {
    const run = await runNode(TOOL, []);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('stops at once with the command to run when the cluster is down and this is not root', async () => {
    const port = await closedPort();
    const run = await runNode(TOOL, [], {
      env: {
        CASEWORKER_TEST_PG: `postgres://postgres@127.0.0.1:${port}/test`,
        CASEWORKER_PG_LSCLUSTERS: `15 main ${port} down postgres /d /l`,
        CASEWORKER_ENSURE_UID: '1000',
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('sudo pg_ctlcluster --skip-systemctl-redirect 15 main start');
  });

  it('as root, runs pg_ctlcluster for that cluster, then checks again and says if it still does not answer', async () => {
    const port = await closedPort();
    const log = join(tmp.dir, 'ctl.log');
    const ctl = join(tmp.dir, 'pg_ctlcluster');
    writeFileSync(ctl, `#!/bin/sh\necho "$@" >> '${log}'\n`);
    chmodSync(ctl, 0o755);
    const run = await runNode(TOOL, [], {
      env: {
        CASEWORKER_TEST_PG: `postgres://postgres:secret@127.0.0.1:${port}/test`,
        CASEWORKER_PG_LSCLUSTERS: `15 main ${port} down postgres /d /l`,
        CASEWORKER_ENSURE_UID: '0',
        CASEWORKER_PG_CTLCLUSTER: ctl,
      },
    });
    expect(readFileSync(log, 'utf8')).toBe('--skip-systemctl-redirect 15 main start\n');
    expect(run.stdout).toContain('$ pg_ctlcluster --skip-systemctl-redirect 15 main start');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('still does not answer');
    expect(run.stdout + run.stderr).not.toContain('secret');
  });

  it('says what the tests need on a machine without PostgreSQL', async () => {
    const port = await closedPort();
    const run = await runNode(TOOL, [], {
      env: {
        CASEWORKER_TEST_PG: `postgres://postgres@127.0.0.1:${port}/test`,
        CASEWORKER_PG_LSCLUSTERS: 'none',
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('apt-get install postgresql');
  });
});
