import { writeFileSync } from 'node:fs';
import { AppFailure } from '../../../shared/contract/result.ts';
import type { ExportFormat, ReportName } from '../../../shared/reports/definitions.ts';
import { exportReport } from '../../services/reports/export.ts';
import { openSignedIn } from '../open-store.ts';
import { CliError } from '../password.ts';

const MESSAGES: Record<string, string> = {
  'reports.validation.purpose': 'An export needs its purpose (--purpose TEXT).',
  'reports.validation.period': '--from must not be after --to.',
  'reports.forbidden.names': 'Only a supervisor may export names and contacts (--with-names).',
  'reports.forbidden.center': 'You may only export reports of your own center.',
  'reports.forbidden.counselor': "A counselor may only export their own caseload's report.",
};

export async function exportCommand(args: {
  data: string;
  user: string;
  report: ReportName;
  format: ExportFormat;
  out: string;
  purpose: string;
  from?: string | undefined;
  to?: string | undefined;
  center?: string | undefined;
  withNames: boolean;
}): Promise<void> {
  if (args.purpose.trim().length < 2) throw new CliError(MESSAGES['reports.validation.purpose'] ?? '');
  const { store, session } = await openSignedIn(args.data, args.user);
  try {
    const { file, bytes } = await exportReport(store.context, session, {
      report: args.report,
      format: args.format,
      purpose: args.purpose,
      withNames: args.withNames,
      from: args.from,
      to: args.to,
      centerCode: args.center,
    });
    writeFileSync(args.out, bytes, { mode: 0o600 });
    console.log(`${args.out}: ${args.report} (${args.format}), ${file.rows} rows`);
  } catch (e) {
    if (e instanceof AppFailure) throw new CliError(MESSAGES[e.error.message] ?? e.error.message);
    throw e;
  } finally {
    await store.close();
  }
}
