import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { DirectoryUser } from '../../../shared/sync/protocol.ts';
import { SyncError } from './sync-error.ts';

// The center and the accounts as the server knows them (sign-in and every pulled page carry them), kept
// in this desktop's own tables: centers and users are not synced records but the server's directory.

export async function upsertCenter(
  trx: Transaction<Database>,
  c: { code: string; name: string; sido: string; sigungu: string | null },
  now: Date,
): Promise<void> {
  const existing = await trx
    .selectFrom('centers')
    .select(['code', 'sido'])
    .where('code', '=', c.code)
    .executeTakeFirst();
  if (existing) {
    await trx
      .updateTable('centers')
      .set({ name: c.name, ...(c.sido ? { sido: c.sido, sigungu: c.sigungu } : {}) })
      .where('code', '=', c.code)
      .execute();
  } else {
    await trx
      .insertInto('centers')
      .values({
        code: c.code,
        name: c.name,
        sido: c.sido,
        sigungu: c.sigungu,
        hlc: '000000000000000:00000:server',
        updated_at: now.toISOString(),
      })
      .execute();
  }
}

/** Accounts of the center as the server knows them; local verifiers of people who signed in here are kept. */
export async function upsertUsers(
  trx: Transaction<Database>,
  users: DirectoryUser[],
  now: Date,
): Promise<void> {
  for (const u of users) {
    const existing = await trx.selectFrom('users').select('id').where('id', '=', u.id).executeTakeFirst();
    if (existing) {
      await trx
        .updateTable('users')
        .set({ display_name: u.displayName, role: u.role, center_code: u.centerCode })
        .where('id', '=', u.id)
        .execute();
    } else {
      // The same login id under another id: an account this desktop made before it synced with this
      // server (first-run setup, a demo). Not overwritten: an admin pairs them first (a join).
      const clash = await trx
        .selectFrom('users')
        .select('id')
        .where('login_id', '=', u.loginId)
        .executeTakeFirst();
      if (clash)
        throw new SyncError(
          409,
          'join-needed',
          `This desktop has its own account ${u.loginId}, made before it synced with this server: an admin ` +
            'joins the desktop to the server first (caseworker join --server URL, or Settings › Join a server).',
        );
      await trx
        .insertInto('users')
        .values({
          id: u.id,
          hlc: '000000000000000:00000:server',
          login_id: u.loginId,
          display_name: u.displayName,
          role: u.role,
          center_code: u.centerCode,
          // Not a hash: this person has never signed in on this desktop, so offline sign-in is refused.
          password_hash: 'remote-account',
          locked_until: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
    }
  }
}
