import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { getMeta, setMeta } from './meta.ts';

// How far this desktop's clock is from the server's (sync.md § Clocks: "the desktop corrects its clock
// offset from [the server time] instead of failing"). Learnt from every server answer, kept in the store
// so a restart keeps it, and added to the local clock for every new HLC (outbox.ts `nextHlc`).

type Db = Kysely<Database> | Transaction<Database>;

const OFFSET_KEY = 'sync.clockOffsetMs';

/** Server time minus local time, in milliseconds (0 until the first answer from a server). */
export async function getClockOffset(db: Db): Promise<number> {
  const stored = Number(await getMeta(db, OFFSET_KEY));
  return Number.isFinite(stored) ? stored : 0;
}

/**
 * Records the offset from a server time seen now (`localMs`). Changes under a second are not written:
 * they are the network's delay, not the clock's error.
 */
export async function learnClockOffset(db: Db, serverTime: string, localMs: number): Promise<void> {
  const server = Date.parse(serverTime);
  if (!Number.isFinite(server)) return;
  const offset = server - localMs;
  if (Math.abs(offset - (await getClockOffset(db))) < 1000) return;
  await setMeta(db, OFFSET_KEY, String(offset));
}
