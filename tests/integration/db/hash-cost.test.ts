import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../db/credentials.ts';
import { REPO_ROOT } from '../../support/run-node.ts';

// The suite hashes at argon2's least cost inside its workers (tests/support/setup/fast-hashes.ts); the
// product must not: a plain process (no VITEST in its environment) hashes passwords and wraps keyring
// entries at OWASP's 19 MiB and 2 passes, and cannot lower the cost.

const url = (path: string) => pathToFileURL(join(REPO_ROOT, path)).href;

function plainProcess(code: string) {
  const env = { ...process.env };
  delete env['VITEST'];
  delete env['VITEST_POOL_ID'];
  delete env['VITEST_WORKER_ID'];
  return spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
  });
}

describe('argon2 cost', () => {
  it('is OWASP’s baseline outside the test runner, for passwords and keyring entries', () => {
    const run = plainProcess(`
      const { hashPassword } = await import(${JSON.stringify(url('db/credentials.ts'))});
      const { wrapForUser, newStoreKey } = await import(${JSON.stringify(url('electron/services/keyring.ts'))});
      const entry = await wrapForUser(newStoreKey(), 'someone', null, 'Some-pass-2026');
      console.log(JSON.stringify({ hash: await hashPassword('Some-pass-2026'), kdf: entry.kdf }));
    `);
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { hash: string; kdf: unknown };
    expect(out.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(out.kdf).toEqual({ m: 19_456, t: 2, p: 1 });
  });

  it('cannot be lowered outside the test runner', () => {
    const run = plainProcess(`
      const { lowerArgon2CostForTests } = await import(${JSON.stringify(url('db/hash-cost.ts'))});
      lowerArgon2CostForTests();
    `);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('only inside the test runner');
  });

  it('is lowered in this worker, and such hashes still verify', async () => {
    const stored = await hashPassword('Some-pass-2026');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(await verifyPassword(stored, 'Some-pass-2026')).toBe(true);
    expect(await verifyPassword(stored, 'Other-pass-2026')).toBe(false);
  });
});
