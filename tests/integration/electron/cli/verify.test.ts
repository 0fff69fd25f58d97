import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStoreKey } from '../../../../db/connection.ts';
import { createDemoStore } from '../../../../electron/services/demo/demo-store.ts';
import { referralLetterCode } from '../../../../electron/services/documents/codes.ts';
import { readKeyring, unwrapForUser } from '../../../../electron/services/keyring.ts';
import { STORE_FILE } from '../../../../electron/services/store.ts';
import { runNode } from '../../../support/run-node.ts';
import { tempDir } from '../../../support/temp-store.ts';

// `caseworker verify CODE` (issue 18 item 6), spawned as IT staff would run it: a 알선장's code from
// the demo store is genuine (exit 0, the holder masked), an unknown code is not (exit 1), and each
// look-up leaves an audit entry; an admin is refused on one line (exit 2).

const CLI = 'electron/cli/caseworker.ts';
const PASSWORD = 'Demo-pass-2026';
let dir: string;
let remove: () => void;

async function rawStore(): Promise<BetterSqlite3.Database> {
  const entry = readKeyring(dir)?.users['admin'];
  if (!entry) throw new Error('no key for admin');
  const key = await unwrapForUser(entry, 'admin', PASSWORD);
  if (!key) throw new Error('wrong password');
  const db = new BetterSqlite3(join(dir, STORE_FILE), { readonly: true });
  applyStoreKey(db, key);
  return db;
}

beforeAll(async () => {
  ({ dir, remove } = tempDir('caseworker-verify-cli-'));
  await createDemoStore(dir, {
    centerCode: 'VER',
    centerName: '검증고용센터',
    sido: '11',
    sigungu: '11680',
    jobseekers: 40,
    employers: 5,
    seed: 7,
    password: PASSWORD,
    anchor: new Date('2026-11-01T00:00:00Z'),
  });
});
afterAll(() => remove());

const verify = (user: string, code: string, ...extra: string[]) =>
  runNode(CLI, ['verify', code, '--data', dir, '--user', user, ...extra], {
    env: { CASEWORKER_PASSWORD: PASSWORD },
  });

describe('caseworker verify', () => {
  it('says a 알선장 code is genuine, for whom (masked) and when; exits 0; audited', async () => {
    const db = await rawStore();
    let referral: { id: string; name: string; cancelled: number };
    let audits: number;
    try {
      referral = db
        .prepare(
          `SELECT r.id, j.name, (SELECT count(*) FROM referral_events e WHERE e.referral_id = r.id AND e.kind = 'cancelled') AS cancelled
           FROM referrals r JOIN jobseekers j ON j.id = r.jobseeker_id ORDER BY cancelled, r.id LIMIT 1`,
        )
        .get() as typeof referral;
      audits = (
        db.prepare(`SELECT count(*) AS n FROM audit_entries WHERE action = 'document.verify'`).get() as {
          n: number;
        }
      ).n;
    } finally {
      db.close();
    }
    expect(referral.cancelled).toBe(0);
    const code = referralLetterCode(referral.id);
    const r = await verify('counselor1', code.toLowerCase());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const first = [...referral.name][0] ?? '';
    expect(r.stdout).toContain('GENUINE: referral letter (알선장)');
    expect(r.stdout).toMatch(new RegExp(`for\\s+${first}\\*`));
    expect(r.stdout).not.toContain(referral.name);
    expect(r.stdout).toContain('검증고용센터');

    const json = await verify('supervisor1', code, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ found: true, kind: 'referral', revoked: false });

    const after = await rawStore();
    try {
      const n = (
        after.prepare(`SELECT count(*) AS n FROM audit_entries WHERE action = 'document.verify'`).get() as {
          n: number;
        }
      ).n;
      expect(n).toBe(audits + 2);
    } finally {
      after.close();
    }
  });

  it('says an unknown code is not genuine and exits 1', async () => {
    const r = await verify('counselor1', 'ZZZZ-ZZZZ-ZZZZ');
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe(
      'NOT GENUINE: no certificate or referral letter has the code ZZZZ-ZZZZ-ZZZZ',
    );
  });

  it('refuses an admin on one line', async () => {
    const r = await verify('admin', 'ZZZZ-ZZZZ-ZZZZ');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'caseworker: Only a counselor or a supervisor may verify codes.',
    ]);
  });
});
