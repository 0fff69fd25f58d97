import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DeviceTable, ServerDatabase } from '../schema.ts';

// Registered desktops and their refresh tokens (stored as SHA-256 hashes only).

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;
export type DeviceRow = Selectable<DeviceTable>;

export async function getDevice(db: Db, id: string): Promise<DeviceRow | undefined> {
  return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Registers a device for a user, or refreshes its last-seen time if it is already theirs. */
export async function upsertDevice(
  db: Db,
  d: { id: string; userId: string; name: string; now: string },
): Promise<DeviceRow> {
  const existing = await getDevice(db, d.id);
  if (!existing) {
    await db
      .insertInto('devices')
      .values({
        id: d.id,
        user_id: d.userId,
        name: d.name,
        registered_at: d.now,
        last_seen_at: d.now,
        revoked_at: null,
      })
      .execute();
  } else {
    await db.updateTable('devices').set({ last_seen_at: d.now }).where('id', '=', d.id).execute();
  }
  const row = await getDevice(db, d.id);
  if (!row) throw new Error('device vanished');
  return row;
}

export async function revokeDevice(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('devices').set({ revoked_at: now }).where('id', '=', id).execute();
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: now })
    .where('device_id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function insertRefreshToken(
  db: Db,
  t: { tokenHash: string; userId: string; deviceId: string; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('refresh_tokens')
    .values({
      token_hash: t.tokenHash,
      user_id: t.userId,
      device_id: t.deviceId,
      created_at: t.now,
      expires_at: t.expiresAt,
      revoked_at: null,
    })
    .execute();
}

export async function findRefreshToken(db: Db, tokenHash: string) {
  return db.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function revokeRefreshToken(db: Db, tokenHash: string, now: string): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: now })
    .where('token_hash', '=', tokenHash)
    .execute();
}
