import { sql, type Kysely, type Transaction } from 'kysely';
import { caseChildTables } from '../../shared/sync/merge.ts';
import type { Database } from '../schema.ts';

// SQL of case merges (issue 16 item 5): the likely duplicate pairs of a center, counting and moving a
// case's records. The child tables come from the sync declarations (shared/sync/merge.ts), so a table
// added later (appointments...) is counted and moved without a change here.

type Db = Kysely<Database> | Transaction<Database>;

export type DuplicateCue = 'name-birthYear' | 'phone' | 'regNo';

export interface DuplicatePairRow {
  aId: string;
  bId: string;
  cues: DuplicateCue[];
}

/** What each cue groups by: the leading columns of its covering index (migration 0015). */
const CUE_KEYS: Record<DuplicateCue, string> = {
  'name-birthYear': `name, birth_year`,
  phone: `phone`,
  // Registration numbers are issued at random (unique in a store); the same body under another year is a
  // person registered again from an old card or a number typed over.
  regNo: `substr(reg_no, 4)`,
};

const CUE_FILTER: Record<DuplicateCue, string> = {
  'name-birthYear': '',
  phone: `and phone is not null and phone <> ''`,
  regNo: '',
};

/**
 * Pairs of live cases of one center that look like one person, by each cue: one grouping statement per
 * cue over the covering indexes of migration 0015 (no self-join over the table). At most `limit` groups
 * per cue; a group of n cases gives its n−1 pairs with the oldest registered case.
 */
export async function findDuplicatePairs(
  db: Db,
  centerCode: string,
  limit: number,
): Promise<DuplicatePairRow[]> {
  const pairs = new Map<string, DuplicatePairRow>();
  for (const cue of Object.keys(CUE_KEYS) as DuplicateCue[]) {
    const groups = await sql<{ ids: string }>`
      select group_concat(id) as ids from jobseekers
      where center_code = ${centerCode} and archived = 0 ${sql.raw(CUE_FILTER[cue])}
      group by ${sql.raw(CUE_KEYS[cue])} having count(*) > 1 limit ${limit}`.execute(db);
    for (const g of groups.rows) {
      const ids = g.ids.split(',');
      ids.sort();
      const first = ids[0] ?? '';
      for (const other of ids.slice(1)) {
        const [aId, bId] = first < other ? [first, other] : [other, first];
        const key = `${aId}:${bId}`;
        const found = pairs.get(key);
        if (found) found.cues.push(cue);
        else pairs.set(key, { aId, bId, cues: [cue] });
      }
    }
  }
  return [...pairs.values()];
}

/** How many records of each child table belong to the case (for the merge dialog and the audit). */
export async function countCaseChildren(db: Db, caseId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of caseChildTables()) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(c.table)} where ${sql.ref(
      c.field,
    )} = ${caseId}`.execute(db);
    const n = Number(row.rows[0]?.n ?? 0);
    if (n > 0) out[c.table] = (out[c.table] ?? 0) + n;
  }
  return out;
}

/**
 * Moves every record of `mergedId` to `survivorId`, table by table. The merged case must already point
 * at the survivor (`merged_into`): the append-only tables' triggers let the case column move only so.
 */
export async function moveCaseChildren(
  trx: Transaction<Database>,
  mergedId: string,
  survivorId: string,
): Promise<number> {
  let moved = 0;
  for (const c of caseChildTables()) {
    const r = await sql`update ${sql.table(c.table)} set ${sql.ref(c.field)} = ${survivorId} where ${sql.ref(
      c.field,
    )} = ${mergedId}`.execute(trx);
    moved += Number(r.numAffectedRows ?? 0);
  }
  return moved;
}

/** Whether both cases were referred to the same opening (one referral per case and opening). */
export async function sharedOpening(db: Db, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('referrals as ra')
    .innerJoin('referrals as rb', 'rb.opening_id', 'ra.opening_id')
    .select('ra.id')
    .where('ra.jobseeker_id', '=', a)
    .where('rb.jobseeker_id', '=', b)
    .executeTakeFirst();
  return row !== undefined;
}

/** How many cases were merged into others (the `merges` count of `caseworker stats`). */
export async function countMerged(db: Db): Promise<number> {
  const row = await db
    .selectFrom('jobseekers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('merged_into', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
