import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ENDING_KINDS_0024 } from '../../../../db/migrations/0024_derived_lists.ts';
import { migrations } from '../../../../db/migrations/index.ts';
import { runMigrations } from '../../../../db/migrator.ts';
import type { Database } from '../../../../db/schema.ts';
import { CLOSED_STATES } from '../../../../shared/referrals/state-machine.ts';
import { tempDir } from '../../../support/temp-store.ts';

// 0024_derived_lists: `referrals_open` starts as the referrals without an ending event, and its triggers
// keep it equal to that definition through every change a desktop makes to referrals and their events.
// Each step below compares the table with the definition computed from the records themselves.

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function storeAt(count: number) {
  const { dir, remove } = tempDir();
  const raw = new BetterSqlite3(join(dir, 'store.db'));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  cleanups.push(() => {
    void db.destroy();
    remove();
  });
  await runMigrations(db, 'sqlite', migrations.slice(0, count), 'case store');
  // Sync applies a pull with foreign keys off (electron/services/sync/client.ts), so records can arrive
  // in any order; these rows stand alone (no cases or openings) for the same reason.
  raw.pragma('foreign_keys = OFF');
  return raw;
}

type Raw = InstanceType<typeof BetterSqlite3>;
let hlc = 0;

function referral(raw: Raw, id: string, jobseekerId: string): void {
  raw
    .prepare(
      `insert into referrals (id, hlc, jobseeker_id, opening_id, counselor_id, created_at)
       values (?, ?, ?, ?, 'u1', '2026-03-01T00:00:00.000Z')`,
    )
    .run(id, `h${++hlc}`, jobseekerId, `o-${id}`);
}

function event(raw: Raw, id: string, referralId: string, kind: string): void {
  raw
    .prepare(
      `insert into referral_events (id, hlc, referral_id, kind, at, counselor_id)
       values (?, ?, ?, ?, '2026-03-02T00:00:00.000Z', 'u1')`,
    )
    .run(id, `h${++hlc}`, referralId, kind);
}

/** The open referrals by definition, and as kept, as sorted "referral:case" strings. */
function both(raw: Raw): { defined: string[]; kept: string[] } {
  const list = ENDING_KINDS_0024.map((k) => `'${k}'`).join(', ');
  const defined = raw
    .prepare(
      `select r.id || ':' || r.jobseeker_id as k from referrals r where not exists (
         select 1 from referral_events e where e.referral_id = r.id and e.kind in (${list})) order by k`,
    )
    .pluck()
    .all() as string[];
  const kept = raw
    .prepare(`select referral_id || ':' || jobseeker_id as k from referrals_open order by k`)
    .pluck()
    .all() as string[];
  return { defined, kept };
}

function expectKept(raw: Raw, expected: string[]): void {
  const { defined, kept } = both(raw);
  expect(defined).toEqual(expected);
  expect(kept).toEqual(expected);
}

describe('0024_derived_lists', () => {
  it('writes out exactly the kinds that end a referral today', () => {
    expect([...ENDING_KINDS_0024].sort()).toEqual(['hired', ...CLOSED_STATES].sort());
  });

  it('fills the table from the referrals a store already has', async () => {
    const raw = await storeAt(23);
    expect(migrations[22]?.[0]).toBe('0023_merge_dismissals');
    referral(raw, 'r1', 'j1');
    referral(raw, 'r2', 'j1');
    referral(raw, 'r3', 'j2');
    referral(raw, 'r4', 'j3');
    event(raw, 'e1', 'r1', 'referred');
    event(raw, 'e2', 'r2', 'hired');
    event(raw, 'e3', 'r3', 'interview-scheduled');
    event(raw, 'e4', 'r4', 'no-show');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    await runMigrations(db, 'sqlite', migrations.slice(0, 24), 'case store');
    expectKept(raw, ['r1:j1', 'r3:j2']);
  });

  it('follows new referrals, ending events, moves and removals', async () => {
    const raw = await storeAt(24);
    referral(raw, 'r1', 'j1');
    referral(raw, 'r2', 'j2');
    expectKept(raw, ['r1:j1', 'r2:j2']);

    event(raw, 'e1', 'r1', 'referred');
    expectKept(raw, ['r1:j1', 'r2:j2']);
    event(raw, 'e2', 'r1', 'not-hired');
    expectKept(raw, ['r2:j2']);

    // Pulled out of order: the ending event arrives before its referral.
    event(raw, 'e3', 'r3', 'cancelled');
    referral(raw, 'r3', 'j3');
    expectKept(raw, ['r2:j2']);

    // A merge moves the referral to the survivor.
    raw.prepare(`update referrals set jobseeker_id = 'j9' where id = 'r2'`).run();
    expectKept(raw, ['r2:j9']);

    // The case leaves the desktop: sync removes the ending event (named in sync_purge), then the referral.
    raw.prepare(`insert into sync_purge (table_name, row_id) values ('referral_events', 'e2')`).run();
    raw.prepare(`delete from referral_events where id = 'e2'`).run();
    expectKept(raw, ['r1:j1', 'r2:j9']);
    raw.prepare(`delete from referrals where id = 'r1'`).run();
    expectKept(raw, ['r2:j9']);
  });
});
