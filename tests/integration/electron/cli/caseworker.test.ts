import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode } from '../../../support/run-node.ts';
import { openRawStore } from '../../../support/raw-store.ts';
import { tempDir } from '../../../support/temp-store.ts';

const CLI = 'electron/cli/caseworker.ts';
const PASSWORD = 'Demo-pass-2026';
const dirs: Array<() => void> = [];
afterAll(() => dirs.forEach((remove) => remove()));
function folder() {
  const t = tempDir('caseworker-cli-');
  dirs.push(t.remove);
  return join(t.dir, 'store');
}

async function snapshot(dir: string) {
  const db = await openRawStore(dir, 'admin', PASSWORD);
  try {
    return {
      people: db
        .prepare('select id, reg_no, name, birth_year, phone, current_track from jobseekers order by id')
        .all(),
      events: db.prepare('select id, kind, at from referral_events order by id').all(),
    };
  } finally {
    db.close();
  }
}

describe('caseworker demo and stats', () => {
  const data = folder();

  it('makes a demo store and reports what it made', async () => {
    const r = await runNode(
      CLI,
      [
        'demo',
        '--data',
        data,
        '--jobseekers',
        '300',
        '--employers',
        '40',
        '--seed',
        '11',
        '--as-of',
        '2026-11-01',
      ],
      {
        env: { CASEWORKER_PASSWORD: PASSWORD },
      },
    );
    expect(r.stderr).not.toContain('Error');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/jobseekers: 300/);
    expect(r.stdout).toMatch(/counselor5/);
  });

  it('prints counts as one JSON object after checking the password (read from stdin)', async () => {
    const r = await runNode(CLI, ['stats', '--data', data, '--user', 'supervisor1', '--json'], {
      stdin: `${PASSWORD}\n`,
    });
    expect(r.code).toBe(0);
    const counts = JSON.parse(r.stdout) as Record<string, number>;
    expect(counts).toMatchObject({ jobseekers: 300, employers: 40, pendingChanges: 0 });
    for (const key of [
      'assessments',
      'notes',
      'openings',
      'referrals',
      'referralEvents',
      'checkins',
      'auditEntries',
    ]) {
      expect(counts[key], key).toBeGreaterThan(0);
    }
  });

  it('refuses a wrong password with one line and a non-zero exit', async () => {
    const r = await runNode(CLI, ['stats', '--data', data, '--user', 'supervisor1', '--json'], {
      env: { CASEWORKER_PASSWORD: 'Nope-nope-1' },
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual(['caseworker: Wrong user id or password.']);
    expect(r.stdout).toBe('');
  });

  it('is reproducible: the same seed and date make the same people and events', async () => {
    const again = folder();
    const r = await runNode(
      CLI,
      [
        'demo',
        '--data',
        again,
        '--jobseekers',
        '300',
        '--employers',
        '40',
        '--seed',
        '11',
        '--as-of',
        '2026-11-01',
      ],
      {
        env: { CASEWORKER_PASSWORD: PASSWORD },
      },
    );
    expect(r.code).toBe(0);
    expect(await snapshot(again)).toEqual(await snapshot(data));
  });

  it('makes Korean names, valid regions and classified jobseekers across the tracks', async () => {
    const { people } = (await snapshot(data)) as {
      people: Array<{ name: string; current_track: string | null }>;
    };
    expect(people.every((p) => /^[가-힣]{2,4}$/.test(p.name))).toBe(true);
    const tracks = new Set(people.map((p) => p.current_track).filter(Boolean));
    expect(tracks.size).toBeGreaterThanOrEqual(4);
  });

  it('refuses to put demo data into an existing store', async () => {
    const r = await runNode(CLI, ['demo', '--data', data], { env: { CASEWORKER_PASSWORD: PASSWORD } });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toMatch(/^caseworker: .*already holds a case store/);
  });
});

describe('caseworker bad input', () => {
  it.each([
    [['demo'], /required option '--data <dir>'/],
    [['demo', '--data', '/tmp/x', '--jobseekers', 'many'], /--jobseekers <n>.*invalid/],
    [['demo', '--data', '/tmp/x', '--as-of', '2026-13-45'], /--as-of <date>.*invalid/],
    [['stats', '--data', '/tmp/x'], /required option '--user <id>'/],
    [['frobnicate'], /unknown command/],
  ])('%j exits non-zero with one line', async (args, message) => {
    const r = await runNode(CLI, args);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('refuses a weak demo password before writing anything', async () => {
    const data = folder();
    const r = await runNode(CLI, ['demo', '--data', data], { env: { CASEWORKER_PASSWORD: 'password' } });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(data, 'caseworker.db'))).toBe(false);
  });

  it('reports a missing store', async () => {
    const r = await runNode(CLI, ['stats', '--data', folder(), '--user', 'admin', '--json'], {
      env: { CASEWORKER_PASSWORD: PASSWORD },
    });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^caseworker: No case store in /);
  });
});
