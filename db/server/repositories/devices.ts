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
    .updateTable('token_families')
    .set({ revoked_at: now, revoked_reason: 'device-revoked' })
    .where('device_id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: now })
    .where('device_id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function insertTokenFamily(
  db: Db,
  f: { id: string; userId: string; deviceId: string; now: string },
): Promise<void> {
  await db
    .insertInto('token_families')
    .values({
      id: f.id,
      user_id: f.userId,
      device_id: f.deviceId,
      created_at: f.now,
      revoked_at: null,
      revoked_reason: null,
    })
    .execute();
}

export async function getTokenFamily(db: Db, id: string) {
  return db.selectFrom('token_families').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRefreshToken(
  db: Db,
  t: {
    tokenHash: string;
    userId: string;
    deviceId: string;
    familyId: string;
    now: string;
    expiresAt: string;
  },
): Promise<void> {
  await db
    .insertInto('refresh_tokens')
    .values({
      token_hash: t.tokenHash,
      user_id: t.userId,
      device_id: t.deviceId,
      family_id: t.familyId,
      created_at: t.now,
      expires_at: t.expiresAt,
      revoked_at: null,
      used_at: null,
    })
    .execute();
}

export async function findRefreshToken(db: Db, tokenHash: string) {
  return db.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * Consumes a refresh token in one conditional UPDATE: of any number of parallel refreshes with the
 * same token, exactly one gets the row back (PostgreSQL re-checks `used_at is null` after waiting for
 * the first writer's row lock; SQLite runs them one at a time).
 */
export async function consumeRefreshToken(db: Db, t: { tokenHash: string; deviceId: string; now: string }) {
  return db
    .updateTable('refresh_tokens')
    .set({ used_at: t.now })
    .where('token_hash', '=', t.tokenHash)
    .where('device_id', '=', t.deviceId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', t.now)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Whether a family is still live, holding its row until the caller's transaction ends (a no-op UPDATE
 * takes the row lock on PostgreSQL; SQLite's writer runs alone): a revocation of the family waits.
 */
export async function holdLiveFamily(db: Db, id: string): Promise<boolean> {
  const held = await db
    .updateTable('token_families')
    .set((eb) => ({ revoked_at: eb.ref('revoked_at') }))
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(held.numUpdatedRows) === 1;
}

/** Revokes a family and every refresh token in it; answers whether it was still live. */
export async function revokeTokenFamily(db: Db, id: string, now: string, reason: string): Promise<boolean> {
  const done = await db
    .updateTable('token_families')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: now })
    .where('family_id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  return Number(done.numUpdatedRows) > 0;
}

/** Ends every session of an account (a new password, a deactivation). */
export async function revokeUserTokens(db: Db, userId: string, now: string, reason: string): Promise<void> {
  await db
    .updateTable('token_families')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * A shared PC (issue #19): a device belongs to the center of the account that registered it, and any
 * account of that center may sign in on it. Another center's account may not (its data would mix with
 * this center's store), nor may anyone on a revoked device.
 */
export async function deviceServesUser(
  db: Db,
  device: DeviceRow,
  user: { id: string; center_code: string },
): Promise<boolean> {
  if (device.revoked_at) return false;
  if (device.user_id === user.id) return true;
  const owner = await db
    .selectFrom('users')
    .select('center_code')
    .where('id', '=', device.user_id)
    .executeTakeFirst();
  return owner?.center_code === user.center_code;
}
