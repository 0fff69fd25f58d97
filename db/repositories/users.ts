import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, UserRow, UserTable } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertUser(db: Db, row: Insertable<UserTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function findUserByLogin(db: Db, loginId: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('login_id', '=', loginId).executeTakeFirst();
}

export async function getUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listUsersByRole(
  db: Db,
  centerCode: string,
  role: UserRow['role'],
): Promise<Array<Pick<UserRow, 'id' | 'login_id' | 'display_name'>>> {
  return db
    .selectFrom('users')
    .select(['id', 'login_id', 'display_name'])
    .where('center_code', '=', centerCode)
    .where('role', '=', role)
    .where('active', '=', 1)
    .orderBy('login_id')
    .execute();
}

/** The active counselors and supervisors of a center, by name: who a case can be assigned to. */
export async function listCaseStaff(
  db: Db,
  centerCode: string,
): Promise<Array<Pick<UserRow, 'id' | 'display_name' | 'role'>>> {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('center_code', '=', centerCode)
    .where('role', 'in', ['counselor', 'supervisor'])
    .where('active', '=', 1)
    .orderBy('display_name')
    .execute();
}

export async function recordLoginFailure(db: Db, id: string, lockedUntil: string | null): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), locked_until: lockedUntil }))
    .where('id', '=', id)
    .execute();
}

export async function recordLoginSuccess(db: Db, id: string): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}
