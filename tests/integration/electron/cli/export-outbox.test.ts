import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoStore } from '../../../../electron/services/demo/demo-store.ts';
import { runNode } from '../../../support/run-node.ts';
import { tempDir } from '../../../support/temp-store.ts';

// `caseworker sync --export-outbox FILE`: a desktop's unsent changes into a file for a supervisor, with
// no server needed (a revoked device cannot reach it); the outbox keeps everything.

const CLI = 'electron/cli/caseworker.ts';
const PASSWORD = 'Export-pass-2026';

describe('caseworker sync --export-outbox', () => {
  let dir: string;
  let remove: () => void;
  beforeAll(async () => {
    ({ dir, remove } = tempDir('caseworker-export-'));
    await createDemoStore(
      join(dir, 'store'),
      {
        centerCode: 'EXP',
        centerName: '서울강남고용센터',
        sido: '11',
        sigungu: '11680',
        jobseekers: 5,
        employers: 2,
        seed: 7,
        password: PASSWORD,
        anchor: new Date('2026-11-01T00:00:00Z'),
      },
      {},
    );
  });
  afterAll(() => remove());

  it('writes every unsent change to an owner-only file, audited, without a server', async () => {
    const out = join(dir, 'outbox.json');
    const r = await runNode(
      CLI,
      [
        'sync',
        '--data',
        join(dir, 'store'),
        '--user',
        'counselor1',
        '--export-outbox',
        out,
        '--purpose',
        '기기 해지',
      ],
      { env: { CASEWORKER_PASSWORD: PASSWORD } },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      format: string;
      purpose: string;
      entries: Array<{ table: string; status: string }>;
    };
    expect(doc.format).toBe('caseworker-outbox/1');
    expect(doc.purpose).toBe('기기 해지');
    expect(doc.entries.length).toBeGreaterThan(0);
    expect(r.stdout).toContain(`exported ${doc.entries.length} unsent change`);
    expect(statSync(out).mode & 0o777).toBe(0o600);

    // Never over an earlier export, and one line when refused.
    const again = await runNode(
      CLI,
      ['sync', '--data', join(dir, 'store'), '--user', 'counselor1', '--export-outbox', out],
      { env: { CASEWORKER_PASSWORD: PASSWORD } },
    );
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toBe(`caseworker: ${out} exists already; give a new file name.`);
  });

  it('still needs --server to sync', async () => {
    const r = await runNode(CLI, ['sync', '--data', join(dir, 'store'), '--user', 'counselor1'], {
      env: { CASEWORKER_PASSWORD: PASSWORD },
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/required option '--server <url>'/);
  });
});
