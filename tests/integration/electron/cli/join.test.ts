import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoStore } from '../../../../electron/services/demo/demo-store.ts';
import { runNode } from '../../../support/run-node.ts';
import { startSyncServer, SYNC_PASSWORD, type SyncServer } from '../../../support/sync-desktop.ts';
import { tempDir } from '../../../support/temp-store.ts';

// `caseworker join` as a user runs it, against a real server over HTTP (SQLite; both dialects are
// covered by tests/integration/sync/join-http.test.ts): bad arguments are one line and change nothing,
// the pairs are printed and nothing happens without a confirmation, --yes joins, a rerun continues.

const CLI = 'electron/cli/caseworker.ts';
const LOCAL_PASSWORD = 'Demo-pass-2026';
const LOGINS = ['admin', 'supervisor1', 'counselor1', 'counselor2', 'counselor3', 'counselor4', 'counselor5'];

describe('caseworker join', () => {
  let dir: string;
  let remove: () => void;
  let server: SyncServer;
  const env = { CASEWORKER_PASSWORD: SYNC_PASSWORD, CASEWORKER_LOCAL_PASSWORD: LOCAL_PASSWORD };

  beforeAll(async () => {
    ({ dir, remove } = tempDir('caseworker-join-cli-'));
    server = await startSyncServer(
      'sqlite',
      [{ code: 'SEL01', name: '서울강남고용센터', region: '11' }],
      LOGINS.map((loginId) => ({
        loginId,
        role: loginId === 'admin' ? 'admin' : loginId.startsWith('supervisor') ? 'supervisor' : 'counselor',
        center: 'SEL01',
      })),
    );
    await createDemoStore(join(dir, 'store'), {
      centerCode: 'DEMO',
      centerName: '데모센터',
      sido: '11',
      sigungu: '11680',
      jobseekers: 12,
      employers: 3,
      seed: 3,
      password: LOCAL_PASSWORD,
      anchor: new Date('2026-11-01T00:00:00Z'),
    });
  });
  afterAll(async () => {
    await server.close();
    remove();
  });

  const run = (args: string[]) => runNode(CLI, ['join', '--data', join(dir, 'store'), ...args], { env });

  it('refuses bad arguments in one line', async () => {
    const missing = await run(['--user', 'admin']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/--server/);
    const insecure = await run(['--server', 'http://caseworker.example.kr', '--user', 'admin']);
    expect(insecure.code).toBe(2);
    expect(insecure.stderr).toMatch(/http/i);
    const notAdmin = await run(['--server', server.url, '--user', 'supervisor1', '--local-user', 'admin']);
    expect(notAdmin.code).toBe(2);
    expect(notAdmin.stderr).toMatch(/done by an admin/);
  });

  it('prints the pairs and changes nothing unless confirmed; --yes joins; a rerun continues', async () => {
    const asked = await run(['--server', server.url, '--user', 'admin']);
    expect(asked.code).toBe(2);
    expect(asked.stdout).toMatch(/counselor1\s+counselor -> counselor, \d+ records/);
    expect(asked.stderr).toMatch(/Nothing changed/);

    const joined = await run(['--server', server.url, '--user', 'admin', '--yes']);
    expect(joined.stderr).toBe('');
    expect(joined.code).toBe(0);
    expect(joined.stdout).toMatch(/joined .*: \d+ records queued/);
    expect(joined.stdout).toMatch(/pushed [1-9]\d*, pulled \d+, refused \d+, review 0/);

    const again = await run(['--server', server.url, '--user', 'admin', '--yes']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already joined/);
    expect(again.stdout).toMatch(/pushed 0,/);

    // Joined, a counselor syncs this PC with their server password, which is not the one their copy of
    // the store key was wrapped with here: the escrow (enrolled by the join) opens it and re-wraps it.
    const sync = await runNode(
      CLI,
      ['sync', '--data', join(dir, 'store'), '--server', server.url, '--user', 'counselor1'],
      { env: { CASEWORKER_PASSWORD: SYNC_PASSWORD } },
    );
    expect(sync.stderr).toBe('');
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/pushed \d+, pulled \d+, refused 0, review 0/);
  });
});
