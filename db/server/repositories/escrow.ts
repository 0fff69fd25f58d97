import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DeviceEscrowTable, ServerDatabase } from '../schema.ts';

// The server's half of each device's store-key escrow (migration 0009; server/README.md § Shared PCs).

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;
export type EscrowRow = Selectable<DeviceEscrowTable>;

export async function getEscrow(db: Db, deviceId: string): Promise<EscrowRow | undefined> {
  return db.selectFrom('device_escrow').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
}

/** Records a device's escrow; false when the device already has one (never replaced silently). */
export async function insertEscrow(
  db: Db,
  e: { deviceId: string; centerCode: string; publicKey: string; secret: string; by: string; now: string },
): Promise<boolean> {
  const done = await db
    .insertInto('device_escrow')
    .values({
      device_id: e.deviceId,
      center_code: e.centerCode,
      public_key: e.publicKey,
      secret: e.secret,
      enrolled_by: e.by,
      enrolled_at: e.now,
      last_released_at: null,
    })
    .onConflict((oc) => oc.column('device_id').doNothing())
    .executeTakeFirst();
  return Number(done.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function noteRelease(db: Db, deviceId: string, now: string): Promise<void> {
  await db
    .updateTable('device_escrow')
    .set((eb) => ({ last_released_at: now, releases: eb('releases', '+', 1) }))
    .where('device_id', '=', deviceId)
    .execute();
}
