import { hostname } from 'node:os';
import { setMeta } from '../../../db/repositories/meta.ts';
import { openDesktopStore } from '../../services/store.ts';
import { SyncClient, SyncError } from '../../services/sync/client.ts';
import { httpTransport, OfflineError } from '../../services/sync/transport.ts';
import { CliError, readPassword } from '../password.ts';

// `caseworker sync`: signs in to the server as the user (creating the local store on a new folder),
// pushes and pulls until both are empty, and prints what moved.

export async function syncCommand(args: { data: string; server: string; user: string }): Promise<void> {
  let url: URL;
  try {
    url = new URL(args.server);
  } catch {
    throw new CliError(`Not a server URL: ${args.server}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CliError('The server URL must start with https:// (or http:// on this machine).');
  const password = await readPassword();
  const store = await openDesktopStore(args.data);
  try {
    const client = new SyncClient(store.context, httpTransport(url.toString()));
    await client.signIn(args.user, password, hostname());
    // Remembered, so the desktop app syncs with the same server from now on.
    await setMeta(store.db, 'sync.server', url.toString());
    const counts = await client.syncOnce();
    console.log(
      `pushed ${counts.pushed}, pulled ${counts.pulled}, refused ${counts.refused}, review ${counts.review}`,
    );
  } catch (error) {
    if (error instanceof SyncError || error instanceof OfflineError) throw new CliError(error.message);
    throw error;
  } finally {
    await store.close();
  }
}
