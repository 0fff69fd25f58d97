import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DeviceClockFlagTable, ServerDatabase } from '../schema.ts';

// SQL of device clock flags (migration 0007): a device whose HLC was more than an hour ahead of the
// server's time, so the server re-stamped it. One row per device, updated at each such push.

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;
export type ClockFlagRow = Selectable<DeviceClockFlagTable>;

export async function flagDeviceClock(
  db: Db,
  f: {
    deviceId: string;
    userId: string;
    centerCode: string;
    at: string;
    leadMs: number;
    hlc: string;
    times: number;
  },
): Promise<void> {
  await db
    .insertInto('device_clock_flags')
    .values({
      device_id: f.deviceId,
      user_id: f.userId,
      center_code: f.centerCode,
      first_at: f.at,
      last_at: f.at,
      times: f.times,
      max_lead_ms: f.leadMs,
      last_hlc: f.hlc,
    })
    .onConflict((oc) =>
      oc.column('device_id').doUpdateSet({
        user_id: f.userId,
        center_code: f.centerCode,
        last_at: f.at,
        times: sql<number>`device_clock_flags.times + ${f.times}`,
        max_lead_ms: sql<number>`case when device_clock_flags.max_lead_ms > ${f.leadMs} then device_clock_flags.max_lead_ms else ${f.leadMs} end`,
        last_hlc: f.hlc,
      }),
    )
    .execute();
}

/** The flags of a center's devices, most recent first, with the device's name and its account's. */
export async function clockFlagsOf(
  db: Db,
  centerCode: string,
): Promise<Array<ClockFlagRow & { device_name: string | null; display_name: string | null }>> {
  return db
    .selectFrom('device_clock_flags as f')
    .leftJoin('devices as d', 'd.id', 'f.device_id')
    .leftJoin('users as u', 'u.id', 'f.user_id')
    .selectAll('f')
    .select(['d.name as device_name', 'u.display_name'])
    .where('f.center_code', '=', centerCode)
    .orderBy('f.last_at', 'desc')
    .execute();
}
