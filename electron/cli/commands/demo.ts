import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { STORE_FILE } from '../../services/store.ts';
import { createDemoStore } from '../../services/demo/demo-store.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { assertPasswordAllowed, passwordProblemText } from '../../services/passwords.ts';
import { CliError, readPassword } from '../password.ts';
import { progressLine } from '../progress.ts';

export interface DemoArgs {
  data: string;
  center: string;
  centerName: string;
  jobseekers: number;
  employers: number;
  seed: number;
  asOf: Date;
}

const DEMO_LOGINS = [
  'admin',
  'supervisor1',
  'counselor1',
  'counselor2',
  'counselor3',
  'counselor4',
  'counselor5',
];

export async function demoCommand(args: DemoArgs): Promise<void> {
  if (existsSync(join(args.data, STORE_FILE))) {
    throw new CliError(`${args.data} already holds a case store; demo data go into a new folder only.`);
  }
  const password = await readPassword();
  // Check the password against every demo login before anything is written.
  for (const loginId of DEMO_LOGINS) {
    try {
      assertPasswordAllowed(password, loginId);
    } catch (e) {
      throw new CliError(e instanceof AppFailure ? passwordProblemText(e.error.message) : String(e));
    }
  }
  const started = Date.now();
  const progress = progressLine();
  const summary = await createDemoStore(args.data, {
    centerCode: args.center,
    centerName: args.centerName,
    sido: '11',
    sigungu: '11680',
    jobseekers: args.jobseekers,
    employers: args.employers,
    seed: args.seed,
    password,
    anchor: args.asOf,
    onProgress: progress.update,
  });
  progress.done();
  console.log(
    `Demo store created in ${args.data} (${((Date.now() - started) / 1000).toFixed(1)} s), center ${args.center}`,
  );
  console.log(`  accounts: ${summary.accounts.join(', ')} (all with the given password)`);
  for (const [key, value] of Object.entries(summary))
    if (key !== 'accounts') console.log(`  ${key}: ${String(value)}`);
}
