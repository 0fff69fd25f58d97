import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { FOLLOW_UP_MONTHS_0026 } from '../../../../db/migrations/0026_inbox_due_sources.ts';
import { migrations } from '../../../../db/migrations/index.ts';
import { runMigrations } from '../../../../db/migrator.ts';
import type { Database } from '../../../../db/schema.ts';
import { FOLLOW_UP_MONTHS, parseFollowUp } from '../../../../shared/domain/follow-ups.ts';
import { nextFollowUp, type FollowUpRecord } from '../../../../shared/referrals/state-machine.ts';
import { tempDir } from '../../../support/temp-store.ts';

// 0026_inbox_due_sources: `follow_up_series` holds exactly the referrals whose follow-up series can still
// fall due by the inbox's own reading (a hire, and `nextFollowUp` of its follow-ups is not null), starts
// from the events a store already has, and its triggers keep it so through every change a desktop makes.
// Each step compares the table with that definition computed in TypeScript from the records.

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

type Raw = InstanceType<typeof BetterSqlite3>;

async function storeAt(count: number): Promise<{ raw: Raw; migrate: () => Promise<void> }> {
  const { dir, remove } = tempDir();
  const raw = new BetterSqlite3(join(dir, 'store.db'));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  cleanups.push(() => {
    void db.destroy();
    remove();
  });
  await runMigrations(db, 'sqlite', migrations.slice(0, count), 'case store');
  // Sync applies a pull with foreign keys off (electron/services/sync/client.ts): records arrive in any
  // order, so these rows stand alone (no cases or openings).
  raw.pragma('foreign_keys = OFF');
  const migrate = async () => {
    await runMigrations(db, 'sqlite', migrations.slice(0, 26), 'case store');
  };
  return { raw, migrate };
}

let hlc = 0;

function referral(raw: Raw, id: string, jobseekerId: string): void {
  raw
    .prepare(
      `insert into referrals (id, hlc, jobseeker_id, opening_id, counselor_id, created_at)
       values (?, ?, ?, ?, 'u1', '2026-03-01T00:00:00.000Z')`,
    )
    .run(id, `h${++hlc}`, jobseekerId, `o-${id}`);
}

function event(raw: Raw, id: string, referralId: string, kind: string, data = '{}'): void {
  raw
    .prepare(
      `insert into referral_events (id, hlc, referral_id, kind, at, counselor_id, data)
       values (?, ?, ?, ?, '2026-03-02T00:00:00.000Z', 'u1', ?)`,
    )
    .run(id, `h${++hlc}`, referralId, kind, data);
}

const followUp = (months: unknown, employed?: boolean) => JSON.stringify({ months, employed });

function purge(raw: Raw, eventId: string): void {
  raw.prepare(`insert into sync_purge (table_name, row_id) values ('referral_events', ?)`).run(eventId);
  raw.prepare(`delete from referral_events where id = ?`).run(eventId);
}

/** The open series by the inbox's definition, and as kept, as sorted "referral:case" strings. */
function both(raw: Raw): { defined: string[]; kept: string[] } {
  const rows = raw
    .prepare(
      `select r.id, r.jobseeker_id, e.kind, e.at, e.data from referrals r
         join referral_events e on e.referral_id = r.id and e.kind in ('hired', 'follow-up')`,
    )
    .all() as Array<{ id: string; jobseeker_id: string; kind: string; at: string; data: string }>;
  const series = new Map<string, { case: string; hiredAt: string | null; followUps: FollowUpRecord[] }>();
  for (const r of rows) {
    const s = series.get(r.id) ?? { case: r.jobseeker_id, hiredAt: null, followUps: [] };
    if (r.kind === 'hired') s.hiredAt = r.at;
    else {
      const f = parseFollowUp(r.data);
      if (f) s.followUps.push({ ...f, at: r.at });
    }
    series.set(r.id, s);
  }
  const defined = [...series]
    .filter(([, s]) => nextFollowUp(s) !== null)
    .map(([id, s]) => `${id}:${s.case}`)
    .sort();
  const kept = raw
    .prepare(`select referral_id || ':' || jobseeker_id as k from follow_up_series order by k`)
    .pluck()
    .all() as string[];
  return { defined, kept };
}

function expectKept(raw: Raw, expected: string[]): void {
  const { defined, kept } = both(raw);
  expect(defined).toEqual(expected);
  expect(kept).toEqual(expected);
}

describe('0026_inbox_due_sources', () => {
  it('writes out exactly the follow-up months the domain has today', () => {
    expect([...FOLLOW_UP_MONTHS_0026]).toEqual([...FOLLOW_UP_MONTHS]);
  });

  it('fills the table from the hires and follow-ups a store already has', async () => {
    const { raw, migrate } = await storeAt(25);
    expect(migrations[25]?.[0]).toBe('0026_inbox_due_sources');
    referral(raw, 'r1', 'j1'); // hired, nothing recorded: open
    event(raw, 'e1', 'r1', 'hired');
    referral(raw, 'r2', 'j1'); // all three recorded: ended
    event(raw, 'e2', 'r2', 'hired');
    for (const m of [1, 3, 6]) event(raw, `e2-${m}`, 'r2', 'follow-up', followUp(m, true));
    referral(raw, 'r3', 'j2'); // left the job at 3 months: ended
    event(raw, 'e3', 'r3', 'hired');
    event(raw, 'e3-1', 'r3', 'follow-up', followUp(1, true));
    event(raw, 'e3-3', 'r3', 'follow-up', followUp(3, false));
    referral(raw, 'r4', 'j3'); // not hired
    event(raw, 'e4', 'r4', 'interview');
    referral(raw, 'r5', 'j4'); // 1 and 3 recorded: open
    event(raw, 'e5', 'r5', 'hired');
    event(raw, 'e5-1', 'r5', 'follow-up', followUp(1));
    event(raw, 'e5-3', 'r5', 'follow-up', followUp(3, true));
    await migrate();
    expectKept(raw, ['r1:j1', 'r5:j4']);
  });

  it('follows hires, follow-ups, unreadable data, moves and removals', async () => {
    const { raw, migrate } = await storeAt(25);
    await migrate();
    referral(raw, 'r1', 'j1');
    event(raw, 'e1', 'r1', 'referred');
    expectKept(raw, []);
    event(raw, 'e2', 'r1', 'hired');
    expectKept(raw, ['r1:j1']);
    event(raw, 'e3', 'r1', 'follow-up', followUp(1, true));
    expectKept(raw, ['r1:j1']);

    // Data the inbox cannot read ends nothing, and is never refused for it: not JSON, a month that is
    // not 1, 3 or 6, a month written as text.
    event(raw, 'e4', 'r1', 'follow-up', '{not json');
    event(raw, 'e5', 'r1', 'follow-up', followUp(2, false));
    event(raw, 'e6', 'r1', 'follow-up', followUp('3', false));
    event(raw, 'e7', 'r1', 'follow-up', 'null');
    expectKept(raw, ['r1:j1']);

    event(raw, 'e8', 'r1', 'follow-up', followUp(3));
    expectKept(raw, ['r1:j1']);
    event(raw, 'e9', 'r1', 'follow-up', followUp(6, true));
    expectKept(raw, []);

    // Pulled out of order: the hire arrives before its referral.
    event(raw, 'e10', 'r2', 'hired');
    expectKept(raw, []);
    referral(raw, 'r2', 'j2');
    expectKept(raw, ['r2:j2']);

    // Left the job: the series ends; the case leaves the desktop and the event is purged: open again
    // until the referral goes too.
    event(raw, 'e11', 'r2', 'follow-up', followUp(1, false));
    expectKept(raw, []);
    purge(raw, 'e11');
    expectKept(raw, ['r2:j2']);

    // A merge moves the referral to the survivor.
    raw.prepare(`update referrals set jobseeker_id = 'j9' where id = 'r2'`).run();
    expectKept(raw, ['r2:j9']);
    purge(raw, 'e10');
    expectKept(raw, []);
    event(raw, 'e12', 'r2', 'hired');
    expectKept(raw, ['r2:j9']);
    raw.prepare(`delete from referrals where id = 'r2'`).run();
    expectKept(raw, []);
  });

  it('agrees with the inbox after every event of a thousand random ones', async () => {
    const { raw, migrate } = await storeAt(25);
    await migrate();
    let seed = 20_261_205;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const datas = [
      followUp(1),
      followUp(3, true),
      followUp(6, true),
      followUp(1, false),
      followUp(6, false),
      followUp(3),
      followUp(4, true),
      '{"months":1.0,"employed":true}',
      'oops',
    ];
    for (let r = 0; r < 40; r++) referral(raw, `r${r}`, `j${r % 7}`);
    for (let i = 0; i < 1000; i++) {
      const ref = `r${next(40)}`;
      const roll = next(10);
      if (roll < 2) event(raw, `x${i}`, ref, 'hired');
      else if (roll < 8) event(raw, `x${i}`, ref, 'follow-up', datas[next(datas.length)]);
      else if (roll < 9) event(raw, `x${i}`, ref, 'interview');
      else {
        const victim = raw.prepare(`select id from referral_events order by id limit 1 offset ?`).pluck();
        const total = raw.prepare(`select count(*) from referral_events`).pluck().get() as number;
        if (total > 0) purge(raw, victim.get(next(total)) as string);
      }
      const { defined, kept } = both(raw);
      expect(kept, `after step ${i}`).toEqual(defined);
    }
    expect(both(raw).kept.length).toBeGreaterThan(0);
  });
});
