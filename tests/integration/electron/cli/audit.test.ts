import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStoreKey } from '../../../../db/connection.ts';
import { createDemoStore } from '../../../../electron/services/demo/demo-store.ts';
import { readKeyring, unwrapForUser } from '../../../../electron/services/keyring.ts';
import { STORE_FILE } from '../../../../electron/services/store.ts';
import { runNode } from '../../../support/run-node.ts';
import { tempDir } from '../../../support/temp-store.ts';

// `caseworker audit verify`: the chain check from the command line. An intact trail exits 0; a tampered
// one prints the first broken link (entry number, id, time) on one line and exits 1; bad arguments and
// counselors get one line and exit 2.

const CLI = 'electron/cli/caseworker.ts';
const PASSWORD = 'Demo-pass-2026';
let dir: string;
let remove: () => void;

beforeAll(async () => {
  ({ dir, remove } = tempDir('caseworker-audit-cli-'));
  await createDemoStore(dir, {
    centerCode: 'AUD',
    centerName: '감사고용센터',
    sido: '11',
    sigungu: '11680',
    jobseekers: 40,
    employers: 5,
    seed: 4,
    password: PASSWORD,
    anchor: new Date('2026-11-01T00:00:00Z'),
  });
});
afterAll(() => remove());

const verify = (user: string, ...extra: string[]) =>
  runNode(CLI, ['audit', 'verify', '--data', dir, '--user', user, ...extra], {
    env: { CASEWORKER_PASSWORD: PASSWORD },
  });

/** A writable raw connection, as someone holding the file and a password could make. */
async function rawStore(): Promise<BetterSqlite3.Database> {
  const entry = readKeyring(dir)?.users['admin'];
  if (!entry) throw new Error('no key for admin');
  const key = await unwrapForUser(entry, 'admin', PASSWORD);
  if (!key) throw new Error('wrong password');
  const db = new BetterSqlite3(join(dir, STORE_FILE));
  applyStoreKey(db, key);
  return db;
}

describe('caseworker audit verify', () => {
  it('reports an intact chain and exits 0', async () => {
    const r = await verify('supervisor1');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^audit chain intact: \d+ entries checked$/);
  });

  it('is refused for a counselor, on one line', async () => {
    const r = await verify('counselor1');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'caseworker: Only a supervisor or an admin may check or purge the audit trail.',
    ]);
  });

  it('names a missing option on one line', async () => {
    const r = await runNode(CLI, ['audit', 'verify', '--user', 'admin'], {
      env: { CASEWORKER_PASSWORD: PASSWORD },
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--data/);
  });

  it('finds an edited entry and prints its link: entry number, id and time; exits 1', async () => {
    const db = await rawStore();
    let victim: { id: string; at: string; position: number };
    try {
      const rows = db.prepare('select id, at from audit_entries order by rowid').all() as Array<{
        id: string;
        at: string;
      }>;
      const index = Math.floor(rows.length / 2);
      const row = rows[index];
      if (!row) throw new Error('no audit entries in the demo store');
      victim = { ...row, position: index + 1 };
      db.exec('DROP TRIGGER audit_entries_no_update');
      db.prepare(`update audit_entries set subject_id = 'forged' where id = ?`).run(row.id);
    } finally {
      db.close();
    }
    const r = await verify('admin');
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `audit chain broken at entry ${victim.position} (id ${victim.id}, ${victim.at},`,
    );
    expect(lines[0]).toMatch(/the entry was changed after it was written$/);

    const json = await verify('admin', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      broken: { id: victim.id, position: victim.position, reason: 'content' },
    });
  });
});
