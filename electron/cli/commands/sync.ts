import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { setMeta } from '../../../db/repositories/meta.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { CA_FILE_KEY } from '../../services/server-trust.ts';
import { KeyringError, NO_OS_KEYRING } from '../../services/keyring.ts';
import { StoreGate } from '../../services/store-gate.ts';
import { StoreError } from '../../services/store.ts';
import { SyncClient, SyncError } from '../../services/sync/client.ts';
import {
  checkServerUrl,
  httpTransport,
  InsecureServerError,
  OfflineError,
  readCaFile,
} from '../../services/sync/transport.ts';
import { CliError, readPassword } from '../password.ts';

// `caseworker sync`: signs in to the server as the user (creating the local store on a new folder),
// pushes and pulls until both are empty, and prints what moved.

export async function syncCommand(args: {
  data: string;
  server: string;
  user: string;
  ca: string | null;
}): Promise<void> {
  // Refused before the password is even read: http:// off this machine, a CA file that is no PEM.
  let url: URL;
  let ca: string | null = null;
  try {
    url = checkServerUrl(args.server);
    if (args.ca !== null) ca = readCaFile(args.ca);
  } catch (error) {
    if (error instanceof InsecureServerError || error instanceof OfflineError)
      throw new CliError(error.message);
    throw error;
  }
  const password = await readPassword();
  // On a new folder the sign-in creates the store (its key wrapped for this account); on an existing
  // one the password must unlock it first.
  const gate = new StoreGate({
    dataDir: args.data,
    protector: NO_OS_KEYRING,
    serverUrl: url.toString(),
    transport: (server) => httpTransport(server, { ca }),
  });
  try {
    await gate.unlockFor(args.user, password);
    const store = gate.store;
    if (!store) throw new CliError(`The case store in ${args.data} could not be opened.`);
    // A first download's batches are parsed and written on a thread of their own while this one reads
    // the network (sync/snapshot-thread.ts).
    const client = new SyncClient(store.context, httpTransport(url.toString(), { ca }), {
      snapshotWriter: () => gate.snapshotWriter(),
    });
    const user = await client.signIn(args.user, password, hostname());
    if (!gate.knows(args.user)) await gate.rememberPassword(args.user, user.id, password);
    gate.keep();
    // Remembered, so the desktop app syncs with the same server from now on (and can sign in online
    // before its store is open).
    gate.saveServerUrl(url.toString());
    // Shared PCs: the store key goes into escrow once, so the center's other accounts can open it.
    await gate.ensureEscrow();
    await setMeta(store.db, 'sync.server', url.toString());
    // The CA given here is remembered too (the app's Settings › this PC shows and changes it).
    if (args.ca !== null) await setMeta(store.db, CA_FILE_KEY, resolve(args.ca));
    const counts = await client.syncOnce();
    console.log(
      `pushed ${counts.pushed}, pulled ${counts.pulled}, refused ${counts.refused}, review ${counts.review}`,
    );
    // The checks after catch-up (a first download's, then hourly): a copy that still differs from the
    // server after downloading it again is said once, here and in the desk's sync status.
    const checked = await client.verifyIfDue();
    if (checked && checked.mismatched.length > 0)
      console.log(`differs from the server after downloading again: ${checked.mismatched.join(', ')}`);
  } catch (error) {
    await gate.discardIfFresh();
    if (error instanceof SyncError || error instanceof OfflineError) throw new CliError(error.message);
    if (error instanceof AppFailure)
      throw new CliError(CLI_MESSAGES[error.error.message] ?? error.error.message);
    if (error instanceof StoreError || error instanceof KeyringError) throw new CliError(error.message);
    throw error;
  } finally {
    await gate.close();
  }
}

const CLI_MESSAGES: Record<string, string> = {
  'auth.wrongCredentials': 'Wrong login id or password.',
  'auth.wrongCredentialsOrLocked':
    'Wrong login id or password, or the account is locked after five failed sign-ins: try again in 30 minutes or ask your supervisor to unlock it.',
  'auth.locked': 'The account is locked after five failed sign-ins; try again in 30 minutes or ask an admin.',
  'escrow.deviceRevoked':
    "This PC has been revoked: the server no longer releases its store key. Ask your center's admin.",
  'escrow.otherCenter': "This PC belongs to another center: sign in on one of your own center's PCs.",
  'escrow.refused':
    "The server refused this PC's store key (another center's PC, or none in escrow): ask your center's admin.",
};
