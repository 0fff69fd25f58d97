import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

// form_drafts (0011): one unsaved form per user, form and record. Never synced, never audited as a case
// read: it is the user's own unfinished typing, shown back only to them on this PC.

export interface DraftKey {
  userId: string;
  form: string;
  recordKey: string;
}

export async function findDraft(db: Kysely<Database>, key: DraftKey) {
  return db
    .selectFrom('form_drafts')
    .select(['data', 'updated_at'])
    .where('user_id', '=', key.userId)
    .where('form', '=', key.form)
    .where('record_key', '=', key.recordKey)
    .executeTakeFirst();
}

export async function keepDraft(
  db: Kysely<Database>,
  key: DraftKey,
  data: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('form_drafts')
    .values({ user_id: key.userId, form: key.form, record_key: key.recordKey, data, updated_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'form', 'record_key']).doUpdateSet({ data, updated_at: at }))
    .execute();
}

export async function discardDraft(db: Kysely<Database>, key: DraftKey): Promise<void> {
  await db
    .deleteFrom('form_drafts')
    .where('user_id', '=', key.userId)
    .where('form', '=', key.form)
    .where('record_key', '=', key.recordKey)
    .execute();
}
