import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { CenterTable, Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type CenterRow = Selectable<CenterTable>;

export async function insertCenter(db: Db, row: Insertable<CenterTable>): Promise<void> {
  await db.insertInto('centers').values(row).execute();
}

export async function getCenter(db: Db, code: string): Promise<CenterRow | undefined> {
  return db.selectFrom('centers').selectAll().where('code', '=', code).executeTakeFirst();
}

/** A desktop serves one center; the first one created is the home center. */
export async function homeCenter(db: Db): Promise<CenterRow | undefined> {
  return db.selectFrom('centers').selectAll().orderBy('updated_at').limit(1).executeTakeFirst();
}
