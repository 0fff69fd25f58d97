#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError, Option } from 'commander';
import { StoreError } from '../../db/errors.ts';
import { openServerDb } from '../../db/server/connection.ts';
import { isLoopbackHost } from '../../shared/sync/loopback.ts';
import { findServerUserByLogin } from '../../db/server/repositories/accounts.ts';
import { AdminInputError, addCenter, addUser } from '../admin.ts';
import { applyAccountChange, type AccountChange } from '../auth/account-changes.ts';
import { purgeServerAudit, verifyServerAudit } from '../audit-retention.ts';
import { blobStore, type BlobPlace } from '../blobs/store.ts';
import { sweepBlobs } from '../blobs/sweep.ts';
import { DEFAULT_LIMITS } from '../limits.ts';
import {
  DEFAULT_MAX_ATTACHMENT_BYTES,
  MAX_SETTABLE_ATTACHMENT_BYTES,
} from '../../shared/attachments/limits.ts';
import { serve } from '../serve.ts';
import { deleteRecord, restoreRecord } from '../records.ts';

// The server command line (interfaces.md). One-line errors and a non-zero exit on bad input;
// --verbose adds the stack.

const DEFAULT_DB = process.env['DATABASE_URL'] ?? 'sqlite:./data/server.db';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number');
  return n;
}

interface ServeOptions {
  db: string;
  port: number;
  host: string;
  workers: number;
  workersTotal?: number;
  rateLimit: number;
  rateBurst: number;
  maxInFlight: number;
  maxPoolWaiting: number;
  poolSize?: number;
  metricsPort?: number;
  metricsHost: string;
  tlsCert?: string;
  tlsKey?: string;
  trustProxy?: string | true;
  insecureHttp?: boolean;
  blobDir?: string;
  maxAttachmentBytes: number;
}

function readPem(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new AdminInputError(`Cannot read the TLS ${what} file ${file}.`);
  }
}

function readTls(o: ServeOptions): { cert: string; key: string } | null {
  if (!o.tlsCert && !o.tlsKey) return null;
  if (!o.tlsCert || !o.tlsKey) throw new AdminInputError('Give both --tls-cert and --tls-key (PEM files).');
  return { cert: readPem(o.tlsCert, 'certificate'), key: readPem(o.tlsKey, 'key') };
}

/** `--trust-proxy` alone trusts a proxy on this machine; otherwise the addresses or subnets given. */
function proxyAddresses(value: string | true): string[] {
  if (value === true) return ['loopback'];
  const list = value
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  if (list.length === 0) throw new AdminInputError('--trust-proxy takes addresses separated by commas.');
  return list;
}

function count(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} wants a whole number from ${min} to ${max}`);
    return n;
  };
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env['CASEWORKER_PASSWORD'];
  if (fromEnv) return fromEnv;
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  throw new AdminInputError('No password: set CASEWORKER_PASSWORD or pipe it on standard input.');
}

const program = new Command('caseworker-server')
  .description('Caseworker central server')
  // Options after a subcommand belong to it (both the server and `user add` take --db).
  .enablePositionalOptions()
  .addOption(new Option('--db <url>', 'sqlite:FILE or postgres://…').default(DEFAULT_DB))
  .addOption(new Option('--port <n>', 'port').default(8787).argParser(port))
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--tls-cert <file>', 'serve HTTPS with this certificate (PEM, with its chain)')
  .option('--tls-key <file>', "the certificate's private key (PEM)")
  .option(
    '--trust-proxy [addresses]',
    "behind a TLS-terminating reverse proxy: believe X-Forwarded-* from these addresses (comma-separated; default this machine's loopback)",
  )
  .option(
    '--insecure-http',
    'allow plain HTTP on a non-loopback address (passwords cross the network in clear)',
  )
  .addOption(
    new Option('--workers <n>', 'serving processes sharing the port (node:cluster)')
      .default(1)
      .argParser(count('--workers', 1, 256)),
  )
  .addOption(
    new Option(
      '--workers-total <n>',
      'behind a load balancer: serving processes in all (each enforces its share of the rate limits)',
    ).argParser(count('--workers-total', 1, 4096)),
  )
  .addOption(
    new Option('--rate-limit <n>', 'requests per minute per device (429 beyond)')
      .default(DEFAULT_LIMITS.devicePerMinute)
      .argParser(count('--rate-limit', 1, 1_000_000)),
  )
  .addOption(
    new Option('--rate-burst <n>', 'requests a device may send at once')
      .default(DEFAULT_LIMITS.deviceBurst)
      .argParser(count('--rate-burst', 1, 1_000_000)),
  )
  .addOption(
    new Option('--max-in-flight <n>', 'requests handled at once per process (429 beyond)')
      .default(DEFAULT_LIMITS.maxInFlight)
      .argParser(count('--max-in-flight', 1, 100_000)),
  )
  .addOption(
    new Option('--max-pool-waiting <n>', 'requests waiting for a database connection (429 beyond)')
      .default(DEFAULT_LIMITS.maxPoolWaiting)
      .argParser(count('--max-pool-waiting', 1, 100_000)),
  )
  .addOption(
    new Option('--pool-size <n>', 'PostgreSQL connections per process (default 10)').argParser(
      count('--pool-size', 1, 1000),
    ),
  )
  .addOption(new Option('--metrics-port <n>', 'serve GET /metrics (Prometheus) on this port').argParser(port))
  .option('--metrics-host <host>', 'address of the metrics listener', '127.0.0.1')
  .option('--blob-dir <dir>', 'keep attachment files in this folder (default: in the database)')
  .addOption(
    new Option('--max-attachment-bytes <n>', 'the largest attachment file accepted')
      .default(DEFAULT_MAX_ATTACHMENT_BYTES)
      .argParser(count('--max-attachment-bytes', 1, MAX_SETTABLE_ATTACHMENT_BYTES)),
  )
  .option('--verbose', 'print stack traces on errors')
  .configureOutput({ outputError: (str, write) => write(str.split('\n')[0] + '\n') })
  .action(async (o: ServeOptions) => {
    const tls = readTls(o);
    if (!tls && !isLoopbackHost(o.host) && !o.insecureHttp)
      throw new AdminInputError(
        `Refusing plain HTTP on ${o.host}: give --tls-cert and --tls-key, or listen on 127.0.0.1 behind a TLS proxy (--trust-proxy), or add --insecure-http.`,
      );
    if (
      o.metricsPort !== undefined &&
      !isLoopbackHost(o.metricsHost) &&
      !process.env['CASEWORKER_METRICS_TOKEN']
    )
      throw new AdminInputError(
        `Refusing to serve the metrics on ${o.metricsHost} without a token: set CASEWORKER_METRICS_TOKEN, or keep --metrics-host 127.0.0.1.`,
      );
    if (o.workers > 1 && o.db.startsWith('sqlite:'))
      throw new AdminInputError(
        '--workers needs PostgreSQL (--db postgres://…): an SQLite file has one writer at a time.',
      );
    await serve({
      db: o.db,
      port: o.port,
      host: o.host,
      workers: o.workers,
      processes: o.workersTotal ?? o.workers,
      limits: {
        devicePerMinute: o.rateLimit,
        deviceBurst: o.rateBurst,
        maxInFlight: o.maxInFlight,
        maxPoolWaiting: o.maxPoolWaiting,
      },
      poolSize: o.poolSize,
      metricsPort: o.metricsPort,
      metricsHost: o.metricsHost,
      https: tls ?? undefined,
      trustProxy: o.trustProxy ? proxyAddresses(o.trustProxy) : undefined,
      blobs: {
        place: o.blobDir ? { kind: 'folder', dir: path.resolve(o.blobDir) } : { kind: 'database' },
        maxBytes: o.maxAttachmentBytes,
      },
    });
  });

const center = program.command('center').description('manage centers');
center
  .command('add')
  .requiredOption('--db <url>', 'sqlite:FILE or postgres://…')
  .requiredOption('--code <code>', 'center code')
  .requiredOption('--name <name>', 'center name')
  .requiredOption('--region <code>', '시도 (2 digits) or 시군구 (5 digits) code')
  .action(async (o: { db: string; code: string; name: string; region: string }) => {
    const opened = await openServerDb(o.db);
    try {
      await addCenter(opened.db, o, new Date(), opened.dialect);
      console.log(`center ${o.code} added`);
    } finally {
      await opened.close();
    }
  });

const user = program.command('user').description('manage accounts');
user
  .command('add')
  .requiredOption('--db <url>', 'sqlite:FILE or postgres://…')
  .requiredOption('--id <login>', 'login id')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--role <role>', 'counselor | supervisor | admin')
  .requiredOption('--center <code>', 'center code')
  .action(async (o: { db: string; id: string; name: string; role: string; center: string }) => {
    const password = await readPassword();
    const opened = await openServerDb(o.db);
    try {
      await addUser(
        opened.db,
        { loginId: o.id, name: o.name, role: o.role, centerCode: o.center, password },
        new Date(),
      );
      console.log(`user ${o.id} added`);
    } finally {
      await opened.close();
    }
  });

// Account changes by the server's operator (server/auth/account-changes.ts), audited as the
// `server command`. The account is named by its login id.
async function changeUser(dbUrl: string, loginId: string, change: AccountChange): Promise<void> {
  const opened = await openServerDb(dbUrl);
  try {
    const target = await findServerUserByLogin(opened.db, loginId);
    if (!target) throw new AdminInputError(`No account with the login id ${loginId}.`);
    await applyAccountChange(opened.db, { kind: 'command' }, target, change, new Date());
  } finally {
    await opened.close();
  }
}

const DONE: Record<AccountChange['action'], string> = {
  unlock: 'unlocked',
  'reset-password': 'has a new password; its sessions have ended',
  deactivate: 'deactivated; its sessions have ended',
  reactivate: 'reactivated',
  role: 'has a new role',
};

for (const action of ['unlock', 'deactivate', 'reactivate'] as const) {
  user
    .command(action)
    .requiredOption('--db <url>', 'sqlite:FILE or postgres://…')
    .requiredOption('--id <login>', 'login id')
    .action(async (o: { db: string; id: string }) => {
      await changeUser(o.db, o.id, { action });
      console.log(`user ${o.id} ${DONE[action]}`);
    });
}
user
  .command('reset-password')
  .description('new password from CASEWORKER_PASSWORD or standard input')
  .requiredOption('--db <url>', 'sqlite:FILE or postgres://…')
  .requiredOption('--id <login>', 'login id')
  .action(async (o: { db: string; id: string }) => {
    const password = await readPassword();
    await changeUser(o.db, o.id, { action: 'reset-password', password });
    console.log(`user ${o.id} ${DONE['reset-password']}`);
  });
user
  .command('role')
  .requiredOption('--db <url>', 'sqlite:FILE or postgres://…')
  .requiredOption('--id <login>', 'login id')
  .requiredOption('--role <role>', 'counselor | supervisor | admin')
  .action(async (o: { db: string; id: string; role: string }) => {
    await changeUser(o.db, o.id, { action: 'role', role: o.role });
    console.log(`user ${o.id} is now ${o.role}`);
  });

// Real deletes and restores (server/records.ts). Deleting case data in the app is archiving; these are
// for retention expiry and erasure requests, and leave a tombstone without personal data.
function readRecordFile(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AdminInputError(`${file} is not a readable JSON file.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new AdminInputError(`${file} must hold one JSON object of the record's fields.`);
  return parsed as Record<string, unknown>;
}

const record = program.command('record').description('really delete or restore a synced record');
record
  .command('delete')
  .requiredOption('--db <url>', 'sqlite:FILE or postgres://…')
  .requiredOption('--table <table>', 'the record kind, e.g. jobseekers')
  .requiredOption('--id <id>', 'the record id')
  .requiredOption('--reason <text>', 'why (retention expiry, erasure request …); logged on the server')
  .option('--by <name>', 'who runs the command (logged)', 'server-admin')
  .action(async (o: { db: string; table: string; id: string; reason: string; by: string }) => {
    const opened = await openServerDb(o.db);
    try {
      const done = await deleteRecord(
        opened.db,
        opened.dialect,
        { table: o.table, id: o.id, reason: o.reason, actor: o.by },
        new Date(),
      );
      const under = done.rows - 1;
      console.log(
        `deleted ${o.table} ${o.id}${under > 0 ? ` and ${under} record${under === 1 ? '' : 's'} under it` : ''} (tombstones up to seq ${done.seq})`,
      );
    } finally {
      await opened.close();
    }
  });
record
  .command('restore')
  .requiredOption('--db <url>', 'sqlite:FILE or postgres://…')
  .requiredOption('--table <table>', 'the record kind, e.g. jobseekers')
  .requiredOption('--id <id>', 'the record id')
  .requiredOption('--reason <text>', 'why; logged on the server')
  .option('--data <file>', "a JSON object of the record's fields (the server kept no personal data)")
  .option('--by <name>', 'who runs the command (logged)', 'server-admin')
  .action(async (o: { db: string; table: string; id: string; reason: string; data?: string; by: string }) => {
    const data = o.data ? readRecordFile(o.data) : null;
    const opened = await openServerDb(o.db);
    try {
      const done = await restoreRecord(
        opened.db,
        opened.dialect,
        { table: o.table, id: o.id, reason: o.reason, actor: o.by, data },
        new Date(),
      );
      console.log(`restored ${o.table} ${o.id} (seq ${done.seq})`);
    } finally {
      await opened.close();
    }
  });

// The server's copy of the audit trail (server/audit-retention.ts): the retention purge (also run by
// the server at start and daily) and the chain check.
const audit = program.command('audit').description("the server's copy of the audit trail");
audit
  .command('purge')
  .description('remove expired entries (2 years, 3 for account changes, or the center’s settings)')
  .requiredOption('--db <url>', 'sqlite:FILE or postgres://…')
  .action(async (o: { db: string }) => {
    const opened = await openServerDb(o.db);
    try {
      const done = await purgeServerAudit(opened.db, opened.dialect, new Date());
      console.log(
        `purged ${done.purged} expired audit entries (${done.anchors} anchors), ${done.accountAudit} account changes`,
      );
    } finally {
      await opened.close();
    }
  });
audit
  .command('verify')
  .description('check every device’s audit chain')
  .requiredOption('--db <url>', 'sqlite:FILE or postgres://…')
  .action(async (o: { db: string }) => {
    const opened = await openServerDb(o.db);
    try {
      const check = await verifyServerAudit(opened.db);
      if (check.ok) {
        console.log(
          `audit chains intact: ${check.entries} entries, ${check.devices} devices, ${check.gaps} anchored gaps`,
        );
      } else {
        console.log(`audit chain broken at entry ${check.id} of device ${check.deviceId} (${check.reason})`);
        process.exitCode = 3;
      }
    } finally {
      await opened.close();
    }
  });

// Attachment bytes no live row names any more (server/blobs/sweep.ts): also run after each removal and
// daily by the server; here for after a manual change, with the same --blob-dir the server uses.
program
  .command('blobs')
  .description('attachment files')
  .command('sweep')
  .description('drop the bytes of files whose every row was removed or purged (the rows stay)')
  .requiredOption('--db <url>', 'sqlite:FILE or postgres://…')
  .option('--blob-dir <dir>', 'the folder the server keeps attachment files in, if it does')
  .action(async (o: { db: string; blobDir?: string }) => {
    const opened = await openServerDb(o.db);
    try {
      const place: BlobPlace = o.blobDir
        ? { kind: 'folder', dir: path.resolve(o.blobDir) }
        : { kind: 'database' };
      const done = await sweepBlobs(opened.db, opened.dialect, blobStore(opened.db, place));
      console.log(`dropped ${done.files} removed files and ${done.partial} unfinished uploads`);
    } finally {
      await opened.close();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const verbose = process.argv.includes('--verbose');
  console.error(`caseworker-server: ${error instanceof Error ? error.message : String(error)}`);
  if (verbose && error instanceof Error) console.error(error.stack);
  process.exitCode = error instanceof AdminInputError || error instanceof StoreError ? 2 : 1;
}
