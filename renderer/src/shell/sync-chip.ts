import type { SyncStatus } from '../../../shared/contract/sync.ts';

// What the sync chip says, from the status alone (SyncStatusChip.tsx renders it). A fault with a name
// (this PC's disk is full or failing, the server's database is down) is said as such instead of a bare
// "offline", so the counselor knows whose problem it is and that nothing is lost.

export type ChipState = 'local' | 'online' | 'offline' | 'disk-full' | 'store-io' | 'server-unavailable';

export function chipState(status: SyncStatus): ChipState {
  if (!status.configured) return 'local';
  if (status.lastErrorCode === 'disk-full') return 'disk-full';
  if (status.lastErrorCode === 'store-io-error') return 'store-io';
  if (status.online) return 'online';
  if (status.lastErrorCode === 'database-unavailable') return 'server-unavailable';
  return 'offline';
}

/** The chip's message key (the `sync` texts of renderer/src/i18n) for a state. */
export const CHIP_LABEL: Record<ChipState, string> = {
  local: 'sync.localOnly',
  online: 'sync.online',
  offline: 'sync.offline',
  'disk-full': 'sync.diskFull',
  'store-io': 'sync.storeIo',
  'server-unavailable': 'sync.serverUnavailable',
};

/** The explanation shown in the sync dialog for a named fault; null for the ordinary states. */
export const CHIP_HELP: Record<ChipState, string | null> = {
  local: null,
  online: null,
  offline: null,
  'disk-full': 'sync.diskFullHelp',
  'store-io': 'sync.storeIoHelp',
  'server-unavailable': 'sync.serverUnavailableHelp',
};

/** A fault on this PC is a problem to look at (the chip is marked), not just a wait. */
export function isLocalFault(state: ChipState): boolean {
  return state === 'disk-full' || state === 'store-io';
}
