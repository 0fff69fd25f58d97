import { SyncClient } from '../../../electron/services/sync/client.ts';
import type { Rng } from '../../../electron/services/demo/random.ts';
import { openDesktopStore, type DesktopStore } from '../../../electron/services/store.ts';
import { OfflineError } from '../../../electron/services/sync/transport.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { TEST_STORE_KEY } from '../store-key.ts';
import { DeskKilled, type FaultyNetwork } from './fault-transport.ts';

// A simulated desktop (simulation.ts): its real store and sync client on the faulty network, and the two
// ways its process ends: a clean restart, and a kill between its own commits.

export interface Desk {
  name: string;
  dir: string;
  store: DesktopStore;
  client: SyncClient;
  session: SessionInfo;
  skew: number;
}

/** The error of a step that the network or a kill ended: expected, the run goes on. */
export function isExpectedFault(error: unknown): boolean {
  return error instanceof OfflineError || error instanceof DeskKilled;
}

/** A desktop process killed and started again: committed state survives, nothing else. */
export async function restart(desk: Desk, now: () => Date, net: FaultyNetwork): Promise<void> {
  await desk.store.close();
  desk.store = await openDesktopStore(desk.dir, { key: TEST_STORE_KEY, now });
  desk.client = new SyncClient(desk.store.context, net.transportFor(desk.name));
}

/**
 * A desktop process killed between its own commits (not a clean close): at some request of its next
 * sync (before the request leaves, or after the server answered but before anything of the answer was
 * committed, or part-way through a download), or right after a local write. Its store is let go of
 * without closing (no checkpoint, no shutdown of any kind) and the file opened again by a new process.
 */
export async function kill(
  desk: Desk,
  rng: Rng,
  now: () => Date,
  net: FaultyNetwork,
  abandoned: DesktopStore[],
): Promise<void> {
  if (rng.chance(0.75)) {
    net.armKill(desk.name, { request: rng.int(1, 3), after: rng.chance(0.5) });
    try {
      await desk.client.syncOnce();
    } catch (error) {
      if (!isExpectedFault(error)) throw error;
    } finally {
      net.disarmKill(desk.name);
    }
  }
  const dead = desk.store;
  desk.store = await openDesktopStore(desk.dir, { key: TEST_STORE_KEY, now });
  desk.client = new SyncClient(desk.store.context, net.transportFor(desk.name));
  abandoned.push(dead);
}
