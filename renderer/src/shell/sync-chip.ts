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

/**
 * The chip's colour: synced (ok), a sync under way, offline (or no server), a fault on this PC or a
 * revoked device (error), and changes someone must look at (conflict: refused changes, open reviews).
 */
export type ChipTone = 'ok' | 'syncing' | 'offline' | 'error' | 'conflict';

export function chipTone(status: SyncStatus, state: ChipState, problems: number): ChipTone {
  if (status.revoked || isLocalFault(state)) return 'error';
  if (problems > 0) return 'conflict';
  if (status.running && status.configured) return 'syncing';
  return state === 'online' ? 'ok' : 'offline';
}

/**
 * The chip sits on the app bar's dark blue. It is drawn opaque (a translucent chip is measured by axe
 * against whatever scrolls behind the fixed bar) and light, its words and icon in a dark tone of its
 * state that reaches WCAG AA (4.5:1) on the chip at rest, hovered and focused (tests/unit/renderer/
 * sync-chip.test.ts); the chip itself stands out from the bar by more than 3:1.
 */
export const CHIP_BACKGROUND = '#ffffff';
export const CHIP_BACKGROUND_HOVER = '#e3eaf3';
export const CHIP_TEXT: Record<ChipTone, string> = {
  ok: '#1e5a22',
  syncing: '#01579b',
  offline: '#37414d',
  error: '#a1221b',
  conflict: '#8a4200',
};
