import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AccountAuditTable, ServerCenterTable, ServerDatabase, ServerUserTable } from '../schema.ts';

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

export async function listServerUsers(db: Db, centerCode: string): Promise<ServerUserRow[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('center_code', '=', centerCode)
    .orderBy('login_id')
    .execute();
}

export async function getServerUser(db: Db, id: string): Promise<ServerUserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Counts one failed sign-in in a single statement, so parallel guesses count one each (a read-then-write
 * would let twenty parallel guesses count as two). The count starts again at 1 when an earlier lock has
 * run out; reaching `lockAt` failures locks the account until `lockUntil`. A lock in force is not
 * extended (guesses during it still count, for the record).
 */
export async function recordServerLoginFailure(
  db: Db,
  id: string,
  now: string,
  lockAt: number,
  lockUntil: string,
): Promise<{ failed_logins: number; locked_until: string | null } | undefined> {
  const expired = sql<boolean>`locked_until is not null and locked_until <= ${now}`;
  const failures = sql<number>`case when ${expired} then 1 else failed_logins + 1 end`;
  return db
    .updateTable('users')
    .set({
      failed_logins: failures,
      locked_until: sql<string | null>`case
        when locked_until is not null and locked_until > ${now} then locked_until
        when ${failures} >= ${lockAt} then ${lockUntil}
        else null end`,
    })
    .where('id', '=', id)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirst();
}

export async function recordServerLoginSuccess(db: Db, id: string): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

/** Deactivating ends every session at its next request (the epoch moves on); reactivating does not. */
export async function setServerUserActive(db: Db, id: string, active: boolean, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({
      active: active ? 1 : 0,
      updated_at: now,
      ...(active ? {} : { session_epoch: sql<number>`session_epoch + 1` }),
    })
    .where('id', '=', id)
    .execute();
}

export async function unlockServerUser(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** A new password also unlocks the account and ends every session (the epoch moves on). */
export async function setServerUserPassword(db: Db, id: string, hash: string, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: hash,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
      session_epoch: sql<number>`session_epoch + 1`,
    })
    .where('id', '=', id)
    .execute();
}

export async function setServerUserRole(db: Db, id: string, role: ServerUserRow['role'], now: string) {
  await db.updateTable('users').set({ role, updated_at: now }).where('id', '=', id).execute();
}

export async function insertAccountAudit(db: Db, row: Insertable<AccountAuditTable>): Promise<void> {
  await db.insertInto('account_audit').values(row).execute();
}

export async function listAccountAudit(db: Db, centerCode: string): Promise<Selectable<AccountAuditTable>[]> {
  return db
    .selectFrom('account_audit')
    .selectAll()
    .where('center_code', '=', centerCode)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
