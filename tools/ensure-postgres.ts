import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { parseClusters, planPostgres } from './postgres-plan.ts';

// Run before the integration tests (`npm test`, `npm run test:integration`): the server tests need
// PostgreSQL at CASEWORKER_TEST_PG (default postgres://postgres@127.0.0.1:5432/test). Where Debian's
// cluster on that port is installed but down, start it when run as root (printing the command), or
// stop at once with the command to run; a machine without PostgreSQL is told what the tests need.
// Test-only overrides: CASEWORKER_ENSURE_UID (act as that user id) and CASEWORKER_PG_LSCLUSTERS (the
// pg_lsclusters output to use, "none" for a machine without postgresql-common) and
// CASEWORKER_PG_CTLCLUSTER (the pg_ctlcluster to call).

const url = process.env['CASEWORKER_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function answers(): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function clusters(): ReturnType<typeof parseClusters> | null {
  const override = process.env['CASEWORKER_PG_LSCLUSTERS'];
  if (override !== undefined) return override === 'none' ? null : parseClusters(override);
  const run = spawnSync('pg_lsclusters', ['-h'], { encoding: 'utf8' });
  return run.status === 0 ? parseClusters(run.stdout) : null;
}

const shown = url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@'); // never print a password
const error = await answers();
const uidOverride = process.env['CASEWORKER_ENSURE_UID'];
const plan = planPostgres({
  url: shown,
  reachable: error === null,
  error: error ?? '',
  clusters: error === null ? [] : clusters(),
  uid: uidOverride !== undefined ? Number(uidOverride) : (process.getuid?.() ?? -1),
});

if (plan.action === 'stop') {
  console.error(`ensure-postgres: ${plan.message}`);
  process.exit(1);
}
if (plan.action === 'start') {
  console.log(
    `ensure-postgres: PostgreSQL does not answer at ${shown}; starting its cluster (running as root)`,
  );
  console.log(`ensure-postgres: $ ${plan.command.join(' ')}`);
  const [name = '', ...args] = plan.command;
  const command = process.env['CASEWORKER_PG_CTLCLUSTER'] ?? name;
  const run = spawnSync(command, args, { stdio: 'inherit' });
  const after = run.status === 0 ? await answers() : (run.error?.message ?? `exit ${run.status}`);
  if (after !== null) {
    console.error(`ensure-postgres: PostgreSQL still does not answer at ${shown} (${after})`);
    process.exit(1);
  }
  console.log('ensure-postgres: PostgreSQL started');
}
