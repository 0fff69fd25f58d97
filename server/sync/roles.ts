import type { SyncRow } from '../../db/server/repositories/sync.ts';
import type { SyncCaller } from './rows.ts';

// What a caller may receive besides what their scopes select (domain.md §1, issue 13 "roles
// everywhere"). Admins manage accounts, devices and their center's settings and never see case data:
// of the rows their center's scope holds they receive only the center's settings row. Every read route
// applies this (pull, push results); snapshots, scopes, review items and exits give admins nothing.

/** Tables an admin's desktop receives (its center's, by scope). */
const ADMIN_TABLES: ReadonlySet<string> = new Set(['centers']);

export function isCaseBlind(caller: Pick<SyncCaller, 'role'>): boolean {
  return caller.role === 'admin';
}

/** Whether a row the caller's scopes selected may go out to the caller, given their role. */
export function mayReceive(
  caller: Pick<SyncCaller, 'role' | 'centerCode'>,
  row: Pick<SyncRow, 'table_name' | 'scope_center'>,
): boolean {
  if (isCaseBlind(caller)) return ADMIN_TABLES.has(row.table_name) && row.scope_center === caller.centerCode;
  return true;
}

/**
 * Whether a push result may carry the server's row. An audit entry never needs to come back (it is
 * append-only and the desktop has its own): only the caller's device's own entry does, so a re-sent or
 * forged id hands out nobody else's entry.
 */
export function mayReceiveResult(
  caller: Pick<SyncCaller, 'role' | 'centerCode' | 'deviceId'>,
  row: Pick<SyncRow, 'table_name' | 'scope_center' | 'data'>,
): boolean {
  if (!mayReceive(caller, row)) return false;
  if (row.table_name !== 'audit_entries') return true;
  return (JSON.parse(row.data) as { device_id?: unknown }).device_id === caller.deviceId;
}
