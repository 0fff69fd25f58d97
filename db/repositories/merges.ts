import { sql, type Kysely, type Transaction } from 'kysely';
import { caseChildTables } from '../../shared/sync/merge.ts';
import type { Database } from '../schema.ts';

// SQL of case merges (issue 16 item 5): the likely duplicate pairs of a center, counting and moving a
// case's records. The child tables come from the sync declarations (shared/sync/merge.ts), so a table
// added later (appointments...) is counted and moved without a change here. The duplicate list reads a
// table only the desktop keeps (migration 0024): it is SQLite's.

type Db = Kysely<Database> | Transaction<Database>;

export type DuplicateCue = 'name-birthYear' | 'phone' | 'regNo';

export interface DuplicatePairRow {
  aId: string;
  bId: string;
  cues: DuplicateCue[];
}

/** How a shared key of `duplicate_keys` (migration 0024) finds its cases, over the indexes of 0015. */
const CUE_MEMBERS: Record<Exclude<DuplicateCue, 'regNo'>, string> = {
  'name-birthYear': `j.name = d.k1 and j.birth_year = cast(d.k2 as integer)`,
  phone: `j.phone = d.k1`,
};

const CUES: DuplicateCue[] = ['name-birthYear', 'phone', 'regNo'];

/** The first `limit` keys of a cue that two or more live cases of the center share (a partial index). */
function sharedKeys(centerCode: string, cue: DuplicateCue, limit: number) {
  return sql`select k1, k2 from duplicate_keys indexed by duplicate_keys_shared
    where center_code = ${centerCode} and cue = ${cue} and n > 1 order by k1, k2 limit ${limit}`;
}

/** Each shared key's cases, as comma-separated ids. */
async function cueGroups(db: Db, centerCode: string, cue: DuplicateCue, limit: number): Promise<string[]> {
  if (cue === 'regNo') {
    // SQLite uses an expression index (substr(reg_no, 4)) for a value, never for a join's column: the
    // keys are read first and handed back as values.
    const keys = (await sharedKeys(centerCode, cue, limit).execute(db)).rows as Array<{ k1: string }>;
    if (keys.length === 0) return [];
    const rows = await sql<{ ids: string }>`select group_concat(id) as ids from jobseekers
      where center_code = ${centerCode} and archived = 0
        and substr(reg_no, 4) in (${sql.join(keys.map((k) => k.k1))})
      group by substr(reg_no, 4) having count(*) > 1`.execute(db);
    return rows.rows.map((r) => r.ids);
  }
  const rows = await sql<{ ids: string }>`select group_concat(j.id) as ids
    from (${sharedKeys(centerCode, cue, limit)}) d
    join jobseekers j on j.center_code = ${centerCode} and j.archived = 0 and ${sql.raw(CUE_MEMBERS[cue])}
    group by d.k1, d.k2 having count(*) > 1`.execute(db);
  return rows.rows.map((r) => r.ids);
}

/**
 * Pairs of live cases of one center that look like one person, by each cue. The desktop keeps how many
 * live cases share each cue's key (duplicate_keys, migration 0024), so a cue's groups are the first
 * `limit` shared keys of a partial index, each looked up over the cue's index of 0015: no grouping over
 * the center's 100k cases. A group of n cases gives its n−1 pairs with the smallest id.
 */
export async function findDuplicatePairs(
  db: Db,
  centerCode: string,
  limit: number,
): Promise<DuplicatePairRow[]> {
  const pairs = new Map<string, DuplicatePairRow>();
  for (const cue of CUES) {
    for (const group of await cueGroups(db, centerCode, cue, limit)) {
      const ids = group.split(',');
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
