import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDuplicatePairs, type DuplicateCue } from '../../../../db/repositories/merges.ts';
import { generateDemo } from '../../../../electron/services/demo/generate.ts';
import { openDesktopStore, type DesktopStore } from '../../../../electron/services/store.ts';
import { tempDir } from '../../../support/temp-store.ts';
import { TEST_STORE_KEY } from '../../../support/store-key.ts';

// The duplicate list (issue 16 item 5) reads the shared keys the desktop keeps in `duplicate_keys`
// (migration 0024) instead of grouping the center's cases. Here the kept counts and the pairs found must
// equal the definitions — a grouping of the live cases by each cue — on a demo store, and again after
// every kind of change a case goes through: a new case, a key typed over, archived, merged away, moved to
// another center, removed.

const CENTER = 'DUP';
let store: DesktopStore;
let remove: () => void;

beforeAll(async () => {
  let dir: string;
  ({ dir, remove } = tempDir('caseworker-duplicates-'));
  store = await openDesktopStore(dir, { key: TEST_STORE_KEY });
  await generateDemo(store.context, {
    centerCode: CENTER,
    centerName: '서울강남고용센터',
    sido: '11',
    sigungu: '11680',
    jobseekers: 300,
    employers: 30,
    seed: 24,
    password: 'Duplicates-2026',
    anchor: new Date('2026-03-04T00:00:00Z'),
  });
  // The changes below are written straight to the rows, as a pull applies them: with foreign keys off
  // (electron/services/sync/client.ts), so a case may name a center this desktop has not pulled.
  await sql`PRAGMA foreign_keys = OFF`.execute(store.db);
}, 180_000);

afterAll(async () => {
  await store.close();
  remove();
});

const KEYS: Record<DuplicateCue, { k1: string; k2: string; when: string }> = {
  'name-birthYear': { k1: 'name', k2: 'cast(birth_year as text)', when: '1' },
  phone: { k1: 'phone', k2: `''`, when: `phone is not null and phone <> ''` },
  regNo: { k1: 'substr(reg_no, 4)', k2: `''`, when: '1' },
};

/** The counts by definition and as kept, as sorted "center|cue|k1|k2|n" lines. */
async function counts(): Promise<{ defined: string[]; kept: string[] }> {
  const defined: string[] = [];
  for (const [cue, k] of Object.entries(KEYS)) {
    const rows = await sql<{
      line: string;
    }>`select center_code || '|' || ${cue} || '|' || ${sql.raw(k.k1)} || '|'
        || ${sql.raw(k.k2)} || '|' || count(*) as line from jobseekers
      where archived = 0 and ${sql.raw(k.when)} group by center_code, ${sql.raw(k.k1)}, ${sql.raw(k.k2)}`.execute(
      store.db,
    );
    defined.push(...rows.rows.map((r) => r.line));
  }
  const kept = await sql<{
    line: string;
  }>`select center_code || '|' || cue || '|' || k1 || '|' || k2 || '|' || n
      as line from duplicate_keys`.execute(store.db);
  return { defined: defined.sort(), kept: kept.rows.map((r) => r.line).sort() };
}

/** The pairs by definition: every group of a cue gives its n−1 pairs with the smallest id. */
async function definedPairs(): Promise<string[]> {
  const out = new Map<string, DuplicateCue[]>();
  for (const [cue, k] of Object.entries(KEYS) as Array<[DuplicateCue, (typeof KEYS)[DuplicateCue]]>) {
    const groups = await sql<{ ids: string }>`select group_concat(id) as ids from jobseekers
      where center_code = ${CENTER} and archived = 0 and ${sql.raw(k.when)}
      group by ${sql.raw(k.k1)}, ${sql.raw(k.k2)} having count(*) > 1`.execute(store.db);
    for (const g of groups.rows) {
      const [first, ...rest] = g.ids.split(',').sort();
      for (const other of rest) {
        const key = `${first}:${other}`;
        out.set(key, [...(out.get(key) ?? []), cue]);
      }
    }
  }
  return [...out].map(([key, cues]) => `${key} ${cues.sort().join(',')}`).sort();
}

async function foundPairs(): Promise<string[]> {
  const pairs = await findDuplicatePairs(store.db, CENTER, 10_000);
  return pairs.map((p) => `${p.aId}:${p.bId} ${[...p.cues].sort().join(',')}`).sort();
}

async function expectInStep(): Promise<void> {
  const { defined, kept } = await counts();
  expect(kept).toEqual(defined);
  expect(await foundPairs()).toEqual(await definedPairs());
}

async function liveIds(n: number): Promise<Array<{ id: string; reg_no: string }>> {
  return await sql<{ id: string; reg_no: string }>`select id, reg_no from jobseekers
    where center_code = ${CENTER} and archived = 0 order by id limit ${n}`
    .execute(store.db)
    .then((r) => r.rows);
}

describe('duplicate pairs from the kept keys', () => {
  it('finds the pairs of the definition on a demo store, by every cue', async () => {
    await expectInStep();
    const cues = new Set((await foundPairs()).flatMap((p) => p.split(' ')[1]?.split(',') ?? []));
    expect(cues.has('name-birthYear')).toBe(true);
  });

  it('stays in step as cases are added, typed over, archived, merged, moved and removed', async () => {
    const [a, b, c, d, e, f] = await liveIds(6);
    if (!a || !b || !c || !d || !e || !f) throw new Error('the demo store has too few cases');
    const set = (id: string, change: ReturnType<typeof sql>) =>
      sql`update jobseekers set ${change} where id = ${id}`.execute(store.db);

    // Typed over: a phone and a registration-number body now shared.
    await set(b.id, sql`phone = (select phone from jobseekers where id = ${a.id})`);
    await set(d.id, sql`reg_no = ${`ZZ-${c.reg_no.slice(3)}`}`);
    await expectInStep();
    const now = await foundPairs();
    expect(now.some((p) => p.includes('phone') && p.includes(a.id < b.id ? a.id : b.id))).toBe(true);
    expect(now.some((p) => p.includes('regNo'))).toBe(true);

    // Same name and birth year, then one archived, one merged away.
    await set(
      f.id,
      sql`name = (select name from jobseekers where id = ${e.id}),
      birth_year = (select birth_year from jobseekers where id = ${e.id})`,
    );
    await expectInStep();
    await set(e.id, sql`archived = 1`);
    await expectInStep();
    await set(e.id, sql`archived = 0`);
    await set(b.id, sql`merged_into = ${a.id}, archived = 1`);
    await expectInStep();

    // Moved to another center: counted there, not here.
    await set(c.id, sql`center_code = 'ELSEWHERE'`);
    await expectInStep();

    // A new case copying another's keys, then removed (its case left this desktop).
    await sql`create temp table copy as select * from jobseekers where id = ${f.id}`.execute(store.db);
    await sql`update copy set id = 'copy-of-f', reg_no = ${`XX-${f.reg_no.slice(3)}`}`.execute(store.db);
    await sql`insert into jobseekers select * from copy`.execute(store.db);
    await expectInStep();
    expect((await foundPairs()).some((p) => p.includes('copy-of-f') && p.includes('regNo'))).toBe(true);
    await sql`delete from jobseekers where id = 'copy-of-f'`.execute(store.db);
    await expectInStep();
  });
});
