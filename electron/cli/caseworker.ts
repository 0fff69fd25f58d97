#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { namedStoreFault, StoreError } from '../../db/errors.ts';
import { auditPurgeCommand, auditVerifyCommand } from './commands/audit.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { statsCommand } from './commands/stats.ts';
import { exportOutboxCommand } from './commands/export-outbox.ts';
import { syncCommand } from './commands/sync.ts';
import { verifyCommand } from './commands/verify.ts';
import { joinCommand } from './commands/join.ts';
import { CliError } from './password.ts';
import {
  EXPORT_FORMATS,
  REPORT_NAMES,
  type ExportFormat,
  type ReportName,
} from '../../shared/reports/definitions.ts';

// The desktop command line (interfaces.md). Every failure is one line on stderr and a non-zero exit;
// --verbose adds the stack for IT staff.

function positiveInt(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > max)
      throw new InvalidArgumentError(`expected a whole number from 0 to ${max}`);
    return n;
  };
}

function isoDate(value: string): Date {
  const d = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()))
    throw new InvalidArgumentError('expected YYYY-MM-DD');
  return d;
}

function centerCode(value: string): string {
  if (!/^[A-Z0-9]{2,12}$/.test(value))
    throw new InvalidArgumentError('expected 2 to 12 capital letters or digits');
  return value;
}

const program = new Command('caseworker')
  .description('Caseworker desktop store tools')
  .option('--verbose', 'print stack traces on errors')
  .showHelpAfterError(false)
  .configureOutput({ outputError: (str, write) => write(str.split('\n')[0] + '\n') });

program
  .command('demo')
  .description(
    'create a new store filled with reproducible demo data (password from CASEWORKER_PASSWORD or stdin)',
  )
  .requiredOption('--data <dir>', 'the store folder (must not hold a store yet)')
  .addOption(new Option('--center <code>', 'center code').default('DEMO').argParser(centerCode))
  .option('--center-name <name>', 'center name', '서울강남고용센터')
  .addOption(
    new Option('--jobseekers <n>', 'jobseekers to make').default(2000).argParser(positiveInt(1_000_000)),
  )
  .addOption(new Option('--employers <n>', 'employers to make').default(300).argParser(positiveInt(200_000)))
  .addOption(new Option('--seed <s>', 'random seed').default(1).argParser(positiveInt(2 ** 31)))
  .addOption(new Option('--as-of <date>', 'the day the data are as of (default today)').argParser(isoDate))
  .action(
    async (o: {
      data: string;
      center: string;
      centerName: string;
      jobseekers: number;
      employers: number;
      seed: number;
      asOf?: Date;
    }) => {
      await demoCommand({ ...o, asOf: o.asOf ?? new Date() });
    },
  );

program
  .command('stats')
  .description('print counts of each record kind')
  .requiredOption('--data <dir>', 'the store folder')
  .requiredOption('--user <id>', 'login id (password from CASEWORKER_PASSWORD or stdin)')
  .option('--json', 'one JSON object')
  .action(async (o: { data: string; user: string; json?: boolean }) => {
    await statsCommand({ data: o.data, user: o.user, json: o.json ?? false });
  });

function day(value: string): string {
  isoDate(value);
  return value;
}

program
  .command('export')
  .description('export a report as XLSX, CSV or PDF (audited; password from CASEWORKER_PASSWORD or stdin)')
  .requiredOption('--data <dir>', 'the store folder')
  .requiredOption('--user <id>', 'login id')
  .addOption(new Option('--report <name>', 'the report').choices(REPORT_NAMES).makeOptionMandatory())
  .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).makeOptionMandatory())
  .requiredOption('--out <file>', 'the file to write')
  .requiredOption('--purpose <text>', 'why the export is made (goes into the audit log)')
  .addOption(new Option('--from <date>', 'first day of the period (YYYY-MM-DD)').argParser(day))
  .addOption(new Option('--to <date>', 'last day of the period (YYYY-MM-DD)').argParser(day))
  .addOption(new Option('--center <code>', 'center code (your own)').argParser(centerCode))
  .option('--with-names', 'include names and contacts (supervisors only)')
  .action(
    async (o: {
      data: string;
      user: string;
      report: ReportName;
      format: ExportFormat;
      out: string;
      purpose: string;
      from?: string;
      to?: string;
      center?: string;
      withNames?: boolean;
    }) => {
      await exportCommand({ ...o, withNames: o.withNames ?? false });
    },
  );

program
  .command('sync')
  .description(
    'sign in to the server, push and pull until both are empty (password from CASEWORKER_PASSWORD or stdin)',
  )
  .requiredOption('--data <dir>', 'the store folder (created if new)')
  .option('--server <url>', 'the server, e.g. https://caseworker.example.kr')
  .requiredOption('--user <id>', 'login id')
  .option('--ca <file>', "trust this certificate authority (PEM), the center's own, besides the public ones")
  .option(
    '--export-outbox <file>',
    'instead of syncing: write every unsent change (pending and refused) to FILE for a supervisor',
  )
  .option('--purpose <text>', 'why the outbox is exported (audited)', 'outbox export for a supervisor')
  .action(
    async (o: {
      data: string;
      server?: string;
      user: string;
      ca?: string;
      exportOutbox?: string;
      purpose: string;
    }) => {
      // Exporting works without the server (a revoked or offline device); syncing needs it.
      if (o.exportOutbox !== undefined) {
        await exportOutboxCommand({ data: o.data, user: o.user, file: o.exportOutbox, purpose: o.purpose });
        return;
      }
      if (o.server === undefined) throw new CliError("required option '--server <url>' not specified");
      await syncCommand({ data: o.data, server: o.server, user: o.user, ca: o.ca ?? null });
    },
  );

program
  .command('join')
  .description(
    'join a desktop that started without a server to one: pairs its accounts by login id, pushes its records (server admin password from CASEWORKER_PASSWORD or stdin)',
  )
  .requiredOption('--data <dir>', 'the store folder (an existing store)')
  .requiredOption('--server <url>', 'the server, e.g. https://caseworker.example.kr')
  .requiredOption('--user <id>', "an admin of the server's center")
  .option(
    '--local-user <id>',
    'the local admin who opens the store (default: --user; password CASEWORKER_LOCAL_PASSWORD, else the same)',
  )
  .option('--ca <file>', "trust this certificate authority (PEM), the center's own, besides the public ones")
  .option('--yes', 'join without asking (the pairs are still printed)')
  .action(
    async (o: {
      data: string;
      server: string;
      user: string;
      localUser?: string;
      ca?: string;
      yes?: boolean;
    }) => {
      await joinCommand({
        data: o.data,
        server: o.server,
        user: o.user,
        localUser: o.localUser ?? null,
        ca: o.ca ?? null,
        yes: o.yes ?? false,
      });
    },
  );

program
  .command('verify')
  .argument('<code>', 'the code printed on the certificate or 알선장 (dashes and case do not matter)')
  .description(
    'is a competency certificate or 알선장 code genuine: for whom (masked), issued when, revoked or not (audited; exit 1 if not genuine or revoked)',
  )
  .requiredOption('--data <dir>', 'the store folder')
  .requiredOption('--user <id>', 'login id (password from CASEWORKER_PASSWORD or stdin)')
  .option('--json', 'one JSON object')
  .action(async (code: string, o: { data: string; user: string; json?: boolean }) => {
    await verifyCommand({ data: o.data, user: o.user, code, json: o.json ?? false });
  });

const audit = program
  .command('audit')
  .description('the audit trail: check its hash chain, purge expired entries');

audit
  .command('verify')
  .description(
    "check the audit trail's hash chain; prints the first broken link and exits 1 if there is one (supervisors, admins)",
  )
  .requiredOption('--data <dir>', 'the store folder')
  .requiredOption('--user <id>', 'login id (password from CASEWORKER_PASSWORD or stdin)')
  .option('--json', 'one JSON object')
  .action(async (o: { data: string; user: string; json?: boolean }) => {
    await auditVerifyCommand({ data: o.data, user: o.user, json: o.json ?? false });
  });

audit
  .command('purge')
  .description('remove audit entries past their retention now (it also runs daily in the app)')
  .requiredOption('--data <dir>', 'the store folder')
  .requiredOption('--user <id>', 'login id (password from CASEWORKER_PASSWORD or stdin)')
  .action(async (o: { data: string; user: string }) => {
    await auditPurgeCommand(o);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const verbose = program.opts<{ verbose?: boolean }>().verbose ?? process.argv.includes('--verbose');
  // A full or failing disk is said as such, wherever it surfaced (the store, the key file).
  const shown = namedStoreFault(error) ?? error;
  const known = shown instanceof CliError || shown instanceof StoreError;
  console.error(`caseworker: ${shown instanceof Error ? shown.message : String(shown)}`);
  if (verbose && error instanceof Error) console.error(error.stack);
  process.exitCode = known ? 2 : 1;
}
