import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { ServerCenterTable, ServerDatabase, ServerUserTable } from '../schema.ts';

// Centers and accounts on the server.

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;
export type ServerUserRow = Selectable<ServerUserTable>;

export async function insertServerCenter(db: Db, row: Insertable<ServerCenterTable>): Promise<void> {
  await db.insertInto('centers').values(row).execute();
}

export async function getServerCenter(
  db: Db,
  code: string,
): Promise<Selectable<ServerCenterTable> | undefined> {
  return db.selectFrom('centers').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertServerUser(db: Db, row: Insertable<ServerUserTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function findServerUserByLogin(db: Db, loginId: string): Promise<ServerUserRow | undefined> {
  return db.selectFrom('users').selectAll().where('login_id', '=', loginId).executeTakeFirst();
}

export async function getServerUser(db: Db, id: string): Promise<ServerUserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recordServerLoginFailure(
  db: Db,
  id: string,
  failures: number,
  lockedUntil: string | null,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: failures, locked_until: lockedUntil })
    .where('id', '=', id)
    .execute();
}

export async function recordServerLoginSuccess(db: Db, id: string): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

export async function setServerUserActive(db: Db, id: string, active: boolean, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ active: active ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .execute();
}
