import { getMeta } from '../../../db/repositories/meta.ts';
import type { DesktopStore } from '../store.ts';
import { blobHttp } from './blob-http.ts';
import { BlobSync } from './blobs.ts';
import { SyncClient } from './client.ts';
import type { DesktopSync } from './desktop-sync.ts';
import { SyncScheduler, type Timers } from './scheduler.ts';
import type { SnapshotWriterFactory } from './snapshot-writer.ts';
import { httpTransport } from './transport.ts';

/**
 * Wires sync into an open store when a server is configured, and starts the background loop. The app
 * passes `snapshotWriter` (the store gate's snapshot thread) so downloads never hold the main thread.
 */
export function startDesktopSync(
  store: DesktopStore,
  serverUrl: string,
  snapshotWriter?: SnapshotWriterFactory,
  /** The center's own CA (PEM), trusted besides the public ones (server-trust.ts). */
  ca: string | null = null,
  timers: Timers = { setTimeout, clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
): DesktopSync {
  // Throws InsecureServerError for http:// to another machine, before anything is sent.
  const client = new SyncClient(store.context, httpTransport(serverUrl, { ca }), { snapshotWriter });
  client.blobs = new BlobSync(store.context.db, blobHttp(serverUrl, { ca }), (stale) => client.token(stale));
  const scheduler = new SyncScheduler(
    async () => {
      const counts = await client.syncOnce();
      // The per-scope checksums, when due (after a first download, then hourly): sync/verify.ts.
      await client.verifyIfDue();
      return counts;
    },
    timers,
    store.context.now,
  );
  const sync = { client, scheduler };
  store.context.sync = sync;
  // Every committed local change (any path: the desk, the command line, an import) wakes the loop.
  store.onLocalWrite(() => scheduler.noteWrite());
  scheduler.start();
  return sync;
}

/** The server this desktop syncs with: CASEWORKER_SERVER, else the URL saved in the store, else none. */
export async function configuredServer(store: DesktopStore): Promise<string | null> {
  return process.env['CASEWORKER_SERVER'] ?? (await getMeta(store.db, 'sync.server')) ?? null;
}
