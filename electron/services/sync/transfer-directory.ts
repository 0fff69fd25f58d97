import { ZodError } from 'zod';
import type { CaseDb } from '../../../db/connection.ts';
import { getMeta, setMeta } from '../../../db/repositories/meta.ts';
import {
  TRANSFER_DIRECTORY_PATH,
  transferDirectorySchema,
  type TransferDirectory,
} from '../../../shared/sync/transfer-directory.ts';
import type { AuthedGet } from './lifecycle.ts';

// The server's list of centers and, for a supervisor, the transfer requests sent from its center
// (server/sync/transfer-routes.ts), fetched after each sync and kept in meta: the transfer dialog offers
// every center the server knows and the outgoing list shows the sending center's requests, offline too,
// as of the last sync (`fetchedAt`).

const KEY = 'transfers.directory';

export interface KeptDirectory extends TransferDirectory {
  fetchedAt: string;
}

/**
 * Fetches and keeps the directory. A server without the route (an older one: 404) or an answer of
 * another shape keeps the last list; a network failure fails the sync like any of its requests.
 */
export async function refreshTransferDirectory(
  db: CaseDb,
  get: AuthedGet,
  now: () => Date,
): Promise<boolean> {
  let answer: TransferDirectory;
  try {
    answer = transferDirectorySchema.parse(await get(TRANSFER_DIRECTORY_PATH));
  } catch (error) {
    // SyncError by name: client.ts imports this file.
    const notHere =
      error instanceof Error && error.name === 'SyncError' && (error as { status?: number }).status === 404;
    if (notHere || error instanceof ZodError) return false;
    throw error;
  }
  await setMeta(db, KEY, JSON.stringify({ ...answer, fetchedAt: now().toISOString() }));
  return true;
}

export async function keptTransferDirectory(db: CaseDb): Promise<KeptDirectory | null> {
  const text = await getMeta(db, KEY);
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as { fetchedAt?: unknown };
    const parsed = transferDirectorySchema.parse(raw);
    return { ...parsed, fetchedAt: typeof raw.fetchedAt === 'string' ? raw.fetchedAt : '' };
  } catch {
    return null;
  }
}
