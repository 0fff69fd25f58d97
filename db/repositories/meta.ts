import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

// Small key/value facts about this store: the device id, the clock, the schema's own notes.

type Db = Kysely<Database> | Transaction<Database>;

export async function getMeta(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function setMeta(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
