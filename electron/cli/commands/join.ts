import { hostname } from 'node:os';
import { createInterface } from 'node:readline';
import { AppFailure } from '../../../shared/contract/result.ts';
import { login } from '../../services/auth.ts';
import { JoinRefused, joinServer } from '../../services/join/join.ts';
import type { JoinPlan } from '../../services/join/plan.ts';
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

// `caseworker join`: a desktop that started without a server (first-run setup, `caseworker demo`) joins
// one (electron/services/join/). The server admin's password comes from CASEWORKER_PASSWORD or standard
// input; the local store is opened by the local admin `--local-user` (the same login id by default) with
// CASEWORKER_LOCAL_PASSWORD, or the same password. Prints the pairs, asks (or takes --yes), then pushes.

export interface JoinArgs {
  data: string;
  server: string;
  user: string;
  localUser: string | null;
  ca: string | null;
  yes: boolean;
}

export function describePlan(plan: JoinPlan): string[] {
  const lines = [
    `server center ${plan.serverCenter.code}; this desktop's center ${plan.localCenter.code}`,
    'paired by login id (local role -> server role, records written here):',
  ];
  for (const p of plan.pairs)
    lines.push(
      `  ${p.loginId.padEnd(16)} ${p.localRole} -> ${p.serverRole}${p.serverActive ? '' : ' (inactive)'}, ${p.records} records`,
    );
  if (plan.localOnly.length > 0) {
    lines.push(
      'only on this desktop (create on the server, or retire: they cannot sign in through the server):',
    );
    for (const l of plan.localOnly) lines.push(`  ${l.loginId.padEnd(16)} ${l.role}, ${l.records} records`);
  }
  if (plan.serverOnly.length > 0) {
    lines.push('only on the server (they arrive with the first pull):');
    for (const s of plan.serverOnly) lines.push(`  ${s.loginId.padEnd(16)} ${s.role}`);
  }
  return lines;
}

async function askYes(question: string): Promise<boolean> {
  process.stderr.write(question);
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return /^(y|yes|예|네)$/i.test(line.trim());
  }
  return false;
}

export async function joinCommand(args: JoinArgs): Promise<void> {
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
  const localPassword = process.env['CASEWORKER_LOCAL_PASSWORD'] || password;
  const localUser = args.localUser ?? args.user;
  const gate = new StoreGate({
    dataDir: args.data,
    protector: NO_OS_KEYRING,
    serverUrl: url.toString(),
    transport: (server) => httpTransport(server, { ca }),
  });
  try {
    if (gate.state() === 'needs-setup')
      throw new CliError(`No case store in ${args.data}: there is nothing to join (use caseworker sync).`);
    await gate.unlockFor(localUser, localPassword);
    const store = gate.store;
    if (!store) throw new CliError(`The case store in ${args.data} could not be opened.`);
    const session = await login(store.context, localUser, localPassword);
    if (session.role !== 'admin')
      throw new CliError(`--local-user: ${localUser} is a ${session.role} here; a join is done by an admin.`);
    const client = new SyncClient(store.context, httpTransport(url.toString(), { ca }), {
      snapshotWriter: () => gate.snapshotWriter(),
    });
    const outcome = await joinServer(
      store.context,
      client,
      url.toString(),
      { loginId: args.user, password, deviceName: hostname() },
      async (plan) => {
        for (const line of describePlan(plan)) console.log(line);
        if (args.yes) return true;
        if (!process.stdin.isTTY) return false;
        return askYes(`Join ${args.data} to ${url.toString()} with these pairs? [y/N] `);
      },
    );
    if (outcome.plan.problems.length > 0) {
      for (const line of describePlan(outcome.plan)) console.log(line);
      for (const p of outcome.plan.problems) console.log(`cannot join: ${p}`);
      throw new CliError(
        `The join cannot go ahead (${outcome.plan.problems.length} problem(s) above); nothing was changed.`,
      );
    }
    if (!outcome.counts)
      throw new CliError(
        'Nothing changed: the pairs above were not confirmed; run it again with --yes (or in a terminal) to join.',
      );
    gate.saveServerUrl(url.toString());
    await gate.ensureEscrow();
    const c = outcome.counts;
    if (outcome.applied)
      console.log(
        `joined ${url.toString()}: ${outcome.applied.queued} records queued; ` +
          `${outcome.applied.keptLocal} audit entries made before the join stay in this PC's trail`,
      );
    else console.log(`already joined ${url.toString()}: sending what was left`);
    console.log(`pushed ${c.pushed}, pulled ${c.pulled}, refused ${c.refused}, review ${c.review}`);
    if (c.refused > 0)
      console.log(
        'refused changes stay on this PC with the reason: see them in the app, or write them out with ' +
          'caseworker sync --export-outbox FILE for a supervisor',
      );
  } catch (error) {
    if (error instanceof JoinRefused || error instanceof SyncError || error instanceof OfflineError)
      throw new CliError(error.message);
    if (error instanceof AppFailure)
      throw new CliError(JOIN_MESSAGES[error.error.message] ?? error.error.message);
    if (error instanceof StoreError || error instanceof KeyringError) throw new CliError(error.message);
    throw error;
  } finally {
    await gate.close();
  }
}

const JOIN_MESSAGES: Record<string, string> = {
  'auth.wrongCredentials': 'Wrong local login id or password (the store is opened by the local admin).',
  'auth.locked': 'The local account is locked after five failed sign-ins; try again in 30 minutes.',
};
