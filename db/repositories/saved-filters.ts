import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

// A person's saved searches of the jobseeker list (내 저장 검색): local rows, never synced (migration 0013).

type Db = Kysely<Database> | Transaction<Database>;

export async function savedFiltersOf(db: Db, userId: string) {
  return db
    .selectFrom('saved_filters')
    .select(['id', 'name', 'filter'])
    .where('user_id', '=', userId)
    .orderBy('name')
    .execute();
}

/** Saves under `name`, replacing the person's search of that name. */
export async function upsertSavedFilter(
  db: Db,
  row: { id: string; userId: string; name: string; filter: string; createdAt: string },
): Promise<string> {
  const existing = await db
    .selectFrom('saved_filters')
    .select('id')
    .where('user_id', '=', row.userId)
    .where('name', '=', row.name)
    .executeTakeFirst();
  if (existing) {
    await db.updateTable('saved_filters').set({ filter: row.filter }).where('id', '=', existing.id).execute();
    return existing.id;
  }
  await db
    .insertInto('saved_filters')
    .values({
      id: row.id,
      user_id: row.userId,
      name: row.name,
      filter: row.filter,
      created_at: row.createdAt,
    })
    .execute();
  return row.id;
}

export async function deleteSavedFilter(db: Db, userId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('saved_filters')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countSavedFilters(db: Db, userId: string): Promise<number> {
  const r = await db
    .selectFrom('saved_filters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
