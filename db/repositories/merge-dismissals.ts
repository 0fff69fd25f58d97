import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

// SQL of dismissed duplicate pairs (다른 사람, issue 16 item 5): the pairs a center's supervisors judged
// to be two people, in force until taken back (migration 0023).

type Db = Kysely<Database> | Transaction<Database>;

/** The key of a pair whatever the order its two ids come in. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** Dismissals in force at the center, newest first. */
export async function activeDismissals(db: Db, centerCode: string) {
  return db
    .selectFrom('case_merge_dismissals as d')
    .leftJoin('users as u', 'u.id', 'd.dismissed_by')
    .selectAll('d')
    .select('u.display_name as dismissed_by_name')
    .where('d.center_code', '=', centerCode)
    .where('d.undone', '=', 0)
    .orderBy('d.dismissed_at', 'desc')
    .limit(1000)
    .execute();
}

/** The keys of the pairs dismissed at the center (the duplicate list leaves them out). */
export async function dismissedPairKeys(db: Db, centerCode: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('case_merge_dismissals')
    .select(['a_id', 'b_id'])
    .where('center_code', '=', centerCode)
    .where('undone', '=', 0)
    .execute();
  return new Set(rows.map((r) => pairKey(r.a_id, r.b_id)));
}

export async function getDismissal(db: Db, id: string) {
  return db.selectFrom('case_merge_dismissals').selectAll().where('id', '=', id).executeTakeFirst();
}
